//! The answer form: which questions a member answers now (meeting-day questions once asked),
//! typed ones in modal pages and the rest as pickers, prefilled with the current answers, and
//! last meeting's plans of the member's unit shown above the reflection.

use std::collections::HashMap;

use super::{check_open, AnswerFlowError};
use crate::app::actor::Actor;
use crate::app::ports::{Clock, Store};
use crate::domain::text::truncate_words;
use crate::domain::{Meeting, Phase, Question, QuestionId, UnitName};
use crate::i18n::Lang;
use crate::t;

/// Discord allows five text inputs in one modal; longer question lists get more pages.
pub const QUESTIONS_PER_MODAL: usize = 5;

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
pub(super) async fn form_of<S: Store + ?Sized>(
    store: &S,
    meeting: Meeting,
    unit: Option<UnitName>,
    current: HashMap<QuestionId, String>,
    phase: Phase,
) -> Result<AnswerForm, AnswerFlowError> {
    let mut questions: Vec<Question> = Vec::new();
    for q in meeting.phase_questions(phase) {
        if phase != Phase::During || crate::app::agenda::was_asked(store, meeting.id, &q.id).await? {
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
pub(super) async fn current_answers<S: Store + ?Sized>(
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
        current.extend(crate::app::unit_answers::current_of(store, meeting, unit).await?);
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
        out.push_str(&crate::app::plans::plan_line(plan, lang));
    }
    Ok(Some(truncate_words(&out, PREVIOUS_PLANS_CHARS)))
}

/// The previous plans take at most this much of the first reply (2000 characters in all).
const PREVIOUS_PLANS_CHARS: usize = 800;
