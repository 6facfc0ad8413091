//! Presenters and the speaking timer of an agenda item (seed 002: "5 + 5 min per
//! organisation"). Pure: who presents (a unit or a member, as the kit names them), each
//! speaker's slot (talk, then questions), and the timer's steps: announce a speaker, warn when
//! one minute is left, move on; facilitators go to the next step, skip a speaker, extend the
//! current step or move a waiting speaker. The runner stores the timer after each step; `step`
//! counts the steps, so a post keyed by it is sent once even when a step is repeated after a
//! restart.
//!
//! Catch-up: the clock's steps run at their planned instants (a step ends where the previous
//! one ended plus its length), so a tick a few seconds late does not make the day later. After
//! an outage the steps missed are taken silently and only the one running now is announced; a
//! warning whose step is over is never sent (the same rule as question reminders: of several
//! overdue, only the newest; none late).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::plan::{reminder_is_stale, ReminderRule, ReminderWhen};
use super::UnitName;

/// Warnings go out when this much of a step is left (steps this short get none).
pub const WARN_BEFORE_MINUTES: i64 = 1;
/// Job kind of a presenter's preparation reminder.
pub const PREPARE_JOB: &str = "prepare";
/// Key prefix of preparation reminders: `prepare:<agenda position>`.
pub const PREPARE_PREFIX: &str = "prepare:";
/// The longest `/agenda speaker extend`.
pub const MAX_EXTEND_MINUTES: i64 = 60;

/// The job key of item `position`'s preparation reminder.
pub fn prepare_key(position: u32) -> String {
    format!("{PREPARE_PREFIX}{position}")
}

/// The agenda position of a preparation reminder's key.
pub fn parse_prepare_key(key: &str) -> Option<u32> {
    key.strip_prefix(PREPARE_PREFIX)?.parse().ok()
}

/// When item's presenters are reminded to prepare: `prepare_days_before` the meeting day at
/// the plan reminders' hour, or at `now` when that is past; `None` when the kit asks for no
/// reminder or it would come too late (see [`prepare_is_stale`]).
pub fn prepare_due(speaking: &Speaking, meeting_day: NaiveDate, tz: Tz, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let day = speaking.prepare_on(meeting_day)?;
    if prepare_is_stale(meeting_day, tz, now) {
        return None;
    }
    Some(super::schedule::local_instant(tz, day, ReminderRule::default().time).max(now))
}

/// A preparation reminder is not sent once the meeting day has come (the same rule as a plan's
/// reminder before its due date): after a long outage it is dropped, not sent late.
pub fn prepare_is_stale(meeting_day: NaiveDate, tz: Tz, now: DateTime<Utc>) -> bool {
    reminder_is_stale(ReminderWhen::Before, meeting_day, tz, ReminderRule::default(), now)
}

/// Who presents: a unit of the kit, or a member named as Discord shows them (`@name` in a kit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Presenter {
    Unit(UnitName),
    Member(String),
}

impl Presenter {
    /// A kit's spelling: `"KHM"` is a unit, `"@Ella Ghosh"` a member. `None` when empty.
    pub fn parse(s: &str) -> Option<Presenter> {
        let s = s.trim();
        match s.strip_prefix('@') {
            Some(name) if !name.trim().is_empty() => Some(Presenter::Member(name.trim().to_owned())),
            Some(_) => None,
            None => UnitName::try_from(s).ok().map(Presenter::Unit),
        }
    }

    /// The spelling [`Presenter::parse`] reads back.
    pub fn spell(&self) -> String {
        match self {
            Presenter::Unit(u) => u.to_string(),
            Presenter::Member(m) => format!("@{m}"),
        }
    }

    /// The name to show.
    pub fn name(&self) -> String {
        match self {
            Presenter::Unit(u) => u.to_string(),
            Presenter::Member(m) => m.clone(),
        }
    }

    /// Whether `who` (as a facilitator types it, `@` and case ignored) names this presenter.
    pub fn is_named(&self, who: &str) -> bool {
        self.name().to_lowercase() == who.trim().trim_start_matches('@').trim().to_lowercase()
    }
}

/// Who presents at an agenda item and for how long each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaking {
    pub presenters: Vec<Presenter>,
    /// Minutes each presenter talks.
    pub talk_minutes: u32,
    /// Minutes of questions after each presenter (0: none).
    pub questions_minutes: u32,
    /// Days before the meeting day the presenters are asked to prepare (0: no reminder).
    pub prepare_days_before: u32,
}

impl Speaking {
    /// Days before the meeting presenters are reminded when the kit does not say.
    pub const DEFAULT_PREPARE_DAYS: u32 = 3;

    /// Minutes all presenters take together.
    pub fn total_minutes(&self) -> u32 {
        (self.talk_minutes + self.questions_minutes) * self.presenters.len() as u32
    }

    /// The day the preparation reminder is for: `None` when the kit asks for none.
    pub fn prepare_on(&self, meeting_day: NaiveDate) -> Option<NaiveDate> {
        (self.prepare_days_before > 0)
            .then(|| meeting_day.checked_sub_days(chrono::Days::new(u64::from(self.prepare_days_before))))
            .flatten()
    }
}

/// The part of a speaker's slot that is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Talk,
    Questions,
}

impl Part {
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Talk => "talk",
            Part::Questions => "questions",
        }
    }
    pub fn parse(s: &str) -> Option<Part> {
        [Part::Talk, Part::Questions].into_iter().find(|p| p.as_str() == s)
    }
}

/// A running speaking timer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakingTimer {
    /// Speakers in the order they speak (a move changes it).
    pub queue: Vec<Presenter>,
    /// Index into `queue` of who has the floor (`queue.len()` once finished).
    pub current: usize,
    pub part: Part,
    pub ends_at: DateTime<Utc>,
    pub warned: bool,
    pub talk: Duration,
    pub questions: Duration,
    /// Steps taken so far (posts are keyed by it).
    pub step: u32,
    /// Speakers skipped, in the order they were.
    pub skipped: Vec<Presenter>,
    pub finished: bool,
}

/// What a step says in the meeting channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// `presenter` (number `n` of `of`, from 1) has the floor until `until`.
    Speaker { presenter: Presenter, n: usize, of: usize, until: DateTime<Utc> },
    /// Questions to `presenter` until `until`.
    Questions { presenter: Presenter, until: DateTime<Utc> },
    /// `WARN_BEFORE_MINUTES` left for `presenter`.
    Warning { presenter: Presenter, part: Part },
    /// `presenter` was skipped.
    Skipped { presenter: Presenter },
    /// `presenter`'s part was extended until `until`.
    Extended { presenter: Presenter, until: DateTime<Utc> },
    /// Everyone has spoken (or been skipped).
    Done,
}

impl Said {
    /// Tells apart what one step says (a skip says two things), for post keys.
    pub fn tag(&self) -> &'static str {
        match self {
            Said::Speaker { .. } => "floor",
            Said::Questions { .. } => "questions",
            Said::Warning { .. } => "warn",
            Said::Skipped { .. } => "skip",
            Said::Extended { .. } => "extend",
            Said::Done => "done",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpeakingError {
    #[error("the speakers are done")]
    Finished,
    #[error("no speaker {0:?} is waiting")]
    NotWaiting(String),
    #[error("place {place} is outside 1–{len}")]
    BadPlace { place: usize, len: usize },
    #[error("extend by 1 to {MAX_EXTEND_MINUTES} minutes, not {0}")]
    BadExtension(i64),
}

impl SpeakingTimer {
    /// Starts the timer at `now`: the first speaker has the floor. `None` without presenters.
    pub fn start(speaking: &Speaking, now: DateTime<Utc>) -> Option<(SpeakingTimer, Said)> {
        let first = speaking.presenters.first()?.clone();
        let talk = Duration::minutes(i64::from(speaking.talk_minutes.max(1)));
        let timer = SpeakingTimer {
            queue: speaking.presenters.clone(),
            current: 0,
            part: Part::Talk,
            ends_at: now + talk,
            warned: false,
            talk,
            questions: Duration::minutes(i64::from(speaking.questions_minutes)),
            step: 0,
            skipped: Vec::new(),
            finished: false,
        };
        let said = Said::Speaker { presenter: first, n: 1, of: timer.queue.len(), until: timer.ends_at };
        Some((timer, said))
    }

    pub fn speaker(&self) -> Option<&Presenter> {
        self.queue.get(self.current).filter(|_| !self.finished)
    }

    /// Those still waiting for the floor, in order.
    pub fn waiting(&self) -> &[Presenter] {
        self.queue.get(self.current + 1..).unwrap_or(&[])
    }

    fn length(&self) -> Duration {
        match self.part {
            Part::Talk => self.talk,
            Part::Questions => self.questions,
        }
    }

    fn warn_at(&self) -> Option<DateTime<Utc>> {
        let warn = Duration::minutes(WARN_BEFORE_MINUTES);
        (!self.warned && self.length() > warn).then(|| self.ends_at - warn)
    }

    /// When the clock next has something to do: the warning or the end of the step.
    pub fn wake_at(&self) -> Option<DateTime<Utc>> {
        if self.finished {
            return None;
        }
        Some(self.warn_at().map_or(self.ends_at, |w| w.min(self.ends_at)))
    }

    /// What the clock asks for at `now`. Steps that are over end at their planned instants;
    /// of several passed (an outage), only the last is said. Then the warning of the step
    /// running at `now`, once, and only while that step runs.
    pub fn due(&mut self, now: DateTime<Utc>) -> Vec<Said> {
        let mut said = Vec::new();
        let mut last = None;
        while !self.finished && now >= self.ends_at {
            let at = self.ends_at;
            last = Some(self.next(at));
        }
        said.extend(last);
        if let Some(warn) = self.warn_at() {
            if now >= warn && now < self.ends_at {
                self.warned = true;
                if let Some(presenter) = self.speaker().cloned() {
                    said.push(Said::Warning { presenter, part: self.part });
                }
            }
        }
        said
    }

    /// The next step at `now`: a speaker's questions after their talk (when the slot has
    /// questions), else the next speaker, else done. The step runs its full length from `now`.
    pub fn next(&mut self, now: DateTime<Utc>) -> Said {
        if self.finished {
            return Said::Done;
        }
        self.step += 1;
        self.warned = false;
        if self.part == Part::Talk && self.questions > Duration::zero() {
            self.part = Part::Questions;
            self.ends_at = now + self.questions;
            let presenter = self.queue[self.current].clone();
            return Said::Questions { presenter, until: self.ends_at };
        }
        self.advance(now)
    }

    fn advance(&mut self, now: DateTime<Utc>) -> Said {
        self.current += 1;
        self.part = Part::Talk;
        match self.queue.get(self.current) {
            Some(p) => {
                self.ends_at = now + self.talk;
                Said::Speaker { presenter: p.clone(), n: self.current + 1, of: self.queue.len(), until: self.ends_at }
            }
            None => self.finish(now),
        }
    }

    /// Ends the timer at `now` (everyone spoke, or the agenda moved on).
    pub fn finish(&mut self, now: DateTime<Utc>) -> Said {
        self.current = self.queue.len();
        self.finished = true;
        self.ends_at = now;
        Said::Done
    }

    /// `/agenda speaker skip`: the current speaker gives up the rest of their slot (questions
    /// included); the next one has the floor. Returns what to say: the skip, then the next step.
    pub fn skip(&mut self, now: DateTime<Utc>) -> Result<(Said, Said), SpeakingError> {
        let presenter = self.speaker().cloned().ok_or(SpeakingError::Finished)?;
        self.step += 1;
        self.warned = false;
        self.skipped.push(presenter.clone());
        Ok((Said::Skipped { presenter }, self.advance(now)))
    }

    /// `/agenda speaker extend`: more minutes for the current step. It is a step of its own,
    /// so the warning comes again (under a new key).
    pub fn extend(&mut self, minutes: i64) -> Result<Said, SpeakingError> {
        let presenter = self.speaker().cloned().ok_or(SpeakingError::Finished)?;
        if !(1..=MAX_EXTEND_MINUTES).contains(&minutes) {
            return Err(SpeakingError::BadExtension(minutes));
        }
        self.step += 1;
        self.ends_at += Duration::minutes(minutes);
        self.warned = false;
        Ok(Said::Extended { presenter, until: self.ends_at })
    }

    /// `/agenda speaker move`: a waiting speaker (named as the kit names them, case ignored)
    /// moves to place `place` (1 = next) among those still waiting.
    pub fn move_waiting(&mut self, who: &str, place: usize) -> Result<(), SpeakingError> {
        if self.finished {
            return Err(SpeakingError::Finished);
        }
        let first_waiting = self.current + 1;
        let waiting = self.waiting().len();
        let at = (first_waiting..self.queue.len())
            .find(|&i| self.queue[i].is_named(who))
            .ok_or_else(|| SpeakingError::NotWaiting(who.trim().to_owned()))?;
        if place == 0 || place > waiting {
            return Err(SpeakingError::BadPlace { place, len: waiting });
        }
        let p = self.queue.remove(at);
        self.queue.insert(first_waiting + place - 1, p);
        self.step += 1;
        Ok(())
    }
}

#[cfg(test)]
#[path = "speaking_tests.rs"]
mod tests;
