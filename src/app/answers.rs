//! Answering the reflection (and evaluation) questions: the form to show, saving answers
//! with their history, and one's own answers.

use std::collections::HashMap;

use super::actor::{Actor, UserMessage};
use super::ports::{Clock, Member, Store, StoreError, StoredAnswer};
use crate::domain::privacy::AuthorSecret;
use crate::domain::text::truncate_words;
use crate::domain::{AnswerError, AnswerValue, Meeting, Phase, Question, QuestionId, UnitName};
use crate::i18n::Lang;
use crate::t;

/// Discord allows five text inputs in one modal; longer question lists get more pages.
pub const QUESTIONS_PER_MODAL: usize = 5;

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

/// What the answer flow shows a member: text questions in modal pages of five, yes/no and
/// scale/choice questions as buttons and selects, each prefilled with the current answer.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerForm {
    /// Which questions: the reflection before the meeting or the evaluation at its end.
    pub phase: Phase,
    pub meeting: Meeting,
    /// `None` in a meeting without units: members answer for themselves.
    pub unit: Option<UnitName>,
    pub pages: Vec<Vec<Question>>,
    pub pickers: Vec<Question>,
    pub current: HashMap<QuestionId, String>,
}

/// Whether a question is typed in a modal (else picked with buttons or a select).
fn typed(q: &Question) -> bool {
    q.kind.typed()
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

/// The form for `phase` (reflection before the meeting, the questions asked so far on the
/// meeting day, evaluation at its end).
pub async fn answer_form<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    actor: &Actor,
    phase: Phase,
) -> Result<AnswerForm, AnswerFlowError> {
    let meeting = store.current_meeting(actor.guild).await?.ok_or(AnswerFlowError::NoMeeting)?;
    let member = store.member(actor.guild, actor.user).await?;
    let unit = check_open(store, clock, actor, member.as_ref(), &meeting, &[phase]).await?;
    let current = current_answers(store, &meeting, unit.as_ref(), actor, member.is_some()).await?;
    form_of(store, meeting, unit, current, phase).await
}

/// The form of `phase` over what was read: which questions (meeting-day questions once they
/// have been asked), split into modal pages and pickers, prefilled with `current`.
async fn form_of<S: Store + ?Sized>(
    store: &S,
    meeting: Meeting,
    unit: Option<UnitName>,
    current: HashMap<QuestionId, String>,
    phase: Phase,
) -> Result<AnswerForm, AnswerFlowError> {
    let mut questions: Vec<Question> = Vec::new();
    for q in meeting.phase_questions(phase) {
        if phase != Phase::During || super::agenda::was_asked(store, meeting.id, &q.id).await? {
            questions.push(q.clone());
        }
    }
    let pages = questions.iter().filter(|q| typed(q)).cloned().collect::<Vec<_>>();
    let pages = pages.chunks(QUESTIONS_PER_MODAL).map(<[Question]>::to_vec).collect();
    let pickers = questions.iter().filter(|q| !typed(q)).cloned().collect();
    Ok(AnswerForm { phase, meeting, unit, pages, pickers, current })
}

/// What the form starts from: the member's own answers and, in a meeting of unit answers, the
/// unit's current answers to the reflection (whoever of the unit wrote them). A member not
/// stored yet has no answers of their own (answers refer to the member's row).
async fn current_answers<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
    unit: Option<&UnitName>,
    actor: &Actor,
    stored: bool,
) -> Result<HashMap<QuestionId, String>, AnswerFlowError> {
    let mut current: HashMap<QuestionId, String> = if stored {
        store.answers_of(meeting.id, actor.user).await?.into_iter().map(|a| (a.question, a.value)).collect()
    } else {
        HashMap::new()
    };
    if meeting.unit_answers {
        let unit = unit.ok_or(AnswerFlowError::NoUnit)?;
        current.extend(super::unit_answers::current_of(store, meeting, unit).await?);
    }
    Ok(current)
}

/// Last meeting's take-home plans of the member's unit, shown above the reflection questions
/// so the answers can say what came of them. `None` for the evaluation, for a meeting that
/// follows no earlier one (the kit's `previous`), and for a unit that made no plans then.
pub async fn previous_plans_note<S: Store + ?Sized>(
    store: &S,
    form: &AnswerForm,
    lang: Lang,
) -> Result<Option<String>, AnswerFlowError> {
    let (Phase::Reflection, Some(unit)) = (form.phase, &form.unit) else { return Ok(None) };
    let Some(before) = store.unit_plans_before(form.meeting.id, unit).await? else { return Ok(None) };
    if before.plans.is_empty() {
        return Ok(None);
    }
    let mut out = t!(lang, "flow-previous-plans", previous = before.title, unit = unit.as_str());
    let plans = before.plans;
    for plan in &plans {
        out.push('\n');
        out.push_str(&super::plans::plan_line(plan, lang));
    }
    Ok(Some(truncate_words(&out, PREVIOUS_PLANS_CHARS)))
}

/// The previous plans take at most this much of the first reply (2000 characters in all).
const PREVIOUS_PLANS_CHARS: usize = 800;

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
        current.extend(super::anonymous::current_of(store, secret, meeting, actor).await?);
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
    let (named, anonymous) = super::anonymous::split(meeting, to_save);
    if !named.is_empty() {
        let revisions = store.save_answers(meeting.id, actor.guild, actor.user, &named, clock.now()).await?;
        report.saved.extend(named.into_iter().map(|(q, _)| q).zip(revisions));
    }
    if !anonymous.is_empty() {
        let secret = secret.ok_or(AnswerFlowError::NoSecret)?;
        let ids: Vec<QuestionId> = anonymous.iter().map(|(q, _)| q.clone()).collect();
        let revisions =
            super::anonymous::save(store, secret, meeting, actor, unit.as_ref(), anonymous, clock.now()).await?;
        report.saved.extend(ids.into_iter().zip(revisions));
    }
    Ok(Done { report, unit, current })
}

/// `/answer mine`: one's own answers in the current meeting, in question order (named answers
/// only: without the privacy secret one's anonymous answers cannot be found).
pub async fn my_answers<S: Store + ?Sized>(
    store: &S,
    actor: &Actor,
) -> Result<(Meeting, Vec<StoredAnswer>), AnswerFlowError> {
    my_answers_keyed(store, None, actor).await
}

/// [`my_answers`] with the privacy secret: one's own anonymous answers too, found by the
/// actor's author key. The key is made from the actor's own id, so nobody finds another
/// member's anonymous answers this way (organisers included).
pub async fn my_answers_keyed<S: Store + ?Sized>(
    store: &S,
    secret: Option<&AuthorSecret>,
    actor: &Actor,
) -> Result<(Meeting, Vec<StoredAnswer>), AnswerFlowError> {
    let meeting = store.current_meeting(actor.guild).await?.ok_or(AnswerFlowError::NoMeeting)?;
    let mut answers = store.answers_of(meeting.id, actor.user).await?;
    if let Some(secret) = secret {
        answers.extend(super::anonymous::mine(store, secret, &meeting, actor).await?);
        let order = |a: &StoredAnswer| meeting.questions.iter().position(|q| q.id == a.question);
        answers.sort_by_key(order);
    }
    if meeting.unit_answers {
        // The unit's answers to the reflection first, then the member's own evaluation.
        let member = store.member(actor.guild, actor.user).await?;
        let unit = member_unit(store, actor, member.as_ref(), &meeting).await?.ok_or(AnswerFlowError::NoUnit)?;
        let mut all = super::unit_answers::as_answers(store, &meeting, Some(&unit)).await?;
        all.append(&mut answers);
        answers = all;
    }
    Ok((meeting, answers))
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

/// Renders one's own answers (ephemeral).
pub fn render_mine(meeting: &Meeting, answers: &[StoredAnswer], lang: Lang) -> String {
    if answers.is_empty() {
        return t!(lang, "answers-none-yet");
    }
    let mut out = match (meeting.unit_answers, answers[0].unit.as_ref()) {
        (true, Some(unit)) => t!(lang, "answers-unit-title", title = meeting.title.as_str(), unit = unit.as_str()),
        _ => t!(lang, "answers-mine-title", title = meeting.title.as_str()),
    };
    for a in answers {
        let text = meeting.question(&a.question).map(|q| q.text.as_str()).unwrap_or("?");
        out.push_str(&format!("\n**{}** {}\n> {}", a.question, truncate_words(text, 120), a.value));
        if a.revision > 1 {
            out.push_str(&format!(" _{}_", t!(lang, "answers-edited", count = a.revision - 1)));
        }
        if let Some(marker) = meeting.question(&a.question).and_then(|q| super::reflection::anonymity_label(q, lang)) {
            out.push_str(&format!(" _{marker}_"));
        }
        if meeting.question(&a.question).is_some_and(|q| meeting.answered_by_unit(q)) {
            // Who of the unit wrote the current version (nobody named once they were forgotten).
            let by = a.user.0.to_string();
            if a.user.0 != 0 {
                out.push_str(&format!(" _{}_", t!(lang, "answers-unit-written-by", user = by.as_str())));
            }
        }
    }
    out
}
