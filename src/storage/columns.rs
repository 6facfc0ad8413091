//! How domain values are spelled in columns, the same on every backend, so a database copied
//! between SQLite and Postgres (`samrad copy`) reads the same.

use super::StoreError;
use crate::domain::privacy::Anonymity;
use crate::domain::{Phase, QuestionId, QuestionKind};

/// `QuestionKind` ↔ (kind, options_json) columns.
/// Spelled by the domain (`QuestionKind::spelled`), so a new kind changes nothing here.
pub(super) fn kind_to_db(kind: &QuestionKind) -> (String, String) {
    (kind.spelled(), serde_json::to_string(kind.options()).unwrap_or_else(|_| "[]".into()))
}

pub(super) fn kind_from_db(kind: &str, options: &str) -> Result<QuestionKind, StoreError> {
    let corrupt = || StoreError::Corrupt(format!("question kind {kind:?}"));
    let options = serde_json::from_str(options).map_err(|_| corrupt())?;
    QuestionKind::from_spelled(kind, options).ok_or_else(corrupt)
}

pub(super) fn anonymity_from_db(s: &str) -> Result<Anonymity, StoreError> {
    Anonymity::parse(s).ok_or_else(|| StoreError::Corrupt(format!("question anonymity {s:?}")))
}

pub(super) fn phase_to_db(p: Phase) -> &'static str {
    match p {
        Phase::Reflection => "reflection",
        Phase::Evaluation => "evaluation",
        Phase::During => "during",
    }
}

pub(super) fn phase_from_db(s: &str) -> Result<Phase, StoreError> {
    match s {
        "reflection" => Ok(Phase::Reflection),
        "evaluation" => Ok(Phase::Evaluation),
        "during" => Ok(Phase::During),
        other => Err(StoreError::Corrupt(format!("question phase {other:?}"))),
    }
}

/// Question ids in one column, comma-separated (ids cannot contain commas): a breakout plan's
/// questions and an agenda item's `ask`.
pub(super) fn question_ids_to_db(ids: &[QuestionId]) -> String {
    ids.iter().map(QuestionId::as_str).collect::<Vec<_>>().join(",")
}

pub(super) fn question_ids_from_db(s: &str) -> Result<Vec<QuestionId>, StoreError> {
    s.split(',')
        .filter(|q| !q.is_empty())
        .map(|q| QuestionId::try_from(q).map_err(|_| StoreError::Corrupt(format!("question id {q:?}"))))
        .collect()
}

/// A list of texts (a plan's topics) in one column, as a JSON array.
pub(super) fn texts_to_db(texts: &[String]) -> String {
    serde_json::to_string(texts).unwrap_or_else(|_| "[]".into())
}

pub(super) fn texts_from_db(s: &str) -> Result<Vec<String>, StoreError> {
    serde_json::from_str(s).map_err(|_| StoreError::Corrupt(format!("list of texts {s:?}")))
}

/// The end (midnight) of a meeting's day in its timezone: when a meeting ended, for meetings
/// that ended before the end time was recorded.
pub(super) fn end_of_day(date: &str, timezone: &str) -> Result<chrono::DateTime<chrono::Utc>, StoreError> {
    let bad = || StoreError::Corrupt(format!("meeting day {date:?} in {timezone:?}"));
    let day: chrono::NaiveDate = date.get(..10).unwrap_or(date).parse().map_err(|_| bad())?;
    let tz: chrono_tz::Tz = timezone.parse().map_err(|_| bad())?;
    let midnight = day.succ_opt().ok_or_else(bad)?.and_hms_opt(0, 0, 0).ok_or_else(bad)?;
    Ok(midnight.and_local_timezone(tz).earliest().ok_or_else(bad)?.with_timezone(&chrono::Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One question of every kind, spelled in columns and read back; a kind named in
    /// `QuestionKind::NAMES` without an example fails.
    #[test]
    fn every_question_kind_round_trips_through_its_columns() {
        let kinds = QuestionKind::examples();
        let names: Vec<&str> = kinds.iter().map(QuestionKind::name).collect();
        assert_eq!(names, QuestionKind::NAMES);
        for kind in kinds {
            let (column, options) = kind_to_db(&kind);
            assert_eq!(kind_from_db(&column, &options).expect("reads back"), kind);
        }
    }

    #[test]
    fn a_kind_samrad_does_not_know_or_cannot_read_is_corrupt() {
        for (kind, options) in [("nope", "[]"), ("scale:1", "[]"), ("scale:a:5", "[]"), ("choice", "{")] {
            assert!(matches!(kind_from_db(kind, options), Err(StoreError::Corrupt(_))), "{kind} {options}");
        }
    }
}
