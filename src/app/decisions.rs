//! Decisions taken during a meeting day (seed 004: who is responsible, by when):
//! `/decision add`, recorded by facilitators and organisers. They are in the digest, the
//! export and the next meeting's opening; one with a responsible member and a date is
//! reminded like a plan (`plan_reminders`).

use chrono::NaiveDate;

use super::actor::{Actor, UserMessage};
use super::plans::reminder_jobs;
use super::ports::{Clock, Decision, Store, StoreError, StoredDecision};
use crate::domain::plan::Reminded;
use crate::domain::text::truncate_words;
use crate::domain::UserId;
use crate::i18n::Lang;
use crate::t;

pub const MAX_TEXT_CHARS: usize = 1000;
pub const MAX_RESPONSIBLE_CHARS: usize = 100;

#[derive(Debug, thiserror::Error)]
pub enum DecisionError {
    #[error("only facilitators and organisers record decisions")]
    NotFacilitator,
    #[error("no meeting is loaded")]
    NoMeeting,
    #[error("the decision is empty")]
    Empty,
    #[error("the decision has {got} characters; at most {max}")]
    TooLong { got: usize, max: usize },
    #[error("the decision has no one responsible")]
    NoResponsible,
    #[error("the responsible has {got} characters; at most {max}")]
    ResponsibleTooLong { got: usize, max: usize },
    #[error("{given:?} is not a date (YYYY-MM-DD)")]
    BadDate { given: String },
    #[error("{given} is in the past")]
    PastDate { given: NaiveDate },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl UserMessage for DecisionError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::NotFacilitator => t!(lang, "err-not-facilitator"),
            Self::NoMeeting => t!(lang, "err-no-meeting"),
            Self::Empty => t!(lang, "err-decision-empty"),
            Self::TooLong { got, max } => t!(lang, "err-decision-too-long", got = *got, max = *max),
            Self::NoResponsible => t!(lang, "err-decision-no-responsible"),
            Self::ResponsibleTooLong { got, max } => t!(lang, "err-plan-owner-too-long", got = *got, max = *max),
            Self::BadDate { given } => t!(lang, "err-bad-date", given = given.as_str()),
            Self::PastDate { given } => t!(lang, "err-plan-past-date", given = given.to_string()),
            Self::Store(_) => t!(lang, "err-internal"),
        }
    }
}

/// What a facilitator typed into `/decision add`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecisionInput {
    pub text: String,
    /// Who is responsible as shown (a member's name, a role, a unit).
    pub responsible: String,
    /// The responsible as a member (reminders go to them).
    pub responsible_id: Option<UserId>,
    /// `YYYY-MM-DD`, or empty.
    pub due: String,
}

fn validate(input: &DecisionInput, today: NaiveDate) -> Result<(String, String, Option<NaiveDate>), DecisionError> {
    let text = input.text.trim();
    if text.is_empty() {
        return Err(DecisionError::Empty);
    }
    let got = text.chars().count();
    if got > MAX_TEXT_CHARS {
        return Err(DecisionError::TooLong { got, max: MAX_TEXT_CHARS });
    }
    let responsible = input.responsible.trim();
    if responsible.is_empty() {
        return Err(DecisionError::NoResponsible);
    }
    let got = responsible.chars().count();
    if got > MAX_RESPONSIBLE_CHARS {
        return Err(DecisionError::ResponsibleTooLong { got, max: MAX_RESPONSIBLE_CHARS });
    }
    let due = match input.due.trim() {
        "" => None,
        given => {
            let date = NaiveDate::parse_from_str(given, "%Y-%m-%d")
                .map_err(|_| DecisionError::BadDate { given: given.to_owned() })?;
            if date < today {
                return Err(DecisionError::PastDate { given: date });
            }
            Some(date)
        }
    };
    Ok((text.to_owned(), responsible.to_owned(), due))
}

/// `/decision add`: records a decision of the current meeting, with reminders to a responsible
/// member before and on its date.
pub async fn record_decision<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    actor: &Actor,
    input: &DecisionInput,
) -> Result<StoredDecision, DecisionError> {
    if !actor.can_facilitate() {
        return Err(DecisionError::NotFacilitator);
    }
    let meeting = store.current_meeting(actor.guild).await?.ok_or(DecisionError::NoMeeting)?;
    let now = clock.now();
    let (text, responsible, due) = validate(input, now.with_timezone(&meeting.timezone).date_naive())?;
    let decision = Decision { text, responsible, responsible_id: input.responsible_id, due, created_by: actor.user };
    let (tz, who) = (meeting.timezone, input.responsible_id);
    let jobs = move |id: i64| reminder_jobs(Reminded::Decision(id), due, who, tz, now);
    let id = store.add_decision(meeting.id, &decision, &jobs, now).await?;
    Ok(StoredDecision { id, meeting: meeting.id, decision, created_at: now })
}

/// One decision as a Markdown list item.
pub fn decision_line(d: &Decision, lang: Lang) -> String {
    let mut line = format!("- {} — {}", truncate_words(&d.text, 300), d.responsible);
    if let Some(due) = d.due {
        line.push_str(&format!(" ({})", t!(lang, "plan-due", date = due.to_string())));
    }
    line
}

/// The day's decisions for the digest; `None` when there are none.
pub fn decisions_section(decisions: &[StoredDecision], lang: Lang) -> Option<String> {
    if decisions.is_empty() {
        return None;
    }
    let mut out = format!("### {}", t!(lang, "decisions-heading"));
    for d in decisions {
        out.push('\n');
        out.push_str(&decision_line(&d.decision, lang));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decision_needs_text_and_someone_responsible_and_a_real_date() {
        let today: NaiveDate = "2027-04-15".parse().unwrap();
        let input = |text: &str, who: &str, due: &str| DecisionInput {
            text: text.into(),
            responsible: who.into(),
            responsible_id: None,
            due: due.into(),
        };
        assert!(matches!(validate(&input(" ", "Eva", ""), today), Err(DecisionError::Empty)));
        assert!(matches!(validate(&input("Ja", " ", ""), today), Err(DecisionError::NoResponsible)));
        assert!(matches!(validate(&input("Ja", "Eva", "i morgon"), today), Err(DecisionError::BadDate { .. })));
        assert!(matches!(validate(&input("Ja", "Eva", "2027-04-14"), today), Err(DecisionError::PastDate { .. })));
        assert_eq!(validate(&input(" Ja ", " Eva ", "2027-04-15"), today).unwrap().2, Some(today));
    }
}
