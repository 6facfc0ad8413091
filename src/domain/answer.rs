//! Answer values and the rules that make them valid for their question.

use super::meeting::{Question, QuestionKind};

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
}
