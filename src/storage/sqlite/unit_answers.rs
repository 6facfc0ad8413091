//! Unit answers: the current answer per unit and question in `unit_answers`, every saved
//! version with its author in `unit_answer_revisions`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{chat_id, db_id, time, SqliteStore, StoreError};
use crate::app::ports::{StoredUnitAnswer, UnitAnswerRevision, UnitAnswerStore};
use crate::domain::{MeetingId, QuestionId, UnitName, UserId};

fn bad(e: crate::domain::IdError) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

fn author(id: Option<i64>) -> Option<UserId> {
    id.map(|a| UserId(chat_id(a)))
}

#[async_trait]
impl UnitAnswerStore for SqliteStore {
    async fn save_unit_answers(
        &self,
        meeting: MeetingId,
        unit: &UnitName,
        author: UserId,
        answers: &[(QuestionId, String)],
        now: DateTime<Utc>,
    ) -> Result<Vec<u32>, StoreError> {
        let (now, a, key) = (time::to_db(now), db_id(author.0), unit.key());
        let mut tx = self.pool.begin().await?;
        let unit_id = sqlx::query_scalar!(
            "SELECT u.id AS \"id!\" FROM meetings m JOIN units u ON u.guild_id = m.guild_id AND u.name_key = ? WHERE m.id = ?",
            key,
            meeting.0
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("unit {unit} of meeting {meeting}")))?;
        let mut revisions = Vec::with_capacity(answers.len());
        for (question, value) in answers {
            let q = question.as_str();
            let revision = sqlx::query_scalar!(
                "INSERT INTO unit_answers (meeting_id, question_id, unit_id, value, author_id, updated_at)
                 VALUES (?, ?, ?, ?, ?, ?)
                 ON CONFLICT (meeting_id, question_id, unit_id) DO UPDATE SET
                    value = excluded.value, author_id = excluded.author_id,
                    revision = unit_answers.revision + 1, updated_at = excluded.updated_at
                 RETURNING revision",
                meeting.0,
                q,
                unit_id,
                value,
                a,
                now
            )
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query!(
                "INSERT INTO unit_answer_revisions (meeting_id, question_id, unit_id, revision, value, author_id, saved_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?)",
                meeting.0,
                q,
                unit_id,
                revision,
                value,
                a,
                now
            )
            .execute(&mut *tx)
            .await?;
            revisions.push(u32::try_from(revision).unwrap_or(1));
        }
        tx.commit().await?;
        Ok(revisions)
    }

    async fn unit_answers(&self, meeting: MeetingId) -> Result<Vec<StoredUnitAnswer>, StoreError> {
        let rows = sqlx::query!(
            r#"SELECT un.name, a.question_id, a.value, a.revision, a.author_id, a.updated_at
               FROM unit_answers a JOIN units un ON un.id = a.unit_id
               JOIN questions q ON q.meeting_id = a.meeting_id AND q.id = a.question_id
               WHERE a.meeting_id = ? ORDER BY q.position, un.name_key"#,
            meeting.0
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(StoredUnitAnswer {
                    unit: UnitName::try_from(r.name.as_str()).map_err(bad)?,
                    question: QuestionId::try_from(r.question_id.as_str()).map_err(bad)?,
                    value: r.value,
                    revision: u32::try_from(r.revision).unwrap_or(1),
                    author: author(r.author_id),
                    updated_at: time::from_db(&r.updated_at)?,
                })
            })
            .collect()
    }

    async fn unit_answer_history(
        &self,
        meeting: MeetingId,
        unit: &UnitName,
        question: &QuestionId,
    ) -> Result<Vec<UnitAnswerRevision>, StoreError> {
        let (key, q) = (unit.key(), question.as_str());
        let rows = sqlx::query!(
            "SELECT r.revision, r.value, r.author_id, r.saved_at FROM unit_answer_revisions r
             JOIN units un ON un.id = r.unit_id
             WHERE r.meeting_id = ? AND r.question_id = ? AND un.name_key = ? ORDER BY r.revision",
            meeting.0,
            q,
            key
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(UnitAnswerRevision {
                    revision: u32::try_from(r.revision).unwrap_or(1),
                    value: r.value,
                    author: author(r.author_id),
                    saved_at: time::from_db(&r.saved_at)?,
                })
            })
            .collect()
    }
}
