//! The scheduler's one step: do everything that is due at `now`, exactly once.
//!
//! Idempotency: every message sent for a job has a stable key. A key found in the store is
//! not sent again; the key also goes to the chat adapter as a nonce, so a send that reached
//! Discord just before a crash is deduplicated there. A job is marked done only after all its
//! posts are recorded. Catch-up: on start, everything overdue runs; of several overdue
//! reminders for one meeting only the newest is sent, and none once the deadline is due too.

use chrono::{DateTime, Duration, Utc};
use tracing::Instrument;

use super::meetings::{incomplete_members, status_of};
use super::ports::{Chat, ChatError, Clock, Job, MessageId, OutMessage, Store, StoreError};
use super::worker::Worker;
use crate::domain::schedule::JobKind;
use crate::domain::{ChannelId, Meeting, MeetingState, UserId};
use crate::i18n::Lang;
use crate::t;

/// Custom id of the "Answer" button on the questions post.
pub const ANSWER_BUTTON: &str = "samrad:answer";

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

/// Posts `message` under `key` unless a post with that key was already sent.
pub async fn post_once<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    key: &str,
    to: Target,
    message: OutMessage,
) -> Result<MessageId, JobFailure> {
    if let Some(id) = store.sent_post(key).await? {
        return Ok(id);
    }
    let (id, channel) = match to {
        Target::Channel(c) => (chat.post(c, message, Some(key)).await?, Some(c)),
        Target::Dm(u) => (chat.dm(u, message, Some(key)).await?, None),
    };
    store.record_post(key, channel, id, clock.now()).await?;
    Ok(id)
}

#[derive(Debug, Clone, Copy)]
pub enum Target {
    Channel(ChannelId),
    Dm(UserId),
}

#[derive(Debug, thiserror::Error)]
pub enum JobFailure {
    #[error(transparent)]
    Chat(#[from] ChatError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Config(String),
}

/// The lease under which one worker at a time runs the breakout timers.
pub const TIMERS_LEASE: &str = "breakout-timers";

/// Runs all due jobs as this process's worker.
pub async fn tick<S: Store + ?Sized>(store: &S, chat: &dyn Chat, clock: &dyn Clock) -> Result<TickReport, TickError> {
    tick_as(Worker::process(), store, chat, clock).await
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
) -> Result<TickReport, TickError> {
    let mut report = TickReport::default();
    loop {
        let now = clock.now();
        let due = store.claim_jobs(&worker.id, now, now + worker.lease, worker.batch).await?;
        run_claimed(worker, store, chat, clock, &due, &mut report).await?;
        if due.len() < worker.batch as usize {
            break;
        }
    }
    // Breakout timers live on the rounds themselves, so a restart resumes them from the store.
    let now = clock.now();
    if store.try_lease(TIMERS_LEASE, &worker.id, now, now + worker.lease).await? {
        match super::breakouts::run_timers(store, chat, clock).await {
            Ok(done) => report.done.extend(done),
            Err(e) => report.failed.push(format!("breakout timers: {e}")),
        }
    }
    Ok(report)
}

async fn run_claimed<S: Store + ?Sized>(
    worker: &Worker,
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
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
                super::agenda::run_job(store, chat, clock, job).await
            } else if job.kind == crate::domain::plan::PLAN_REMIND_JOB {
                // Plans outlive their meeting: their reminders run after it has ended.
                super::plan_reminders::run_job(store, chat, clock, job).await.map(|_| super::agenda::JobOutcome::Done)
            } else if job.kind == super::retention::RETENTION_JOB {
                Ok(super::retention::run_job(store, clock, job).await.map(|_| super::agenda::JobOutcome::Done)?)
            } else {
                run_job(store, chat, clock, job).await.map(|()| super::agenda::JobOutcome::Done)
            }
        }
        .instrument(span);
        let outcome = tokio::select! {
            outcome = work => outcome,
            lost = keep_claims(worker, store, clock, &held) => {
                tracing::warn!(job = job.id, error = ?lost.err(), "lost the claim on a running job; stopped it");
                report.failed.push(format!("{label}: claim lost"));
                continue;
            }
        };
        let now = clock.now();
        match outcome {
            // A paused agenda holds its jobs: they stay pending until `/agenda resume`.
            Ok(super::agenda::JobOutcome::Held) => {
                store.release_job(job.id, &worker.id).await?;
                report.skipped.push(label);
            }
            Ok(super::agenda::JobOutcome::Done) => {
                store.finish_job(job.id, &worker.id, now).await?;
                report.done.push(label);
            }
            Err(e) => {
                tracing::warn!(error = %e, attempts = job.attempts, "scheduled job failed");
                store.fail_job(job.id, &worker.id, &e.to_string(), retry_at(job, &e, now)).await?;
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

async fn run_job<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    job: &Job,
) -> Result<(), JobFailure> {
    let Some(meeting) = store.meeting(job.meeting).await? else { return Ok(()) };
    if meeting.state == MeetingState::Ended {
        return Ok(());
    }
    let lang = meeting.lang();
    let channel = store
        .meeting_channel(meeting.id)
        .await?
        .ok_or_else(|| JobFailure::Config(format!("meeting {} has no channel", meeting.id)))?;
    let key = |part: &str| format!("m{}:{}{}", meeting.id, job.key, part);
    match JobKind::parse(&job.kind) {
        Some(JobKind::Open) => {
            if meeting.state == MeetingState::Scheduled {
                store.set_meeting_state(meeting.id, MeetingState::Open).await?;
            }
            let mut post = questions_post(&meeting, lang);
            super::kits::insert_purpose(store, meeting.id, lang, &mut post.text).await;
            // A follow-up meeting asks each unit how last meeting's plan went.
            if let Some(plans) = super::followup::previous_plans_text(store, &meeting, lang).await? {
                post.text.push_str("\n\n");
                post.text.push_str(&plans);
            }
            if let Some(decisions) = super::plan_followup::previous_decisions_text(store, &meeting, lang).await? {
                post.text.push_str("\n\n");
                post.text.push_str(&decisions);
            }
            post_once(store, chat, clock, &key(""), Target::Channel(channel), post).await?;
            // Then each unit is asked about its open plans, with buttons per plan.
            for (suffix, question) in super::plan_followup::followup_questions(store, &meeting, lang).await? {
                post_once(store, chat, clock, &key(&suffix), Target::Channel(channel), question).await?;
            }
        }
        Some(JobKind::Remind) => {
            if meeting.state != MeetingState::Open {
                return Ok(());
            }
            remind(store, chat, clock, &meeting, lang, channel, &key("")).await?;
        }
        Some(JobKind::Deadline) => {
            if meeting.state == MeetingState::Open || meeting.state == MeetingState::Scheduled {
                store.set_meeting_state(meeting.id, MeetingState::Closed).await?;
            }
            let text = t!(lang, "deadline-post", title = meeting.title.as_str());
            post_once(store, chat, clock, &key(""), Target::Channel(channel), OutMessage::text(text)).await?;
        }
        Some(JobKind::Digest) => {
            // The digest names missing members, so it goes to the organisers' channel; without
            // one it goes to the meeting channel with names left out.
            let organisers = store.guild_settings(meeting.guild).await?.organiser_channel;
            let posts = super::digest::digest_post(store, &meeting, lang, organisers.is_some()).await?;
            let to = Target::Channel(organisers.unwrap_or(channel));
            for (i, post) in posts.into_iter().enumerate() {
                // One key per part; part 0 keeps the old key, so nothing already sent is sent again.
                let part = if i == 0 { String::new() } else { format!(":part{i}") };
                post_once(store, chat, clock, &key(&part), to, post).await?;
            }
        }
        None => return Err(JobFailure::Config(format!("unknown job kind {:?}", job.kind))),
    }
    Ok(())
}

/// The post that opens answering: the questions and an "Answer" button.
pub fn questions_post(meeting: &Meeting, lang: Lang) -> OutMessage {
    let mut text = t!(lang, "open-post", title = meeting.title.as_str());
    for (i, q) in meeting.reflection_questions().enumerate() {
        text.push_str(&format!("\n**{}.** {}", i + 1, q.text));
    }
    if let Some(deadline) = meeting.deadline {
        text.push('\n');
        text.push_str(&t!(lang, "open-post-deadline", when = crate::i18n::when(lang, deadline, meeting.timezone)));
    }
    OutMessage::text(text).with_button(ANSWER_BUTTON, t!(lang, "button-answer"))
}

/// Reminds, by DM, each member who still owes a required answer; members whose DMs are
/// closed are mentioned in one channel post instead.
async fn remind<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    lang: Lang,
    channel: ChannelId,
    key: &str,
) -> Result<(), JobFailure> {
    let status = status_of(store, meeting).await?;
    let mut unreachable = Vec::new();
    for member in incomplete_members(&status) {
        let member_lang = Lang::pick([member.locale.as_deref(), Some(lang.code())]);
        let text = t!(member_lang, "reminder-dm", title = meeting.title.as_str(), name = member.name.as_str());
        let message = OutMessage::text(text).with_button(ANSWER_BUTTON, t!(member_lang, "button-answer"));
        match post_once(store, chat, clock, &format!("{key}:u{}", member.user), Target::Dm(member.user), message).await
        {
            Ok(_) => {}
            Err(JobFailure::Chat(ChatError::Refused(_) | ChatError::NotFound(_))) => unreachable.push(member.user),
            Err(e) => return Err(e),
        }
    }
    if !unreachable.is_empty() {
        let mut message = OutMessage::text(t!(lang, "reminder-channel", count = unreachable.len()))
            .with_button(ANSWER_BUTTON, t!(lang, "button-answer"));
        message.mentions = unreachable;
        post_once(store, chat, clock, &format!("{key}:channel"), Target::Channel(channel), message).await?;
    }
    Ok(())
}
