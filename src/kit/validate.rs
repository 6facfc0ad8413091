//! Raw kit → validated `Kit`. Every rule reports into the sink and carries on, so one pass
//! finds all problems. Rules that need Discord's limits say so in their hints.

use std::ops::Range;

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::agenda::{agenda, breakouts};
use super::error::{line_col, KitText, Sink};
use super::questions::questions;
use super::raw::{RawKit, RawSchedule, S};
use super::schedule::check_schedule;
use super::suggest::{choose_hint, did_you_mean};
use crate::domain::grouping::Mode;
use crate::domain::kit::{Kit, KitSchedule};
use crate::domain::privacy::Anonymity;
use crate::domain::{Question, RoleName, UnitName};

pub(crate) const LANGUAGES: &[&str] = &["nb", "sv", "en"];
const MAX_SLUG: usize = 64;

pub(crate) fn validate(raw: RawKit, sink: &mut Sink<'_>, source: &str) -> Option<Kit> {
    let top = |hint: &'static str| (0..0, KitText::new("kit-place-top"), KitText::new(hint));
    let id = required(sink, &raw.id, top("kit-h-key-id"), "id");
    let id = id.and_then(|s| slug(sink, s, "kit-e-slug-kit"));
    let title = required(sink, &raw.title, top("kit-h-key-title"), "title");
    let title = title.and_then(|s| non_empty(sink, s, "kit-e-empty-title"));
    let language = required(sink, &raw.language, top("kit-h-key-language"), "language");
    let language = language.and_then(|s| {
        let value = s.get_ref().trim().to_lowercase();
        if LANGUAGES.contains(&value.as_str()) {
            Some(value)
        } else {
            let message = KitText::new("kit-e-language").arg("value", s.get_ref());
            sink.hint(s.span(), message, choose_hint(&value, LANGUAGES));
            None
        }
    });
    let timezone = timezone(sink, raw.timezone.as_ref(), language.as_deref());
    let date = required(sink, &raw.date, top("kit-h-key-date"), "date");
    let date = date.and_then(|d| parse_date(sink, d));
    let previous = raw.previous.as_ref().and_then(|p| slug(sink, p, "kit-e-slug-previous"));
    if let (Some(prev), Some(id), Some(span)) = (&previous, &id, raw.previous.as_ref().map(S::span)) {
        if prev == id {
            sink.hint(span, KitText::new("kit-e-previous-self"), KitText::new("kit-h-previous-self"));
        }
    }
    let purpose = raw.purpose.iter().filter_map(|p| non_empty(sink, p, "kit-e-empty-purpose")).collect();
    let units = names::<UnitName>(sink, &raw.units, ("kit-e-duplicate-unit", "kit-e-unit-name"), source);
    let roles = names::<RoleName>(sink, &raw.roles, ("kit-e-duplicate-role", "kit-e-role-name"), source);
    let anonymity =
        if raw.anonymous_hide_unit == Some(true) { Anonymity::AnonymousNoUnit } else { Anonymity::Anonymous };
    let questions = questions(sink, &raw.questions, source, (raw.anonymous.unwrap_or(false), anonymity));
    // Question ids as written, also invalid ones, so a plan does not repeat their errors.
    let written: Vec<&str> =
        raw.questions.iter().filter_map(|q| q.get_ref().id.as_ref()).map(|id| id.get_ref().as_str()).collect();
    let breakouts = breakouts(sink, &raw.breakouts, &questions, &written, source);
    let written_plans: Vec<&str> =
        raw.breakouts.iter().filter_map(|b| b.get_ref().id.as_ref()).map(|id| id.get_ref().as_str()).collect();
    let agenda = agenda(sink, &raw.agenda, &breakouts, &written_plans, (&questions, &written), &units, source);
    let schedule = schedule(sink, raw.schedule.as_ref(), date, timezone);
    if units.is_empty() {
        plans_needing_units(sink, &raw);
    }
    let unit_answers = unit_answers(sink, &raw, &units, &questions);

    let questions = questions.into_iter().flatten().collect();
    let breakouts = breakouts.into_iter().flatten().collect();
    Some(Kit {
        id: id?,
        title: title?,
        language: language?,
        timezone: timezone?,
        date: date?,
        previous,
        purpose,
        units,
        roles,
        questions,
        unit_answers,
        share_after_deadline: raw.share_after_deadline.unwrap_or(false),
        agenda: agenda?,
        breakouts,
        schedule: schedule?,
    })
}

/// `unit_answers = true` needs units to answer for, and a unit's answer carries the unit's
/// name and its author, so it cannot be anonymous.
fn unit_answers(sink: &mut Sink<'_>, raw: &RawKit, units: &[UnitName], questions: &[Option<Question>]) -> bool {
    let Some(flag) = raw.unit_answers.as_ref().filter(|f| *f.get_ref()) else { return false };
    if units.is_empty() {
        sink.hint(
            flag.span(),
            KitText::new("kit-e-unit-answers-no-units"),
            KitText::new("kit-h-unit-answers-no-units"),
        );
    }
    for q in questions.iter().flatten().filter(|q| q.anonymity != Anonymity::Named) {
        let message = KitText::new("kit-e-unit-answers-anonymous").arg("id", q.id.as_str());
        sink.hint(flag.span(), message, KitText::new("kit-h-unit-answers-anonymous"));
    }
    true
}

/// Without units, members answer for themselves; a plan that seats people by unit could never
/// seat anyone.
fn plans_needing_units(sink: &mut Sink<'_>, raw: &RawKit) {
    for plan in &raw.breakouts {
        let Some(mode) = &plan.get_ref().mode else { continue };
        let name = mode.get_ref().trim().to_lowercase();
        if Mode::parse(&name).is_some_and(Mode::seats_by_unit) {
            let message = KitText::new("kit-e-mode-needs-units").arg("mode", name);
            sink.hint(mode.span(), message, KitText::new("kit-h-mode-needs-units"));
        }
    }
}

/// Where a required key is missing: the enclosing table's span, the place as told
/// (`kit-place-…`) and what to write there.
pub(super) type Missing = (Range<usize>, KitText, KitText);

/// A required key: reports it missing at the enclosing table's span.
pub(super) fn required<'a, T>(
    sink: &mut Sink<'_>,
    value: &'a Option<S<T>>,
    (table, place, hint): Missing,
    key: &str,
) -> Option<&'a S<T>> {
    if value.is_none() {
        sink.hint(table, KitText::new("kit-e-missing-key").arg("key", key).text("place", place), hint);
    }
    value.as_ref()
}

/// Text that must not be blank; `message` names what is empty (`kit-e-empty-…`).
pub(super) fn non_empty(sink: &mut Sink<'_>, value: &S<String>, message: &'static str) -> Option<String> {
    let text = value.get_ref().trim();
    if text.is_empty() {
        sink.hint(value.span(), KitText::new(message), KitText::new("kit-h-empty"));
        return None;
    }
    Some(text.to_owned())
}

/// Kit and plan ids: short, ASCII, stable (they appear in commands and button ids).
/// `message` names which id it is (`kit-e-slug-…`).
pub(super) fn slug(sink: &mut Sink<'_>, value: &S<String>, message: &'static str) -> Option<String> {
    let text = value.get_ref();
    let ok = !text.is_empty()
        && text.len() <= MAX_SLUG
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Some(text.clone())
    } else {
        let hint = KitText::new("kit-h-slug").num("max", MAX_SLUG as i64);
        sink.hint(value.span(), KitText::new(message).arg("value", text), hint);
        None
    }
}

pub(super) fn line_of(source: &str, span: &Range<usize>) -> usize {
    line_col(source, span.start).0
}

fn timezone(sink: &mut Sink<'_>, value: Option<&S<String>>, language: Option<&str>) -> Option<Tz> {
    let Some(value) = value else {
        return Some(match language {
            Some("sv") => chrono_tz::Europe::Stockholm,
            Some("en") => chrono_tz::Europe::London,
            _ => chrono_tz::Europe::Oslo,
        });
    };
    match value.get_ref().trim().parse::<Tz>() {
        Ok(tz) => Some(tz),
        Err(_) => {
            let names: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
            let hint = match did_you_mean(value.get_ref(), &names) {
                Some(close) => KitText::new("kit-h-did-you-mean").arg("close", close),
                None => KitText::new("kit-h-timezone"),
            };
            sink.hint(value.span(), KitText::new("kit-e-timezone").arg("value", value.get_ref()), hint);
            None
        }
    }
}

fn parse_date(sink: &mut Sink<'_>, value: &S<toml::Value>) -> Option<NaiveDate> {
    let parsed = match value.get_ref() {
        toml::Value::String(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok(),
        toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
            dt.date.and_then(|d| NaiveDate::from_ymd_opt(i32::from(d.year), d.month.into(), d.day.into()))
        }
        _ => None,
    };
    if parsed.is_none() {
        let message = KitText::new("kit-e-date").arg("value", value.get_ref().to_string());
        sink.hint(value.span(), message, KitText::new("kit-h-date"));
    }
    parsed
}

/// Unit or role names; `messages`: (a name listed twice, a name that is not one).
fn names<N>(sink: &mut Sink<'_>, raw: &[S<String>], messages: (&'static str, &'static str), source: &str) -> Vec<N>
where
    N: for<'a> TryFrom<&'a str, Error = crate::domain::IdError> + PartialEq + std::fmt::Display,
{
    let mut out: Vec<(N, usize)> = Vec::new();
    for value in raw {
        match N::try_from(value.get_ref().as_str()) {
            Ok(name) => {
                if let Some((first, line)) = out.iter().find(|(n, _)| *n == name) {
                    let message = KitText::new(messages.0)
                        .arg("name", name.to_string())
                        .arg("first", first.to_string())
                        .num("line", *line as i64);
                    sink.hint(value.span(), message, KitText::new("kit-h-duplicate-name"));
                } else {
                    out.push((name, line_of(source, &value.span())));
                }
            }
            Err(_) => {
                let message = KitText::new(messages.1).arg("value", value.get_ref());
                sink.hint(value.span(), message, KitText::new("kit-h-name-length"));
            }
        }
    }
    out.into_iter().map(|(n, _)| n).collect()
}

fn schedule(
    sink: &mut Sink<'_>,
    raw: Option<&S<RawSchedule>>,
    date: Option<NaiveDate>,
    tz: Option<Tz>,
) -> Option<KitSchedule> {
    match raw {
        None => Some(KitSchedule::default()),
        Some(raw) => check_schedule(sink, raw, date, tz),
    }
}
