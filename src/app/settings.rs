//! `/meeting config`: the guild's organiser/facilitator roles, channels and language.

use super::actor::{Actor, UserMessage};
use super::ports::{GuildSettings, Store, StoreError};
use crate::domain::ChannelId;
use crate::i18n::Lang;
use crate::t;

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("only organisers may change settings")]
    NotOrganiser,
    #[error("unknown language {0:?}")]
    UnknownLanguage(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl UserMessage for SettingsError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::NotOrganiser => t!(lang, "err-not-organiser"),
            Self::UnknownLanguage(code) => t!(lang, "err-bad-input", detail = code.as_str()),
            Self::Store(_) => t!(lang, "err-internal"),
        }
    }
}

/// What to change; `None` leaves a setting as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsChange {
    pub organiser_role: Option<u64>,
    pub facilitator_role: Option<u64>,
    pub plenary_channel: Option<ChannelId>,
    /// The plenary voice channel: who sits there is who is present for a split.
    pub plenary_voice: Option<ChannelId>,
    pub organiser_channel: Option<ChannelId>,
    pub locale: Option<String>,
}

/// Applies `change` (organisers only) and returns the settings now in force.
pub async fn configure<S: Store + ?Sized>(
    store: &S,
    actor: &Actor,
    change: SettingsChange,
) -> Result<GuildSettings, SettingsError> {
    if !actor.can_organise() {
        return Err(SettingsError::NotOrganiser);
    }
    let mut settings = store.guild_settings(actor.guild).await?;
    if let Some(r) = change.organiser_role {
        settings.organiser_role = Some(r);
    }
    if let Some(r) = change.facilitator_role {
        settings.facilitator_role = Some(r);
    }
    if let Some(c) = change.plenary_channel {
        settings.plenary_channel = Some(c);
    }
    if let Some(c) = change.plenary_voice {
        settings.plenary_voice = Some(c);
    }
    if let Some(c) = change.organiser_channel {
        settings.organiser_channel = Some(c);
    }
    if let Some(code) = change.locale {
        let lang = Lang::from_code(&code).ok_or(SettingsError::UnknownLanguage(code))?;
        settings.locale = lang.code().to_owned();
    }
    store.save_guild_settings(actor.guild, &settings).await?;
    Ok(settings)
}
