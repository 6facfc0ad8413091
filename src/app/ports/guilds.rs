//! Storing guilds and their members: settings, units, roles, consent, language.

use async_trait::async_trait;

use super::StoreError;
use crate::domain::{ChannelId, GuildId, RoleName, UnitName, UserId};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GuildSettings {
    pub organiser_role: Option<u64>,
    pub facilitator_role: Option<u64>,
    pub plenary_channel: Option<ChannelId>,
    pub plenary_voice: Option<ChannelId>,
    /// Where digests go; they name missing members, so only organisers should see it.
    pub organiser_channel: Option<ChannelId>,
    pub locale: String,
    /// Delete rooms at close instead of archiving them.
    pub delete_rooms: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub user: UserId,
    pub name: String,
    pub unit: Option<UnitName>,
    pub role: Option<RoleName>,
    pub share_in_rooms: bool,
    pub locale: Option<String>,
    /// The one-time question about sharing in rooms was put to them.
    pub consent_asked: bool,
}

#[async_trait]
pub trait GuildStore: Send + Sync {
    async fn ensure_guild(&self, guild: GuildId, name: &str) -> Result<(), StoreError>;
    async fn guild_settings(&self, guild: GuildId) -> Result<GuildSettings, StoreError>;
    async fn save_guild_settings(&self, guild: GuildId, settings: &GuildSettings) -> Result<(), StoreError>;
    async fn ensure_member(&self, guild: GuildId, user: UserId, name: &str) -> Result<(), StoreError>;
    async fn member(&self, guild: GuildId, user: UserId) -> Result<Option<Member>, StoreError>;
    /// The guild's settings (the defaults when it is not stored) and the member, in one read:
    /// every interaction needs both.
    async fn settings_and_member(
        &self,
        guild: GuildId,
        user: UserId,
    ) -> Result<(GuildSettings, Option<Member>), StoreError>;
    async fn members(&self, guild: GuildId) -> Result<Vec<Member>, StoreError>;
    /// The guilds where `user` is a member (to place an interaction that came by DM).
    async fn guilds_of(&self, user: UserId) -> Result<Vec<GuildId>, StoreError>;
    async fn set_unit(&self, guild: GuildId, user: UserId, unit: Option<&UnitName>) -> Result<(), StoreError>;
    async fn set_role(&self, guild: GuildId, user: UserId, role: Option<&RoleName>) -> Result<(), StoreError>;
    async fn set_share_in_rooms(&self, guild: GuildId, user: UserId, share: bool) -> Result<(), StoreError>;
    async fn set_member_locale(&self, guild: GuildId, user: UserId, locale: Option<&str>) -> Result<(), StoreError>;
    /// Deletes a member's answers, notes and membership (`/forget-me`). Returns rows removed.
    async fn forget_member(&self, guild: GuildId, user: UserId) -> Result<u64, StoreError>;
}
