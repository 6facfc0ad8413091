//! Storing what the cleanup of archived breakout rooms needs: the guild's retention period and
//! which closed rounds still have channels on the chat platform.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{Round, StoreError};
use crate::domain::GuildId;

/// Days archived rooms are kept when a guild has not said.
pub const DEFAULT_ROOM_RETENTION_DAYS: u32 = 7;

#[async_trait]
pub trait RoomCleanupStore: Send + Sync {
    /// Days a closed round's archived rooms are kept (0: at the next cleanup).
    async fn room_retention_days(&self, guild: GuildId) -> Result<u32, StoreError>;
    async fn set_room_retention_days(&self, guild: GuildId, days: u32) -> Result<(), StoreError>;
    /// Closed rounds whose channels were not deleted yet, with their guild: of `guild`, or of
    /// every guild. Oldest first.
    async fn uncleaned_rounds(&self, guild: Option<GuildId>) -> Result<Vec<(GuildId, Round)>, StoreError>;
    /// Records that the round's channels are gone (its notes and summaries stay).
    async fn set_channels_deleted(&self, round: i64, at: DateTime<Utc>) -> Result<(), StoreError>;
}
