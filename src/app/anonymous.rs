//! Answering anonymous questions: a submission is split into named answers (stored with the
//! member) and anonymous ones (stored under the member's author key for the meeting, with the
//! unit unless the question hides it). The member's own anonymous answers are found again by
//! that key, to prefill the form and to show "my answers"; nobody else can find them.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::actor::Actor;
use super::ports::{Store, StoreError, StoredAnswer};
use crate::domain::privacy::AuthorSecret;
use crate::domain::{Meeting, QuestionId, UnitName};

/// The actor's current anonymous answers in `meeting`, by question.
pub async fn current_of<S: Store + ?Sized>(
    store: &S,
    secret: &AuthorSecret,
    meeting: &Meeting,
    actor: &Actor,
) -> Result<HashMap<QuestionId, String>, StoreError> {
    if !meeting.questions.iter().any(|q| q.anonymity.is_anonymous()) {
        return Ok(HashMap::new());
    }
    let key = secret.author_key(actor.guild, meeting.id, actor.user);
    Ok(store.anonymous_answers_of(meeting.id, &key).await?.into_iter().map(|a| (a.question, a.value)).collect())
}

/// The actor's own current anonymous answers in `meeting`, as their `/answer mine` lists them
/// (with the actor as the member: the list goes only to them).
pub async fn mine<S: Store + ?Sized>(
    store: &S,
    secret: &AuthorSecret,
    meeting: &Meeting,
    actor: &Actor,
) -> Result<Vec<StoredAnswer>, StoreError> {
    if !meeting.questions.iter().any(|q| q.anonymity.is_anonymous()) {
        return Ok(Vec::new());
    }
    let key = secret.author_key(actor.guild, meeting.id, actor.user);
    let mine = store.anonymous_answers_of(meeting.id, &key).await?;
    Ok(mine
        .into_iter()
        .map(|a| StoredAnswer {
            user: actor.user,
            unit: a.unit,
            question: a.question,
            value: a.value,
            revision: a.revision,
            updated_at: a.updated_at,
        })
        .collect())
}

/// Answers to save: (question, stored value).
pub type Answers = Vec<(QuestionId, String)>;

/// Splits answers to save into (named, anonymous).
pub fn split(meeting: &Meeting, answers: Answers) -> (Answers, Answers) {
    answers.into_iter().partition(|(q, _)| !meeting.question(q).is_some_and(|q| q.anonymity.is_anonymous()))
}

/// Saves the actor's anonymous answers; returns their revisions in order.
pub async fn save<S: Store + ?Sized>(
    store: &S,
    secret: &AuthorSecret,
    meeting: &Meeting,
    actor: &Actor,
    unit: Option<&UnitName>,
    answers: Vec<(QuestionId, String)>,
    now: DateTime<Utc>,
) -> Result<Vec<u32>, StoreError> {
    if answers.is_empty() {
        return Ok(Vec::new());
    }
    let key = secret.author_key(actor.guild, meeting.id, actor.user);
    let with_units: Vec<(QuestionId, String, Option<UnitName>)> = answers
        .into_iter()
        .map(|(q, v)| {
            let keeps_unit = meeting.question(&q).is_some_and(|q| q.anonymity.keeps_unit());
            let unit = if keeps_unit { unit.cloned() } else { None };
            (q, v, unit)
        })
        .collect();
    store.save_anonymous_answers(meeting.id, actor.guild, actor.user, &key, &with_units, now).await
}
