//! Question kinds, their answer values and the rules that make a value valid for its
//! question. A new kind starts here: everything about it that is not kit syntax, Discord
//! components or digest arithmetic lives in this file (ARCHITECTURE.md, "Where to add").

use rand::seq::SliceRandom;
use rand::Rng;

use super::meeting::Question;

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

    /// A plausible raw answer of this kind for the demos: `pleased` leans to the top of a
    /// scale, yes and the first option (the day's evaluation). `None` for free text, which the
    /// caller writes in its members' words.
    pub fn sample(&self, rng: &mut impl Rng, pleased: bool) -> Option<String> {
        Some(match self {
            Self::Free => return None,
            Self::YesNo if pleased => "yes".to_owned(),
            Self::YesNo => if rng.gen_bool(0.6) { "yes" } else { "no" }.to_owned(),
            Self::Scale { min, max } if pleased => rng.gen_range((*min).max(*max - 2)..=*max).to_string(),
            Self::Scale { min, max } => rng.gen_range(*min..=*max).to_string(),
            Self::Choice { options } if pleased => options.first().cloned().unwrap_or_default(),
            Self::Choice { options } => options.choose(rng).cloned().unwrap_or_default(),
            Self::Number if pleased => "1".to_owned(),
            Self::Number => format!("{:.1}", rng.gen_range(0.0..60.0)),
        })
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

/// Discord's limit for a modal text input, and so ours for a free-text answer.
pub const MAX_ANSWER_CHARS: usize = 4000;

/// A valid answer to one question. Stored as text; `parse` is the only way in.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerValue {
    Text(String),
    YesNo(bool),
    Scale(i32),
    Choice(String),
    Number(f64),
}

/// The value a closed answer picked: what a digest counts the units behind. Typed answers
/// (text, numbers) pick none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueKey {
    Yes,
    No,
    Step(i32),
    Option(String),
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnswerError {
    #[error("the answer is empty")]
    Empty,
    #[error("the answer has {got} characters; at most {max} fit")]
    TooLong { got: usize, max: usize },
    #[error("answer yes or no")]
    NotYesNo,
    #[error("choose a whole number from {min} to {max}")]
    OutOfScale { min: i32, max: i32 },
    #[error("choose one of: {options}")]
    NotAnOption { options: String },
    #[error("{got:?} is not a number")]
    NotANumber { got: String },
}

impl AnswerValue {
    /// Checks raw input (modal text, button value, select value) against the question.
    pub fn parse(question: &Question, raw: &str) -> Result<Self, AnswerError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(AnswerError::Empty);
        }
        match &question.kind {
            QuestionKind::Free => {
                let got = raw.chars().count();
                if got > MAX_ANSWER_CHARS {
                    return Err(AnswerError::TooLong { got, max: MAX_ANSWER_CHARS });
                }
                Ok(Self::Text(raw.to_owned()))
            }
            QuestionKind::YesNo => match raw.to_lowercase().as_str() {
                "yes" | "ja" | "y" | "j" | "true" => Ok(Self::YesNo(true)),
                "no" | "nei" | "nej" | "n" | "false" => Ok(Self::YesNo(false)),
                _ => Err(AnswerError::NotYesNo),
            },
            QuestionKind::Scale { min, max } => match raw.parse::<i32>() {
                Ok(v) if (*min..=*max).contains(&v) => Ok(Self::Scale(v)),
                _ => Err(AnswerError::OutOfScale { min: *min, max: *max }),
            },
            QuestionKind::Choice { options } => options
                .iter()
                .find(|o| o.eq_ignore_ascii_case(raw))
                .map(|o| Self::Choice(o.clone()))
                .ok_or_else(|| AnswerError::NotAnOption { options: options.join(", ") }),
            QuestionKind::Number => {
                // People write decimal commas in nb/sv ("12,5"); accept both.
                let normalised = raw.replace(' ', "").replace(',', ".");
                normalised
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .map(Self::Number)
                    .ok_or_else(|| AnswerError::NotANumber { got: raw.to_owned() })
            }
        }
    }

    /// A free-text answer's text (none for the other values).
    pub fn text(&self) -> Option<&str> {
        match self {
            Self::Text(t) => Some(t),
            Self::YesNo(_) | Self::Scale(_) | Self::Choice(_) | Self::Number(_) => None,
        }
    }

    /// The value this answer picked, if it picks one (see [`ValueKey`]).
    pub fn picked(&self) -> Option<ValueKey> {
        match self {
            Self::YesNo(true) => Some(ValueKey::Yes),
            Self::YesNo(false) => Some(ValueKey::No),
            Self::Scale(v) => Some(ValueKey::Step(*v)),
            Self::Choice(c) => Some(ValueKey::Option(c.clone())),
            Self::Text(_) | Self::Number(_) => None,
        }
    }

    /// The stored form; `parse` reads it back.
    pub fn to_stored(&self) -> String {
        match self {
            Self::Text(t) | Self::Choice(t) => t.clone(),
            Self::YesNo(true) => "yes".into(),
            Self::YesNo(false) => "no".into(),
            Self::Scale(v) => v.to_string(),
            Self::Number(v) => v.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{meeting::Phase, QuestionId};

    fn q(kind: QuestionKind) -> Question {
        Question {
            id: QuestionId::try_from("q1").unwrap(),
            text: "?".into(),
            kind,
            help: None,
            required: true,
            phase: Phase::Reflection,
            anonymity: crate::domain::privacy::Anonymity::Named,
        }
    }

    #[test]
    fn free_text_is_trimmed_and_bounded() {
        let free = q(QuestionKind::Free);
        assert_eq!(AnswerValue::parse(&free, "  hei "), Ok(AnswerValue::Text("hei".into())));
        assert_eq!(AnswerValue::parse(&free, "   "), Err(AnswerError::Empty));
        let long = "å".repeat(4001);
        assert_eq!(AnswerValue::parse(&free, &long), Err(AnswerError::TooLong { got: 4001, max: 4000 }));
    }

    #[test]
    fn yes_no_understands_nordic_words() {
        let yn = q(QuestionKind::YesNo);
        assert_eq!(AnswerValue::parse(&yn, "Ja"), Ok(AnswerValue::YesNo(true)));
        assert_eq!(AnswerValue::parse(&yn, "nej"), Ok(AnswerValue::YesNo(false)));
        assert_eq!(AnswerValue::parse(&yn, "kanskje"), Err(AnswerError::NotYesNo));
    }

    #[test]
    fn scale_and_number_are_checked() {
        let scale = q(QuestionKind::Scale { min: 1, max: 5 });
        assert_eq!(AnswerValue::parse(&scale, "5"), Ok(AnswerValue::Scale(5)));
        assert!(AnswerValue::parse(&scale, "6").is_err());
        let num = q(QuestionKind::Number);
        assert_eq!(AnswerValue::parse(&num, "12,5"), Ok(AnswerValue::Number(12.5)));
        assert!(matches!(AnswerValue::parse(&num, "tolv"), Err(AnswerError::NotANumber { .. })));
    }

    /// The demos' answers must pass the rules members' answers pass, for every kind.
    #[test]
    fn every_kinds_sample_is_a_valid_answer() {
        let mut rng = rand::rngs::mock::StepRng::new(7, 0x9e37_79b9_7f4a_7c15);
        for kind in QuestionKind::examples() {
            for pleased in [false, true] {
                let question = q(kind.clone());
                match kind.sample(&mut rng, pleased) {
                    Some(raw) => assert!(AnswerValue::parse(&question, &raw).is_ok(), "{kind:?}: {raw:?}"),
                    None => assert!(kind.typed() && !kind.one_line(), "only free text is left to the caller: {kind:?}"),
                }
            }
        }
    }

    #[test]
    fn closed_answers_pick_a_value_and_typed_ones_none() {
        assert_eq!(AnswerValue::YesNo(false).picked(), Some(ValueKey::No));
        assert_eq!(AnswerValue::Scale(3).picked(), Some(ValueKey::Step(3)));
        assert_eq!(AnswerValue::Choice("B".into()).picked(), Some(ValueKey::Option("B".into())));
        assert_eq!(AnswerValue::Text("hei".into()).picked(), None);
        assert_eq!(AnswerValue::Number(1.5).picked(), None);
    }
}
