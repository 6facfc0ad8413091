//! Take-home plans with a life (seeds 001/002: "what each unit takes home", asked about at the
//! next meeting): a plan's status and its history, when its owner is reminded, and the
//! follow-up table the next meeting's digest shows. Pure: the store and the scheduler call in.

use std::fmt;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use super::{MeetingId, UnitName, UserId};

/// A plan's row id in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlanId(pub i64);

impl fmt::Display for PlanId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Where a plan stands. A new plan is `NotStarted`; `Dropped` carries a short note saying why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlanStatus {
    NotStarted,
    InProgress,
    Done,
    Dropped,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 4] = [Self::NotStarted, Self::InProgress, Self::Done, Self::Dropped];

    /// The spelling in the store, in custom ids and in the export.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotStarted => "not-started",
            Self::InProgress => "in-progress",
            Self::Done => "done",
            Self::Dropped => "dropped",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Open plans are still being worked on: they get reminders and are asked about.
    pub fn is_open(self) -> bool {
        matches!(self, Self::NotStarted | Self::InProgress)
    }
}

/// What a status button asks for: this plan to this status, and (on the next meeting's
/// follow-up question) the meeting that asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusClick {
    pub plan: PlanId,
    pub status: PlanStatus,
    pub asked_in: Option<MeetingId>,
}

/// Longest note on a status change (why a plan was dropped).
pub const MAX_NOTE_CHARS: usize = 300;

/// One status change of a plan, as kept: who, when, and (for a follow-up answer) at which
/// meeting the unit was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanChange {
    pub plan: PlanId,
    pub status: PlanStatus,
    pub note: Option<String>,
    pub by: UserId,
    pub at: DateTime<Utc>,
    /// The meeting whose follow-up question this change answered.
    pub asked_in: Option<MeetingId>,
}

// ---------------------------------------------------------------- reminders

/// The job kind of a plan or decision reminder.
pub const PLAN_REMIND_JOB: &str = "plan-remind";

/// Which of a plan's reminders a job is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderWhen {
    /// Some days before the due date.
    Before,
    /// On the due date.
    OnDay,
}

impl ReminderWhen {
    fn as_str(self) -> &'static str {
        match self {
            Self::Before => "before",
            Self::OnDay => "due",
        }
    }
}

/// What a reminder is about: a plan or a decision (both are followed up the same way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminded {
    Plan(i64),
    Decision(i64),
}

impl Reminded {
    /// The prefix of this item's job keys, to cancel its reminders.
    pub fn key_prefix(self) -> String {
        match self {
            Self::Plan(id) => format!("plan:{id}:"),
            Self::Decision(id) => format!("decision:{id}:"),
        }
    }
}

/// When reminders go out: `days_before` the due date and on it, at `time` local.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReminderRule {
    pub days_before: u32,
    pub time: NaiveTime,
}

impl Default for ReminderRule {
    fn default() -> Self {
        Self { days_before: 3, time: NaiveTime::from_hms_opt(9, 0, 0).expect("09:00") }
    }
}

/// A planned reminder: its job key (stable, so scheduling twice adds nothing) and instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedReminder {
    pub key: String,
    pub when: ReminderWhen,
    pub due_at: DateTime<Utc>,
}

/// The reminders of an item due on `due`, leaving out those already past at `now`.
pub fn reminders(
    item: Reminded,
    due: NaiveDate,
    tz: Tz,
    rule: ReminderRule,
    now: DateTime<Utc>,
) -> Vec<PlannedReminder> {
    let before = due.checked_sub_days(Days::new(u64::from(rule.days_before))).unwrap_or(due);
    let mut out = Vec::new();
    for (when, date) in [(ReminderWhen::Before, before), (ReminderWhen::OnDay, due)] {
        if when == ReminderWhen::Before && rule.days_before == 0 {
            continue;
        }
        let due_at = super::schedule::local_instant(tz, date, rule.time);
        if due_at > now {
            out.push(PlannedReminder { key: format!("{}{}", item.key_prefix(), when.as_str()), when, due_at });
        }
    }
    out
}

/// Parses a reminder job key back (`plan:12:before`).
pub fn parse_reminder_key(key: &str) -> Option<(Reminded, ReminderWhen)> {
    let mut parts = key.split(':');
    let kind = parts.next()?;
    let id: i64 = parts.next()?.parse().ok()?;
    let when = match parts.next()? {
        "before" => ReminderWhen::Before,
        "due" => ReminderWhen::OnDay,
        _ => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    let item = match kind {
        "plan" => Reminded::Plan(id),
        "decision" => Reminded::Decision(id),
        _ => return None,
    };
    Some((item, when))
}

/// Whether a reminder run at `now` would come too late (the same catch-up rule as question
/// reminders: after an outage only the newest reminder goes out, and none once its moment is
/// over). The "before" reminder is stale once the due-day reminder is due; the due-day one
/// once the due date is over in `tz`.
pub fn reminder_is_stale(when: ReminderWhen, due: NaiveDate, tz: Tz, rule: ReminderRule, now: DateTime<Utc>) -> bool {
    match when {
        ReminderWhen::Before => now >= super::schedule::local_instant(tz, due, rule.time),
        ReminderWhen::OnDay => match due.succ_opt() {
            Some(next) => now >= super::schedule::local_instant(tz, next, NaiveTime::MIN),
            None => false,
        },
    }
}

// ---------------------------------------------------------------- follow-up

/// How one plan was answered at the follow-up meeting; `None` status: no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpItem {
    pub unit: UnitName,
    pub plan: PlanId,
    pub answer: Option<PlanStatus>,
}

/// One unit's row of the follow-up table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowUpRow {
    pub done: u32,
    pub in_progress: u32,
    pub not_started: u32,
    pub dropped: u32,
    pub no_answer: u32,
}

impl FollowUpRow {
    fn add(&mut self, answer: Option<PlanStatus>) {
        match answer {
            Some(PlanStatus::Done) => self.done += 1,
            Some(PlanStatus::InProgress) => self.in_progress += 1,
            Some(PlanStatus::NotStarted) => self.not_started += 1,
            Some(PlanStatus::Dropped) => self.dropped += 1,
            None => self.no_answer += 1,
        }
    }
}

/// The per-unit follow-up table, units in name order (case-insensitive).
pub fn follow_up_table(items: &[FollowUpItem]) -> Vec<(UnitName, FollowUpRow)> {
    let mut table: Vec<(UnitName, FollowUpRow)> = Vec::new();
    for item in items {
        match table.iter_mut().find(|(u, _)| u == &item.unit) {
            Some((_, row)) => row.add(item.answer),
            None => {
                let mut row = FollowUpRow::default();
                row.add(item.answer);
                table.push((item.unit.clone(), row));
            }
        }
    }
    table.sort_by_key(|(u, _)| u.key());
    table
}

/// A follow-up answer for `plan`: the latest change made at `meeting`'s follow-up question.
pub fn follow_up_answer(plan: PlanId, meeting: MeetingId, history: &[PlanChange]) -> Option<PlanStatus> {
    history.iter().filter(|c| c.plan == plan && c.asked_in == Some(meeting)).max_by_key(|c| c.at).map(|c| c.status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Europe::Oslo;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn oslo(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Oslo.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn status_spellings_round_trip_and_only_two_are_open() {
        for s in PlanStatus::ALL {
            assert_eq!(PlanStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(PlanStatus::parse("finished"), None);
        let open: Vec<_> = PlanStatus::ALL.into_iter().filter(|s| s.is_open()).collect();
        assert_eq!(open, vec![PlanStatus::NotStarted, PlanStatus::InProgress]);
    }

    #[test]
    fn a_plan_is_reminded_three_days_before_and_on_the_day_at_nine_local() {
        let r = reminders(Reminded::Plan(7), date("2027-06-10"), Oslo, ReminderRule::default(), oslo(2027, 5, 1, 12));
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].key.as_str(), r[0].due_at), ("plan:7:before", oslo(2027, 6, 7, 9)));
        assert_eq!((r[1].key.as_str(), r[1].due_at), ("plan:7:due", oslo(2027, 6, 10, 9)));
        for p in &r {
            assert_eq!(parse_reminder_key(&p.key), Some((Reminded::Plan(7), p.when)));
        }
        assert_eq!(parse_reminder_key("decision:3:due"), Some((Reminded::Decision(3), ReminderWhen::OnDay)));
        assert_eq!(parse_reminder_key("plan:x:due"), None);
        assert_eq!(parse_reminder_key("plan:1:due:extra"), None);
    }

    #[test]
    fn reminders_already_past_are_not_planned() {
        let r = reminders(Reminded::Plan(1), date("2027-06-10"), Oslo, ReminderRule::default(), oslo(2027, 6, 8, 12));
        assert_eq!(r.iter().map(|p| p.when).collect::<Vec<_>>(), vec![ReminderWhen::OnDay]);
        assert!(reminders(Reminded::Plan(1), date("2027-06-10"), Oslo, ReminderRule::default(), oslo(2027, 6, 10, 10))
            .is_empty());
    }

    #[test]
    fn after_an_outage_only_the_reminder_whose_moment_is_not_over_goes_out() {
        let due = date("2027-06-10");
        let rule = ReminderRule::default();
        assert!(!reminder_is_stale(ReminderWhen::Before, due, Oslo, rule, oslo(2027, 6, 9, 23)));
        assert!(reminder_is_stale(ReminderWhen::Before, due, Oslo, rule, oslo(2027, 6, 10, 9)));
        assert!(!reminder_is_stale(ReminderWhen::OnDay, due, Oslo, rule, oslo(2027, 6, 10, 23)));
        assert!(reminder_is_stale(ReminderWhen::OnDay, due, Oslo, rule, oslo(2027, 6, 11, 0)));
    }

    #[test]
    fn the_follow_up_table_counts_each_units_answers_and_the_silent_ones() {
        let u = |s: &str| UnitName::try_from(s).unwrap();
        let m = MeetingId(2);
        let change = |plan: i64, status, secs: i64, asked_in| PlanChange {
            plan: PlanId(plan),
            status,
            note: None,
            by: UserId(1),
            at: oslo(2027, 6, 1, 9) + chrono::Duration::seconds(secs),
            asked_in,
        };
        let history = vec![
            change(1, PlanStatus::InProgress, 0, Some(m)),
            change(1, PlanStatus::Done, 5, Some(m)),
            // A change outside the follow-up question is not an answer to it.
            change(2, PlanStatus::Dropped, 0, None),
            change(3, PlanStatus::NotStarted, 0, Some(MeetingId(9))),
        ];
        let items: Vec<FollowUpItem> = [(1, "Bygg"), (2, "Bygg"), (3, "Arkitektur")]
            .into_iter()
            .map(|(id, unit)| FollowUpItem {
                unit: u(unit),
                plan: PlanId(id),
                answer: follow_up_answer(PlanId(id), m, &history),
            })
            .collect();
        let table = follow_up_table(&items);
        assert_eq!(
            table,
            vec![
                (u("Arkitektur"), FollowUpRow { no_answer: 1, ..FollowUpRow::default() }),
                (u("Bygg"), FollowUpRow { done: 1, no_answer: 1, ..FollowUpRow::default() }),
            ]
        );
    }
}
