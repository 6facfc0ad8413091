//! The organisers' digest: response rate per unit, missing units and members, themes and
//! representative answers per question, and a chart (PNG) attached to the post.

use super::ports::{Attachment, OutMessage, Store, StoreError};
use crate::domain::digest::{self, DigestAnswer, DigestInput, DigestLabels, DigestMember};
use crate::domain::{AnswerValue, Meeting};
use crate::i18n::Lang;
use crate::t;

/// The digest input for `meeting` from the store. Stored values that no longer parse (a
/// question changed kind) are left out rather than failing the digest.
pub async fn digest_input<S: Store + ?Sized>(store: &S, meeting: &Meeting) -> Result<DigestInput, StoreError> {
    let members = store.members(meeting.guild).await?;
    let answers = store.answers(meeting.id).await?;
    Ok(DigestInput {
        title: meeting.title.clone(),
        units: meeting.units.clone(),
        members: members
            .iter()
            .map(|m| DigestMember { user: m.user, name: m.name.clone(), unit: m.unit.clone() })
            .collect(),
        questions: meeting.reflection_questions().cloned().collect(),
        answers: answers
            .into_iter()
            .filter_map(|a| {
                let question = meeting.question(&a.question)?;
                let value = AnswerValue::parse(question, &a.value).ok()?;
                Some(DigestAnswer { user: a.user, unit: a.unit, question: a.question, value })
            })
            .collect(),
        previous: None,
    })
}

/// The digest message for `meeting`. Member names only when `with_names` (organisers' channel).
pub async fn digest_post<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
    lang: Lang,
    with_names: bool,
) -> Result<OutMessage, StoreError> {
    let mut input = digest_input(store, meeting).await?;
    if !with_names {
        for m in &mut input.members {
            m.name = String::new();
        }
    }
    let computed = digest::compute(&input);
    let mut text = t!(lang, "digest-title", title = meeting.title.as_str());
    text.push('\n');
    let mut body = digest::render_markdown(&computed, &DigestLabels::english());
    if !with_names {
        // Without names the per-member list says nothing useful and could identify people.
        body = body.lines().filter(|l| !l.trim_start().starts_with("- ,")).collect::<Vec<_>>().join("\n");
    }
    text.push_str(&body);
    let mut message =
        OutMessage::text(crate::domain::text::truncate_words(&text, crate::domain::text::DISCORD_MESSAGE_LIMIT));
    match crate::render::chart::response_chart_png(&computed, &meeting.title) {
        Ok(png) => message.attachments.push(Attachment { name: "digest.png".into(), bytes: png }),
        Err(e) => tracing::warn!(error = %e, "digest chart could not be drawn; posting the text alone"),
    }
    Ok(message)
}
