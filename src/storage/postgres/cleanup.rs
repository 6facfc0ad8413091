//! The cleanup of archived breakout rooms: the guild's retention period, and closed rounds
//! whose channels are still on the chat platform.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{chat_id, db_id, PgStore, StoreError};
use crate::app::ports::{RoomCleanupStore, Round, DEFAULT_ROOM_RETENTION_DAYS};
use crate::domain::GuildId;

#[async_trait]
impl RoomCleanupStore for PgStore {
    async fn room_retention_days(&self, guild: GuildId) -> Result<u32, StoreError> {
        let days: Option<i32> = sqlx::query_scalar("SELECT room_retention_days FROM guilds WHERE id = $1")
            .bind(db_id(guild.0))
            .fetch_optional(&self.pool)
            .await?;
        Ok(days.and_then(|d| u32::try_from(d).ok()).unwrap_or(DEFAULT_ROOM_RETENTION_DAYS))
    }

    async fn set_room_retention_days(&self, guild: GuildId, days: u32) -> Result<(), StoreError> {
        let days = i32::try_from(days).map_err(|_| StoreError::Conflict(format!("{days} days")))?;
        let done = sqlx::query("UPDATE guilds SET room_retention_days = $1 WHERE id = $2")
            .bind(days)
            .bind(db_id(guild.0))
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("guild {guild}")));
        }
        Ok(())
    }

    async fn uncleaned_rounds(&self, guild: Option<GuildId>) -> Result<Vec<(GuildId, Round)>, StoreError> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT ro.id, m.guild_id FROM rounds ro JOIN meetings m ON m.id = ro.meeting_id
             WHERE ro.closed_at IS NOT NULL AND ro.channels_deleted_at IS NULL
               AND ($1::BIGINT IS NULL OR m.guild_id = $1)
             ORDER BY ro.closed_at, ro.id",
        )
        .bind(guild.map(|g| db_id(g.0)))
        .fetch_all(&self.pool)
        .await?;
        let mut rounds = Vec::with_capacity(rows.len());
        for (id, g) in rows {
            rounds.push((GuildId(chat_id(g)), self.round_by_id(id).await?));
        }
        Ok(rounds)
    }

    async fn set_channels_deleted(&self, round: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("UPDATE rounds SET channels_deleted_at = $1 WHERE id = $2 AND channels_deleted_at IS NULL")
            .bind(at)
            .bind(round)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
