//! Consent to share one's answers in breakout rooms: opt-in, asked once (at the member's first
//! answer, in their language, saying exactly what is shared with whom), changed with `/privacy`.

use super::actor::Actor;
use super::ports::{Member, Store, StoreError};
use crate::i18n::Lang;
use crate::t;

/// The one-time question and its two button labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentPrompt {
    pub text: String,
    pub yes: String,
    pub no: String,
}

pub fn prompt(lang: Lang) -> ConsentPrompt {
    ConsentPrompt {
        text: t!(lang, "consent-ask"),
        yes: t!(lang, "consent-button-yes"),
        no: t!(lang, "consent-button-no"),
    }
}

/// The question to put to the actor now, if it was never put: it is then marked as asked, so
/// it is put once (a member who ignores it keeps "not shared"). `member` is the actor's
/// stored row as the caller read it (`None`: not stored when it was read).
pub async fn ask_once<S: Store + ?Sized>(
    store: &S,
    actor: &Actor,
    member: Option<&Member>,
) -> Result<Option<ConsentPrompt>, StoreError> {
    match member {
        Some(m) if m.consent_asked => return Ok(None),
        Some(_) => {}
        None => store.ensure_member(actor.guild, actor.user, &actor.name).await?,
    }
    store.mark_consent_asked(actor.guild, actor.user).await?;
    Ok(Some(prompt(actor.lang)))
}

/// Records the actor's answer (the prompt's buttons, `/privacy share-in-rooms`).
pub async fn answer<S: Store + ?Sized>(store: &S, actor: &Actor, share: bool) -> Result<String, StoreError> {
    store.ensure_member(actor.guild, actor.user, &actor.name).await?;
    store.set_consent(actor.guild, actor.user, share).await?;
    tracing::info!(guild = %actor.guild, share, "room sharing consent recorded");
    Ok(if share { t!(actor.lang, "consent-saved-yes") } else { t!(actor.lang, "consent-saved-no") })
}

/// `/privacy status`: what the actor shares, and with whom.
pub async fn status<S: Store + ?Sized>(store: &S, actor: &Actor) -> Result<String, StoreError> {
    let consent = store.consent(actor.guild, actor.user).await?;
    let share = if consent.share_in_rooms { "yes" } else { "no" };
    Ok(format!(
        "{}\n{}",
        t!(actor.lang, "privacy-status", share = share),
        t!(actor.lang, "questions-who-sees", rooms = share)
    ))
}
