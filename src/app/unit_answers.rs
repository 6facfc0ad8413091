//! Unit answers (a kit's `unit_answers = true`): one answer per unit per question, written and
//! edited by any member of the unit. Helpers for the answer flow, status, reminders and the
//! digest, which otherwise work per member.

use std::collections::HashMap;

use super::ports::{Member, Store, StoreError, StoredAnswer};
use crate::domain::{Meeting, QuestionId, UnitName, UserId};

/// `unit`'s current answers, by question.
pub async fn current_of<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
    unit: &UnitName,
) -> Result<HashMap<QuestionId, String>, StoreError> {
    Ok(store
        .unit_answers(meeting.id)
        .await?
        .into_iter()
        .filter(|a| &a.unit == unit)
        .map(|a| (a.question, a.value))
        .collect())
}

/// The current answers of `unit` (of every unit when `None`) as answers of their last author
/// (`UserId(0)`: one who was forgotten), for `/answer mine` and the digest.
pub async fn as_answers<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
    unit: Option<&UnitName>,
) -> Result<Vec<StoredAnswer>, StoreError> {
    Ok(store
        .unit_answers(meeting.id)
        .await?
        .into_iter()
        .filter(|a| unit.is_none_or(|u| &a.unit == u))
        .map(|a| StoredAnswer {
            user: a.author.unwrap_or(UserId(0)),
            unit: Some(a.unit),
            question: a.question,
            value: a.value,
            revision: a.revision,
            updated_at: a.updated_at,
        })
        .collect())
}

/// Who counts as having answered what: in a meeting of unit answers, every member of a unit
/// has answered what their unit answered (so reminders go only to units without an answer).
pub async fn answered_by_members<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
    members: &[Member],
) -> Result<Vec<(UserId, QuestionId)>, StoreError> {
    let mut out = Vec::new();
    for a in store.unit_answers(meeting.id).await? {
        for m in members.iter().filter(|m| m.unit.as_ref() == Some(&a.unit)) {
            out.push((m.user, a.question.clone()));
        }
    }
    Ok(out)
}
