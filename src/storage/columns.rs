//! How domain values are spelled in columns, the same on every backend, so a database copied
//! between SQLite and Postgres (`samrad copy`) reads the same.

use super::StoreError;
use crate::domain::{Phase, QuestionKind};

/// `QuestionKind` ↔ (kind, options_json) columns.
pub(super) fn kind_to_db(kind: &QuestionKind) -> (String, String) {
    match kind {
        QuestionKind::Free => ("free".into(), "[]".into()),
        QuestionKind::YesNo => ("yes_no".into(), "[]".into()),
        QuestionKind::Scale { min, max } => (format!("scale:{min}:{max}"), "[]".into()),
        QuestionKind::Choice { options } => {
            ("choice".into(), serde_json::to_string(options).unwrap_or_else(|_| "[]".into()))
        }
        QuestionKind::Number => ("number".into(), "[]".into()),
    }
}

pub(super) fn kind_from_db(kind: &str, options: &str) -> Result<QuestionKind, StoreError> {
    let corrupt = || StoreError::Corrupt(format!("question kind {kind:?}"));
    Ok(match kind {
        "free" => QuestionKind::Free,
        "yes_no" => QuestionKind::YesNo,
        "number" => QuestionKind::Number,
        "choice" => QuestionKind::Choice { options: serde_json::from_str(options).map_err(|_| corrupt())? },
        other => {
            let mut parts = other.strip_prefix("scale:").ok_or_else(corrupt)?.split(':');
            let min = parts.next().and_then(|p| p.parse().ok()).ok_or_else(corrupt)?;
            let max = parts.next().and_then(|p| p.parse().ok()).ok_or_else(corrupt)?;
            QuestionKind::Scale { min, max }
        }
    })
}

pub(super) fn phase_to_db(p: Phase) -> &'static str {
    match p {
        Phase::Reflection => "reflection",
        Phase::Evaluation => "evaluation",
    }
}
