//! `samrad export`: everything a meeting produced, as one CSV or one Markdown document.
//!
//! CSV layout: one table with a `section` column (`meeting`, `answer`, `during` (answers to
//! questions of the meeting day), `room`, `seat` (a person's table in a round at tables), `plan`, `plan-change`, `follow-up`, `decision`,
//! `evaluation`, `theme`) and the union of the columns the sections need; a section leaves the columns
//! it does not use empty. One file opens in any spreadsheet and filters by section; the
//! `meeting` row carries the title. Room members are one cell, one name per line (names
//! cannot contain line breaks). Times are RFC 3339 in UTC. [`from_csv`] reads it back.
//!
//! The records (this file), CSV both ways (`csv_file.rs`) and Markdown (`markdown.rs`).

use chrono::{DateTime, SecondsFormat, Utc};

use crate::domain::MeetingId;

mod csv_file;
mod markdown;

pub use csv_file::{from_csv, to_csv};
pub use markdown::{to_markdown, to_markdown_with, ExportLabels};

#[derive(Debug, Clone, PartialEq)]
pub struct ExportAnswer {
    pub unit: String,
    pub member: String,
    pub role: String,
    pub question_id: String,
    pub question: String,
    pub answer: String,
    /// How many times the answer was edited after it was first given (0 for anonymous ones).
    pub revisions: u32,
    /// `None` for an anonymous answer: a time could link it to its author's other answers.
    pub updated_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportRoom {
    pub round: u32,
    pub room: String,
    pub members: Vec<String>,
    pub question: String,
    /// The rapporteur's summary or the room's notes.
    pub summary: String,
}

/// One person's table in a round at tables in the room (the round's table plan).
#[derive(Debug, Clone, PartialEq)]
pub struct ExportSeat {
    pub round: u32,
    pub table: u32,
    pub label: String,
    pub member: String,
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportPlan {
    pub unit: String,
    pub action: String,
    pub owner: String,
    /// Free text ("before the next meeting") or a date, as the unit wrote it.
    pub due: Option<String>,
    /// `not-started`, `in-progress`, `done` or `dropped` (empty when unknown).
    pub status: String,
    /// Why it was dropped.
    pub note: String,
}

/// One status change of one of the meeting's plans: who, when.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportPlanChange {
    pub unit: String,
    pub action: String,
    pub status: String,
    pub note: String,
    pub member: String,
    pub at: DateTime<Utc>,
}

/// How a plan of the previous meeting was answered at this one (`no-answer` when it was not).
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFollowUp {
    pub unit: String,
    pub action: String,
    pub owner: String,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportDecision {
    pub text: String,
    pub responsible: String,
    pub due: Option<String>,
    pub at: DateTime<Utc>,
}

/// An answer given on the meeting day: to a question of the day or to the evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportEvaluation {
    pub unit: String,
    pub member: String,
    pub question_id: String,
    pub question: String,
    pub answer: String,
    /// `None` for an anonymous answer.
    pub updated_at: Option<DateTime<Utc>>,
}

/// One theme of the answers to a free-text question.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportTheme {
    pub question_id: String,
    pub question: String,
    pub label: String,
    pub answers: u32,
    pub units: u32,
    /// A concern an organiser must not miss (harassment, discrimination, whistleblowing).
    pub concern: bool,
    pub quote: String,
}

/// Everything one meeting produced, in display order.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportData {
    pub meeting: MeetingId,
    pub title: String,
    pub answers: Vec<ExportAnswer>,
    pub rooms: Vec<ExportRoom>,
    /// The table plans of the rounds at tables, by round, table and name.
    pub seats: Vec<ExportSeat>,
    pub plans: Vec<ExportPlan>,
    pub plan_changes: Vec<ExportPlanChange>,
    pub follow_up: Vec<ExportFollowUp>,
    pub decisions: Vec<ExportDecision>,
    /// Answers to the questions asked during the meeting (`phase = "during"`).
    pub during: Vec<ExportEvaluation>,
    pub evaluations: Vec<ExportEvaluation>,
    pub themes: Vec<ExportTheme>,
}

impl ExportData {
    /// A meeting's export with nothing in it yet: the store and the CSV reader fill it.
    pub fn empty(meeting: MeetingId, title: String) -> Self {
        Self {
            meeting,
            title,
            answers: Vec::new(),
            rooms: Vec::new(),
            seats: Vec::new(),
            plans: Vec::new(),
            plan_changes: Vec::new(),
            follow_up: Vec::new(),
            decisions: Vec::new(),
            during: Vec::new(),
            evaluations: Vec::new(),
            themes: Vec::new(),
        }
    }

    /// Where an answer given on the meeting day goes: the questions of the day or the evaluation.
    pub fn day_answers(&mut self, phase: crate::domain::Phase) -> &mut Vec<ExportEvaluation> {
        if phase == crate::domain::Phase::During {
            &mut self.during
        } else {
            &mut self.evaluations
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("reading the CSV failed: {0}")]
    Csv(#[from] csv::Error),
    #[error("line {line}: {message}")]
    Bad { line: u64, message: String },
}

/// A time as the export writes it (RFC 3339, UTC).
pub(super) fn time(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests;
