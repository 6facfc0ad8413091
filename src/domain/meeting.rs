//! A meeting as samrad runs it: its questions and its answering window.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::ids::{GuildId, MeetingId, QuestionId, RoleName, UnitName};
use super::privacy::Anonymity;

/// How a question is answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionKind {
    /// Free text (a modal text input, up to Discord's 4000 characters).
    Free,
    /// Ja/nei, ja/nej, yes/no: buttons.
    YesNo,
    /// A number on a scale, inclusive, e.g. 1..=5: a select menu.
    Scale { min: i32, max: i32 },
    /// One of a few options: a select menu.
    Choice { options: Vec<String> },
    /// A key figure (seed 002's nyckeltal): a decimal number, typed in a modal.
    Number,
}

impl QuestionKind {
    /// Every kind's name, as kits write it (`kind = "yes_no"`) and storage spells it.
    pub const NAMES: [&'static str; 5] = ["free", "yes_no", "scale", "choice", "number"];

    /// This kind's name (one of [`QuestionKind::NAMES`]).
    pub fn name(&self) -> &'static str {
        match self {
            Self::Free => "free",
            Self::YesNo => "yes_no",
            Self::Scale { .. } => "scale",
            Self::Choice { .. } => "choice",
            Self::Number => "number",
        }
    }

    /// One example of every kind, in the order of [`QuestionKind::NAMES`] (tests walk it, so a
    /// kind without one fails them).
    pub fn examples() -> Vec<QuestionKind> {
        vec![
            Self::Free,
            Self::YesNo,
            Self::Scale { min: 1, max: 5 },
            Self::Choice { options: vec!["A".into(), "B".into()] },
            Self::Number,
        ]
    }

    /// Whether it is typed in a modal (else picked with buttons or a select).
    pub fn typed(&self) -> bool {
        match self {
            Self::Free | Self::Number => true,
            Self::YesNo | Self::Scale { .. } | Self::Choice { .. } => false,
        }
    }

    /// Whether a typed answer fits one line (a figure), not a paragraph.
    pub fn one_line(&self) -> bool {
        match self {
            Self::Number => true,
            Self::Free | Self::YesNo | Self::Scale { .. } | Self::Choice { .. } => false,
        }
    }

    /// The kind in one word for a text column: its name, with a scale's bounds (`scale:1:5`).
    /// A choice's options are kept apart ([`QuestionKind::options`]).
    pub fn spelled(&self) -> String {
        match self {
            Self::Scale { min, max } => format!("{}:{min}:{max}", self.name()),
            Self::Free | Self::YesNo | Self::Choice { .. } | Self::Number => self.name().to_owned(),
        }
    }

    /// A choice's options (none for the other kinds).
    pub fn options(&self) -> &[String] {
        match self {
            Self::Choice { options } => options,
            Self::Free | Self::YesNo | Self::Scale { .. } | Self::Number => &[],
        }
    }

    /// The kind [`QuestionKind::spelled`] and [`QuestionKind::options`] describe.
    pub fn from_spelled(spelled: &str, options: Vec<String>) -> Option<QuestionKind> {
        let (name, bounds) = spelled.split_once(':').unwrap_or((spelled, ""));
        Some(match name {
            "free" => Self::Free,
            "yes_no" => Self::YesNo,
            "number" => Self::Number,
            "choice" => Self::Choice { options },
            "scale" => {
                let (min, max) = bounds.split_once(':')?;
                Self::Scale { min: min.parse().ok()?, max: max.parse().ok()? }
            }
            _ => return None,
        })
    }
}

/// When in the meeting cycle a question is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Before the meeting: the reflection questions members answer per unit.
    Reflection,
    /// At the end of the meeting: the short evaluation.
    Evaluation,
    /// On the meeting day: posted at an agenda item (the kit's `ask`) or by a facilitator's
    /// `/agenda ask` ("what did you learn from each other's presentations?").
    During,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub id: QuestionId,
    pub text: String,
    pub kind: QuestionKind,
    pub help: Option<String>,
    pub required: bool,
    pub phase: Phase,
    /// Whether answers are shown with a name (see `domain::privacy`).
    pub anonymity: Anonymity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingState {
    /// Loaded, answering not yet open.
    Scheduled,
    /// Members can answer and edit their answers.
    Open,
    /// The deadline passed: answers are read-only.
    Closed,
    /// The meeting itself is over.
    Ended,
}

impl MeetingState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Scheduled => "scheduled",
            Self::Open => "open",
            Self::Closed => "closed",
            Self::Ended => "ended",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "scheduled" => Self::Scheduled,
            "open" => Self::Open,
            "closed" => Self::Closed,
            "ended" => Self::Ended,
            _ => return None,
        })
    }
}

/// A loaded meeting. Its kit is the source of questions and plans; this is what is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub id: MeetingId,
    pub guild: GuildId,
    /// The kit's id, e.g. `uio-koordineringsgruppe`.
    pub kit_id: String,
    pub title: String,
    pub language: String,
    pub timezone: Tz,
    pub state: MeetingState,
    pub units: Vec<UnitName>,
    pub roles: Vec<RoleName>,
    pub questions: Vec<Question>,
    /// Answers can be given or edited until this instant.
    pub deadline: Option<DateTime<Utc>>,
    /// One answer per unit (any member writes or edits it) instead of one per member.
    pub unit_answers: bool,
    /// After the deadline everyone in the meeting channel sees "what the units said".
    pub share_after_deadline: bool,
}

impl Meeting {
    /// The meeting's language for its posts (the kit's `language`), English if unknown.
    pub fn lang(&self) -> crate::domain::lang::Lang {
        crate::domain::lang::Lang::from_code(&self.language).unwrap_or_default()
    }

    pub fn question(&self, id: &QuestionId) -> Option<&Question> {
        self.questions.iter().find(|q| &q.id == id)
    }

    pub fn reflection_questions(&self) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(|q| q.phase == Phase::Reflection)
    }

    pub fn evaluation_questions(&self) -> impl Iterator<Item = &Question> {
        self.phase_questions(Phase::Evaluation)
    }

    /// The questions of `phase`, in kit order.
    pub fn phase_questions(&self, phase: Phase) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(move |q| q.phase == phase)
    }

    pub fn unit(&self, name: &str) -> Option<&UnitName> {
        let key = name.trim().to_lowercase();
        self.units.iter().find(|u| u.key() == key)
    }

    pub fn role(&self, name: &str) -> Option<&RoleName> {
        let key = name.trim().to_lowercase();
        self.roles.iter().find(|r| r.key() == key)
    }

    /// Whether `question` is answered once per unit: the reflection of a meeting of unit
    /// answers (the evaluation at the meeting's end stays each member's own).
    pub fn answered_by_unit(&self, question: &Question) -> bool {
        self.unit_answers && question.phase == Phase::Reflection
    }

    /// Whether answers may be given or changed at `now`.
    pub fn accepts_answers(&self, now: DateTime<Utc>) -> bool {
        self.state == MeetingState::Open && self.deadline.is_none_or(|d| now < d)
    }

    /// Whether evaluation (and meeting-day) answers may be given or changed: from opening until
    /// the meeting has ended, so the reflection deadline (before the meeting) does not close
    /// the questions of the day.
    pub fn accepts_evaluation(&self) -> bool {
        matches!(self.state, MeetingState::Open | MeetingState::Closed)
    }

    /// Whether answers to questions of `phase` may be given or changed at `now`.
    pub fn accepts(&self, phase: Phase, now: DateTime<Utc>) -> bool {
        match phase {
            Phase::Reflection => self.accepts_answers(now),
            Phase::Evaluation | Phase::During => self.accepts_evaluation(),
        }
    }
}
