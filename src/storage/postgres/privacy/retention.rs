//! The audit log, retention (how long a guild keeps answers after a meeting ends), purging an
//! ended meeting, and the key figures and response rates a purge keeps.

use chrono::{DateTime, NaiveDate, Utc};

use super::corrupt;
use crate::app::privacy_store::{AuditAction, AuditEntry, EndedMeeting};
use crate::domain::digest::KeyFigure;
use crate::domain::{GuildId, MeetingId, QuestionId, UnitName, UserId};
use crate::storage::postgres::{chat_id, db_id, PgStore, StoreError};

pub(super) type AuditRow = (DateTime<Utc>, Option<i64>, String, Option<i64>, String);

/// An audit entry from its stored columns (the member's own export reads them too).
pub(super) fn audit((at, actor, action, meeting, detail): AuditRow) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        at,
        actor: actor.map(|a| UserId(chat_id(a))),
        action: AuditAction::parse(&action).ok_or_else(|| corrupt(format!("audit action {action:?}")))?,
        meeting: meeting.map(MeetingId),
        detail,
    })
}

pub(super) async fn record_audit(store: &PgStore, guild: GuildId, entry: &AuditEntry) -> Result<(), StoreError> {
    crate::app::ports::GuildStore::ensure_guild(store, guild, "").await?;
    insert_audit(&mut *store.pool.acquire().await?, db_id(guild.0), entry).await
}

pub(super) async fn audit_log(store: &PgStore, guild: GuildId, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
    let rows: Vec<AuditRow> = sqlx::query_as(
        "SELECT at, actor_id, action, meeting_id, detail FROM audit_log WHERE guild_id = $1
         ORDER BY at DESC, id DESC LIMIT $2",
    )
    .bind(db_id(guild.0))
    .bind(i64::from(limit))
    .fetch_all(&store.pool)
    .await?;
    rows.into_iter().map(audit).collect()
}

pub(super) async fn retention_days(store: &PgStore, guild: GuildId) -> Result<Option<u32>, StoreError> {
    let days: Option<Option<i32>> = sqlx::query_scalar("SELECT retention_days FROM guilds WHERE id = $1")
        .bind(db_id(guild.0))
        .fetch_optional(&store.pool)
        .await?;
    Ok(days.flatten().and_then(|d| u32::try_from(d).ok()))
}

pub(super) async fn set_retention_days(store: &PgStore, guild: GuildId, days: Option<u32>) -> Result<(), StoreError> {
    crate::app::ports::GuildStore::ensure_guild(store, guild, "").await?;
    let days = days.map(|d| i32::try_from(d).unwrap_or(i32::MAX));
    sqlx::query("UPDATE guilds SET retention_days = $1 WHERE id = $2")
        .bind(days)
        .bind(db_id(guild.0))
        .execute(&store.pool)
        .await?;
    Ok(())
}

pub(super) async fn meeting_ids(store: &PgStore, guild: GuildId) -> Result<Vec<MeetingId>, StoreError> {
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM meetings WHERE guild_id = $1 ORDER BY id")
        .bind(db_id(guild.0))
        .fetch_all(&store.pool)
        .await?;
    Ok(ids.into_iter().map(MeetingId).collect())
}

/// An ended meeting: id, guild, when it ended, its date and time zone, the guild's retention.
type EndedRow = (i64, i64, Option<DateTime<Utc>>, NaiveDate, String, Option<i32>);

pub(super) async fn ended_meetings(store: &PgStore) -> Result<Vec<EndedMeeting>, StoreError> {
    let rows: Vec<EndedRow> = sqlx::query_as(
        "SELECT m.id, m.guild_id, m.ended_at, m.meeting_date, m.timezone, g.retention_days
         FROM meetings m JOIN guilds g ON g.id = m.guild_id
         WHERE m.state = 'ended' AND m.purged_at IS NULL AND g.retention_days IS NOT NULL ORDER BY m.id",
    )
    .fetch_all(&store.pool)
    .await?;
    rows.into_iter()
        .map(|(id, guild, ended_at, date, timezone, days)| {
            let ended = match ended_at {
                Some(t) => t,
                None => crate::storage::columns::end_of_day(&date.to_string(), &timezone)?,
            };
            Ok(EndedMeeting {
                meeting: MeetingId(id),
                guild: GuildId(chat_id(guild)),
                ended,
                retention_days: days.and_then(|d| u32::try_from(d).ok()),
                purged: false,
            })
        })
        .collect()
}

pub(super) async fn purge_meeting(
    store: &PgStore,
    meeting: MeetingId,
    figures: &[KeyFigure],
    rates: &[(UnitName, f64)],
    audit: &AuditEntry,
) -> Result<u64, StoreError> {
    let m = meeting.0;
    let mut tx = store.pool.begin().await?;
    let guild: Option<i64> =
        sqlx::query_scalar("SELECT guild_id FROM meetings WHERE id = $1").bind(m).fetch_optional(&mut *tx).await?;
    let Some(guild) = guild else { return Ok(0) };
    for f in figures {
        sqlx::query(
            "INSERT INTO key_figures (meeting_id, question_id, unit_id, value)
             SELECT $1, $2, u.id, $3 FROM meetings m JOIN units u ON u.guild_id = m.guild_id AND u.name_key = $4
             WHERE m.id = $1 ON CONFLICT DO NOTHING",
        )
        .bind(m)
        .bind(f.question.as_str())
        .bind(f.value.to_string())
        .bind(f.unit.key())
        .execute(&mut *tx)
        .await?;
    }
    for (unit, rate) in rates {
        sqlx::query(
            "INSERT INTO kept_response_rates (meeting_id, unit_id, rate)
             SELECT $1, u.id, $2 FROM meetings m JOIN units u ON u.guild_id = m.guild_id AND u.name_key = $3
             WHERE m.id = $1 ON CONFLICT DO NOTHING",
        )
        .bind(m)
        .bind(rate.to_string())
        .bind(unit.key())
        .execute(&mut *tx)
        .await?;
    }
    let mut deleted = 0;
    for sql in [
        "DELETE FROM answers WHERE meeting_id = $1",
        "DELETE FROM anonymous_answers WHERE meeting_id = $1",
        "DELETE FROM anonymous_respondents WHERE meeting_id = $1",
        "DELETE FROM unit_answers WHERE meeting_id = $1",
        "DELETE FROM notes WHERE room_id IN (SELECT r.id FROM rooms r JOIN rounds ro ON ro.id = r.round_id WHERE ro.meeting_id = $1)",
        "UPDATE rooms SET summary = NULL, summary_by = NULL
         WHERE summary IS NOT NULL AND round_id IN (SELECT id FROM rounds WHERE meeting_id = $1)",
    ] {
        deleted += sqlx::query(sql).bind(m).execute(&mut *tx).await?.rows_affected();
    }
    sqlx::query("UPDATE meetings SET purged_at = $1 WHERE id = $2").bind(audit.at).bind(m).execute(&mut *tx).await?;
    insert_audit(&mut tx, guild, audit).await?;
    tx.commit().await?;
    Ok(deleted)
}

pub(super) async fn kept_key_figures(store: &PgStore, meeting: MeetingId) -> Result<Vec<KeyFigure>, StoreError> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        r#"SELECT k.question_id, u.name, k.value FROM key_figures k JOIN units u ON u.id = k.unit_id
           WHERE k.meeting_id = $1 ORDER BY k.question_id COLLATE "C", u.name COLLATE "C""#,
    )
    .bind(meeting.0)
    .fetch_all(&store.pool)
    .await?;
    rows.into_iter()
        .map(|(q, unit, value)| {
            Ok(KeyFigure {
                question: QuestionId::try_from(q.as_str()).map_err(corrupt)?,
                unit: UnitName::try_from(unit.as_str()).map_err(corrupt)?,
                value: value.parse().map_err(|_| corrupt(format!("key figure {value:?}")))?,
            })
        })
        .collect()
}

pub(super) async fn kept_response_rates(
    store: &PgStore,
    meeting: MeetingId,
) -> Result<Vec<(UnitName, f64)>, StoreError> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        r#"SELECT u.name, k.rate FROM kept_response_rates k JOIN units u ON u.id = k.unit_id
           WHERE k.meeting_id = $1 ORDER BY u.name COLLATE "C""#,
    )
    .bind(meeting.0)
    .fetch_all(&store.pool)
    .await?;
    rows.into_iter()
        .map(|(unit, rate)| {
            let unit = UnitName::try_from(unit.as_str()).map_err(corrupt)?;
            Ok((unit, rate.parse().map_err(|_| corrupt(format!("response rate {rate:?}")))?))
        })
        .collect()
}

/// Writes one audit entry (its detail cut to 200 characters) on `conn`, in or out of a
/// transaction.
async fn insert_audit(conn: &mut sqlx::PgConnection, guild: i64, entry: &AuditEntry) -> Result<(), StoreError> {
    let detail: String = entry.detail.chars().take(200).collect();
    sqlx::query(
        "INSERT INTO audit_log (guild_id, at, actor_id, action, meeting_id, detail) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(guild)
    .bind(entry.at)
    .bind(entry.actor.map(|a| db_id(a.0)))
    .bind(entry.action.as_str())
    .bind(entry.meeting.map(|m| m.0))
    .bind(detail)
    .execute(conn)
    .await?;
    Ok(())
}
