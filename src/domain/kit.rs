//! The validated kit. Every value in here has been checked by the parser; code that receives
//! a `Kit` may trust it (ids unique, plans refer to existing questions, times valid).

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;

use crate::domain::grouping::Mode;
use crate::domain::{Question, QuestionId, RoleName, UnitName};

#[derive(Debug, Clone, PartialEq)]
pub struct Kit {
    /// Short stable id, e.g. `uio-koordineringsgruppe`; from the `id` key.
    pub id: String,
    pub title: String,
    /// `nb`, `sv` or `en`.
    pub language: String,
    pub timezone: Tz,
    /// The meeting day; `/meeting load` may move it.
    pub date: NaiveDate,
    /// The id of the kit of the previous meeting in the series, if any (for follow-up).
    pub previous: Option<String>,
    pub purpose: Vec<String>,
    pub units: Vec<UnitName>,
    pub roles: Vec<RoleName>,
    pub questions: Vec<Question>,
    /// One answer per unit per question (`unit_answers = true`), written by any member of it.
    pub unit_answers: bool,
    /// Share the answers with everyone after the deadline (`share_after_deadline = true`).
    pub share_after_deadline: bool,
    pub agenda: Vec<AgendaItem>,
    pub breakouts: Vec<BreakoutPlan>,
    pub schedule: KitSchedule,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaKind {
    Plenary,
    Presentation,
    Breakout,
    Reflection,
    Evaluation,
    Break,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItem {
    pub start: NaiveTime,
    pub minutes: u32,
    pub kind: AgendaKind,
    pub title: String,
    /// For `breakout` items: the id of the breakout plan to run.
    pub breakout: Option<String>,
    /// The meeting-day questions (`phase = "during"`) posted when the item starts.
    pub ask: Vec<QuestionId>,
    /// Who presents and for how long each (`presenters`, `speaker_minutes`,
    /// `questions_minutes`, `prepare_days_before`).
    pub speaking: Option<crate::domain::speaking::Speaking>,
}

impl AgendaItem {
    pub fn end(&self) -> NaiveTime {
        self.start + chrono::Duration::minutes(i64::from(self.minutes))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BreakoutPlan {
    pub id: String,
    pub title: String,
    pub mode: Mode,
    /// People per room; `None` means the mode decides (e.g. one room per role).
    pub size: Option<u32>,
    pub questions: Vec<QuestionId>,
    pub minutes: u32,
    /// For `choose`: one room per topic, named after it (checked: not empty, at most 80
    /// characters, no two alike). Empty: numbered rooms.
    pub topics: Vec<String>,
}

/// When answering opens, reminders go out, answering closes and the digest is posted,
/// all relative to the meeting date in the kit's timezone.
#[derive(Debug, Clone, PartialEq)]
pub struct KitSchedule {
    pub open_days_before: u32,
    /// Local time of day for opening, reminders and the digest.
    pub time: NaiveTime,
    pub reminders_days_before: Vec<u32>,
    /// Optional recurring reminder between opening and the deadline, as a cron pattern
    /// (5 fields, kit timezone), e.g. `0 9 * * MON`.
    pub remind_cron: Option<String>,
    pub deadline_days_before: u32,
    pub deadline_time: NaiveTime,
    pub digest_days_before: u32,
}

impl Default for KitSchedule {
    fn default() -> Self {
        Self {
            open_days_before: 14,
            time: NaiveTime::from_hms_opt(9, 0, 0).expect("valid time"),
            reminders_days_before: vec![7, 2],
            remind_cron: None,
            deadline_days_before: 1,
            deadline_time: NaiveTime::from_hms_opt(16, 0, 0).expect("valid time"),
            digest_days_before: 1,
        }
    }
}

/// A kit shipped with the bot (the kits folder), with its text for `/kit download` and for the
/// meetings loaded from it to keep.
#[derive(Debug, Clone, PartialEq)]
pub struct ShippedKit {
    pub kit: Kit,
    pub source: String,
}
