//! `/answer mine`: one's own answers in the current meeting (and, where units answer, the
//! unit's), rendered for the member alone.

use super::{member_unit, AnswerFlowError};
use crate::app::actor::Actor;
use crate::app::ports::{Store, StoredAnswer};
use crate::domain::privacy::AuthorSecret;
use crate::domain::text::truncate_words;
use crate::domain::Meeting;
use crate::i18n::Lang;
use crate::t;

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
        answers.extend(crate::app::anonymous::mine(store, secret, &meeting, actor).await?);
        let order = |a: &StoredAnswer| meeting.questions.iter().position(|q| q.id == a.question);
        answers.sort_by_key(order);
    }
    if meeting.unit_answers {
        // The unit's answers to the reflection first, then the member's own evaluation.
        let member = store.member(actor.guild, actor.user).await?;
        let unit = member_unit(store, actor, member.as_ref(), &meeting).await?.ok_or(AnswerFlowError::NoUnit)?;
        let mut all = crate::app::unit_answers::as_answers(store, &meeting, Some(&unit)).await?;
        all.append(&mut answers);
        answers = all;
    }
    Ok((meeting, answers))
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
        if let Some(marker) =
            meeting.question(&a.question).and_then(|q| crate::app::reflection::anonymity_label(q, lang))
        {
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
