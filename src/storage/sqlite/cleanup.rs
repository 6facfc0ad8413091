//! The cleanup of archived breakout rooms: the guild's retention period, and closed rounds
//! whose channels are still on the chat platform.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{chat_id, db_id, time, SqliteStore, StoreError};
use crate::app::ports::{RoomCleanupStore, Round, DEFAULT_ROOM_RETENTION_DAYS};
use crate::domain::GuildId;

#[async_trait]
impl RoomCleanupStore for SqliteStore {
    async fn room_retention_days(&self, guild: GuildId) -> Result<u32, StoreError> {
        let g = db_id(guild.0);
        let days = sqlx::query_scalar!("SELECT room_retention_days FROM guilds WHERE id = ?", g)
            .fetch_optional(&self.pool)
            .await?;
        Ok(days.and_then(|d| u32::try_from(d).ok()).unwrap_or(DEFAULT_ROOM_RETENTION_DAYS))
    }

    async fn set_room_retention_days(&self, guild: GuildId, days: u32) -> Result<(), StoreError> {
        let (g, d) = (db_id(guild.0), i64::from(days));
        let done =
            sqlx::query!("UPDATE guilds SET room_retention_days = ? WHERE id = ?", d, g).execute(&self.pool).await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("guild {guild}")));
        }
        Ok(())
    }

    async fn uncleaned_rounds(&self, guild: Option<GuildId>) -> Result<Vec<(GuildId, Round)>, StoreError> {
        let g = guild.map(|g| db_id(g.0));
        let rows = sqlx::query!(
            "SELECT ro.id AS \"id!\", m.guild_id FROM rounds ro JOIN meetings m ON m.id = ro.meeting_id
             WHERE ro.closed_at IS NOT NULL AND ro.channels_deleted_at IS NULL AND (? IS NULL OR m.guild_id = ?)
             ORDER BY ro.closed_at, ro.id",
            g,
            g
        )
        .fetch_all(&self.pool)
        .await?;
        let mut rounds = Vec::with_capacity(rows.len());
        for r in rows {
            rounds.push((GuildId(chat_id(r.guild_id)), self.round_by_id(r.id).await?));
        }
        Ok(rounds)
    }

    async fn set_channels_deleted(&self, round: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        let at = time::to_db(at);
        sqlx::query!(
            "UPDATE rounds SET channels_deleted_at = ? WHERE id = ? AND channels_deleted_at IS NULL",
            at,
            round
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
