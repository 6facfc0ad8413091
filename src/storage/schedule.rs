//! Scheduled jobs and the record of sent posts that makes scheduled work idempotent.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{chat_id, db_id, time, SqliteStore, StoreError};
use crate::app::ports::{Job, MessageId, NewJob, ScheduleStore};
use crate::domain::{ChannelId, MeetingId};

struct JobRow {
    id: i64,
    meeting_id: i64,
    key: String,
    kind: String,
    due_at: String,
    attempts: i64,
}

fn to_job(r: JobRow) -> Result<Job, StoreError> {
    Ok(Job {
        id: r.id,
        meeting: MeetingId(r.meeting_id),
        key: r.key,
        kind: r.kind,
        due_at: time::from_db(&r.due_at)?,
        attempts: u32::try_from(r.attempts).unwrap_or(0),
    })
}

/// Adds jobs within the caller's transaction; a key the meeting already has is left as it is,
/// so scheduling the same plan twice adds nothing.
pub(super) async fn insert_jobs(
    conn: &mut sqlx::SqliteConnection,
    meeting: MeetingId,
    jobs: &[NewJob],
) -> Result<(), StoreError> {
    for job in jobs {
        let due = time::to_db(job.due_at);
        sqlx::query!(
            "INSERT INTO schedules (meeting_id, key, kind, due_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (meeting_id, key) DO NOTHING",
            meeting.0,
            job.key,
            job.kind,
            due
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

#[async_trait]
impl ScheduleStore for SqliteStore {
    async fn schedule(&self, meeting: MeetingId, jobs: &[NewJob]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        insert_jobs(&mut tx, meeting, jobs).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn due_jobs(&self, now: DateTime<Utc>) -> Result<Vec<Job>, StoreError> {
        let now = time::to_db(now);
        let rows = sqlx::query_as!(
            JobRow,
            "SELECT id AS \"id!\", meeting_id, key, kind, due_at, attempts FROM schedules
             WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id",
            now
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(to_job).collect()
    }

    async fn finish_job(&self, job: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        let now = time::to_db(now);
        sqlx::query!(
            "UPDATE schedules SET state = 'done', done_at = ?, attempts = attempts + 1 WHERE id = ?",
            now,
            job
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn fail_job(&self, job: i64, error: &str, retry_at: Option<DateTime<Utc>>) -> Result<(), StoreError> {
        match retry_at {
            Some(at) => {
                let at = time::to_db(at);
                sqlx::query!(
                    "UPDATE schedules SET attempts = attempts + 1, last_error = ?, due_at = ? WHERE id = ?",
                    error,
                    at,
                    job
                )
                .execute(&self.pool)
                .await?;
            }
            None => {
                sqlx::query!(
                    "UPDATE schedules SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?",
                    error,
                    job
                )
                .execute(&self.pool)
                .await?;
            }
        }
        Ok(())
    }

    async fn cancel_jobs(&self, meeting: MeetingId, key_prefix: &str) -> Result<(), StoreError> {
        let pattern = format!("{}%", key_prefix.replace('%', "\\%").replace('_', "\\_"));
        sqlx::query!(
            "UPDATE schedules SET state = 'cancelled' WHERE meeting_id = ? AND state = 'pending' AND key LIKE ? ESCAPE '\\'",
            meeting.0,
            pattern
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn pending_jobs(&self, meeting: MeetingId) -> Result<Vec<Job>, StoreError> {
        let rows = sqlx::query_as!(
            JobRow,
            "SELECT id AS \"id!\", meeting_id, key, kind, due_at, attempts FROM schedules
             WHERE meeting_id = ? AND state = 'pending' ORDER BY due_at, id",
            meeting.0
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(to_job).collect()
    }

    async fn sent_post(&self, key: &str) -> Result<Option<MessageId>, StoreError> {
        let id = sqlx::query_scalar!("SELECT message_id FROM posts WHERE key = ?", key)
            .fetch_optional(&self.pool)
            .await?
            .flatten();
        Ok(id.map(|m| MessageId(chat_id(m))))
    }

    async fn record_post(
        &self,
        key: &str,
        channel: Option<ChannelId>,
        message: MessageId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let channel = channel.map(|c| db_id(c.0));
        let m = db_id(message.0);
        let now = time::to_db(now);
        sqlx::query!(
            "INSERT INTO posts (key, channel_id, message_id, created_at, sent_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (key) DO UPDATE SET message_id = excluded.message_id, sent_at = excluded.sent_at",
            key,
            channel,
            m,
            now,
            now
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
