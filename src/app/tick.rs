//! The scheduler's one step: do everything that is due at `now`, exactly once.
//!
//! Idempotency: every message sent for a job has a stable key. A key found in the store is
//! not sent again; the key also goes to the chat adapter as a nonce, so a send that reached
//! Discord just before a crash is deduplicated there. A job is marked done only after all its
//! posts are recorded. Catch-up: on start, everything overdue runs; of several overdue
//! reminders for one meeting only the newest is sent, and none once the deadline is due too.

use chrono::{DateTime, Duration, Utc};
use tracing::Instrument;

use super::ports::{Chat, Clock, Job, Store, StoreError};
use super::posting::{JobFailure, JobOutcome};
use super::summarise::{Offline, Summariser};
use super::worker::Worker;
use crate::domain::schedule::JobKind;

#[derive(Debug, thiserror::Error)]
pub enum TickError {
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What one tick did, for logs and tests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TickReport {
    pub done: Vec<String>,
    pub skipped: Vec<String>,
    pub failed: Vec<String>,
}
/// The lease under which one worker at a time runs the breakout timers.
pub const TIMERS_LEASE: &str = "breakout-timers";

/// Runs all due jobs as this process's worker, with the offline summariser (tests, benches).
pub async fn tick<S: Store + ?Sized>(store: &S, chat: &dyn Chat, clock: &dyn Clock) -> Result<TickReport, TickError> {
    tick_as(Worker::process(), store, chat, clock, &Offline).await
}

/// Runs every due job that `worker` can claim. Processes sharing a database each call this;
/// a job is claimed by one of them, renewed while it runs, and taken over by another worker
/// only if its lease runs out (the process died). Posts are keyed, so a job taken over after
/// a crash does not repeat what was already sent.
pub async fn tick_as<S: Store + ?Sized>(
    worker: &Worker,
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    summariser: &dyn Summariser,
) -> Result<TickReport, TickError> {
    let mut report = TickReport::default();
    loop {
        let now = clock.now();
        let due = store.claim_jobs(&worker.id, now, now + worker.lease, worker.batch).await?;
        crate::ops::metrics::claimed(due.iter().map(|j| (now - j.due_at).num_milliseconds() as f64 / 1000.0));
        run_claimed(worker, store, chat, clock, summariser, &due, &mut report).await?;
        if due.len() < worker.batch as usize {
            break;
        }
    }
    // Breakout timers live on the rounds themselves, so a restart resumes them from the store.
    let now = clock.now();
    if store.try_lease(TIMERS_LEASE, &worker.id, now, now + worker.lease).await? {
        match super::breakouts::run_timers(store, chat, clock, summariser).await {
            Ok(done) => report.done.extend(done),
            Err(e) => report.failed.push(format!("breakout timers: {e}")),
        }
        // Speaking timers too: their state is in the store, so the lease's next holder resumes them.
        let speaking = super::speaking::timer::run_timers(store, chat, clock).await;
        report.done.extend(speaking.done);
        report.failed.extend(speaking.failed);
    }
    Ok(report)
}

async fn run_claimed<S: Store + ?Sized>(
    worker: &Worker,
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    summariser: &dyn Summariser,
    due: &[Job],
    report: &mut TickReport,
) -> Result<(), TickError> {
    for (i, job) in due.iter().enumerate() {
        let label = format!("meeting {} {}", job.meeting, job.key);
        // A reminder is pointless when a newer reminder or the deadline is also due.
        let superseded = job.kind == JobKind::Remind.as_str()
            && due[i + 1..].iter().any(|later| {
                later.meeting == job.meeting
                    && (later.kind == JobKind::Remind.as_str() || later.kind == JobKind::Deadline.as_str())
            });
        if superseded {
            store.finish_job(job.id, &worker.id, clock.now()).await?;
            crate::ops::metrics::job("skipped");
            report.skipped.push(label);
            continue;
        }
        // The jobs still waiting in this batch are held too; a slow job must not let them lapse.
        let held: Vec<i64> = due[i..].iter().map(|j| j.id).collect();
        if !store.renew_claim(job.id, &worker.id, clock.now() + worker.lease).await? {
            report.skipped.push(format!("{label}: taken over by another worker"));
            continue;
        }
        let span = tracing::info_span!("job", meeting = %job.meeting, key = %job.key);
        let work = async {
            if job.kind == crate::domain::agenda::AGENDA_JOB {
                super::agenda::run_job(store, chat, clock, summariser, job).await
            } else if job.kind == crate::domain::plan::PLAN_REMIND_JOB {
                // Plans outlive their meeting: their reminders run after it has ended.
                super::plan_reminders::run_job(store, chat, clock, job).await.map(|_| JobOutcome::Done)
            } else if job.kind == crate::domain::speaking::PREPARE_JOB {
                super::speaking::prepare::run_job(store, chat, clock, job).await.map(|_| JobOutcome::Done)
            } else if job.kind == super::sharing::SHARE_PLANS_JOB {
                super::sharing::run_job(store, chat, clock, job).await.map(|()| JobOutcome::Done)
            } else if job.kind == super::retention::RETENTION_JOB {
                Ok(super::retention::run_job(store, clock, job).await.map(|_| JobOutcome::Done)?)
            } else if job.kind == super::breakouts::ROOM_CLEANUP_JOB {
                super::breakouts::run_cleanup_job(store, chat, clock, job).await.map(|_| JobOutcome::Done)
            } else {
                super::reflection::run_job(store, chat, clock, summariser, job).await.map(|()| JobOutcome::Done)
            }
        }
        .instrument(span);
        let outcome = tokio::select! {
            outcome = work => outcome,
            lost = keep_claims(worker, store, clock, &held) => {
                tracing::warn!(job = job.id, error = ?lost.err(), "lost the claim on a running job; stopped it");
                crate::ops::metrics::job("failed");
                report.failed.push(format!("{label}: claim lost"));
                continue;
            }
        };
        let now = clock.now();
        match outcome {
            // A paused agenda holds its jobs: they stay pending until `/agenda resume`.
            Ok(JobOutcome::Held) => {
                store.release_job(job.id, &worker.id).await?;
                report.skipped.push(label);
            }
            Ok(JobOutcome::Done) => {
                store.finish_job(job.id, &worker.id, now).await?;
                crate::ops::metrics::job("done");
                report.done.push(label);
            }
            Err(e) => {
                tracing::warn!(error = %e, attempts = job.attempts, "scheduled job failed");
                store.fail_job(job.id, &worker.id, &e.to_string(), retry_at(job, &e, now)).await?;
                crate::ops::metrics::job("failed");
                report.failed.push(format!("{label}: {e}"));
            }
        }
    }
    Ok(())
}

/// Renews `worker`'s claims on `held` (the running job first) every third of the lease.
/// A claim that lapsed but that nobody took is renewed: the job was not run twice.
/// Returns only when the running job's claim is lost or the store fails.
async fn keep_claims<S: Store + ?Sized>(
    worker: &Worker,
    store: &S,
    clock: &dyn Clock,
    held: &[i64],
) -> Result<(), StoreError> {
    let every = worker.renewal_interval();
    loop {
        tokio::time::sleep(every).await;
        let until = clock.now() + worker.lease;
        for (i, id) in held.iter().enumerate() {
            if !store.renew_claim(*id, &worker.id, until).await? && i == 0 {
                return Ok(());
            }
        }
    }
}

/// Transient failures retry with backoff (1, 2, 4 … minutes, up to 10 tries); configuration
/// problems (no channel) fail at once so an organiser sees them in `/meeting status`.
fn retry_at(job: &Job, e: &JobFailure, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    match e {
        JobFailure::Config(_) => None,
        _ if job.attempts >= 10 => None,
        _ => Some(now + Duration::minutes(1 << job.attempts.min(6))),
    }
}
