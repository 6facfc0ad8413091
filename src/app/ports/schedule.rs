//! Storing scheduled jobs, their claims by workers, named leases, and the keys of posts
//! already sent (so a job repeated after a crash sends nothing twice).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{MessageId, StoreError};
use crate::domain::{ChannelId, MeetingId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub id: i64,
    pub meeting: MeetingId,
    pub key: String,
    pub kind: String,
    pub due_at: DateTime<Utc>,
    pub attempts: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewJob {
    pub key: String,
    pub kind: String,
    pub due_at: DateTime<Utc>,
}

#[async_trait]
pub trait ScheduleStore: Send + Sync {
    /// Adds jobs; a job whose key exists for the meeting is left as it is.
    async fn schedule(&self, meeting: MeetingId, jobs: &[NewJob]) -> Result<(), StoreError>;
    /// Claims up to `limit` pending jobs due at `now` that no worker holds, `worker` included
    /// (or whose holder's lease ran out), for `worker` until `lease_until`, in due order.
    /// Several processes may claim at once on one database: each job goes to exactly one of them.
    async fn claim_jobs(
        &self,
        worker: &str,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Job>, StoreError>;
    /// Extends `worker`'s claim on a running job. `false`: the claim was lost (the lease ran
    /// out and another worker took the job), so this worker must stop working on it.
    async fn renew_claim(&self, job: i64, worker: &str, lease_until: DateTime<Utc>) -> Result<bool, StoreError>;
    /// Marks a job done, if `worker` still holds it. Returns whether it did.
    async fn finish_job(&self, job: i64, worker: &str, now: DateTime<Utc>) -> Result<bool, StoreError>;
    /// Records a failed attempt, if `worker` still holds the job, and releases it; with
    /// `retry_at` the job stays pending until then.
    async fn fail_job(
        &self,
        job: i64,
        worker: &str,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<bool, StoreError>;
    /// Claims one pending job by id whether due or not (`/agenda next` runs the next item
    /// early), unless another worker holds it. Returns whether `worker` now holds it.
    async fn claim_job(
        &self,
        job: i64,
        worker: &str,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// Releases a job without recording an attempt (a paused agenda holds its jobs).
    async fn release_job(&self, job: i64, worker: &str) -> Result<(), StoreError>;
    /// Takes or renews the named lease for `worker` until `until`: granted when free, expired
    /// at `now`, or already `worker`'s. Work done by one process at a time (breakout timers)
    /// runs under a lease, so a process that dies hands it on when its lease runs out.
    async fn try_lease(
        &self,
        name: &str,
        worker: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// Cancels the meeting's pending jobs whose key starts with `key_prefix`, compared as
    /// spelled: case counts, and `%`, `_` and `\` are ordinary characters.
    async fn cancel_jobs(&self, meeting: MeetingId, key_prefix: &str) -> Result<(), StoreError>;
    async fn pending_jobs(&self, meeting: MeetingId) -> Result<Vec<Job>, StoreError>;
    /// The message already sent under `key`, if any.
    async fn sent_post(&self, key: &str) -> Result<Option<MessageId>, StoreError>;
    async fn record_post(
        &self,
        key: &str,
        channel: Option<ChannelId>,
        message: MessageId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;
}
