//! The store port for kits organisers upload from Discord: every version of a guild's kits,
//! and the kit text each meeting was loaded from (so a later upload does not change it).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::ports::StoreError;
use crate::domain::{GuildId, MeetingId, UserId};

/// One upload, already validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGuildKit {
    pub guild: GuildId,
    pub kit_id: String,
    pub title: String,
    pub language: String,
    pub source: String,
    /// SHA-256 of `source`, lower-case hex.
    pub sha256: String,
    pub uploaded_by: UserId,
    pub uploaded_at: DateTime<Utc>,
}

/// What `save_guild_kit` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SavedKit {
    /// Stored as this version (1 for a new id).
    Stored { version: u32 },
    /// The newest version already has exactly this text; nothing was stored.
    Unchanged { version: u32 },
}

/// One stored version of a guild kit, without its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuildKitVersion {
    pub kit_id: String,
    pub version: u32,
    pub title: String,
    pub language: String,
    pub sha256: String,
    /// `None` once the uploader asked to be forgotten.
    pub uploaded_by: Option<UserId>,
    pub uploaded_at: DateTime<Utc>,
}

/// A kit's text as stored, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitSource {
    pub kit_id: String,
    /// The guild kit's version; `None` for a shipped kit.
    pub version: Option<u32>,
    pub source: String,
}

#[async_trait]
pub trait KitStore: Send + Sync {
    /// Adds the next version of a guild kit, unless the newest version has the same SHA-256.
    /// Concurrent uploads of one id each get their own version.
    async fn save_guild_kit(&self, kit: &NewGuildKit) -> Result<SavedKit, StoreError>;
    /// The newest version of each of the guild's kits, by kit id.
    async fn guild_kits(&self, guild: GuildId) -> Result<Vec<GuildKitVersion>, StoreError>;
    /// Every version of one kit, oldest first (empty when the guild has no such kit).
    async fn guild_kit_versions(&self, guild: GuildId, kit_id: &str) -> Result<Vec<GuildKitVersion>, StoreError>;
    /// The newest version's text, if the guild has the kit.
    async fn guild_kit_source(&self, guild: GuildId, kit_id: &str) -> Result<Option<KitSource>, StoreError>;
    /// Removes every version of a guild kit; returns how many were removed. Meetings loaded
    /// from it keep their own copy.
    async fn delete_guild_kit(&self, guild: GuildId, kit_id: &str) -> Result<u64, StoreError>;
    /// Records the kit text a meeting was loaded from (once; a second call is a conflict).
    async fn save_meeting_kit(&self, meeting: MeetingId, kit: &KitSource) -> Result<(), StoreError>;
    /// The kit text a meeting was loaded from; `None` for meetings loaded before kits were kept.
    async fn meeting_kit(&self, meeting: MeetingId) -> Result<Option<KitSource>, StoreError>;
}
