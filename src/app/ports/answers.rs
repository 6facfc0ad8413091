//! Storing answers, with every earlier revision kept.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;
use crate::domain::{GuildId, MeetingId, QuestionId, UnitName, UserId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    pub user: UserId,
    pub unit: Option<UnitName>,
    pub question: QuestionId,
    pub value: String,
    pub revision: u32,
    pub updated_at: DateTime<Utc>,
}

#[async_trait]
pub trait AnswerStore: Send + Sync {
    /// Saves an answer; an existing one is kept as a revision. Returns the new revision number.
    async fn save_answer(
        &self,
        meeting: MeetingId,
        guild: GuildId,
        user: UserId,
        question: &QuestionId,
        value: &str,
        now: DateTime<Utc>,
    ) -> Result<u32, StoreError>;
    /// Saves one member's answers to several questions in one transaction: all or none.
    /// Returns each answer's new revision number, in order.
    async fn save_answers(
        &self,
        meeting: MeetingId,
        guild: GuildId,
        user: UserId,
        answers: &[(QuestionId, String)],
        now: DateTime<Utc>,
    ) -> Result<Vec<u32>, StoreError>;
    async fn answers(&self, meeting: MeetingId) -> Result<Vec<StoredAnswer>, StoreError>;
    async fn answers_of(&self, meeting: MeetingId, user: UserId) -> Result<Vec<StoredAnswer>, StoreError>;
}
