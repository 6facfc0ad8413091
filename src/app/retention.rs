//! Retention: a guild may set `retention_days`; answers, notes and room summaries of its
//! meetings are then deleted that many days after the meeting ended. The deletion is a
//! scheduled job per meeting (kind `retention`), claimed by one worker like every job and
//! logged. The key figures and response rates the next meeting of the series compares with
//! are kept first.
//!
//! The job is (re)scheduled when a meeting ends and when the setting changes; the job itself
//! reads the setting again when it runs, so turning retention off (or lengthening it) later
//! is honoured: an early job does nothing.

use chrono::{DateTime, Duration, Utc};

use super::actor::{Actor, UserMessage};
use super::ports::{Clock, Job, NewJob, Store, StoreError};
use super::privacy_store::{AuditAction, AuditEntry};
use crate::domain::digest;
use crate::domain::{GuildId, MeetingId};
use crate::i18n::Lang;
use crate::t;

/// The job kind in `schedules`.
pub const RETENTION_JOB: &str = "retention";

/// The most days a guild may keep answers under a retention setting (ten years).
pub const MAX_RETENTION_DAYS: u32 = 3650;

#[derive(Debug, thiserror::Error)]
pub enum RetentionError {
    #[error("only organisers may change retention")]
    NotOrganiser,
    #[error("retention must be 1 to {MAX_RETENTION_DAYS} days (got {0})")]
    OutOfRange(u32),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl UserMessage for RetentionError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::NotOrganiser => t!(lang, "err-not-organiser"),
            Self::OutOfRange(got) => {
                t!(lang, "err-bad-input", detail = format!("retention_days: 1–{MAX_RETENTION_DAYS} ({got})"))
            }
            Self::Store(_) => t!(lang, "err-internal"),
        }
    }
}

/// When the words of a meeting that ended at `ended` are deleted under `days`.
pub fn due(ended: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    ended + Duration::days(i64::from(days))
}

/// `/meeting config retention_days`: `None` or 0 turns retention off. Schedules the deletion
/// of every ended meeting of the guild under the new setting. Returns the reply.
pub async fn set_retention<S: Store + ?Sized>(
    store: &S,
    actor: &Actor,
    days: Option<u32>,
) -> Result<String, RetentionError> {
    if !actor.can_organise() {
        return Err(RetentionError::NotOrganiser);
    }
    let days = days.filter(|d| *d > 0);
    if let Some(d) = days.filter(|d| *d > MAX_RETENTION_DAYS) {
        return Err(RetentionError::OutOfRange(d));
    }
    store.set_retention_days(actor.guild, days).await?;
    schedule_guild(store, actor.guild).await?;
    tracing::info!(guild = %actor.guild, days = ?days, "retention set");
    Ok(match days {
        Some(days) => t!(actor.lang, "retention-set", days = days),
        None => t!(actor.lang, "retention-off"),
    })
}

/// Schedules the retention job of each ended, not yet purged meeting of `guild`. The key
/// carries the due time, so a changed setting adds a job instead of finding the old one.
pub async fn schedule_guild<S: Store + ?Sized>(store: &S, guild: GuildId) -> Result<(), StoreError> {
    for ended in store.ended_meetings().await?.into_iter().filter(|m| m.guild == guild) {
        let Some(days) = ended.retention_days else { continue };
        let due_at = due(ended.ended, days);
        let job = NewJob { key: format!("{RETENTION_JOB}:{}", due_at.timestamp()), kind: RETENTION_JOB.into(), due_at };
        store.schedule(ended.meeting, &[job]).await?;
    }
    Ok(())
}

/// Runs a claimed retention job: purges the meeting when the guild's setting says it is due
/// now; otherwise (setting off, or lengthened since) does nothing. Returns rows deleted.
pub async fn run_job<S: Store + ?Sized>(store: &S, clock: &dyn Clock, job: &Job) -> Result<u64, StoreError> {
    let now = clock.now();
    let Some(ended) = store.ended_meetings().await?.into_iter().find(|m| m.meeting == job.meeting) else {
        return Ok(0);
    };
    let Some(days) = ended.retention_days else { return Ok(0) };
    if due(ended.ended, days) > now {
        return Ok(0);
    }
    purge(store, job.meeting, now).await
}

/// The audit entry of a purge: by the scheduler (no actor), naming the meeting by its title.
pub fn audit_entry(meeting: MeetingId, title: &str, at: DateTime<Utc>) -> AuditEntry {
    AuditEntry { at, actor: None, action: AuditAction::Retention, meeting: Some(meeting), detail: title.to_owned() }
}

/// Keeps the meeting's key figures, then deletes its words, recorded in the audit log (shown
/// in `/meeting status`) and logged.
pub async fn purge<S: Store + ?Sized>(store: &S, meeting: MeetingId, now: DateTime<Utc>) -> Result<u64, StoreError> {
    let Some(m) = store.meeting(meeting).await? else { return Ok(0) };
    let input = super::digest::digest_input(store, &m).await?;
    let kept = digest::compute(&input).as_previous(String::new());
    let audit = audit_entry(meeting, &m.title, now);
    let deleted = store.purge_meeting(meeting, &kept.key_figures, &kept.response_rates, &audit).await?;
    tracing::info!(%meeting, deleted, kept_figures = kept.key_figures.len(), "retention: meeting words deleted");
    Ok(deleted)
}
