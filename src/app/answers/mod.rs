//! Answering the reflection (and evaluation) questions: the form to show (`form`), saving
//! answers with their history (`submit`), and one's own answers (`mine`). This file holds what
//! they share: the flow's error, and who may answer in a meeting now.

mod form;
mod mine;
mod submit;

pub use form::{answer_form, previous_plans_note, AnswerForm, QUESTIONS_PER_MODAL};
pub use mine::{my_answers, my_answers_keyed, render_mine};
pub use submit::{
    answer_error, render_report, submit_answers, submit_answers_keyed, submit_form, SubmitReport, Submitted,
};

use super::actor::{Actor, UserMessage};
use super::ports::{Clock, Member, Store, StoreError};
use crate::domain::{Meeting, Phase, UnitName};
use crate::i18n::Lang;
use crate::t;

#[derive(Debug, thiserror::Error)]
pub enum AnswerFlowError {
    #[error("no meeting is loaded")]
    NoMeeting,
    #[error("answering has not opened yet")]
    NotOpenYet,
    #[error("answering is closed")]
    Closed,
    #[error("the member has no unit")]
    NoUnit,
    #[error("unknown question {0}")]
    UnknownQuestion(String),
    #[error("an anonymous answer cannot be stored without the privacy secret")]
    NoSecret,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl UserMessage for AnswerFlowError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::NoMeeting => t!(lang, "err-no-meeting"),
            Self::NotOpenYet => t!(lang, "err-not-open-yet"),
            Self::Closed => t!(lang, "err-answers-closed"),
            Self::NoUnit => t!(lang, "err-no-unit"),
            Self::UnknownQuestion(q) => t!(lang, "err-unknown-question", id = q.as_str()),
            Self::NoSecret => t!(lang, "err-internal"),
            Self::Store(_) => t!(lang, "err-internal"),
        }
    }
}

/// The actor's unit, when `meeting` accepts answers of every phase in `phases` now
/// (evaluation stays open after the reflection deadline until the meeting ends).
async fn check_open<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    actor: &Actor,
    member: Option<&Member>,
    meeting: &Meeting,
    phases: &[Phase],
) -> Result<Option<UnitName>, AnswerFlowError> {
    let now = clock.now();
    if !phases.iter().all(|p| meeting.accepts(*p, now)) {
        return Err(match meeting.state {
            crate::domain::MeetingState::Scheduled => AnswerFlowError::NotOpenYet,
            _ => AnswerFlowError::Closed,
        });
    }
    member_unit(store, actor, member, meeting).await
}

/// The actor's unit (none needed in a meeting without units) from their stored row
/// (`member`, as read), recording the member and their current display name first when the
/// row is missing or has another name. A member already stored under this name needs no
/// write: the usual submit then takes the write lock once, for its answers.
async fn member_unit<S: Store + ?Sized>(
    store: &S,
    actor: &Actor,
    member: Option<&Member>,
    meeting: &Meeting,
) -> Result<Option<UnitName>, AnswerFlowError> {
    if member.is_none_or(|m| m.name != actor.name) {
        // A new row has no unit; a renamed member keeps theirs.
        store.ensure_member(actor.guild, actor.user, &actor.name).await?;
    }
    let unit = member.and_then(|m| m.unit.clone());
    if unit.is_none() && !meeting.units.is_empty() {
        return Err(AnswerFlowError::NoUnit);
    }
    Ok(unit)
}
