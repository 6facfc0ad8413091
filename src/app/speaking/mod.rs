//! Presenters of agenda items (#18, seed 002's "5 + 5 min per organisation", seed 004's "kort
//! dragning"). `/meeting load` stores each item's presenters and schedules a preparation
//! reminder (`prepare:<item>`, [`prepare::run_job`]); when the agenda reaches the item, the
//! speaking timer starts in plenary ([`timer::start_at_item`]), and the scheduler moves it on
//! under the timers' lease ([`timer::run_timers`]): each speaker announced, a warning one minute
//! before the end of each part, then the next. Facilitators move it by hand with
//! `/agenda speaker next|extend|skip|move` ([`speaker`]).
//!
//! The timer lives in `speaking_timers`, written with a compare-and-set on its step, and every
//! post is keyed by the step, so a restart resumes it without posting anything twice.

pub mod prepare;
pub mod timer;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::actor::{Actor, UserMessage};
use super::ports::{Chat, ChatError, Clock, NewJob, SpeakingPlan, Store, StoreError};
use super::posting::JobFailure;
use crate::domain::kit::Kit;
use crate::domain::speaking::{self as rules, Presenter, SpeakingError, SpeakingTimer, PREPARE_JOB};
use crate::domain::Meeting;
use crate::i18n::Lang;
use crate::t;

/// The presenters of every agenda item of `kit` that names them.
pub fn plans_of(kit: &Kit) -> Vec<SpeakingPlan> {
    kit.agenda
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let speaking = item.speaking.clone()?;
            Some(SpeakingPlan { position: i as u32, title: item.title.clone(), start: item.start, speaking })
        })
        .collect()
}

/// The preparation reminders of `plans` for a meeting on `day` (none that would come too late).
pub fn prepare_jobs(plans: &[SpeakingPlan], day: NaiveDate, tz: Tz, now: DateTime<Utc>) -> Vec<NewJob> {
    plans
        .iter()
        .filter_map(|p| {
            let due_at = rules::prepare_due(&p.speaking, day, tz, now)?;
            Some(NewJob { key: rules::prepare_key(p.position), kind: PREPARE_JOB.into(), due_at })
        })
        .collect()
}

/// What a facilitator does to the speakers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerAction {
    /// The next part: the speaker's questions, or the next speaker.
    Next,
    /// More minutes for the part running now.
    Extend(i64),
    /// The speaker gives up the rest of their slot.
    Skip,
    /// A waiting speaker moves to a place among those waiting (1 = next).
    Move { who: String, place: usize },
}

#[derive(Debug, thiserror::Error)]
pub enum SpeakerError {
    #[error("only facilitators and organisers may do that")]
    NotFacilitator,
    #[error("no meeting is loaded")]
    NoMeeting,
    #[error("no speaking timer is running")]
    NoTimer,
    #[error("the timer moved meanwhile")]
    Busy,
    #[error(transparent)]
    Speaking(#[from] SpeakingError),
    #[error("the chat platform failed: {0}")]
    Chat(#[from] ChatError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<JobFailure> for SpeakerError {
    fn from(e: JobFailure) -> Self {
        match e {
            JobFailure::Chat(c) => Self::Chat(c),
            JobFailure::Store(s) => Self::Store(s),
            JobFailure::Config(c) => Self::Chat(ChatError::Refused(c)),
        }
    }
}

impl UserMessage for SpeakerError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::NotFacilitator => t!(lang, "err-not-facilitator"),
            Self::NoMeeting => t!(lang, "err-no-meeting"),
            Self::NoTimer => t!(lang, "err-speaker-no-timer"),
            Self::Busy => t!(lang, "err-speaker-busy"),
            Self::Speaking(SpeakingError::Finished) => t!(lang, "err-speaker-no-timer"),
            Self::Speaking(SpeakingError::NotWaiting(who)) => t!(lang, "err-speaker-not-waiting", who = who.as_str()),
            Self::Speaking(SpeakingError::BadPlace { place, len }) => {
                t!(lang, "err-speaker-place", place = *place as i64, waiting = *len as i64)
            }
            Self::Speaking(SpeakingError::BadExtension(got)) => {
                t!(lang, "err-speaker-extend", got = *got, max = rules::MAX_EXTEND_MINUTES)
            }
            Self::Chat(e) => t!(lang, "err-chat", detail = e.to_string()),
            Self::Store(_) => t!(lang, "err-internal"),
        }
    }
}

/// Where the speakers stand after a facilitator's action.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerStatus {
    pub meeting: Meeting,
    pub timer: SpeakingTimer,
}

impl SpeakerStatus {
    /// For the facilitator's (ephemeral) reply: who speaks, until when, who waits.
    pub fn render(&self, lang: Lang) -> String {
        let t = &self.timer;
        let Some(speaker) = t.speaker() else { return t!(lang, "speaking-done") };
        let waiting: Vec<String> = t.waiting().iter().map(Presenter::name).collect();
        let waiting = if waiting.is_empty() { "—".to_owned() } else { waiting.join(", ") };
        t!(
            lang,
            "speaking-status",
            name = speaker.name(),
            part = timer::part_label(t.part, lang),
            until = timer::local(&self.meeting, t.ends_at),
            waiting = waiting
        )
    }
}

/// `/agenda speaker next|extend|skip|move`: moves the meeting's running speaking timer and says
/// so in plenary. The timer is written only over the step it was read at, so the clock and a
/// second facilitator never both move it (the loser is told to try again).
pub async fn speaker<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    actor: &Actor,
    action: SpeakerAction,
) -> Result<SpeakerStatus, SpeakerError> {
    if !actor.can_facilitate() {
        return Err(SpeakerError::NotFacilitator);
    }
    let meeting = store.current_meeting(actor.guild).await?.ok_or(SpeakerError::NoMeeting)?;
    let row = store.speaking_plans(meeting.id).await?.into_iter().find(|r| r.running().is_some());
    let Some((position, mut timer)) = row.and_then(|r| Some((r.plan.position, r.timer?))) else {
        return Err(SpeakerError::NoTimer);
    };
    let read_at = timer.step;
    let now = clock.now();
    let said = match action {
        SpeakerAction::Next => vec![timer.next(now)],
        SpeakerAction::Skip => {
            let (skipped, next) = timer.skip(now)?;
            vec![skipped, next]
        }
        SpeakerAction::Extend(minutes) => vec![timer.extend(minutes)?],
        SpeakerAction::Move { who, place } => {
            timer.move_waiting(&who, place)?;
            vec![]
        }
    };
    let step = timer::Step { meeting: &meeting, position, said: &said, timer: &timer };
    timer::post_step(store, chat, clock, &step).await?;
    if !store.save_speaking_timer(meeting.id, position, &timer, Some(read_at)).await? {
        return Err(SpeakerError::Busy);
    }
    Ok(SpeakerStatus { meeting, timer })
}
