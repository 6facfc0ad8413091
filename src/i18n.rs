//! Message catalogues: every sentence samrad says comes from `locales/{nb,sv,en}/*.ftl`
//! (Fluent), so plural rules ("1 svar" / "3 svar") and word order stay with the translators.
//! The language itself is a domain value (`domain::lang::Lang`); this module turns it into
//! sentences.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{static_loader, LanguageIdentifier, Loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Bidi isolation marks around arguments confuse Discord's rendering of mentions.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The catalogues take the domain's language; `Lang` is part of this module's interface.
pub use crate::domain::lang::Lang;

/// The Fluent identifier of a language.
fn language_id(lang: Lang) -> LanguageIdentifier {
    lang.code().parse().expect("static language codes parse")
}

/// An argument to a message.
pub enum Arg {
    Str(String),
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}
macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Num(n as f64)
            }
        }
    )*};
}
num_arg!(u32, u64, usize, i32, i64, f64);

/// Looks up `id` in `lang`. A missing id yields the id itself, so a gap is visible, never a panic
/// (and the catalogue test fails CI on any gap).
pub fn text(lang: Lang, id: &str, args: Vec<(&'static str, Arg)>) -> String {
    if args.is_empty() {
        return LOCALES.lookup(&language_id(lang), id);
    }
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .into_iter()
        .map(|(k, v)| {
            let v = match v {
                Arg::Str(s) => FluentValue::from(s),
                Arg::Num(n) => FluentValue::from(n),
            };
            (Cow::Borrowed(k), v)
        })
        .collect();
    LOCALES.lookup_with_args(&language_id(lang), id, &args)
}

/// Whether `id` exists in `lang` itself (no fallback). Used by the catalogue tests.
pub fn has(lang: Lang, id: &str) -> bool {
    LOCALES.lookup_no_default_fallback::<&str>(&language_id(lang), id, None).is_some()
}

/// A date and time in `tz`, written the way the language writes it, e.g. nb "torsdag 3. april
/// kl. 09:30", sv "torsdag 3 april kl. 09:30", en "Thursday 3 April at 09:30". Weekday and
/// month names come from the catalogues like every other word.
pub fn format_datetime(lang: Lang, at: chrono::DateTime<chrono::Utc>, tz: chrono_tz::Tz) -> String {
    use chrono::{Datelike, Timelike};
    let local = at.with_timezone(&tz);
    let weekday = text(lang, &format!("weekday-{}", local.weekday().number_from_monday()), Vec::new());
    let month = text(lang, &format!("month-{}", local.month()), Vec::new());
    text(
        lang,
        "datetime",
        vec![
            ("weekday", Arg::Str(weekday)),
            ("day", Arg::Num(f64::from(local.day()))),
            ("month", Arg::Str(month)),
            ("time", Arg::Str(format!("{:02}:{:02}", local.hour(), local.minute()))),
        ],
    )
}

/// A moment as people read it: the date in the meeting's timezone and language, and a Discord
/// relative timestamp ("in 3 days") that each reader's client shows in their own clock.
pub fn when(lang: Lang, at: chrono::DateTime<chrono::Utc>, tz: chrono_tz::Tz) -> String {
    format!("{} (<t:{}:R>)", format_datetime(lang, at, tz), at.timestamp())
}

/// `t!(lang, "id")` or `t!(lang, "id", name = value, count = n)`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:expr) => {
        $crate::i18n::text($lang, $id, Vec::new())
    };
    ($lang:expr, $id:expr, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::text($lang, $id, vec![$((stringify!($k), $crate::i18n::Arg::from($v))),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// id → variables used, for every message in `locales/<lang>/*.ftl`.
    fn catalogue(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang.code());
        let mut out = BTreeMap::new();
        let mut files: Vec<_> = std::fs::read_dir(&dir).expect("locale dir").flatten().map(|e| e.path()).collect();
        files.sort();
        let mut current: Option<String> = None;
        for file in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "ftl")) {
            for line in std::fs::read_to_string(&file).expect("ftl file").lines() {
                let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
                if starts_message {
                    if let Some((id, _)) = line.split_once(" =") {
                        current = Some(id.trim().to_owned());
                        out.entry(id.trim().to_owned()).or_insert_with(BTreeSet::new);
                    }
                }
                if let Some(id) = &current {
                    let vars = out.get_mut(id).expect("entry");
                    for part in line.split("{ $").skip(1) {
                        let var: String = part.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                        vars.insert(var);
                    }
                }
            }
        }
        out
    }

    #[test]
    fn every_message_exists_in_all_languages_with_the_same_variables() {
        let en = catalogue(Lang::En);
        assert!(!en.is_empty());
        for lang in [Lang::Nb, Lang::Sv] {
            let other = catalogue(lang);
            let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang:?} has ids English lacks: {extra:?}");
            for (id, vars) in &en {
                assert_eq!(vars, &other[id], "{lang:?}: message {id} uses other variables than English");
            }
        }
    }

    #[test]
    fn plurals_follow_the_language() {
        assert_eq!(crate::t!(Lang::Nb, "answers-saved", count = 1), "Svaret ditt er lagret.");
        assert_eq!(crate::t!(Lang::Nb, "answers-saved", count = 3), "3 svar er lagret.");
        assert_eq!(crate::t!(Lang::Sv, "answers-saved", count = 3), "3 svar är sparade.");
        assert_eq!(crate::t!(Lang::En, "answers-saved", count = 1), "Saved your answer.");
    }

    #[test]
    fn dates_read_naturally_in_each_language_and_the_kit_timezone() {
        let at: chrono::DateTime<chrono::Utc> = "2027-04-08T07:30:00Z".parse().unwrap();
        let oslo: chrono_tz::Tz = "Europe/Oslo".parse().unwrap();
        assert_eq!(format_datetime(Lang::Nb, at, oslo), "torsdag 8. april kl. 09:30");
        assert_eq!(format_datetime(Lang::Sv, at, oslo), "torsdag 8 april kl. 09:30");
        assert_eq!(format_datetime(Lang::En, at, oslo), "Thursday 8 April at 09:30");
    }

    #[test]
    fn discord_locales_map_to_our_languages() {
        assert_eq!(Lang::from_code("no"), Some(Lang::Nb));
        assert_eq!(Lang::from_code("sv-SE"), Some(Lang::Sv));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::pick([None, Some("de"), Some("sv-SE")]), Lang::Sv);
    }
}
