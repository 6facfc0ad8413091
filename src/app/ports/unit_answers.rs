//! Storing unit answers: one answer per unit per question (a kit's `unit_answers`), written
//! and edited by any member of the unit, with every version and its author kept.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;
use crate::domain::{MeetingId, QuestionId, UnitName, UserId};

/// A unit's current answer to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredUnitAnswer {
    pub unit: UnitName,
    pub question: QuestionId,
    pub value: String,
    pub revision: u32,
    /// Who wrote this version; `None` once they asked to be forgotten.
    pub author: Option<UserId>,
    pub updated_at: DateTime<Utc>,
}

/// One saved version of a unit's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitAnswerRevision {
    pub revision: u32,
    pub value: String,
    /// `None` once the author asked to be forgotten.
    pub author: Option<UserId>,
    pub saved_at: DateTime<Utc>,
}

#[async_trait]
pub trait UnitAnswerStore: Send + Sync {
    /// Saves `unit`'s answers, written by `author`, in one transaction: all or none. Each
    /// becomes the unit's current answer and a new revision. Returns the revision numbers.
    async fn save_unit_answers(
        &self,
        meeting: MeetingId,
        unit: &UnitName,
        author: UserId,
        answers: &[(QuestionId, String)],
        now: DateTime<Utc>,
    ) -> Result<Vec<u32>, StoreError>;
    /// Every unit's current answers, in question order, then by unit name.
    async fn unit_answers(&self, meeting: MeetingId) -> Result<Vec<StoredUnitAnswer>, StoreError>;
    /// Every version of `unit`'s answer to `question`, oldest first.
    async fn unit_answer_history(
        &self,
        meeting: MeetingId,
        unit: &UnitName,
        question: &QuestionId,
    ) -> Result<Vec<UnitAnswerRevision>, StoreError>;
}
