//! Guild kits (every uploaded version) and the kit text each meeting was loaded from.

use async_trait::async_trait;

use super::{chat_id, db_id, time, SqliteStore, StoreError};
use crate::app::kit_store::{GuildKitVersion, KitSource, KitStore, NewGuildKit, SavedKit};
use crate::domain::{GuildId, MeetingId, UserId};

fn version(v: i64) -> Result<u32, StoreError> {
    u32::try_from(v).map_err(|_| StoreError::Corrupt(format!("kit version {v}")))
}

struct Row {
    kit_id: String,
    version: i64,
    title: String,
    language: String,
    sha256: String,
    uploaded_by: Option<i64>,
    uploaded_at: String,
}

fn to_version(r: Row) -> Result<GuildKitVersion, StoreError> {
    Ok(GuildKitVersion {
        kit_id: r.kit_id,
        version: version(r.version)?,
        title: r.title,
        language: r.language,
        sha256: r.sha256,
        uploaded_by: r.uploaded_by.map(|u| UserId(chat_id(u))),
        uploaded_at: time::from_db(&r.uploaded_at)?,
    })
}

#[async_trait]
impl KitStore for SqliteStore {
    async fn save_guild_kit(&self, kit: &NewGuildKit) -> Result<SavedKit, StoreError> {
        let g = db_id(kit.guild.0);
        let by = db_id(kit.uploaded_by.0);
        let at = time::to_db(kit.uploaded_at);
        // One statement: SQLite takes the write lock before it reads the newest version, so
        // concurrent uploads of one id get consecutive versions.
        let stored = sqlx::query_scalar!(
            "INSERT INTO guild_kits (guild_id, kit_id, version, title, language, source, sha256, uploaded_by, uploaded_at)
             SELECT ?, ?, COALESCE((SELECT MAX(version) FROM guild_kits WHERE guild_id = ? AND kit_id = ?), 0) + 1,
                    ?, ?, ?, ?, ?, ?
             WHERE NOT EXISTS (
                SELECT 1 FROM guild_kits g WHERE g.guild_id = ? AND g.kit_id = ? AND g.sha256 = ?
                AND g.version = (SELECT MAX(version) FROM guild_kits WHERE guild_id = ? AND kit_id = ?))
             RETURNING version",
            g,
            kit.kit_id,
            g,
            kit.kit_id,
            kit.title,
            kit.language,
            kit.source,
            kit.sha256,
            by,
            at,
            g,
            kit.kit_id,
            kit.sha256,
            g,
            kit.kit_id
        )
        .fetch_optional(&self.pool)
        .await?;
        if let Some(v) = stored {
            return Ok(SavedKit::Stored { version: version(v)? });
        }
        let newest = sqlx::query_scalar!(
            "SELECT MAX(version) AS \"v: i64\" FROM guild_kits WHERE guild_id = ? AND kit_id = ?",
            g,
            kit.kit_id
        )
        .fetch_one(&self.pool)
        .await?
        .ok_or_else(|| StoreError::Corrupt("an unchanged kit without versions".into()))?;
        Ok(SavedKit::Unchanged { version: version(newest)? })
    }

    async fn guild_kits(&self, guild: GuildId) -> Result<Vec<GuildKitVersion>, StoreError> {
        let g = db_id(guild.0);
        let rows = sqlx::query_as!(
            Row,
            "SELECT kit_id, version, title, language, sha256, uploaded_by, uploaded_at FROM guild_kits k
             WHERE guild_id = ? AND version = (SELECT MAX(version) FROM guild_kits WHERE guild_id = k.guild_id AND kit_id = k.kit_id)
             ORDER BY kit_id",
            g
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(to_version).collect()
    }

    async fn guild_kit_versions(&self, guild: GuildId, kit_id: &str) -> Result<Vec<GuildKitVersion>, StoreError> {
        let g = db_id(guild.0);
        let rows = sqlx::query_as!(
            Row,
            "SELECT kit_id, version, title, language, sha256, uploaded_by, uploaded_at FROM guild_kits
             WHERE guild_id = ? AND kit_id = ? ORDER BY version",
            g,
            kit_id
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(to_version).collect()
    }

    async fn guild_kit_source(&self, guild: GuildId, kit_id: &str) -> Result<Option<KitSource>, StoreError> {
        let g = db_id(guild.0);
        let row = sqlx::query!(
            "SELECT version, source FROM guild_kits WHERE guild_id = ? AND kit_id = ? ORDER BY version DESC LIMIT 1",
            g,
            kit_id
        )
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| Ok(KitSource { kit_id: kit_id.to_owned(), version: Some(version(r.version)?), source: r.source }))
            .transpose()
    }

    async fn delete_guild_kit(&self, guild: GuildId, kit_id: &str) -> Result<u64, StoreError> {
        let g = db_id(guild.0);
        let done = sqlx::query!("DELETE FROM guild_kits WHERE guild_id = ? AND kit_id = ?", g, kit_id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn save_meeting_kit(&self, meeting: MeetingId, kit: &KitSource) -> Result<(), StoreError> {
        let v = kit.version.map(i64::from);
        sqlx::query!(
            "INSERT INTO meeting_kits (meeting_id, kit_id, version, source) VALUES (?, ?, ?, ?)",
            meeting.0,
            kit.kit_id,
            v,
            kit.source
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn meeting_kit(&self, meeting: MeetingId) -> Result<Option<KitSource>, StoreError> {
        let row = sqlx::query!("SELECT kit_id, version, source FROM meeting_kits WHERE meeting_id = ?", meeting.0)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok(KitSource { kit_id: r.kit_id, version: r.version.map(version).transpose()?, source: r.source }))
            .transpose()
    }
}
