//! Scheduled jobs, claimed by workers under leases, and the record of sent posts that makes
//! scheduled work idempotent.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{chat_id, db_id, PgStore, StoreError};
use crate::app::ports::{Job, MessageId, NewJob, ScheduleStore};
use crate::domain::{ChannelId, MeetingId};

#[derive(sqlx::FromRow)]
struct JobRow {
    id: i64,
    meeting_id: i64,
    key: String,
    kind: String,
    due_at: DateTime<Utc>,
    attempts: i32,
}

fn to_job(r: JobRow) -> Job {
    Job {
        id: r.id,
        meeting: MeetingId(r.meeting_id),
        key: r.key,
        kind: r.kind,
        due_at: r.due_at,
        attempts: u32::try_from(r.attempts).unwrap_or(0),
    }
}

/// Adds jobs within the caller's transaction; a key the meeting already has is left as it is,
/// so scheduling the same plan twice adds nothing.
pub(super) async fn insert_jobs(
    conn: &mut sqlx::PgConnection,
    meeting: MeetingId,
    jobs: &[NewJob],
) -> Result<(), StoreError> {
    for job in jobs {
        sqlx::query(
            "INSERT INTO schedules (meeting_id, key, kind, due_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (meeting_id, key) DO NOTHING",
        )
        .bind(meeting.0)
        .bind(&job.key)
        .bind(&job.kind)
        .bind(job.due_at)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// `prefix` as a LIKE pattern matching itself literally, then anything.
pub(super) fn prefix_pattern(prefix: &str) -> String {
    format!("{}%", prefix.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

/// A key condition matching keys that start with the pattern bound at `$n`, case and all
/// (keys are unique as spelled; the SQLite store compares prefixes as spelled too).
pub(super) fn key_like(n: u8) -> String {
    format!("key LIKE ${n} ESCAPE '\\'")
}

#[async_trait]
impl ScheduleStore for PgStore {
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
        // SKIP LOCKED: workers claiming at the same moment each take different rows instead of
        // queueing behind one another's locks and then finding the rows gone.
        let mut rows: Vec<JobRow> = sqlx::query_as(
            "UPDATE schedules SET claimed_by = $1, lease_until = $2
             WHERE id IN (SELECT id FROM schedules
                          WHERE state = 'pending' AND due_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
                          ORDER BY due_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
             RETURNING id, meeting_id, key, kind, due_at, attempts",
        )
        .bind(worker)
        .bind(lease_until)
        .bind(now)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        // RETURNING follows no ORDER BY.
        rows.sort_by_key(|r| (r.due_at, r.id));
        Ok(rows.into_iter().map(to_job).collect())
    }

    async fn claim_job(
        &self,
        job: i64,
        worker: &str,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE schedules SET claimed_by = $1, lease_until = $2
             WHERE id = $3 AND state = 'pending'
               AND (claimed_by IS NULL OR claimed_by = $1 OR lease_until IS NULL OR lease_until <= $4)",
        )
        .bind(worker)
        .bind(lease_until)
        .bind(job)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn renew_claim(&self, job: i64, worker: &str, lease_until: DateTime<Utc>) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE schedules SET lease_until = $1 WHERE id = $2 AND claimed_by = $3 AND state = 'pending'",
        )
        .bind(lease_until)
        .bind(job)
        .bind(worker)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn finish_job(&self, job: i64, worker: &str, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE schedules SET state = 'done', done_at = $1, attempts = attempts + 1,
                    claimed_by = NULL, lease_until = NULL
             WHERE id = $2 AND claimed_by = $3 AND state = 'pending'",
        )
        .bind(now)
        .bind(job)
        .bind(worker)
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
        let query = match retry_at {
            Some(at) => sqlx::query(
                "UPDATE schedules SET attempts = attempts + 1, last_error = $1, due_at = $4,
                        claimed_by = NULL, lease_until = NULL
                 WHERE id = $2 AND claimed_by = $3 AND state = 'pending'",
            )
            .bind(error)
            .bind(job)
            .bind(worker)
            .bind(at),
            None => sqlx::query(
                "UPDATE schedules SET state = 'failed', attempts = attempts + 1, last_error = $1,
                        claimed_by = NULL, lease_until = NULL
                 WHERE id = $2 AND claimed_by = $3 AND state = 'pending'",
            )
            .bind(error)
            .bind(job)
            .bind(worker),
        };
        let done = query.execute(&self.pool).await?;
        Ok(done.rows_affected() == 1)
    }

    async fn release_job(&self, job: i64, worker: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE schedules SET claimed_by = NULL, lease_until = NULL WHERE id = $1 AND claimed_by = $2")
            .bind(job)
            .bind(worker)
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
        let done = sqlx::query(
            "INSERT INTO leases (name, holder, until) VALUES ($1, $2, $3)
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
             WHERE leases.holder = excluded.holder OR leases.until <= $4",
        )
        .bind(name)
        .bind(worker)
        .bind(until)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn cancel_jobs(&self, meeting: MeetingId, key_prefix: &str) -> Result<(), StoreError> {
        sqlx::query(&format!(
            "UPDATE schedules SET state = 'cancelled' WHERE meeting_id = $1 AND state = 'pending' AND {}",
            key_like(2)
        ))
        .bind(meeting.0)
        .bind(prefix_pattern(key_prefix))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn pending_jobs(&self, meeting: MeetingId) -> Result<Vec<Job>, StoreError> {
        let rows: Vec<JobRow> = sqlx::query_as(
            "SELECT id, meeting_id, key, kind, due_at, attempts FROM schedules
             WHERE meeting_id = $1 AND state = 'pending' ORDER BY due_at, id",
        )
        .bind(meeting.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(to_job).collect())
    }

    async fn sent_post(&self, key: &str) -> Result<Option<MessageId>, StoreError> {
        let id: Option<Option<i64>> = sqlx::query_scalar("SELECT message_id FROM posts WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(id.flatten().map(|m| MessageId(chat_id(m))))
    }

    async fn record_post(
        &self,
        key: &str,
        channel: Option<ChannelId>,
        message: MessageId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO posts (key, channel_id, message_id, created_at, sent_at) VALUES ($1, $2, $3, $4, $4)
             ON CONFLICT (key) DO UPDATE SET message_id = excluded.message_id, sent_at = excluded.sent_at",
        )
        .bind(key)
        .bind(channel.map(|c| db_id(c.0)))
        .bind(db_id(message.0))
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
