//! Unit answers: the current answer per unit and question in `unit_answers`, every saved
//! version with its author in `unit_answer_revisions`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{chat_id, db_id, uint, PgStore, StoreError};
use crate::app::ports::{StoredUnitAnswer, UnitAnswerRevision, UnitAnswerStore};
use crate::domain::{MeetingId, QuestionId, UnitName, UserId};

fn bad(e: crate::domain::IdError) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

fn author(id: Option<i64>) -> Option<UserId> {
    id.map(|a| UserId(chat_id(a)))
}

#[derive(sqlx::FromRow)]
struct Row {
    name: String,
    question_id: String,
    value: String,
    revision: i32,
    author_id: Option<i64>,
    updated_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct RevisionRow {
    revision: i32,
    value: String,
    author_id: Option<i64>,
    saved_at: DateTime<Utc>,
}

#[async_trait]
impl UnitAnswerStore for PgStore {
    async fn save_unit_answers(
        &self,
        meeting: MeetingId,
        unit: &UnitName,
        author: UserId,
        answers: &[(QuestionId, String)],
        now: DateTime<Utc>,
    ) -> Result<Vec<u32>, StoreError> {
        let a = db_id(author.0);
        let mut tx = self.pool.begin().await?;
        let unit_id: i64 = sqlx::query_scalar(
            "SELECT u.id FROM meetings m JOIN units u ON u.guild_id = m.guild_id AND u.name_key = $1 WHERE m.id = $2",
        )
        .bind(unit.key())
        .bind(meeting.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("unit {unit} of meeting {meeting}")))?;
        let mut revisions = Vec::with_capacity(answers.len());
        for (question, value) in answers {
            let revision: i32 = sqlx::query_scalar(
                "INSERT INTO unit_answers (meeting_id, question_id, unit_id, value, author_id, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (meeting_id, question_id, unit_id) DO UPDATE SET
                    value = excluded.value, author_id = excluded.author_id,
                    revision = unit_answers.revision + 1, updated_at = excluded.updated_at
                 RETURNING revision",
            )
            .bind(meeting.0)
            .bind(question.as_str())
            .bind(unit_id)
            .bind(value)
            .bind(a)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO unit_answer_revisions (meeting_id, question_id, unit_id, revision, value, author_id, saved_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(meeting.0)
            .bind(question.as_str())
            .bind(unit_id)
            .bind(revision)
            .bind(value)
            .bind(a)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            revisions.push(uint(revision).unwrap_or(1));
        }
        tx.commit().await?;
        Ok(revisions)
    }

    async fn unit_answers(&self, meeting: MeetingId) -> Result<Vec<StoredUnitAnswer>, StoreError> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT un.name, a.question_id, a.value, a.revision, a.author_id, a.updated_at
             FROM unit_answers a JOIN units un ON un.id = a.unit_id
             JOIN questions q ON q.meeting_id = a.meeting_id AND q.id = a.question_id
             WHERE a.meeting_id = $1 ORDER BY q.position, un.name_key COLLATE \"C\"",
        )
        .bind(meeting.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(StoredUnitAnswer {
                    unit: UnitName::try_from(r.name.as_str()).map_err(bad)?,
                    question: QuestionId::try_from(r.question_id.as_str()).map_err(bad)?,
                    value: r.value,
                    revision: uint(r.revision).unwrap_or(1),
                    author: author(r.author_id),
                    updated_at: r.updated_at,
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
        let rows: Vec<RevisionRow> = sqlx::query_as(
            "SELECT r.revision, r.value, r.author_id, r.saved_at FROM unit_answer_revisions r
             JOIN units un ON un.id = r.unit_id
             WHERE r.meeting_id = $1 AND r.question_id = $2 AND un.name_key = $3 ORDER BY r.revision",
        )
        .bind(meeting.0)
        .bind(question.as_str())
        .bind(unit.key())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| UnitAnswerRevision {
                revision: uint(r.revision).unwrap_or(1),
                value: r.value,
                author: author(r.author_id),
                saved_at: r.saved_at,
            })
            .collect())
    }
}
