//! Answers, edited in place with every earlier version kept in `answer_revisions`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{chat_id, db_id, uint, PgStore, StoreError};
use crate::app::ports::{AnswerStore, StoredAnswer};
use crate::domain::{GuildId, MeetingId, QuestionId, UnitName, UserId};
use crate::storage::answer_batch;

#[derive(sqlx::FromRow)]
struct Row {
    user_id: i64,
    unit: Option<String>,
    question_id: String,
    value: String,
    revision: i32,
    updated_at: DateTime<Utc>,
}

fn to_answer(r: Row) -> Result<StoredAnswer, StoreError> {
    let bad = |e: crate::domain::IdError| StoreError::Corrupt(e.to_string());
    Ok(StoredAnswer {
        user: UserId(chat_id(r.user_id)),
        unit: r.unit.map(|u| UnitName::try_from(u.as_str())).transpose().map_err(bad)?,
        question: QuestionId::try_from(r.question_id.as_str()).map_err(bad)?,
        value: r.value,
        revision: uint(r.revision).unwrap_or(1),
        updated_at: r.updated_at,
    })
}

const ANSWER_COLUMNS: &str = "SELECT a.user_id, un.name AS unit, a.question_id, a.value, a.revision, a.updated_at
     FROM answers a LEFT JOIN units un ON un.id = a.unit_id
     JOIN questions q ON q.meeting_id = a.meeting_id AND q.id = a.question_id";

#[async_trait]
impl AnswerStore for PgStore {
    async fn save_answer(
        &self,
        meeting: MeetingId,
        guild: GuildId,
        user: UserId,
        question: &QuestionId,
        value: &str,
        now: DateTime<Utc>,
    ) -> Result<u32, StoreError> {
        let revisions = self.save_answers(meeting, guild, user, &[(question.clone(), value.to_owned())], now).await?;
        Ok(revisions.first().copied().unwrap_or(1))
    }

    async fn save_answers(
        &self,
        meeting: MeetingId,
        guild: GuildId,
        user: UserId,
        answers: &[(QuestionId, String)],
        now: DateTime<Utc>,
    ) -> Result<Vec<u32>, StoreError> {
        let (questions, values): (Vec<&str>, Vec<&str>) = answer_batch::rows(answers).into_iter().unzip();
        // One statement for one submission: atomic without a transaction, and the trigger
        // `answers_keep_history` moves each replaced version to `answer_revisions`. Two
        // submissions by one member at once take turns on each answer's row (in question
        // order), and each moves the version it replaced.
        let saved: Vec<(String, i32)> = sqlx::query_as(
            "INSERT INTO answers (meeting_id, question_id, guild_id, user_id, unit_id, value, answered_at, updated_at)
             SELECT $1, a.q, $2, $3, (SELECT unit_id FROM members WHERE guild_id = $2 AND user_id = $3), a.v, $4, $4
             FROM unnest($5::text[], $6::text[]) AS a(q, v)
             ON CONFLICT (meeting_id, question_id, user_id) DO UPDATE SET
                value = excluded.value, unit_id = excluded.unit_id,
                revision = answers.revision + 1, updated_at = excluded.updated_at
             RETURNING question_id, revision",
        )
        .bind(meeting.0)
        .bind(db_id(guild.0))
        .bind(db_id(user.0))
        .bind(now)
        .bind(questions)
        .bind(values)
        .fetch_all(&self.pool)
        .await?;
        let saved: Vec<(String, i64)> = saved.into_iter().map(|(q, r)| (q, i64::from(r))).collect();
        Ok(answer_batch::revisions(answers, &saved))
    }

    async fn answers(&self, meeting: MeetingId) -> Result<Vec<StoredAnswer>, StoreError> {
        let rows: Vec<Row> =
            sqlx::query_as(&format!("{ANSWER_COLUMNS} WHERE a.meeting_id = $1 ORDER BY q.position, a.user_id"))
                .bind(meeting.0)
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter().map(to_answer).collect()
    }

    async fn answers_of(&self, meeting: MeetingId, user: UserId) -> Result<Vec<StoredAnswer>, StoreError> {
        let rows: Vec<Row> =
            sqlx::query_as(&format!("{ANSWER_COLUMNS} WHERE a.meeting_id = $1 AND a.user_id = $2 ORDER BY q.position"))
                .bind(meeting.0)
                .bind(db_id(user.0))
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter().map(to_answer).collect()
    }
}
