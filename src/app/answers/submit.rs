//! Submitting answers: validated per question, unchanged ones skipped, saved with their
//! history (the unit's, one's own, or anonymous under an author key), and the report of what
//! was saved and refused. A modal submit returns the form as it is afterwards, from one read.

use std::collections::HashMap;

use super::form::{current_answers, form_of, AnswerForm};
use super::{check_open, AnswerFlowError};
use crate::app::actor::Actor;
use crate::app::ports::{Clock, Member, Store};
use crate::domain::privacy::AuthorSecret;
use crate::domain::text::truncate_words;
use crate::domain::{AnswerError, AnswerValue, Meeting, Phase, QuestionId, UnitName};
use crate::i18n::Lang;
use crate::t;

/// The outcome of submitting a set of answers: what was saved, what was refused and why.
/// A refused answer's text is returned so the member can copy it; nothing typed is lost.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SubmitReport {
    pub saved: Vec<(QuestionId, u32)>,
    pub refused: Vec<(QuestionId, String, AnswerError)>,
    pub unchanged: Vec<QuestionId>,
}

/// Saves answers given as (question id, raw text). Blank input for a question leaves any
/// earlier answer as it is (a modal field left empty never deletes an answer). Without the
/// privacy secret, answers to anonymous questions are refused (never stored with a name).
pub async fn submit_answers<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    actor: &Actor,
    raw: &[(String, String)],
) -> Result<SubmitReport, AnswerFlowError> {
    submit_answers_keyed(store, clock, None, actor, raw).await
}

/// [`submit_answers`] with the privacy secret: answers to anonymous questions are stored
/// under the member's author key, apart from who answered.
pub async fn submit_answers_keyed<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    secret: Option<&AuthorSecret>,
    actor: &Actor,
    raw: &[(String, String)],
) -> Result<SubmitReport, AnswerFlowError> {
    let meeting = store.current_meeting(actor.guild).await?.ok_or(AnswerFlowError::NoMeeting)?;
    let member = store.member(actor.guild, actor.user).await?;
    Ok(submit_to(store, clock, secret, actor, member.as_ref(), &meeting, raw).await?.report)
}

/// A submit of the answer form (a modal page): what was saved, and the form of `phase` as it
/// is after the submit.
#[derive(Debug)]
pub struct Submitted {
    pub report: SubmitReport,
    /// The form to show next; the answers are saved even when it cannot be shown.
    pub form: Result<AnswerForm, AnswerFlowError>,
}

/// Submits a page of the answer form of `phase` and returns the form as it is after it, built
/// from what the submit read: the meeting, the member and their answers are each read once.
/// `member` is the actor's stored row as the caller read it (with the actor; `None`: not
/// stored yet).
pub async fn submit_form<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    secret: Option<&AuthorSecret>,
    actor: &Actor,
    member: Option<&Member>,
    phase: Phase,
    raw: &[(String, String)],
) -> Result<Submitted, AnswerFlowError> {
    let meeting = store.current_meeting(actor.guild).await?.ok_or(AnswerFlowError::NoMeeting)?;
    let done = submit_to(store, clock, secret, actor, member, &meeting, raw).await?;
    let form = if meeting.accepts(phase, clock.now()) {
        form_of(store, meeting, done.unit, done.current, phase).await
    } else {
        Err(AnswerFlowError::Closed)
    };
    Ok(Submitted { report: done.report, form })
}

/// What a submit did, and what it knows afterwards.
struct Done {
    report: SubmitReport,
    unit: Option<UnitName>,
    /// The actor's current answers after the submit (their own, their unit's, anonymous).
    current: HashMap<QuestionId, String>,
}

/// Validates and saves `raw` for the actor in `meeting`.
async fn submit_to<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    secret: Option<&AuthorSecret>,
    actor: &Actor,
    member: Option<&Member>,
    meeting: &Meeting,
    raw: &[(String, String)],
) -> Result<Done, AnswerFlowError> {
    // Which phases the submission touches decides whether it is still accepted: an evaluation
    // after the reflection deadline is fine, a reflection answer is not.
    let mut phases: Vec<Phase> = Vec::new();
    for (qid, _) in raw {
        let phase = QuestionId::try_from(qid.as_str())
            .ok()
            .and_then(|id| meeting.question(&id))
            .map(|q| q.phase)
            .ok_or_else(|| AnswerFlowError::UnknownQuestion(qid.clone()))?;
        if !phases.contains(&phase) {
            phases.push(phase);
        }
    }
    if phases.is_empty() {
        phases.push(Phase::Reflection);
    }
    let unit = check_open(store, clock, actor, member, meeting, &phases).await?;
    let mut current = current_answers(store, meeting, unit.as_ref(), actor, member.is_some()).await?;
    if let Some(secret) = secret {
        current.extend(crate::app::anonymous::current_of(store, secret, meeting, actor).await?);
    }
    let mut report = SubmitReport::default();
    let mut to_save: Vec<(QuestionId, String)> = Vec::new();
    for (qid, text) in raw {
        let question = QuestionId::try_from(qid.as_str())
            .ok()
            .and_then(|id| meeting.question(&id))
            .ok_or_else(|| AnswerFlowError::UnknownQuestion(qid.clone()))?;
        if text.trim().is_empty() {
            continue;
        }
        match AnswerValue::parse(question, text) {
            Ok(value) => {
                let stored = value.to_stored();
                if current.get(&question.id) == Some(&stored) {
                    report.unchanged.push(question.id.clone());
                    continue;
                }
                to_save.push((question.id.clone(), stored));
            }
            Err(e) => report.refused.push((question.id.clone(), text.clone(), e)),
        }
    }
    current.extend(to_save.iter().cloned());
    // The unit's answers to the reflection; the evaluation stays each member's own. Kits with
    // unit answers have no anonymous questions (the kit check refuses them).
    let (for_unit, to_save): (Vec<_>, Vec<_>) =
        to_save.into_iter().partition(|(q, _)| meeting.question(q).is_some_and(|q| meeting.answered_by_unit(q)));
    if !for_unit.is_empty() {
        let unit = unit.as_ref().ok_or(AnswerFlowError::NoUnit)?;
        let revisions = store.save_unit_answers(meeting.id, unit, actor.user, &for_unit, clock.now()).await?;
        report.saved = for_unit.into_iter().map(|(q, _)| q).zip(revisions).collect();
    }
    let (named, anonymous) = crate::app::anonymous::split(meeting, to_save);
    if !named.is_empty() {
        let revisions = store.save_answers(meeting.id, actor.guild, actor.user, &named, clock.now()).await?;
        report.saved.extend(named.into_iter().map(|(q, _)| q).zip(revisions));
    }
    if !anonymous.is_empty() {
        let secret = secret.ok_or(AnswerFlowError::NoSecret)?;
        let ids: Vec<QuestionId> = anonymous.iter().map(|(q, _)| q.clone()).collect();
        let revisions =
            crate::app::anonymous::save(store, secret, meeting, actor, unit.as_ref(), anonymous, clock.now()).await?;
        report.saved.extend(ids.into_iter().zip(revisions));
    }
    Ok(Done { report, unit, current })
}

/// Renders the submit report for the member (ephemeral).
pub fn render_report(report: &SubmitReport, lang: Lang) -> String {
    let mut lines = Vec::new();
    if !report.saved.is_empty() {
        lines.push(t!(lang, "answers-saved", count = report.saved.len()));
    }
    if report.saved.is_empty() && report.refused.is_empty() {
        lines.push(t!(lang, "answers-nothing-new"));
    }
    for (q, text, err) in &report.refused {
        lines.push(t!(lang, "answers-refused", id = q.as_str(), reason = answer_error(err, lang)));
        lines.push(format!("> {}", truncate_words(text, 300)));
    }
    lines.join("\n")
}

pub fn answer_error(err: &AnswerError, lang: Lang) -> String {
    match err {
        AnswerError::Empty => t!(lang, "answer-empty"),
        AnswerError::TooLong { got, max } => t!(lang, "answer-too-long", got = *got, max = *max),
        AnswerError::NotYesNo => t!(lang, "answer-not-yes-no"),
        AnswerError::OutOfScale { min, max } => t!(lang, "answer-out-of-scale", min = *min, max = *max),
        AnswerError::NotAnOption { options } => t!(lang, "answer-not-option", options = options.as_str()),
        AnswerError::NotANumber { got } => t!(lang, "answer-not-number", got = got.as_str()),
    }
}
