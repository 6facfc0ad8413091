//! A meeting read in one statement: both backends aggregate its units, roles and questions
//! into JSON columns (SQLite `json_group_array`, Postgres `json_agg`) of the same shape, and
//! this turns them into domain values. One round trip instead of one per table: every answer
//! submit and every scheduled job reads the current meeting.

use serde::Deserialize;

use super::columns::{anonymity_from_db, kind_from_db, phase_from_db};
use super::StoreError;
use crate::domain::{Question, QuestionId, RoleName, UnitName};

/// A question as the aggregate spells it (the columns of `questions`).
#[derive(Deserialize)]
struct QuestionJson {
    id: String,
    text: String,
    kind: String,
    options_json: String,
    help: Option<String>,
    required: bool,
    phase: String,
    anonymity: String,
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("meeting {what}: {e}"))
}

/// A meeting's units, roles and questions.
pub(super) type Parts = (Vec<UnitName>, Vec<RoleName>, Vec<Question>);

/// Units, roles and questions from their JSON columns.
pub(super) fn parts(units: &str, roles: &str, questions: &str) -> Result<Parts, StoreError> {
    let names = |what: &str, json: &str| -> Result<Vec<String>, StoreError> {
        serde_json::from_str(json).map_err(|e| corrupt(what, e))
    };
    let units = names("units", units)?
        .iter()
        .map(|u| UnitName::try_from(u.as_str()).map_err(|e| corrupt("unit", e)))
        .collect::<Result<_, _>>()?;
    let roles = names("roles", roles)?
        .iter()
        .map(|r| RoleName::try_from(r.as_str()).map_err(|e| corrupt("role", e)))
        .collect::<Result<_, _>>()?;
    let rows: Vec<QuestionJson> = serde_json::from_str(questions).map_err(|e| corrupt("questions", e))?;
    let questions = rows
        .into_iter()
        .map(|q| {
            Ok(Question {
                id: QuestionId::try_from(q.id.as_str()).map_err(|e| corrupt("question", e))?,
                text: q.text,
                kind: kind_from_db(&q.kind, &q.options_json)?,
                help: q.help,
                required: q.required,
                phase: phase_from_db(&q.phase)?,
                anonymity: anonymity_from_db(&q.anonymity)?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok((units, roles, questions))
}
