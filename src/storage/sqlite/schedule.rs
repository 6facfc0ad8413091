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

    async fn claim_jobs(
        &self,
        worker: &str,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Job>, StoreError> {
        let (now, until, limit) = (time::to_db(now), time::to_db(lease_until), i64::from(limit));
        // One statement: SQLite runs one writer at a time, so no two workers claim a row.
        let mut rows = sqlx::query_as!(
            JobRow,
            "UPDATE schedules SET claimed_by = ?, lease_until = ?
             WHERE id IN (SELECT id FROM schedules
                          WHERE state = 'pending' AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
                          ORDER BY due_at, id LIMIT ?)
             RETURNING id AS \"id!\", meeting_id, key, kind, due_at, attempts",
            worker,
            until,
            now,
            now,
            limit
        )
        .fetch_all(&self.pool)
        .await?;
        rows.sort_by(|a, b| (&a.due_at, a.id).cmp(&(&b.due_at, b.id)));
        rows.into_iter().map(to_job).collect()
    }

    async fn claim_job(
        &self,
        job: i64,
        worker: &str,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let (now, until) = (time::to_db(now), time::to_db(lease_until));
        let done = sqlx::query!(
            "UPDATE schedules SET claimed_by = ?, lease_until = ?
             WHERE id = ? AND state = 'pending'
               AND (claimed_by IS NULL OR claimed_by = ? OR lease_until IS NULL OR lease_until <= ?)",
            worker,
            until,
            job,
            worker,
            now
        )
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn renew_claim(&self, job: i64, worker: &str, lease_until: DateTime<Utc>) -> Result<bool, StoreError> {
        let until = time::to_db(lease_until);
        let done = sqlx::query!(
            "UPDATE schedules SET lease_until = ? WHERE id = ? AND claimed_by = ? AND state = 'pending'",
            until,
            job,
            worker
        )
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn finish_job(&self, job: i64, worker: &str, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let now = time::to_db(now);
        let done = sqlx::query!(
            "UPDATE schedules SET state = 'done', done_at = ?, attempts = attempts + 1,
                    claimed_by = NULL, lease_until = NULL
             WHERE id = ? AND claimed_by = ? AND state = 'pending'",
            now,
            job,
            worker
        )
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn fail_job(
        &self,
        job: i64,
        worker: &str,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<bool, StoreError> {
        let done = match retry_at {
            Some(at) => {
                let at = time::to_db(at);
                sqlx::query!(
                    "UPDATE schedules SET attempts = attempts + 1, last_error = ?, due_at = ?,
                            claimed_by = NULL, lease_until = NULL
                     WHERE id = ? AND claimed_by = ? AND state = 'pending'",
                    error,
                    at,
                    job,
                    worker
                )
                .execute(&self.pool)
                .await?
            }
            None => {
                sqlx::query!(
                    "UPDATE schedules SET state = 'failed', attempts = attempts + 1, last_error = ?,
                            claimed_by = NULL, lease_until = NULL
                     WHERE id = ? AND claimed_by = ? AND state = 'pending'",
                    error,
                    job,
                    worker
                )
                .execute(&self.pool)
                .await?
            }
        };
        Ok(done.rows_affected() == 1)
    }

    async fn release_job(&self, job: i64, worker: &str) -> Result<(), StoreError> {
        sqlx::query!(
            "UPDATE schedules SET claimed_by = NULL, lease_until = NULL WHERE id = ? AND claimed_by = ?",
            job,
            worker
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn try_lease(
        &self,
        name: &str,
        worker: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let (now, until) = (time::to_db(now), time::to_db(until));
        let done = sqlx::query!(
            "INSERT INTO leases (name, holder, until) VALUES (?, ?, ?)
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
             WHERE leases.holder = excluded.holder OR leases.until <= ?",
            name,
            worker,
            until,
            now
        )
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn cancel_jobs(&self, meeting: MeetingId, key_prefix: &str) -> Result<(), StoreError> {
        // Not LIKE: SQLite's LIKE ignores ASCII case, so `room:` would also cancel `ROOM:` jobs.
        sqlx::query!(
            "UPDATE schedules SET state = 'cancelled'
             WHERE meeting_id = ? AND state = 'pending' AND substr(key, 1, length(?)) = ?",
            meeting.0,
            key_prefix,
            key_prefix
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
