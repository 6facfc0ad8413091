//! Guild kits (every uploaded version) and the kit text each meeting was loaded from.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{chat_id, db_id, PgStore, StoreError};
use crate::app::kit_store::{GuildKitVersion, KitSource, KitStore, NewGuildKit, SavedKit};
use crate::domain::{GuildId, MeetingId, UserId};

fn version(v: i32) -> Result<u32, StoreError> {
    u32::try_from(v).map_err(|_| StoreError::Corrupt(format!("kit version {v}")))
}

#[derive(sqlx::FromRow)]
struct Row {
    kit_id: String,
    version: i32,
    title: String,
    language: String,
    sha256: String,
    uploaded_by: Option<i64>,
    uploaded_at: DateTime<Utc>,
}

fn to_version(r: Row) -> Result<GuildKitVersion, StoreError> {
    Ok(GuildKitVersion {
        kit_id: r.kit_id,
        version: version(r.version)?,
        title: r.title,
        language: r.language,
        sha256: r.sha256,
        uploaded_by: r.uploaded_by.map(|u| UserId(chat_id(u))),
        uploaded_at: r.uploaded_at,
    })
}

const COLUMNS: &str = "SELECT kit_id, version, title, language, sha256, uploaded_by, uploaded_at FROM guild_kits";

#[async_trait]
impl KitStore for PgStore {
    async fn save_guild_kit(&self, kit: &NewGuildKit) -> Result<SavedKit, StoreError> {
        let g = db_id(kit.guild.0);
        let mut tx = self.pool.begin().await?;
        // Uploads of one kit take turns (two organisers, two processes): each reads the newest
        // version only after the other's insert committed.
        sqlx::query("SELECT pg_advisory_xact_lock($1, hashtext($2))")
            .bind(i32::try_from(g % i64::from(i32::MAX)).unwrap_or_default())
            .bind(&kit.kit_id)
            .execute(&mut *tx)
            .await?;
        let newest: Option<(i32, String)> = sqlx::query_as(
            "SELECT version, sha256 FROM guild_kits WHERE guild_id = $1 AND kit_id = $2 ORDER BY version DESC LIMIT 1",
        )
        .bind(g)
        .bind(&kit.kit_id)
        .fetch_optional(&mut *tx)
        .await?;
        let next = match newest {
            Some((v, sha)) if sha == kit.sha256 => return Ok(SavedKit::Unchanged { version: version(v)? }),
            Some((v, _)) => v + 1,
            None => 1,
        };
        sqlx::query(
            "INSERT INTO guild_kits (guild_id, kit_id, version, title, language, source, sha256, uploaded_by, uploaded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(g)
        .bind(&kit.kit_id)
        .bind(next)
        .bind(&kit.title)
        .bind(&kit.language)
        .bind(&kit.source)
        .bind(&kit.sha256)
        .bind(db_id(kit.uploaded_by.0))
        .bind(kit.uploaded_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(SavedKit::Stored { version: version(next)? })
    }

    async fn guild_kits(&self, guild: GuildId) -> Result<Vec<GuildKitVersion>, StoreError> {
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "{COLUMNS} k WHERE guild_id = $1
             AND version = (SELECT MAX(version) FROM guild_kits WHERE guild_id = k.guild_id AND kit_id = k.kit_id)
             ORDER BY kit_id"
        ))
        .bind(db_id(guild.0))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(to_version).collect()
    }

    async fn guild_kit_versions(&self, guild: GuildId, kit_id: &str) -> Result<Vec<GuildKitVersion>, StoreError> {
        let rows: Vec<Row> = sqlx::query_as(&format!("{COLUMNS} WHERE guild_id = $1 AND kit_id = $2 ORDER BY version"))
            .bind(db_id(guild.0))
            .bind(kit_id)
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter().map(to_version).collect()
    }

    async fn guild_kit_source(&self, guild: GuildId, kit_id: &str) -> Result<Option<KitSource>, StoreError> {
        let row: Option<(i32, String)> = sqlx::query_as(
            "SELECT version, source FROM guild_kits WHERE guild_id = $1 AND kit_id = $2 ORDER BY version DESC LIMIT 1",
        )
        .bind(db_id(guild.0))
        .bind(kit_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(v, source)| Ok(KitSource { kit_id: kit_id.to_owned(), version: Some(version(v)?), source }))
            .transpose()
    }

    async fn delete_guild_kit(&self, guild: GuildId, kit_id: &str) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM guild_kits WHERE guild_id = $1 AND kit_id = $2")
            .bind(db_id(guild.0))
            .bind(kit_id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn save_meeting_kit(&self, meeting: MeetingId, kit: &KitSource) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO meeting_kits (meeting_id, kit_id, version, source) VALUES ($1, $2, $3, $4)")
            .bind(meeting.0)
            .bind(&kit.kit_id)
            .bind(kit.version.map(|v| i32::try_from(v).unwrap_or(i32::MAX)))
            .bind(&kit.source)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn meeting_kit(&self, meeting: MeetingId) -> Result<Option<KitSource>, StoreError> {
        let row: Option<(String, Option<i32>, String)> =
            sqlx::query_as("SELECT kit_id, version, source FROM meeting_kits WHERE meeting_id = $1")
                .bind(meeting.0)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|(kit_id, v, source)| Ok(KitSource { kit_id, version: v.map(version).transpose()?, source }))
            .transpose()
    }
}
