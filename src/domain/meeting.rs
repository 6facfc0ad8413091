//! A meeting as samrad runs it: its questions and its answering window.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::answer::QuestionKind;
use super::ids::{GuildId, MeetingId, QuestionId, RoleName, UnitName};
use super::privacy::Anonymity;

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
