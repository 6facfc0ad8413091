//! Guild settings, members and their unit and role.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{chat_id, db_id, PgStore, StoreError};
use crate::app::ports::{GuildSettings, GuildStore, Member};
use crate::domain::{ChannelId, GuildId, RoleName, UnitName, UserId};

impl PgStore {
    /// The unit's row id, creating the unit for the guild if it is new.
    pub(super) async fn unit_id(&self, guild: GuildId, unit: &UnitName) -> Result<i64, StoreError> {
        let g = db_id(guild.0);
        sqlx::query(
            "INSERT INTO units (guild_id, name, name_key) VALUES ($1, $2, $3) ON CONFLICT (guild_id, name_key) DO NOTHING",
        )
        .bind(g)
        .bind(unit.as_str())
        .bind(unit.key())
        .execute(&self.pool)
        .await?;
        let id = sqlx::query_scalar("SELECT id FROM units WHERE guild_id = $1 AND name_key = $2")
            .bind(g)
            .bind(unit.key())
            .fetch_one(&self.pool)
            .await?;
        Ok(id)
    }
}

#[derive(sqlx::FromRow)]
struct SettingsRow {
    organiser_role: Option<i64>,
    facilitator_role: Option<i64>,
    plenary_channel: Option<i64>,
    plenary_voice: Option<i64>,
    organiser_channel: Option<i64>,
    locale: String,
    close_rooms: String,
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    user_id: i64,
    display_name: String,
    unit: Option<String>,
    role: Option<String>,
    share_in_rooms: bool,
    locale: Option<String>,
    consent_asked: bool,
}

/// `settings_and_member`'s row: the guild's columns and the member's, each null when not stored.
#[derive(sqlx::FromRow)]
struct SettingsAndMemberRow {
    organiser_role: Option<i64>,
    facilitator_role: Option<i64>,
    plenary_channel: Option<i64>,
    plenary_voice: Option<i64>,
    organiser_channel: Option<i64>,
    guild_locale: Option<String>,
    close_rooms: Option<String>,
    user_id: Option<i64>,
    display_name: Option<String>,
    unit: Option<String>,
    role: Option<String>,
    share_in_rooms: Option<bool>,
    locale: Option<String>,
    consent_asked: Option<bool>,
}

fn to_member(r: MemberRow) -> Result<Member, StoreError> {
    let corrupt = |e: crate::domain::IdError| StoreError::Corrupt(e.to_string());
    Ok(Member {
        user: UserId(chat_id(r.user_id)),
        name: r.display_name,
        unit: r.unit.map(|u| UnitName::try_from(u.as_str())).transpose().map_err(corrupt)?,
        role: r.role.map(|u| RoleName::try_from(u.as_str())).transpose().map_err(corrupt)?,
        share_in_rooms: r.share_in_rooms,
        locale: r.locale,
        consent_asked: r.consent_asked,
    })
}

const MEMBER_COLUMNS: &str =
    "SELECT m.user_id, m.display_name, u.name AS unit, m.role, m.share_in_rooms, m.locale, m.consent_asked
     FROM members m LEFT JOIN units u ON u.id = m.unit_id";

fn to_settings(row: Option<SettingsRow>) -> GuildSettings {
    match row {
        None => GuildSettings { locale: "en".into(), ..GuildSettings::default() },
        Some(r) => GuildSettings {
            organiser_role: r.organiser_role.map(chat_id),
            facilitator_role: r.facilitator_role.map(chat_id),
            plenary_channel: r.plenary_channel.map(|c| ChannelId(chat_id(c))),
            plenary_voice: r.plenary_voice.map(|c| ChannelId(chat_id(c))),
            organiser_channel: r.organiser_channel.map(|c| ChannelId(chat_id(c))),
            locale: r.locale,
            delete_rooms: r.close_rooms == "delete",
        },
    }
}

#[async_trait]
impl GuildStore for PgStore {
    async fn ensure_guild(&self, guild: GuildId, name: &str) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO guilds (id, name, created_at) VALUES ($1, $2, $3)
             ON CONFLICT (id) DO UPDATE SET name = CASE WHEN excluded.name = '' THEN guilds.name ELSE excluded.name END",
        )
        .bind(db_id(guild.0))
        .bind(name)
        .bind(Utc::now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn guild_settings(&self, guild: GuildId) -> Result<GuildSettings, StoreError> {
        let row: Option<SettingsRow> = sqlx::query_as(
            "SELECT organiser_role, facilitator_role, plenary_channel, plenary_voice, organiser_channel, locale, close_rooms
             FROM guilds WHERE id = $1",
        )
        .bind(db_id(guild.0))
        .fetch_optional(&self.pool)
        .await?;
        Ok(to_settings(row))
    }

    async fn settings_and_member(
        &self,
        guild: GuildId,
        user: UserId,
    ) -> Result<(GuildSettings, Option<Member>), StoreError> {
        // One row whatever is stored: the guild and the member are each joined or null.
        let r: SettingsAndMemberRow = sqlx::query_as(
            "SELECT g.organiser_role, g.facilitator_role, g.plenary_channel, g.plenary_voice, g.organiser_channel,
                    g.locale AS guild_locale, g.close_rooms,
                    m.user_id, m.display_name, u.name AS unit, m.role, m.share_in_rooms, m.locale, m.consent_asked
             FROM (SELECT $1::bigint AS guild_id, $2::bigint AS user_id) k
             LEFT JOIN guilds g ON g.id = k.guild_id
             LEFT JOIN members m ON m.guild_id = k.guild_id AND m.user_id = k.user_id
             LEFT JOIN units u ON u.id = m.unit_id",
        )
        .bind(db_id(guild.0))
        .bind(db_id(user.0))
        .fetch_one(&self.pool)
        .await?;
        let settings = r.guild_locale.map(|locale| SettingsRow {
            organiser_role: r.organiser_role,
            facilitator_role: r.facilitator_role,
            plenary_channel: r.plenary_channel,
            plenary_voice: r.plenary_voice,
            organiser_channel: r.organiser_channel,
            locale,
            close_rooms: r.close_rooms.unwrap_or_default(),
        });
        let member = match (r.user_id, r.display_name) {
            (Some(user_id), Some(display_name)) => Some(to_member(MemberRow {
                user_id,
                display_name,
                unit: r.unit,
                role: r.role,
                share_in_rooms: r.share_in_rooms.unwrap_or(false),
                locale: r.locale,
                consent_asked: r.consent_asked.unwrap_or(false),
            })?),
            _ => None,
        };
        Ok((to_settings(settings), member))
    }

    async fn save_guild_settings(&self, guild: GuildId, s: &GuildSettings) -> Result<(), StoreError> {
        self.ensure_guild(guild, "").await?;
        let close = if s.delete_rooms { "delete" } else { "archive" };
        sqlx::query(
            "UPDATE guilds SET organiser_role = $1, facilitator_role = $2, plenary_channel = $3, plenary_voice = $4,
             organiser_channel = $5, locale = $6, close_rooms = $7 WHERE id = $8",
        )
        .bind(s.organiser_role.map(db_id))
        .bind(s.facilitator_role.map(db_id))
        .bind(s.plenary_channel.map(|c| db_id(c.0)))
        .bind(s.plenary_voice.map(|c| db_id(c.0)))
        .bind(s.organiser_channel.map(|c| db_id(c.0)))
        .bind(&s.locale)
        .bind(close)
        .bind(db_id(guild.0))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn ensure_member(&self, guild: GuildId, user: UserId, name: &str) -> Result<(), StoreError> {
        self.ensure_guild(guild, "").await?;
        let now: DateTime<Utc> = Utc::now();
        sqlx::query(
            "INSERT INTO members (guild_id, user_id, display_name, joined_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (guild_id, user_id) DO UPDATE SET display_name = excluded.display_name",
        )
        .bind(db_id(guild.0))
        .bind(db_id(user.0))
        .bind(name)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn member(&self, guild: GuildId, user: UserId) -> Result<Option<Member>, StoreError> {
        let row: Option<MemberRow> =
            sqlx::query_as(&format!("{MEMBER_COLUMNS} WHERE m.guild_id = $1 AND m.user_id = $2"))
                .bind(db_id(guild.0))
                .bind(db_id(user.0))
                .fetch_optional(&self.pool)
                .await?;
        row.map(to_member).transpose()
    }

    async fn members(&self, guild: GuildId) -> Result<Vec<Member>, StoreError> {
        let rows: Vec<MemberRow> =
            sqlx::query_as(&format!("{MEMBER_COLUMNS} WHERE m.guild_id = $1 ORDER BY m.user_id"))
                .bind(db_id(guild.0))
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter().map(to_member).collect()
    }

    async fn guilds_of(&self, user: UserId) -> Result<Vec<GuildId>, StoreError> {
        let rows: Vec<i64> = sqlx::query_scalar("SELECT guild_id FROM members WHERE user_id = $1 ORDER BY guild_id")
            .bind(db_id(user.0))
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|g| GuildId(chat_id(g))).collect())
    }

    async fn set_unit(&self, guild: GuildId, user: UserId, unit: Option<&UnitName>) -> Result<(), StoreError> {
        let unit_id = match unit {
            Some(u) => Some(self.unit_id(guild, u).await?),
            None => None,
        };
        let done = sqlx::query("UPDATE members SET unit_id = $1 WHERE guild_id = $2 AND user_id = $3")
            .bind(unit_id)
            .bind(db_id(guild.0))
            .bind(db_id(user.0))
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("member {user}")));
        }
        Ok(())
    }

    async fn set_role(&self, guild: GuildId, user: UserId, role: Option<&RoleName>) -> Result<(), StoreError> {
        let done = sqlx::query("UPDATE members SET role = $1 WHERE guild_id = $2 AND user_id = $3")
            .bind(role.map(|r| r.as_str()))
            .bind(db_id(guild.0))
            .bind(db_id(user.0))
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("member {user}")));
        }
        Ok(())
    }

    async fn set_share_in_rooms(&self, guild: GuildId, user: UserId, share: bool) -> Result<(), StoreError> {
        sqlx::query("UPDATE members SET share_in_rooms = $1 WHERE guild_id = $2 AND user_id = $3")
            .bind(share)
            .bind(db_id(guild.0))
            .bind(db_id(user.0))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn set_member_locale(&self, guild: GuildId, user: UserId, locale: Option<&str>) -> Result<(), StoreError> {
        sqlx::query("UPDATE members SET locale = $1 WHERE guild_id = $2 AND user_id = $3")
            .bind(locale)
            .bind(db_id(guild.0))
            .bind(db_id(user.0))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn forget_member(&self, guild: GuildId, user: UserId) -> Result<u64, StoreError> {
        // One implementation of forgetting: `PrivacyStore::forget` (here without anonymous keys).
        crate::app::privacy_store::PrivacyStore::forget(self, guild, user, &[]).await
    }
}
