//! The agenda runner: `/agenda start` copies the kit's agenda for the meeting day into the store
//! and schedules one job per item (`agenda:<n>`) plus `agenda:end`; `tick` runs them. Each item
//! is announced in plenary; breakout items open a round from the kit's plan (closed by the
//! round timer at the item's end); the evaluation item posts the evaluation questions; the end
//! posts the day's digest to the organisers. Facilitators can skip to the next item, pause,
//! resume and delay: all of it moves the stored jobs, so a restart continues where it was.
//!
//! Why copy the agenda instead of reloading the kit: the kit file may change or move between
//! restarts (`SAMRAD_KITS`), and the day must run as it was started. The copy is small.

use chrono::{DateTime, Duration, Utc};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::actor::{Actor, Staff, UserMessage};
use super::breakouts::{self, BreakoutError, SplitRequest};
use super::ports::{AgendaRun, Chat, ChatError, Clock, Job, MessageId, NewJob, OutMessage, Store, StoreError};
use super::tick::{post_once, JobFailure, Target};
use crate::domain::agenda::{self as rules, AgendaKey, DayItem, DelayError, AGENDA_JOB};
use crate::domain::grouping::{Mode, Sizing};
use crate::domain::text::truncate_words;
use crate::domain::{ChannelId, Meeting, MeetingState, UserId};
use crate::i18n::Lang;
use crate::kit::{AgendaKind, Kit};
use crate::t;

/// Custom id of the "Evaluate" button on the evaluation post.
pub const EVALUATE_BUTTON: &str = "samrad:evaluate";
/// Agenda titles in posts are cut to this many characters (seed titles can be paragraphs).
const TITLE_CHARS: usize = 200;

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

/// `/agenda start`: the kit's agenda on the meeting's day, in the kit's timezone. Items that
/// are already over are not replayed; the one in progress starts at the next tick.
pub async fn start_day<S: Store + ?Sized>(
    store: &S,
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
        breakouts::close_round(store, chat, clock, &status.meeting, &round).await?;
    }
    // The scheduler of this or another process must not run the same item meanwhile.
    let worker = super::worker::Worker::process();
    if !store.claim_job(next.id, &worker.id, now, now + worker.lease).await? {
        return Err(AgendaError::Busy);
    }
    let job = Job { due_at: now, ..next };
    match run_job(store, chat, clock, &job).await {
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

// ---------------------------------------------------------------- the scheduled part

/// What running an agenda job came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobOutcome {
    Done,
    /// The agenda is paused: the job stays pending.
    Held,
}

fn local(meeting: &Meeting, at: DateTime<Utc>) -> String {
    at.with_timezone(&meeting.timezone).format("%H:%M").to_string()
}

fn kind_label(kind: AgendaKind, lang: Lang) -> String {
    t!(lang, &format!("agenda-kind-{}", rules::kind_str(kind)))
}

/// The post that opens an agenda item: now, and what comes next.
pub fn item_post(meeting: &Meeting, run: &AgendaRun, item: &DayItem, lang: Lang) -> OutMessage {
    let (start, end) = item.shifted(run.shift);
    let mut text = t!(
        lang,
        "agenda-now",
        title = truncate_words(&item.title, TITLE_CHARS),
        kind = kind_label(item.kind, lang),
        minutes = item.minutes,
        start = local(meeting, start),
        end = local(meeting, end)
    );
    if let Some(next) = run.items.iter().find(|i| i.shifted(run.shift).0 >= end && i.position != item.position) {
        text.push('\n');
        text.push_str(&t!(
            lang,
            "agenda-next",
            title = truncate_words(&next.title, TITLE_CHARS),
            kind = kind_label(next.kind, lang),
            minutes = next.minutes,
            start = local(meeting, next.shifted(run.shift).0)
        ));
    }
    OutMessage::text(text)
}

/// The evaluation post: the evaluation questions and an "Evaluate" button.
pub fn evaluation_post(meeting: &Meeting, lang: Lang) -> OutMessage {
    let mut text = t!(lang, "agenda-evaluation-post", title = meeting.title.as_str());
    for (i, q) in meeting.evaluation_questions().enumerate() {
        text.push_str(&format!("\n**{}.** {}", i + 1, q.text));
    }
    OutMessage::text(text).with_button(EVALUATE_BUTTON, t!(lang, "button-evaluate"))
}

/// Runs one agenda job (from `tick`, or at once from `next_item`). Idempotent: posts are keyed
/// and the round an item opened is recorded, so a job repeated after a crash adds nothing.
pub async fn run_job<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    job: &Job,
) -> Result<JobOutcome, JobFailure> {
    let Some(meeting) = store.meeting(job.meeting).await? else { return Ok(JobOutcome::Done) };
    if meeting.state == MeetingState::Ended {
        return Ok(JobOutcome::Done);
    }
    let Some(run) = store.agenda(meeting.id).await? else { return Ok(JobOutcome::Done) };
    if run.paused_at.is_some() {
        return Ok(JobOutcome::Held);
    }
    let lang = meeting.lang();
    let settings = store.guild_settings(meeting.guild).await?;
    let plenary = match settings.plenary_channel {
        Some(c) => c,
        None => store
            .meeting_channel(meeting.id)
            .await?
            .ok_or_else(|| JobFailure::Config(format!("meeting {} has no channel", meeting.id)))?,
    };
    let now = clock.now();
    match AgendaKey::parse(&job.key) {
        Some(AgendaKey::Item(position)) => {
            let Some(item) = run.items.iter().find(|i| i.position == position) else { return Ok(JobOutcome::Done) };
            let (_, end) = item.shifted(run.shift);
            // Catching up after downtime: an item that is already over is not replayed.
            if end <= now {
                return Ok(JobOutcome::Done);
            }
            // The previous item is over: its round closes (a breakout item also closes a round
            // someone opened by hand, but never the round it opened itself on an earlier try).
            let opened_here = store.sent_post(&round_marker(&meeting, item)).await?.is_some();
            if let Some(round) = store.open_round(meeting.id).await? {
                if round.ends_at <= now || (item.kind == AgendaKind::Breakout && !opened_here) {
                    breakouts::close_round(store, chat, clock, &meeting, &round).await.map_err(job_failure)?;
                }
            }
            let key = format!("m{}:{}", meeting.id, job.key);
            post_once(store, chat, clock, &key, Target::Channel(plenary), item_post(&meeting, &run, item, lang))
                .await?;
            match item.kind {
                AgendaKind::Breakout => open_breakout(store, chat, clock, &meeting, item, end, plenary, lang).await?,
                AgendaKind::Evaluation if meeting.evaluation_questions().next().is_some() => {
                    let message = evaluation_post(&meeting, lang);
                    post_once(store, chat, clock, &format!("{key}:evaluation"), Target::Channel(plenary), message)
                        .await?;
                }
                _ => {}
            }
        }
        Some(AgendaKey::End) => {
            if let Some(round) = store.open_round(meeting.id).await? {
                breakouts::close_round(store, chat, clock, &meeting, &round).await.map_err(job_failure)?;
            }
            let key = format!("m{}:{}", meeting.id, job.key);
            let text = t!(lang, "agenda-day-over", title = meeting.title.as_str());
            post_once(store, chat, clock, &key, Target::Channel(plenary), OutMessage::text(text)).await?;
            // The day's digest names people, so it goes to the organisers when they have a channel.
            let organisers = settings.organiser_channel;
            let digest = super::followup::day_digest(store, &meeting, lang, organisers.is_some()).await?;
            post_once(
                store,
                chat,
                clock,
                &format!("{key}:digest"),
                Target::Channel(organisers.unwrap_or(plenary)),
                digest,
            )
            .await?;
        }
        None => return Err(JobFailure::Config(format!("unknown agenda job {:?}", job.key))),
    }
    Ok(JobOutcome::Done)
}

fn job_failure(e: BreakoutError) -> JobFailure {
    match e {
        BreakoutError::Chat(c) => JobFailure::Chat(c),
        BreakoutError::Store(s) => JobFailure::Store(s),
        other => JobFailure::Config(other.to_string()),
    }
}

/// The key under which the round a breakout item opened is recorded.
fn round_marker(meeting: &Meeting, item: &DayItem) -> String {
    format!("m{}:agenda:{}:round", meeting.id, item.position)
}

/// Opens the breakout round of a breakout item, once: the round's id is recorded under a key,
/// so a repeated job does not split again. A split that cannot be made (too few people) is
/// reported in plenary instead of retried.
#[allow(clippy::too_many_arguments)]
async fn open_breakout<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    item: &DayItem,
    end: DateTime<Utc>,
    plenary: ChannelId,
    lang: Lang,
) -> Result<(), JobFailure> {
    let marker = round_marker(meeting, item);
    if store.sent_post(&marker).await?.is_some() {
        return Ok(());
    }
    let now = clock.now();
    let settings = store.guild_settings(meeting.guild).await?;
    let plan = item.plan.clone();
    let request = SplitRequest {
        mode: plan.as_ref().map_or(Mode::Units, |p| p.mode),
        sizing: Sizing::from_size(plan.as_ref().map_or(Some(Sizing::DEFAULT_SIZE), |p| p.size)),
        minutes: rules::minutes_left(end, now),
        voice: settings.plenary_voice.is_some(),
        plan,
        present: None,
    };
    let system = Actor { guild: meeting.guild, user: UserId(0), name: "samrad".into(), staff: Staff::Organiser, lang };
    let mut rng = ChaCha8Rng::seed_from_u64((meeting.id.0 as u64) << 16 | u64::from(item.position));
    match breakouts::split(store, chat, clock, &system, &request, &mut rng, &|_, _| {}).await {
        Ok(round) => {
            // The split set ends_at from whole minutes; the item's end is what counts.
            if round.ends_at != end {
                store.set_round_ends(round.id, end, false).await?;
            }
            store.record_post(&marker, None, MessageId(round.id as u64), now).await?;
        }
        Err(BreakoutError::Chat(e)) => return Err(JobFailure::Chat(e)),
        Err(BreakoutError::Store(e)) => return Err(JobFailure::Store(e)),
        Err(e) => {
            let text = t!(lang, "agenda-breakout-failed", reason = e.user_message(lang));
            post_once(
                store,
                chat,
                clock,
                &format!("{marker}:failed"),
                Target::Channel(plenary),
                OutMessage::text(text),
            )
            .await?;
            store.record_post(&marker, None, MessageId(0), now).await?;
        }
    }
    Ok(())
}

/// Renders the day for `/agenda status`: every item with its (shifted) time, the current one
/// marked.
pub fn render_status(status: &AgendaStatus, lang: Lang) -> String {
    let mut out = t!(lang, "agenda-status-title", title = status.meeting.title.as_str());
    if status.run.paused_at.is_some() {
        out.push(' ');
        out.push_str(&t!(lang, "agenda-status-paused"));
    }
    let shift = status.run.shift.num_minutes();
    if shift != 0 {
        out.push('\n');
        out.push_str(&t!(lang, "agenda-status-shift", minutes = shift));
    }
    let current = status.current().map(|i| i.position);
    for item in &status.run.items {
        let (start, end) = item.shifted(status.run.shift);
        let mark = if Some(item.position) == current {
            "▶"
        } else if end <= status.now {
            "✓"
        } else {
            "·"
        };
        out.push_str(&format!(
            "\n{mark} {}–{} {} — {}",
            local(&status.meeting, start),
            local(&status.meeting, end),
            kind_label(item.kind, lang),
            truncate_words(&item.title, 80)
        ));
    }
    out
}
