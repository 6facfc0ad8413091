//! Agenda maths for the meeting day: the kit's agenda made concrete (instants in UTC from local
//! times in the kit's timezone), job keys, and the rules for delaying, pausing and skipping.
//! Pure: the runner in `app::agenda` stores and schedules what these functions compute.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::ids::QuestionId;
use super::schedule::local_instant;
use crate::domain::kit::{AgendaItem, AgendaKind, BreakoutPlan};

/// Job kind of every agenda job in `schedules`.
pub const AGENDA_JOB: &str = "agenda";
/// Key prefix of agenda jobs: `agenda:0`, `agenda:1`, …, `agenda:end`.
pub const KEY_PREFIX: &str = "agenda:";
/// A delay is at least one minute and at most three hours.
pub const MAX_DELAY_MINUTES: i64 = 180;

/// One agenda item on the meeting day.
#[derive(Debug, Clone, PartialEq)]
pub struct DayItem {
    /// 0-based position in the kit's agenda.
    pub position: u32,
    /// The planned start, before any delay.
    pub starts_at: DateTime<Utc>,
    pub minutes: u32,
    pub kind: AgendaKind,
    pub title: String,
    /// For breakout items: the kit's plan (mode, size, questions, minutes).
    pub plan: Option<BreakoutPlan>,
    /// The meeting-day questions posted in plenary when the item starts (the kit's `ask`).
    pub ask: Vec<QuestionId>,
}

impl DayItem {
    pub fn ends_at(&self) -> DateTime<Utc> {
        self.starts_at + Duration::minutes(i64::from(self.minutes))
    }
    /// Start and end after the runner's `shift`.
    pub fn shifted(&self, shift: Duration) -> (DateTime<Utc>, DateTime<Utc>) {
        (self.starts_at + shift, self.ends_at() + shift)
    }
}

/// What an agenda job does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaKey {
    /// Start item `n`.
    Item(u32),
    /// The day is over (after the last item).
    End,
}

impl AgendaKey {
    pub fn key(self) -> String {
        match self {
            AgendaKey::Item(n) => format!("{KEY_PREFIX}{n}"),
            AgendaKey::End => format!("{KEY_PREFIX}end"),
        }
    }
    pub fn parse(key: &str) -> Option<AgendaKey> {
        let rest = key.strip_prefix(KEY_PREFIX)?;
        if rest == "end" {
            return Some(AgendaKey::End);
        }
        rest.parse().ok().map(AgendaKey::Item)
    }
}

pub fn kind_str(kind: AgendaKind) -> &'static str {
    match kind {
        AgendaKind::Plenary => "plenary",
        AgendaKind::Presentation => "presentation",
        AgendaKind::Breakout => "breakout",
        AgendaKind::Reflection => "reflection",
        AgendaKind::Evaluation => "evaluation",
        AgendaKind::Break => "break",
    }
}

pub fn parse_kind(s: &str) -> Option<AgendaKind> {
    Some(match s {
        "plenary" => AgendaKind::Plenary,
        "presentation" => AgendaKind::Presentation,
        "breakout" => AgendaKind::Breakout,
        "reflection" => AgendaKind::Reflection,
        "evaluation" => AgendaKind::Evaluation,
        "break" => AgendaKind::Break,
        _ => return None,
    })
}

/// The kit's agenda on `date` in `tz`, in start order, each breakout item with its plan.
pub fn plan_day(agenda: &[AgendaItem], plans: &[BreakoutPlan], date: NaiveDate, tz: Tz) -> Vec<DayItem> {
    let mut items: Vec<DayItem> = agenda
        .iter()
        .enumerate()
        .map(|(i, a)| DayItem {
            position: i as u32,
            starts_at: local_instant(tz, date, a.start),
            minutes: a.minutes.max(1),
            kind: a.kind,
            title: a.title.clone(),
            plan: a.breakout.as_ref().and_then(|id| plans.iter().find(|p| &p.id == id).cloned()),
            ask: a.ask.clone(),
        })
        .collect();
    items.sort_by_key(|i| (i.starts_at, i.position));
    items
}

/// One scheduled agenda job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaJob {
    pub key: AgendaKey,
    pub due_at: DateTime<Utc>,
}

/// The jobs for a day started at `now`: items already over are left out (starting late does not
/// replay the morning), the item in progress is due at once, and `End` follows the last item.
pub fn jobs(items: &[DayItem], now: DateTime<Utc>) -> Vec<AgendaJob> {
    let mut out: Vec<AgendaJob> = items
        .iter()
        .filter(|i| i.ends_at() > now)
        .map(|i| AgendaJob { key: AgendaKey::Item(i.position), due_at: i.starts_at })
        .collect();
    if let Some(last) = items.iter().map(DayItem::ends_at).max() {
        out.push(AgendaJob { key: AgendaKey::End, due_at: last.max(now) });
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DelayError {
    #[error("a delay must be between 1 and {max} minutes, not {got}")]
    OutOfRange { got: i64, max: i64 },
}

/// A facilitator's delay in minutes, checked.
pub fn delay(minutes: i64) -> Result<Duration, DelayError> {
    if (1..=MAX_DELAY_MINUTES).contains(&minutes) {
        Ok(Duration::minutes(minutes))
    } else {
        Err(DelayError::OutOfRange { got: minutes, max: MAX_DELAY_MINUTES })
    }
}

/// The shift that makes the next item (due at `next_due`) start at `now`: negative when the
/// current item is cut short. Never positive (skipping never makes the day later).
pub fn skip_shift(next_due: DateTime<Utc>, now: DateTime<Utc>) -> Duration {
    (now - next_due).min(Duration::zero())
}

/// Whole minutes left until `end` (at least 1), for a breakout opened mid-item.
pub fn minutes_left(end: DateTime<Utc>, now: DateTime<Utc>) -> u32 {
    let secs = (end - now).num_seconds().max(60);
    u32::try_from((secs + 59) / 60).unwrap_or(u32::MAX)
}

/// The item that is running at `at` (after `shift`), if any.
pub fn current(items: &[DayItem], shift: Duration, at: DateTime<Utc>) -> Option<&DayItem> {
    items.iter().rev().find(|i| {
        let (s, e) = i.shifted(shift);
        s <= at && at < e
    })
}

/// The next item to start after `at` (after `shift`).
pub fn next_after(items: &[DayItem], shift: Duration, at: DateTime<Utc>) -> Option<&DayItem> {
    items.iter().find(|i| i.shifted(shift).0 > at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn item(start: &str, minutes: u32, kind: AgendaKind) -> AgendaItem {
        AgendaItem {
            start: NaiveTime::parse_from_str(start, "%H:%M").unwrap(),
            minutes,
            kind,
            title: format!("{start} {}", kind_str(kind)),
            breakout: None,
            ask: Vec::new(),
            speaking: None,
        }
    }

    fn day() -> Vec<DayItem> {
        let tz: Tz = "Europe/Stockholm".parse().unwrap();
        let agenda = [
            item("09:30", 30, AgendaKind::Break),
            item("10:00", 20, AgendaKind::Plenary),
            item("10:20", 10, AgendaKind::Breakout),
            item("15:40", 20, AgendaKind::Evaluation),
        ];
        plan_day(&agenda, &[], "2027-04-15".parse().unwrap(), tz)
    }

    #[test]
    fn local_times_become_instants_in_the_kit_timezone() {
        let items = day();
        // Stockholm is UTC+2 in April.
        assert_eq!(items[0].starts_at, "2027-04-15T07:30:00Z".parse::<DateTime<Utc>>().unwrap());
        assert_eq!(items[3].ends_at(), "2027-04-15T14:00:00Z".parse::<DateTime<Utc>>().unwrap());
    }

    #[test]
    fn starting_late_skips_what_is_over_and_runs_the_current_item_at_once() {
        let items = day();
        let now = items[1].starts_at + Duration::minutes(5);
        let jobs = jobs(&items, now);
        let keys: Vec<AgendaKey> = jobs.iter().map(|j| j.key).collect();
        assert_eq!(keys, [AgendaKey::Item(1), AgendaKey::Item(2), AgendaKey::Item(3), AgendaKey::End]);
        assert!(jobs[0].due_at <= now);
        assert_eq!(jobs[3].due_at, items[3].ends_at());
    }

    #[test]
    fn keys_round_trip() {
        for k in [AgendaKey::Item(0), AgendaKey::Item(17), AgendaKey::End] {
            assert_eq!(AgendaKey::parse(&k.key()), Some(k));
        }
        assert_eq!(AgendaKey::parse("open"), None);
        assert_eq!(AgendaKey::parse("agenda:x"), None);
    }

    #[test]
    fn delays_outside_one_to_180_minutes_are_refused() {
        assert!(delay(0).is_err());
        assert!(delay(-5).is_err());
        assert!(delay(181).is_err());
        assert_eq!(delay(15).unwrap(), Duration::minutes(15));
    }

    #[test]
    fn skipping_pulls_the_rest_of_the_day_forward_never_back() {
        let t: DateTime<Utc> = "2027-04-15T08:00:00Z".parse().unwrap();
        assert_eq!(skip_shift(t + Duration::minutes(7), t), Duration::minutes(-7));
        assert_eq!(skip_shift(t - Duration::minutes(7), t), Duration::zero());
    }

    #[test]
    fn current_and_next_follow_the_shift() {
        let items = day();
        let at = items[2].starts_at + Duration::minutes(1);
        assert_eq!(current(&items, Duration::zero(), at).map(|i| i.position), Some(2));
        // Ten minutes late: item 1 is still running.
        assert_eq!(current(&items, Duration::minutes(10), at).map(|i| i.position), Some(1));
        assert_eq!(next_after(&items, Duration::zero(), at).map(|i| i.position), Some(3));
        assert_eq!(minutes_left(at + Duration::seconds(61), at), 2);
        assert_eq!(minutes_left(at, at), 1);
    }
}
