//! Raw kit → validated `Kit`. Every rule reports into the sink and carries on, so one pass
//! finds all problems. Rules that need Discord's limits say so in their hints.

use std::ops::Range;

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::agenda::{agenda, breakouts};
use super::error::{choose_hint, did_you_mean, line_col, Sink};
use super::questions::questions;
use super::raw::{RawKit, RawSchedule, S};
use super::schedule::check_schedule;
use crate::domain::grouping::Mode;
use crate::domain::kit::{Kit, KitSchedule};
use crate::domain::privacy::Anonymity;
use crate::domain::{Question, RoleName, UnitName};

pub(crate) const LANGUAGES: &[&str] = &["nb", "sv", "en"];
const MAX_SLUG: usize = 64;

pub(crate) fn validate(raw: RawKit, sink: &mut Sink<'_>, source: &str) -> Option<Kit> {
    let top = 0..0;
    let id = required(sink, &raw.id, &top, "id", "at the top level", "e.g. id = \"larandetraff-2\"");
    let id = id.and_then(|s| slug(sink, s, "kit id"));
    let title = required(sink, &raw.title, &top, "title", "at the top level", "the meeting's name");
    let title = title.and_then(|s| non_empty(sink, s, "title"));
    let language = required(sink, &raw.language, &top, "language", "at the top level", "nb, sv or en");
    let language = language.and_then(|s| {
        let value = s.get_ref().trim().to_lowercase();
        if LANGUAGES.contains(&value.as_str()) {
            Some(value)
        } else {
            sink.at(s.span(), format!("language `{}` is not supported", s.get_ref()), choose_hint(&value, LANGUAGES));
            None
        }
    });
    let timezone = timezone(sink, raw.timezone.as_ref(), language.as_deref());
    let date = required(sink, &raw.date, &top, "date", "at the top level", "the meeting day, e.g. date = 2027-03-15");
    let date = date.and_then(|d| parse_date(sink, d));
    let previous = raw.previous.as_ref().and_then(|p| slug(sink, p, "previous kit id"));
    if let (Some(prev), Some(id), Some(span)) = (&previous, &id, raw.previous.as_ref().map(S::span)) {
        if prev == id {
            sink.at(span, "a kit cannot follow itself", "`previous` names the id of the kit of the previous meeting");
        }
    }
    let purpose = raw.purpose.iter().filter_map(|p| non_empty(sink, p, "purpose line")).collect();
    let units = names::<UnitName>(sink, &raw.units, "unit", source);
    let roles = names::<RoleName>(sink, &raw.roles, "role", source);
    let anonymity =
        if raw.anonymous_hide_unit == Some(true) { Anonymity::AnonymousNoUnit } else { Anonymity::Anonymous };
    let questions = questions(sink, &raw.questions, source, (raw.anonymous.unwrap_or(false), anonymity));
    // Question ids as written, also invalid ones, so a plan does not repeat their errors.
    let written: Vec<&str> =
        raw.questions.iter().filter_map(|q| q.get_ref().id.as_ref()).map(|id| id.get_ref().as_str()).collect();
    let breakouts = breakouts(sink, &raw.breakouts, &questions, &written, source);
    let written_plans: Vec<&str> =
        raw.breakouts.iter().filter_map(|b| b.get_ref().id.as_ref()).map(|id| id.get_ref().as_str()).collect();
    let agenda = agenda(sink, &raw.agenda, &breakouts, &written_plans, &questions, &written, source);
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
        sink.at(
            flag.span(),
            "`unit_answers` collects one answer per unit, and this kit has no `units`",
            "add units = [\"...\"] at the top, or leave out unit_answers",
        );
    }
    for q in questions.iter().flatten().filter(|q| q.anonymity != Anonymity::Named) {
        sink.at(
            flag.span(),
            format!("question `{}` is anonymous, and a unit answer is always shown with its unit", q.id),
            "set anonymous = false on the question, or leave out unit_answers",
        );
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
            sink.at(
                mode.span(),
                format!("breakout mode `{name}` seats people by unit, and this kit has no `units`"),
                "add units = [\"...\"] at the top, or use random, roles or choose",
            );
        }
    }
}

/// A required key: reports it missing at the enclosing table's span.
pub(super) fn required<'a, T>(
    sink: &mut Sink<'_>,
    value: &'a Option<S<T>>,
    table: &Range<usize>,
    key: &str,
    place: &str,
    hint: &str,
) -> Option<&'a S<T>> {
    if value.is_none() {
        sink.at(table.clone(), format!("missing required key `{key}` {place}"), hint);
    }
    value.as_ref()
}

pub(super) fn non_empty(sink: &mut Sink<'_>, value: &S<String>, what: &str) -> Option<String> {
    let text = value.get_ref().trim();
    if text.is_empty() {
        sink.at(value.span(), format!("the {what} is empty"), "write some text between the quotes");
        return None;
    }
    Some(text.to_owned())
}

/// Kit and plan ids: short, ASCII, stable (they appear in commands and button ids).
pub(super) fn slug(sink: &mut Sink<'_>, value: &S<String>, what: &str) -> Option<String> {
    let text = value.get_ref();
    let ok = !text.is_empty()
        && text.len() <= MAX_SLUG
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Some(text.clone())
    } else {
        sink.at(
            value.span(),
            format!("invalid {what} `{text}`"),
            format!(
                "use 1 to {MAX_SLUG} characters of a-z, 0-9, '-' and '_' (no æ, ø, å, ä, ö), e.g. `larandetraff-2`"
            ),
        );
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
                Some(close) => format!("did you mean `{close}`?"),
                None => "use an IANA name such as Europe/Oslo or Europe/Stockholm".to_owned(),
            };
            sink.at(value.span(), format!("unknown timezone `{}`", value.get_ref()), hint);
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
        sink.at(
            value.span(),
            format!("bad date {}", value.get_ref()),
            "write the meeting day as year-month-day, e.g. date = 2027-03-15",
        );
    }
    parsed
}

fn names<N>(sink: &mut Sink<'_>, raw: &[S<String>], what: &str, source: &str) -> Vec<N>
where
    N: for<'a> TryFrom<&'a str, Error = crate::domain::IdError> + PartialEq + std::fmt::Display,
{
    let mut out: Vec<(N, usize)> = Vec::new();
    for value in raw {
        match N::try_from(value.get_ref().as_str()) {
            Ok(name) => {
                if let Some((first, line)) = out.iter().find(|(n, _)| *n == name) {
                    sink.at(
                        value.span(),
                        format!("duplicate {what} `{name}` (already listed as `{first}` on line {line})"),
                        format!("{what} names are compared without regard to case; list each once"),
                    );
                } else {
                    out.push((name, line_of(source, &value.span())));
                }
            }
            Err(e) => sink.at(value.span(), format!("invalid {what} name: {e}"), "names are 1 to 100 characters"),
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
