//! The agenda runner: `/agenda start` copies the kit's agenda for the meeting day into the store
//! and schedules one job per item (`agenda:<n>`) plus `agenda:end`; `tick` runs them. Each item
//! is announced in plenary; breakout items open a round from the kit's plan (closed by the
//! round timer at the item's end); an item that asks meeting-day questions posts them (`ask`);
//! the evaluation item posts the evaluation questions; the end
//! posts the day's digest to the organisers. Facilitators can skip to the next item, pause,
//! resume and delay: all of it moves the stored jobs, so a restart continues where it was.
//!
//! Why copy the agenda instead of reloading the kit: the kit file may change or move between
//! restarts (`SAMRAD_KITS`), and the day must run as it was started. The copy is small.

mod ask;
mod posts;
mod run;

pub use ask::{ask_question, asked_key, during_post, during_suggestions, was_asked};
pub use posts::{evaluation_post, item_post, render_status};
pub(crate) use run::plenary_channel;
pub use run::run_job;

use chrono::{DateTime, Duration, Utc};

use super::actor::{Actor, UserMessage};
use super::breakouts::{self, BreakoutError};
use super::kits::KitCommandError;
use super::ports::{AgendaRun, Chat, ChatError, Clock, Job, Kits, NewJob, OutMessage, Store, StoreError};
use super::posting::{post_once, JobFailure, JobOutcome, Target};
use super::summarise::Summariser;
use crate::domain::agenda::{self as rules, AgendaKey, DayItem, DelayError, AGENDA_JOB};
use crate::domain::kit::Kit;
use crate::domain::Meeting;
use crate::i18n::Lang;
use crate::t;

/// Agenda titles in posts are cut to this many characters (seed titles can be paragraphs).
pub(super) const TITLE_CHARS: usize = 200;

#[derive(Debug, thiserror::Error)]
pub enum AgendaError {
    #[error("only facilitators and organisers may do that")]
    NotFacilitator,
    #[error("no meeting is loaded")]
    NoMeeting,
    #[error("the loaded meeting is {loaded:?}, not kit {given:?}")]
    WrongKit { loaded: String, given: String },
    #[error("the kit has no agenda")]
    NoAgenda,
    #[error("the day's agenda is already over")]
    DayOver,
    #[error("the agenda has already started")]
    AlreadyStarted,
    #[error("the agenda has not started")]
    NotStarted,
    #[error("the agenda is already paused")]
    AlreadyPaused,
    #[error("the agenda is not paused")]
    NotPaused,
    #[error("no agenda item is left")]
    NothingLeft,
    #[error("the next agenda item is being run right now")]
    Busy,
    #[error("the meeting has no question {0:?}")]
    UnknownQuestion(String),
    #[error("question {0:?} is not a question of the meeting day")]
    NotDuring(String),
    #[error(transparent)]
    Delay(#[from] DelayError),
    #[error("the chat platform failed: {0}")]
    Chat(#[from] ChatError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<JobFailure> for AgendaError {
    fn from(e: JobFailure) -> Self {
        match e {
            JobFailure::Chat(c) => Self::Chat(c),
            JobFailure::Store(s) => Self::Store(s),
            JobFailure::Config(c) => Self::Chat(ChatError::Refused(c)),
        }
    }
}

impl From<BreakoutError> for AgendaError {
    fn from(e: BreakoutError) -> Self {
        match e {
            BreakoutError::Store(s) => Self::Store(s),
            BreakoutError::Chat(c) => Self::Chat(c),
            other => Self::Chat(ChatError::Refused(other.to_string())),
        }
    }
}

impl UserMessage for AgendaError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::NotFacilitator => t!(lang, "err-not-facilitator"),
            Self::NoMeeting => t!(lang, "err-no-meeting"),
            Self::WrongKit { loaded, given } => {
                t!(lang, "err-agenda-wrong-kit", loaded = loaded.as_str(), given = given.as_str())
            }
            Self::NoAgenda => t!(lang, "err-agenda-none"),
            Self::DayOver => t!(lang, "err-agenda-over"),
            Self::AlreadyStarted => t!(lang, "err-agenda-started"),
            Self::NotStarted => t!(lang, "err-agenda-not-started"),
            Self::AlreadyPaused => t!(lang, "err-agenda-paused"),
            Self::NotPaused => t!(lang, "err-agenda-not-paused"),
            Self::NothingLeft => t!(lang, "err-agenda-nothing-left"),
            Self::Busy => t!(lang, "err-agenda-busy"),
            Self::UnknownQuestion(q) => t!(lang, "err-agenda-unknown-question", id = q.as_str()),
            Self::NotDuring(q) => t!(lang, "err-agenda-not-during", id = q.as_str()),
            Self::Delay(DelayError::OutOfRange { got, max }) => t!(lang, "err-agenda-delay", got = *got, max = *max),
            Self::Chat(e) => t!(lang, "err-chat", detail = e.to_string()),
            Self::Store(_) => t!(lang, "err-internal"),
        }
    }
}

/// Where the day stands: for `/agenda status` and the replies to next/pause/resume/delay.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaStatus {
    pub meeting: Meeting,
    pub run: AgendaRun,
    pub now: DateTime<Utc>,
}

impl AgendaStatus {
    pub fn current(&self) -> Option<&DayItem> {
        rules::current(&self.run.items, self.run.shift, self.now)
    }
    pub fn next(&self) -> Option<&DayItem> {
        rules::next_after(&self.run.items, self.run.shift, self.now)
    }
}

async fn facilitated<S: Store + ?Sized>(store: &S, actor: &Actor) -> Result<Meeting, AgendaError> {
    if !actor.can_facilitate() {
        return Err(AgendaError::NotFacilitator);
    }
    store.current_meeting(actor.guild).await?.ok_or(AgendaError::NoMeeting)
}

async fn started<S: Store + ?Sized>(store: &S, clock: &dyn Clock, actor: &Actor) -> Result<AgendaStatus, AgendaError> {
    let meeting = facilitated(store, actor).await?;
    let run = store.agenda(meeting.id).await?.ok_or(AgendaError::NotStarted)?;
    Ok(AgendaStatus { meeting, run, now: clock.now() })
}

async fn reload<S: Store + ?Sized>(store: &S, status: AgendaStatus) -> Result<AgendaStatus, AgendaError> {
    let run = store.agenda(status.meeting.id).await?.ok_or(AgendaError::NotStarted)?;
    Ok(AgendaStatus { run, ..status })
}

/// What `/agenda start` began: where the day stands, and the kit's purpose of the day.
pub struct StartedDay {
    pub status: AgendaStatus,
    pub purpose: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum StartDayError {
    #[error(transparent)]
    Kit(#[from] KitCommandError),
    #[error(transparent)]
    Agenda(#[from] AgendaError),
}

impl UserMessage for StartDayError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::Kit(e) => e.user_message(lang),
            Self::Agenda(e) => e.user_message(lang),
        }
    }
}

/// `/agenda start` for the loaded meeting: [`start_day`] with the kit the meeting runs on.
pub async fn start_loaded_day<S: Store + ?Sized>(
    store: &S,
    kits: &dyn Kits,
    chat: &dyn Chat,
    clock: &dyn Clock,
    actor: &Actor,
) -> Result<StartedDay, StartDayError> {
    let Some((_, kit)) = super::kits::current_kit(store, kits, actor).await? else {
        return Err(AgendaError::NoMeeting.into());
    };
    let status = start_day(store, chat, clock, actor, &kit).await?;
    Ok(StartedDay { status, purpose: kit.purpose })
}

/// `/agenda start`: the kit's agenda on the meeting's day, in the kit's timezone. Items that
/// are already over are not replayed; the one in progress starts at the next tick. The purpose
/// of the day (the kit's `purpose`) is posted in plenary first, once, before any item is.
pub async fn start_day<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    actor: &Actor,
    kit: &Kit,
) -> Result<AgendaStatus, AgendaError> {
    let meeting = facilitated(store, actor).await?;
    if kit.id != meeting.kit_id {
        return Err(AgendaError::WrongKit { loaded: meeting.kit_id.clone(), given: kit.id.clone() });
    }
    if kit.agenda.is_empty() {
        return Err(AgendaError::NoAgenda);
    }
    if store.agenda(meeting.id).await?.is_some() {
        return Err(AgendaError::AlreadyStarted);
    }
    let date = store.meeting_date(meeting.id).await?.unwrap_or(kit.date);
    let items = rules::plan_day(&kit.agenda, &kit.breakouts, date, meeting.timezone);
    let now = clock.now();
    let jobs = rules::jobs(&items, now);
    if !jobs.iter().any(|j| matches!(j.key, AgendaKey::Item(_))) {
        return Err(AgendaError::DayOver);
    }
    let rows: Vec<NewJob> =
        jobs.iter().map(|j| NewJob { key: j.key.key(), kind: AGENDA_JOB.into(), due_at: j.due_at }).collect();
    // Posted before the day is stored: when posting fails nothing has started and the
    // facilitator can start again; the key keeps a second start from posting it twice.
    let purpose = super::kits::render_purpose(&kit.purpose, meeting.lang());
    if !purpose.is_empty() {
        let plenary = run::plenary_channel(store, &meeting).await?;
        let key = format!("m{}:agenda:purpose", meeting.id);
        post_once(store, chat, clock, &key, Target::Channel(plenary), OutMessage::text(purpose)).await?;
    }
    match store.start_agenda(meeting.id, &items, &rows, now).await {
        Err(StoreError::Conflict(_)) => return Err(AgendaError::AlreadyStarted),
        other => other?,
    }
    let run = store.agenda(meeting.id).await?.ok_or(AgendaError::NotStarted)?;
    Ok(AgendaStatus { meeting, run, now })
}

/// `/agenda status`.
pub async fn agenda_status<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    actor: &Actor,
) -> Result<AgendaStatus, AgendaError> {
    started(store, clock, actor).await
}

/// `/agenda next`: ends the current item now and starts the next one (later items move
/// earlier by the same amount). A running breakout round is closed first. After the last item
/// it ends the day.
pub async fn next_item<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    summariser: &dyn Summariser,
    actor: &Actor,
) -> Result<AgendaStatus, AgendaError> {
    let status = started(store, clock, actor).await?;
    let now = status.now;
    let next = store
        .pending_jobs(status.meeting.id)
        .await?
        .into_iter()
        .filter(|j| j.kind == AGENDA_JOB)
        .min_by_key(|j| (j.due_at, AgendaKey::parse(&j.key) == Some(AgendaKey::End)))
        .ok_or(AgendaError::NothingLeft)?;
    if status.run.paused_at.is_some() {
        store.set_agenda_paused(status.meeting.id, None).await?;
    }
    let shift = rules::skip_shift(next.due_at, now);
    if shift != Duration::zero() {
        store.shift_agenda(status.meeting.id, shift).await?;
    }
    if let Some(round) = store.open_round(status.meeting.id).await? {
        breakouts::close_round(store, chat, clock, summariser, &status.meeting, &round).await?;
    }
    // The scheduler of this or another process must not run the same item meanwhile.
    let worker = super::worker::Worker::process();
    if !store.claim_job(next.id, &worker.id, now, now + worker.lease).await? {
        return Err(AgendaError::Busy);
    }
    let job = Job { due_at: now, ..next };
    match run_job(store, chat, clock, summariser, &job).await {
        Ok(JobOutcome::Done) => {
            store.finish_job(job.id, &worker.id, clock.now()).await?;
        }
        Ok(JobOutcome::Held) => store.release_job(job.id, &worker.id).await?,
        Err(e) => {
            store.release_job(job.id, &worker.id).await?;
            return Err(e.into());
        }
    }
    reload(store, status).await
}

/// `/agenda pause`: holds the remaining items until `/agenda resume`.
pub async fn pause<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    actor: &Actor,
) -> Result<AgendaStatus, AgendaError> {
    let status = started(store, clock, actor).await?;
    if status.run.paused_at.is_some() {
        return Err(AgendaError::AlreadyPaused);
    }
    store.set_agenda_paused(status.meeting.id, Some(status.now)).await?;
    reload(store, status).await
}

/// `/agenda resume`: the remaining items move later by the length of the pause.
pub async fn resume<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    actor: &Actor,
) -> Result<AgendaStatus, AgendaError> {
    let status = started(store, clock, actor).await?;
    let paused_at = status.run.paused_at.ok_or(AgendaError::NotPaused)?;
    let held = (status.now - paused_at).max(Duration::zero());
    store.shift_agenda(status.meeting.id, held).await?;
    store.set_agenda_paused(status.meeting.id, None).await?;
    reload(store, status).await
}

/// `/agenda delay <minutes>`: the current item gets longer and every remaining item moves
/// later (1 to 180 minutes). A running breakout round gets the same extra time.
pub async fn delay<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    actor: &Actor,
    minutes: i64,
) -> Result<AgendaStatus, AgendaError> {
    let by = rules::delay(minutes)?;
    let status = started(store, clock, actor).await?;
    store.shift_agenda(status.meeting.id, by).await?;
    if let Some(round) = store.open_round(status.meeting.id).await? {
        store.set_round_ends(round.id, round.ends_at + by, false).await?;
    }
    reload(store, status).await
}
