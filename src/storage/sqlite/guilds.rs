//! Guild settings, members and their unit and role.

use async_trait::async_trait;
use chrono::Utc;

use super::{chat_id, db_id, time, SqliteStore, StoreError};
use crate::app::ports::{GuildSettings, GuildStore, Member};
use crate::domain::{ChannelId, GuildId, RoleName, UnitName, UserId};

impl SqliteStore {
    /// The unit's row id, creating the unit for the guild if it is new.
    pub(super) async fn unit_id(&self, guild: GuildId, unit: &UnitName) -> Result<i64, StoreError> {
        let g = db_id(guild.0);
        let name = unit.as_str();
        let key = unit.key();
        sqlx::query!(
            "INSERT INTO units (guild_id, name, name_key) VALUES (?, ?, ?) ON CONFLICT (guild_id, name_key) DO NOTHING",
            g,
            name,
            key
        )
        .execute(&self.pool)
        .await?;
        let id = sqlx::query_scalar!("SELECT id AS \"id!\" FROM units WHERE guild_id = ? AND name_key = ?", g, key)
            .fetch_one(&self.pool)
            .await?;
        Ok(id)
    }
}

#[allow(clippy::too_many_arguments)]
fn member_from_row(
    user_id: i64,
    display_name: String,
    unit: Option<String>,
    role: Option<String>,
    share: i64,
    locale: Option<String>,
    consent_asked: i64,
) -> Result<Member, StoreError> {
    let unit =
        unit.map(|u| UnitName::try_from(u.as_str())).transpose().map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let role =
        role.map(|r| RoleName::try_from(r.as_str())).transpose().map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(Member {
        user: UserId(chat_id(user_id)),
        name: display_name,
        unit,
        role,
        share_in_rooms: share != 0,
        locale,
        consent_asked: consent_asked != 0,
    })
}

/// A guild's settings row (`None`: the guild is not stored yet, so the defaults).
struct SettingsRow {
    organiser_role: Option<i64>,
    facilitator_role: Option<i64>,
    plenary_channel: Option<i64>,
    plenary_voice: Option<i64>,
    organiser_channel: Option<i64>,
    locale: String,
    close_rooms: String,
}

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
impl GuildStore for SqliteStore {
    async fn ensure_guild(&self, guild: GuildId, name: &str) -> Result<(), StoreError> {
        let g = db_id(guild.0);
        let now = time::to_db(Utc::now());
        sqlx::query!(
            "INSERT INTO guilds (id, name, created_at) VALUES (?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET name = CASE WHEN excluded.name = '' THEN guilds.name ELSE excluded.name END",
            g,
            name,
            now
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn guild_settings(&self, guild: GuildId) -> Result<GuildSettings, StoreError> {
        let g = db_id(guild.0);
        let row = sqlx::query_as!(
            SettingsRow,
            "SELECT organiser_role, facilitator_role, plenary_channel, plenary_voice, organiser_channel, locale, close_rooms FROM guilds WHERE id = ?",
            g
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(to_settings(row))
    }

    async fn settings_and_member(
        &self,
        guild: GuildId,
        user: UserId,
    ) -> Result<(GuildSettings, Option<Member>), StoreError> {
        let (g, u) = (db_id(guild.0), db_id(user.0));
        // One row whatever is stored: the guild and the member are each joined or null.
        let r = sqlx::query!(
            r#"SELECT g.organiser_role, g.facilitator_role, g.plenary_channel, g.plenary_voice, g.organiser_channel,
                      g.locale AS "guild_locale?", g.close_rooms AS "close_rooms?",
                      m.user_id AS "user_id?", m.display_name AS "display_name?", un.name AS "unit?", m.role AS "role?",
                      m.share_in_rooms AS "share_in_rooms?", m.locale AS "locale?", m.consent_asked AS "consent_asked?"
               FROM (SELECT ? AS guild_id, ? AS user_id) k
               LEFT JOIN guilds g ON g.id = k.guild_id
               LEFT JOIN members m ON m.guild_id = k.guild_id AND m.user_id = k.user_id
               LEFT JOIN units un ON un.id = m.unit_id"#,
            g,
            u
        )
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
            (Some(user_id), Some(name)) => Some(member_from_row(
                user_id,
                name,
                r.unit,
                r.role,
                r.share_in_rooms.unwrap_or(0),
                r.locale,
                r.consent_asked.unwrap_or(0),
            )?),
            _ => None,
        };
        Ok((to_settings(settings), member))
    }

    async fn save_guild_settings(&self, guild: GuildId, s: &GuildSettings) -> Result<(), StoreError> {
        self.ensure_guild(guild, "").await?;
        let g = db_id(guild.0);
        let organiser = s.organiser_role.map(db_id);
        let facilitator = s.facilitator_role.map(db_id);
        let plenary = s.plenary_channel.map(|c| db_id(c.0));
        let voice = s.plenary_voice.map(|c| db_id(c.0));
        let organiser_channel = s.organiser_channel.map(|c| db_id(c.0));
        let close = if s.delete_rooms { "delete" } else { "archive" };
        sqlx::query!(
            "UPDATE guilds SET organiser_role = ?, facilitator_role = ?, plenary_channel = ?, plenary_voice = ?,
             organiser_channel = ?, locale = ?, close_rooms = ? WHERE id = ?",
            organiser,
            facilitator,
            plenary,
            voice,
            organiser_channel,
            s.locale,
            close,
            g
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn ensure_member(&self, guild: GuildId, user: UserId, name: &str) -> Result<(), StoreError> {
        self.ensure_guild(guild, "").await?;
        let (g, u) = (db_id(guild.0), db_id(user.0));
        let now = time::to_db(Utc::now());
        sqlx::query!(
            "INSERT INTO members (guild_id, user_id, display_name, joined_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (guild_id, user_id) DO UPDATE SET display_name = excluded.display_name",
            g,
            u,
            name,
            now
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn member(&self, guild: GuildId, user: UserId) -> Result<Option<Member>, StoreError> {
        let (g, u) = (db_id(guild.0), db_id(user.0));
        let row = sqlx::query!(
            r#"SELECT m.user_id, m.display_name, u.name AS "unit?", m.role, m.share_in_rooms, m.locale, m.consent_asked
               FROM members m LEFT JOIN units u ON u.id = m.unit_id
               WHERE m.guild_id = ? AND m.user_id = ?"#,
            g,
            u
        )
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            member_from_row(r.user_id, r.display_name, r.unit, r.role, r.share_in_rooms, r.locale, r.consent_asked)
        })
        .transpose()
    }

    async fn members(&self, guild: GuildId) -> Result<Vec<Member>, StoreError> {
        let g = db_id(guild.0);
        let rows = sqlx::query!(
            r#"SELECT m.user_id, m.display_name, u.name AS "unit?", m.role, m.share_in_rooms, m.locale, m.consent_asked
               FROM members m LEFT JOIN units u ON u.id = m.unit_id
               WHERE m.guild_id = ? ORDER BY m.user_id"#,
            g
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                member_from_row(r.user_id, r.display_name, r.unit, r.role, r.share_in_rooms, r.locale, r.consent_asked)
            })
            .collect()
    }

    async fn guilds_of(&self, user: UserId) -> Result<Vec<GuildId>, StoreError> {
        let u = db_id(user.0);
        let rows = sqlx::query_scalar!("SELECT guild_id FROM members WHERE user_id = ? ORDER BY guild_id", u)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|g| GuildId(chat_id(g))).collect())
    }

    async fn set_unit(&self, guild: GuildId, user: UserId, unit: Option<&UnitName>) -> Result<(), StoreError> {
        let unit_id = match unit {
            Some(u) => Some(self.unit_id(guild, u).await?),
            None => None,
        };
        let (g, u) = (db_id(guild.0), db_id(user.0));
        let done = sqlx::query!("UPDATE members SET unit_id = ? WHERE guild_id = ? AND user_id = ?", unit_id, g, u)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("member {user}")));
        }
        Ok(())
    }

    async fn set_role(&self, guild: GuildId, user: UserId, role: Option<&RoleName>) -> Result<(), StoreError> {
        let (g, u) = (db_id(guild.0), db_id(user.0));
        let role = role.map(|r| r.as_str().to_owned());
        let done = sqlx::query!("UPDATE members SET role = ? WHERE guild_id = ? AND user_id = ?", role, g, u)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("member {user}")));
        }
        Ok(())
    }

    async fn set_share_in_rooms(&self, guild: GuildId, user: UserId, share: bool) -> Result<(), StoreError> {
        let (g, u) = (db_id(guild.0), db_id(user.0));
        sqlx::query!("UPDATE members SET share_in_rooms = ? WHERE guild_id = ? AND user_id = ?", share, g, u)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn set_member_locale(&self, guild: GuildId, user: UserId, locale: Option<&str>) -> Result<(), StoreError> {
        let (g, u) = (db_id(guild.0), db_id(user.0));
        sqlx::query!("UPDATE members SET locale = ? WHERE guild_id = ? AND user_id = ?", locale, g, u)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn forget_member(&self, guild: GuildId, user: UserId) -> Result<u64, StoreError> {
        // One implementation of forgetting: `PrivacyStore::forget` (here without anonymous keys).
        crate::app::privacy_store::PrivacyStore::forget(self, guild, user, &[]).await
    }
}
