//! Answers, edited in place with every earlier version kept in `answer_revisions`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{chat_id, db_id, time, SqliteStore, StoreError};
use crate::app::ports::{AnswerStore, StoredAnswer};
use crate::domain::{GuildId, MeetingId, QuestionId, UnitName, UserId};
use crate::storage::answer_batch;

struct Row {
    user_id: i64,
    unit: Option<String>,
    question_id: String,
    value: String,
    revision: i64,
    updated_at: String,
}

fn to_answer(r: Row) -> Result<StoredAnswer, StoreError> {
    let bad = |e: crate::domain::IdError| StoreError::Corrupt(e.to_string());
    Ok(StoredAnswer {
        user: UserId(chat_id(r.user_id)),
        unit: r.unit.map(|u| UnitName::try_from(u.as_str())).transpose().map_err(bad)?,
        question: QuestionId::try_from(r.question_id.as_str()).map_err(bad)?,
        value: r.value,
        revision: u32::try_from(r.revision).unwrap_or(1),
        updated_at: time::from_db(&r.updated_at)?,
    })
}

#[async_trait]
impl AnswerStore for SqliteStore {
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
        let now = time::to_db(now);
        let (g, u) = (db_id(guild.0), db_id(user.0));
        let input = answer_batch::rows(answers);
        let json = serde_json::to_string(&input).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        // One statement for one submission: atomic without a transaction, and the trigger
        // `answers_keep_history` moves each replaced version to `answer_revisions`.
        // (`WHERE true` tells SQLite's parser that ON CONFLICT belongs to the INSERT.)
        let rows = sqlx::query!(
            "INSERT INTO answers (meeting_id, question_id, guild_id, user_id, unit_id, value, answered_at, updated_at)
             SELECT ?, json_extract(a.value, '$[0]'), ?, ?, (SELECT unit_id FROM members WHERE guild_id = ? AND user_id = ?),
                    json_extract(a.value, '$[1]'), ?, ?
             FROM json_each(?) AS a WHERE true
             ON CONFLICT (meeting_id, question_id, user_id) DO UPDATE SET
                value = excluded.value, unit_id = excluded.unit_id,
                revision = answers.revision + 1, updated_at = excluded.updated_at
             RETURNING question_id, revision",
            meeting.0,
            g,
            u,
            g,
            u,
            now,
            now,
            json
        )
        .fetch_all(&self.pool)
        .await?;
        let saved: Vec<(String, i64)> = rows.into_iter().map(|r| (r.question_id, r.revision)).collect();
        Ok(answer_batch::revisions(answers, &saved))
    }

    async fn answers(&self, meeting: MeetingId) -> Result<Vec<StoredAnswer>, StoreError> {
        let rows = sqlx::query_as!(
            Row,
            r#"SELECT a.user_id, un.name AS "unit?", a.question_id, a.value, a.revision, a.updated_at
               FROM answers a LEFT JOIN units un ON un.id = a.unit_id
               JOIN questions q ON q.meeting_id = a.meeting_id AND q.id = a.question_id
               WHERE a.meeting_id = ? ORDER BY q.position, a.user_id"#,
            meeting.0
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(to_answer).collect()
    }

    async fn answers_of(&self, meeting: MeetingId, user: UserId) -> Result<Vec<StoredAnswer>, StoreError> {
        let u = db_id(user.0);
        let rows = sqlx::query_as!(
            Row,
            r#"SELECT a.user_id, un.name AS "unit?", a.question_id, a.value, a.revision, a.updated_at
               FROM answers a LEFT JOIN units un ON un.id = a.unit_id
               JOIN questions q ON q.meeting_id = a.meeting_id AND q.id = a.question_id
               WHERE a.meeting_id = ? AND a.user_id = ? ORDER BY q.position"#,
            meeting.0,
            u
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(to_answer).collect()
    }
}
