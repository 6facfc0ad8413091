//! A member's own data: `/forget-me` (after a confirmation click) deletes their answers, notes
//! and membership in the guild; `/privacy share-in-rooms` sets whether their pre-meeting
//! answers may be shown in breakout rooms.

use super::actor::{Actor, UserMessage};
use super::ports::{Store, StoreError};
use crate::domain::privacy::AuthorSecret;
use crate::i18n::Lang;
use crate::t;

#[derive(Debug, thiserror::Error)]
pub enum PrivacyError {
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl UserMessage for PrivacyError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::Store(_) => t!(lang, "err-internal"),
        }
    }
}

/// The confirmation question and button labels `/forget-me` shows first.
pub fn forget_prompt(lang: Lang) -> (String, String, String) {
    (t!(lang, "forget-confirm"), t!(lang, "forget-button-yes"), t!(lang, "forget-button-no"))
}

/// Deletes everything stored about the actor in this guild (after they confirmed), their
/// anonymous answers included (found by their key in each meeting). Digests computed
/// afterwards no longer count them. Returns how many records were removed.
pub async fn forget_me<S: Store + ?Sized>(
    store: &S,
    secret: &AuthorSecret,
    actor: &Actor,
) -> Result<u64, PrivacyError> {
    let keys = super::my_data::anonymous_keys(store, secret, actor).await?;
    let removed = store.forget(actor.guild, actor.user, &keys).await?;
    tracing::info!(guild = %actor.guild, removed, "member data forgotten on request");
    Ok(removed)
}

/// The reply after a confirmed `/forget-me`.
pub fn forget_done(lang: Lang, removed: u64) -> String {
    t!(lang, "forget-done", count = removed)
}

/// Sets whether the actor's pre-meeting answers may be shown to their breakout room.
pub async fn set_share_in_rooms<S: Store + ?Sized>(
    store: &S,
    actor: &Actor,
    share: bool,
) -> Result<String, PrivacyError> {
    super::consent::answer(store, actor, share).await?;
    Ok(if share { t!(actor.lang, "privacy-share-on") } else { t!(actor.lang, "privacy-share-off") })
}
