//! Answers, edited in place with every earlier version kept in `answer_revisions`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{chat_id, db_id, uint, PgStore, StoreError};
use crate::app::ports::{AnswerStore, StoredAnswer};
use crate::domain::{GuildId, MeetingId, QuestionId, UnitName, UserId};

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

/// Saves one answer inside the caller's transaction: the old value moves to the history and
/// the new one replaces it. Returns the new revision number.
async fn upsert_answer(
    conn: &mut sqlx::PgConnection,
    meeting: MeetingId,
    guild: GuildId,
    user: UserId,
    question: &QuestionId,
    value: &str,
    now: DateTime<Utc>,
) -> Result<u32, StoreError> {
    let (g, u) = (db_id(guild.0), db_id(user.0));
    sqlx::query(
        "INSERT INTO answer_revisions (meeting_id, question_id, user_id, revision, value, replaced_at)
         SELECT meeting_id, question_id, user_id, revision, value, $1 FROM answers
         WHERE meeting_id = $2 AND question_id = $3 AND user_id = $4",
    )
    .bind(now)
    .bind(meeting.0)
    .bind(question.as_str())
    .bind(u)
    .execute(&mut *conn)
    .await?;
    let revision: i32 = sqlx::query_scalar(
        "INSERT INTO answers (meeting_id, question_id, guild_id, user_id, unit_id, value, answered_at, updated_at)
         VALUES ($1, $2, $3, $4, (SELECT unit_id FROM members WHERE guild_id = $3 AND user_id = $4), $5, $6, $6)
         ON CONFLICT (meeting_id, question_id, user_id) DO UPDATE SET
            value = excluded.value, unit_id = excluded.unit_id,
            revision = answers.revision + 1, updated_at = excluded.updated_at
         RETURNING revision",
    )
    .bind(meeting.0)
    .bind(question.as_str())
    .bind(g)
    .bind(u)
    .bind(value)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    Ok(uint(revision).unwrap_or(1))
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
        // One transaction for one submission: all its answers (and their history) are stored,
        // or none; and one commit instead of one per answer.
        let mut tx = self.pool.begin().await?;
        // Two submissions by one member at once (a double click, two processes) would both
        // copy the same revision into the history and the second would fail on its unique
        // key; holding the member row makes them take turns, as SQLite's single writer does.
        // NO KEY UPDATE: the foreign-key checks of other members' answers are not blocked.
        sqlx::query("SELECT 1 FROM members WHERE guild_id = $1 AND user_id = $2 FOR NO KEY UPDATE")
            .bind(db_id(guild.0))
            .bind(db_id(user.0))
            .fetch_optional(&mut *tx)
            .await?;
        let mut revisions = Vec::with_capacity(answers.len());
        for (question, value) in answers {
            revisions.push(upsert_answer(&mut tx, meeting, guild, user, question, value, now).await?);
        }
        tx.commit().await?;
        Ok(revisions)
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
