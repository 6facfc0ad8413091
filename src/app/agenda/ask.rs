//! Questions of the meeting day (`phase = "during"`): posted in plenary when the agenda item
//! that asks them starts (the kit's `ask`), or whenever a facilitator says `/agenda ask`.
//! Members answer them in the same flow as the others (from the post's button); the form shows
//! the ones asked so far, which a marker per question records.

use super::AgendaError;
use crate::app::ports::{Action, Chat, Clock, MessageId, OutMessage, Store, StoreError};
use crate::app::posting::{post_once, JobFailure, Target};
use crate::app::Actor;
use crate::domain::agenda::DayItem;
use crate::domain::text::truncate_words;
use crate::domain::{ChannelId, Meeting, MeetingId, Phase, Question, QuestionId};
use crate::i18n::Lang;
use crate::t;

/// The key recording that `question` has been asked in `meeting`.
pub fn asked_key(meeting: MeetingId, question: &QuestionId) -> String {
    format!("m{}:asked:{question}", meeting.0)
}

/// Whether `question` has been posted in `meeting` (by the agenda or `/agenda ask`).
pub async fn was_asked<S: Store + ?Sized>(
    store: &S,
    meeting: MeetingId,
    question: &QuestionId,
) -> Result<bool, StoreError> {
    Ok(store.sent_post(&asked_key(meeting, question)).await?.is_some())
}

/// The post that asks meeting-day questions, with an "Answer" button.
pub fn during_post(meeting: &Meeting, questions: &[&Question], lang: Lang) -> OutMessage {
    let mut text = t!(lang, "agenda-during-post", title = meeting.title.as_str());
    for q in questions {
        text.push_str(&format!("\n**{}**", truncate_words(&q.text, 300)));
        if let Some(help) = &q.help {
            text.push_str(&format!("\n_{}_", truncate_words(help, 200)));
        }
    }
    OutMessage::text(text)
        .with_button(Action::Answer { phase: Phase::During, meeting: meeting.id }, t!(lang, "button-answer-during"))
}

async fn mark_asked<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    meeting: MeetingId,
    questions: &[&Question],
    channel: ChannelId,
    post: MessageId,
) -> Result<(), StoreError> {
    for q in questions {
        if !was_asked(store, meeting, &q.id).await? {
            store.record_post(&asked_key(meeting, &q.id), Some(channel), post, clock.now()).await?;
        }
    }
    Ok(())
}

/// Posts the questions `item` asks, once (`key` is the item's post key).
pub(super) async fn post_item_questions<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    item: &DayItem,
    (key, plenary, lang): (&str, ChannelId, Lang),
) -> Result<(), JobFailure> {
    let questions: Vec<&Question> = item.ask.iter().filter_map(|id| meeting.question(id)).collect();
    if questions.is_empty() {
        return Ok(());
    }
    let message = during_post(meeting, &questions, lang);
    let post = post_once(store, chat, clock, &format!("{key}:ask"), Target::Channel(plenary), message).await?;
    mark_asked(store, clock, meeting.id, &questions, plenary, post).await?;
    Ok(())
}

/// `/agenda ask question:<id>`: posts one meeting-day question in plenary now (again, if it
/// was asked before). The agenda need not be running.
pub async fn ask_question<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    actor: &Actor,
    question: &str,
) -> Result<Question, AgendaError> {
    let meeting = super::facilitated(store, actor).await?;
    let unknown = || AgendaError::UnknownQuestion(question.trim().to_owned());
    let id = QuestionId::try_from(question.trim()).map_err(|_| unknown())?;
    let q = meeting.question(&id).ok_or_else(unknown)?.clone();
    if q.phase != Phase::During {
        return Err(AgendaError::NotDuring(q.id.to_string()));
    }
    let plenary = super::run::plenary_channel(store, &meeting).await?;
    let post = chat.post(plenary, during_post(&meeting, &[&q], meeting.lang()), None).await?;
    mark_asked(store, clock, meeting.id, &[&q], plenary, post).await?;
    Ok(q)
}

/// The meeting-day questions of the loaded meeting matching `partial`, for autocompletion:
/// (id, text).
pub async fn during_suggestions<S: Store + ?Sized>(
    store: &S,
    actor: &Actor,
    partial: &str,
) -> Result<Vec<(String, String)>, StoreError> {
    let Some(meeting) = store.current_meeting(actor.guild).await? else { return Ok(Vec::new()) };
    let partial = partial.trim().to_lowercase();
    Ok(meeting
        .phase_questions(Phase::During)
        .filter(|q| q.id.as_str().contains(&partial) || q.text.to_lowercase().contains(&partial))
        .take(25)
        .map(|q| (q.id.to_string(), q.text.clone()))
        .collect())
}
