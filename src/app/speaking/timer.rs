//! The speaking timer in plenary: started when the agenda reaches an item with presenters,
//! moved on by the scheduler under the timers' lease, and said in the meeting's plenary channel.
//!
//! Restart safety: a step is posted first and stored after, each post keyed by the timer's
//! step (`m<meeting>:speak:<item>:<step>:<what>`), so a step repeated after a crash posts
//! nothing twice; the store writes a timer only over the step it was read at.

use chrono::{DateTime, Duration, Utc};

use crate::app::agenda::plenary_channel;
use crate::app::ports::{Chat, Clock, OutMessage, SpeakingRow, Store};
use crate::app::posting::{post_once, JobFailure, Target};
use crate::domain::agenda::DayItem;
use crate::domain::speaking::{Part, Said, SpeakingTimer};
use crate::domain::{Meeting, MeetingState};
use crate::i18n::Lang;
use crate::t;

/// One step of a timer, to be said.
pub(super) struct Step<'a> {
    pub meeting: &'a Meeting,
    pub position: u32,
    pub said: &'a [Said],
    /// The timer after the step (its step number keys the posts).
    pub timer: &'a SpeakingTimer,
}

pub(super) fn local(meeting: &Meeting, at: DateTime<Utc>) -> String {
    at.with_timezone(&meeting.timezone).format("%H:%M").to_string()
}

pub(super) fn part_label(part: Part, lang: Lang) -> String {
    t!(lang, &format!("speaking-part-{}", part.as_str()))
}

/// What a step says, in the meeting's language.
pub fn said_text(meeting: &Meeting, said: &Said, lang: Lang) -> String {
    match said {
        Said::Speaker { presenter, n, of, until } => t!(
            lang,
            "speaking-floor",
            name = presenter.name(),
            n = *n as i64,
            of = *of as i64,
            until = local(meeting, *until)
        ),
        Said::Questions { presenter, until } => {
            t!(lang, "speaking-questions", name = presenter.name(), until = local(meeting, *until))
        }
        Said::Warning { presenter, part } => {
            t!(lang, "speaking-warning", name = presenter.name(), part = part_label(*part, lang))
        }
        Said::Skipped { presenter } => t!(lang, "speaking-skipped", name = presenter.name()),
        Said::Extended { presenter, until } => {
            t!(lang, "speaking-extended", name = presenter.name(), until = local(meeting, *until))
        }
        Said::Done => t!(lang, "speaking-done"),
    }
}

/// Posts what a step says in plenary, each under its key.
pub(super) async fn post_step<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    step: &Step<'_>,
) -> Result<(), JobFailure> {
    if step.said.is_empty() {
        return Ok(());
    }
    let plenary = plenary_channel(store, step.meeting).await?;
    let lang = step.meeting.lang();
    for said in step.said {
        let key = format!("m{}:speak:{}:{}:{}", step.meeting.id, step.position, step.timer.step, said.tag());
        let text = said_text(step.meeting, said, lang);
        post_once(store, chat, clock, &key, Target::Channel(plenary), OutMessage::text(text)).await?;
    }
    Ok(())
}

/// The agenda reached `item` (started at `start`, after the day's shift): another item's
/// timer stops, and this item's timer starts, once. When the item began a while ago (the
/// process was down), the timer catches up and only the step running now is said.
pub async fn start_at_item<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    item: &DayItem,
    start: DateTime<Utc>,
) -> Result<(), JobFailure> {
    let now = clock.now();
    let rows = stop_timers(store, chat, clock, meeting, Some(item.position)).await?;
    let Some(row) = rows.iter().find(|r| r.plan.position == item.position) else { return Ok(()) };
    if row.timer.is_some() {
        return Ok(()); // started on an earlier try of this job
    }
    let Some((mut timer, first)) = SpeakingTimer::start(&row.plan.speaking, start.min(now)) else { return Ok(()) };
    let mut said = timer.due(now);
    if timer.step == 0 {
        said.insert(0, first);
    }
    post_step(store, chat, clock, &Step { meeting, position: item.position, said: &said, timer: &timer }).await?;
    store.save_speaking_timer(meeting.id, item.position, &timer, None).await?;
    Ok(())
}

/// Stops the meeting's running timers (but the one of item `except`): the agenda moved on, or
/// the day is over. A timer whose last part ended by now says it is done; one cut short stops
/// silently. Returns the meeting's items with presenters as they were read.
pub async fn stop_timers<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    except: Option<u32>,
) -> Result<Vec<SpeakingRow>, JobFailure> {
    let now = clock.now();
    let rows = store.speaking_plans(meeting.id).await?;
    for row in rows.iter().filter(|r| Some(r.plan.position) != except) {
        let Some(running) = row.running() else { continue };
        let mut stopped = running.clone();
        let said: Vec<Said> = stopped.due(now).into_iter().filter(|s| *s == Said::Done).collect();
        if stopped.finished {
            let step = Step { meeting, position: row.plan.position, said: &said, timer: &stopped };
            post_step(store, chat, clock, &step).await?;
        } else {
            stopped.finish(now);
        }
        store.save_speaking_timer(meeting.id, row.plan.position, &stopped, Some(running.step)).await?;
    }
    Ok(rows)
}

/// What one pass over the running timers did, for the tick's report.
#[derive(Debug, Default)]
pub struct TimersRun {
    pub done: Vec<String>,
    pub failed: Vec<String>,
}

/// Moves on every running timer with something to do now (the scheduler calls this under the
/// timers' lease, so one process at a time). A timer whose meeting ended stops silently.
pub async fn run_timers<S: Store + ?Sized>(store: &S, chat: &dyn Chat, clock: &dyn Clock) -> TimersRun {
    let mut run = TimersRun::default();
    let now = clock.now();
    let due = match store.due_speaking(now).await {
        Ok(due) => due,
        Err(e) => {
            run.failed.push(format!("speaking timers: {e}"));
            return run;
        }
    };
    for row in due {
        let label = format!("meeting {} speaking {}", row.meeting, row.plan.position);
        match step_timer(store, chat, clock, &row, now).await {
            Ok(true) => run.done.push(label),
            Ok(false) => {}
            Err(e) => {
                tracing::warn!(error = %e, "speaking timer failed; retried at the next tick");
                run.failed.push(format!("{label}: {e}"));
            }
        }
    }
    run
}

async fn step_timer<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    row: &SpeakingRow,
    now: DateTime<Utc>,
) -> Result<bool, JobFailure> {
    let Some(read) = row.running() else { return Ok(false) };
    let mut timer = read.clone();
    let meeting = store.meeting(row.meeting).await?;
    match meeting {
        Some(meeting) if meeting.state != MeetingState::Ended => {
            let said = timer.due(now);
            let step = Step { meeting: &meeting, position: row.plan.position, said: &said, timer: &timer };
            post_step(store, chat, clock, &step).await?;
        }
        _ => {
            timer.finish(now);
        }
    }
    // A facilitator may have moved it meanwhile; then their step stands and this one is dropped.
    Ok(store.save_speaking_timer(row.meeting, row.plan.position, &timer, Some(read.step)).await?)
}

/// How long until a timer's next step, for the demo's clock.
pub fn until_next(timer: &SpeakingTimer, now: DateTime<Utc>) -> Option<Duration> {
    timer.wake_at().map(|w| (w - now).max(Duration::zero()))
}
