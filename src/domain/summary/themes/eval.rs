//! Scoring the theme finder on a labelled set of answers (`benches/themes/*.toml`): which
//! planted themes it recovers (recall) and how cleanly it groups answers (purity). Shared by
//! the test that requires every planted theme and the benchmark that reports the numbers.

use serde::Deserialize;

use super::super::lang::Lang;
use super::super::tokens::tokenize;
use super::{find_themes, Themes};

/// A labelled set: one question, its answers grouped by the theme they were written for.
#[derive(Debug, Clone, Deserialize)]
pub struct EvalSet {
    /// "nb", "sv" or "en".
    pub lang: String,
    pub question: String,
    #[serde(rename = "theme")]
    pub themes: Vec<PlantedTheme>,
    /// Answers that belong to no planted theme.
    #[serde(default)]
    pub other: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PlantedTheme {
    pub name: String,
    /// Key phrases: a found theme whose label matches one of them names this theme.
    pub keys: Vec<String>,
    /// A concern an organiser must never miss.
    #[serde(default)]
    pub concern: bool,
    pub answers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub answers: usize,
    pub planted: usize,
    /// Names of planted themes that a found theme names and mostly holds.
    pub recovered: Vec<String>,
    pub missed: Vec<String>,
    /// Share of answers in found themes that belong to their theme's main planted theme.
    pub purity: f64,
    pub found: usize,
    /// Answers left as "other".
    pub other: usize,
    /// The labels found, with their answer counts, in order.
    pub labels: Vec<(String, usize)>,
}

impl Score {
    pub fn recall(&self) -> f64 {
        self.recovered.len() as f64 / self.planted.max(1) as f64
    }
}

fn lang_of(code: &str) -> Option<Lang> {
    match code {
        "nb" => Some(Lang::Nb),
        "sv" => Some(Lang::Sv),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// Lowercase stems of the words of a phrase, joined by spaces.
fn stems(text: &str, lang: Option<Lang>) -> String {
    let mut cache = super::super::tokens::StemCache::new(lang);
    tokenize(text)
        .map(|t| {
            let id = cache.stem_id(&t.lower());
            cache.names[id as usize].clone()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Does a found label name this key phrase? Either contains the other, stem by stem, or the
/// label is a compound that contains the key's stem ("varslingsrutiner" for "varsling").
fn label_matches(label: &str, key: &str, lang: Option<Lang>) -> bool {
    let (l, k) = (stems(label, lang), stems(key, lang));
    !k.is_empty() && (l.contains(&k) || k.split(' ').count() > 1 && k.contains(&l) || label.to_lowercase().contains(&k))
}

/// Runs the theme finder on the set's answers (in file order, themes then other) and scores it.
pub fn evaluate(set: &EvalSet) -> (Themes, Score) {
    let lang = lang_of(&set.lang);
    let mut texts: Vec<&str> = Vec::new();
    let mut truth: Vec<usize> = Vec::new();
    for (i, t) in set.themes.iter().enumerate() {
        texts.extend(t.answers.iter().map(String::as_str));
        truth.extend(std::iter::repeat_n(i, t.answers.len()));
    }
    let other_class = set.themes.len();
    texts.extend(set.other.iter().map(String::as_str));
    truth.extend(std::iter::repeat_n(other_class, set.other.len()));

    let themes = find_themes(&texts, lang, &[set.question.as_str()]);
    let mut pure = 0;
    let mut grouped = 0;
    let mut recovered = Vec::new();
    for theme in &themes.themes {
        let mut counts = vec![0usize; other_class + 1];
        for &a in &theme.answers {
            counts[truth[a]] += 1;
        }
        let (main, &n) = counts.iter().enumerate().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0))).unwrap_or((0, &0));
        pure += n;
        grouped += theme.answers.len();
        if main < other_class && set.themes[main].keys.iter().any(|k| label_matches(&theme.label, k, lang)) {
            recovered.push(main);
        }
    }
    recovered.sort_unstable();
    recovered.dedup();
    let score = Score {
        answers: texts.len(),
        planted: set.themes.len(),
        recovered: recovered.iter().map(|&i| set.themes[i].name.clone()).collect(),
        missed: (0..set.themes.len()).filter(|i| !recovered.contains(i)).map(|i| set.themes[i].name.clone()).collect(),
        purity: if grouped == 0 { 0.0 } else { pure as f64 / grouped as f64 },
        found: themes.themes.len(),
        other: themes.other.len(),
        labels: themes.themes.iter().map(|t| (t.label.clone(), t.answers.len())).collect(),
    };
    (themes, score)
}
