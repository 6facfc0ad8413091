//! Who is acting in an interaction: the `Actor` (staff level, language) built the same way for
//! slash commands, buttons and modal submits.

use serenity::all::{ComponentInteraction, Member, ModalInteraction, User};

use super::bot::{BotError, Data};
use super::perms::staff_level;
use crate::app::ports::Member as StoredMember;
use crate::app::{Actor, Staff};
use crate::domain::{GuildId, MeetingId, UserId};
use crate::i18n::Lang;

/// The parts of an interaction that say who acts, and where.
pub struct Who<'a> {
    pub guild: Option<serenity::all::GuildId>,
    pub guild_name: Option<String>,
    pub user: &'a User,
    pub member: Option<&'a Member>,
    pub locale: &'a str,
    pub guild_locale: Option<&'a str>,
}

impl<'a> Who<'a> {
    /// Who clicked a button or picked from a select.
    pub fn of_component(c: &'a ComponentInteraction) -> Self {
        Who {
            guild: c.guild_id,
            guild_name: None,
            user: &c.user,
            member: c.member.as_ref(),
            locale: &c.locale,
            guild_locale: c.guild_locale.as_deref(),
        }
    }

    /// Who submitted a modal.
    pub fn of_modal(m: &'a ModalInteraction) -> Self {
        Who {
            guild: m.guild_id,
            guild_name: None,
            user: &m.user,
            member: m.member.as_ref(),
            locale: &m.locale,
            guild_locale: m.guild_locale.as_deref(),
        }
    }

    /// The language before anything is read from the store (for errors outside a guild).
    pub fn fallback_lang(&self) -> Lang {
        Lang::pick([Some(self.locale), self.guild_locale])
    }

    pub fn display_name(&self) -> String {
        self.member
            .and_then(|m| m.nick.clone())
            .or_else(|| self.user.global_name.clone())
            .unwrap_or_else(|| self.user.name.clone())
    }
}

/// Builds the actor: staff from the guild's configured roles (or admin/manage-server
/// permission), language from the member's saved locale, then Discord's locale, then the
/// guild's.
///
/// In a DM (a reminder's Answer button) there is no guild: it is the guild of the meeting the
/// clicked id names ([`actor_and_member`]), or else the one guild where this person is a
/// member and a meeting is running. Staff rights are never taken from a DM.
pub async fn actor(data: &Data, who: &Who<'_>) -> Result<Actor, BotError> {
    Ok(actor_and_member(data, who, None).await?.0)
}

/// [`actor`] and the member's stored row as read for it (`None`: not stored yet), for a
/// use case that needs the row too (the answer flow), so it is read once. `meeting`, from the
/// clicked id, places a click in a DM in that meeting's guild.
pub async fn actor_and_member(
    data: &Data,
    who: &Who<'_>,
    meeting: Option<MeetingId>,
) -> Result<(Actor, Option<StoredMember>), BotError> {
    let store = &*data.store;
    let user = UserId(who.user.id.get());
    let guild = match who.guild {
        Some(g) => GuildId(g.get()),
        None => return dm_actor(data, who, user, meeting).await,
    };
    let (settings, member) = store.settings_and_member(guild, user).await?;
    // A stored member means a stored guild (foreign key): the guild row is written only for a
    // newcomer or to record the guild's name, not on every interaction.
    let name = who.guild_name.as_deref().unwrap_or("");
    if member.is_none() || !name.is_empty() {
        store.ensure_guild(guild, name).await?;
    }
    let saved = member.as_ref().and_then(|m| m.locale.as_deref());
    let roles = who.member.map(|m| m.roles.as_slice()).unwrap_or(&[]);
    let staff = staff_level(who.member.and_then(|m| m.permissions), roles, &settings);
    let lang = Lang::pick([saved, Some(who.locale), who.guild_locale, Some(settings.locale.as_str())]);
    Ok((Actor { guild, user, name: who.display_name(), staff, lang }, member))
}

async fn dm_actor(
    data: &Data,
    who: &Who<'_>,
    user: UserId,
    meeting: Option<MeetingId>,
) -> Result<(Actor, Option<StoredMember>), BotError> {
    let store = &*data.store;
    let guild = match meeting {
        Some(m) => store.meeting(m).await?.ok_or(BotError::NotInGuild)?.guild,
        None => the_one_running_guild(data, user).await?,
    };
    let (settings, member) = store.settings_and_member(guild, user).await?;
    // Only a member of the meeting's guild acts there from a DM.
    if meeting.is_some() && member.is_none() {
        return Err(BotError::NotInGuild);
    }
    let saved = member.as_ref().and_then(|m| m.locale.as_deref());
    let lang = Lang::pick([saved, Some(who.locale), Some(settings.locale.as_str())]);
    let name = member.as_ref().map(|m| m.name.clone()).filter(|n| !n.is_empty()).unwrap_or_else(|| who.display_name());
    Ok((Actor { guild, user, name, staff: Staff::Member, lang }, member))
}

/// The one guild where `user` is a member and a meeting is running (ids posted before they
/// carried their meeting).
async fn the_one_running_guild(data: &Data, user: UserId) -> Result<GuildId, BotError> {
    let store = &*data.store;
    let mut running = Vec::new();
    for guild in store.guilds_of(user).await? {
        if store.current_meeting(guild).await?.is_some() {
            running.push(guild);
        }
    }
    let [guild] = running[..] else { return Err(BotError::NotInGuild) };
    Ok(guild)
}

/// A person's display name for an optional `member` option.
pub fn user_name(user: &User) -> String {
    user.global_name.clone().unwrap_or_else(|| user.name.clone())
}
