//! The audit log, retention (how long a guild keeps answers after a meeting ends), purging an
//! ended meeting, and the key figures and response rates a purge keeps.

use super::corrupt;
use crate::app::privacy_store::{AuditAction, AuditEntry, EndedMeeting};
use crate::domain::digest::KeyFigure;
use crate::domain::{GuildId, MeetingId, QuestionId, UnitName, UserId};
use crate::storage::columns::end_of_day;
use crate::storage::sqlite::{chat_id, db_id, time, SqliteStore, StoreError};

/// An audit entry from its stored columns (the member's own export reads them too).
pub(super) fn audit(
    at: &str,
    actor: Option<i64>,
    action: &str,
    meeting: Option<i64>,
    detail: String,
) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        at: time::from_db(at)?,
        actor: actor.map(|a| UserId(chat_id(a))),
        action: AuditAction::parse(action).ok_or_else(|| corrupt(format!("audit action {action:?}")))?,
        meeting: meeting.map(MeetingId),
        detail,
    })
}

pub(super) async fn record_audit(store: &SqliteStore, guild: GuildId, entry: &AuditEntry) -> Result<(), StoreError> {
    crate::app::ports::GuildStore::ensure_guild(store, guild, "").await?;
    insert_audit(&mut *store.pool.acquire().await?, db_id(guild.0), entry).await
}

pub(super) async fn audit_log(store: &SqliteStore, guild: GuildId, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
    let (g, limit) = (db_id(guild.0), i64::from(limit));
    let rows = sqlx::query!(
        "SELECT at, actor_id, action, meeting_id, detail FROM audit_log WHERE guild_id = ?
         ORDER BY at DESC, id DESC LIMIT ?",
        g,
        limit
    )
    .fetch_all(&store.pool)
    .await?;
    rows.into_iter().map(|r| audit(&r.at, r.actor_id, &r.action, r.meeting_id, r.detail)).collect()
}

pub(super) async fn retention_days(store: &SqliteStore, guild: GuildId) -> Result<Option<u32>, StoreError> {
    let g = db_id(guild.0);
    let days = sqlx::query_scalar!("SELECT retention_days FROM guilds WHERE id = ?", g)
        .fetch_optional(&store.pool)
        .await?
        .flatten();
    Ok(days.and_then(|d| u32::try_from(d).ok()))
}

pub(super) async fn set_retention_days(
    store: &SqliteStore,
    guild: GuildId,
    days: Option<u32>,
) -> Result<(), StoreError> {
    crate::app::ports::GuildStore::ensure_guild(store, guild, "").await?;
    let g = db_id(guild.0);
    let days = days.map(i64::from);
    sqlx::query!("UPDATE guilds SET retention_days = ? WHERE id = ?", days, g).execute(&store.pool).await?;
    Ok(())
}

pub(super) async fn meeting_ids(store: &SqliteStore, guild: GuildId) -> Result<Vec<MeetingId>, StoreError> {
    let g = db_id(guild.0);
    let ids = sqlx::query_scalar!(r#"SELECT id AS "id!" FROM meetings WHERE guild_id = ? ORDER BY id"#, g)
        .fetch_all(&store.pool)
        .await?;
    Ok(ids.into_iter().map(MeetingId).collect())
}

pub(super) async fn ended_meetings(store: &SqliteStore) -> Result<Vec<EndedMeeting>, StoreError> {
    let rows = sqlx::query!(
        "SELECT m.id, m.guild_id, m.ended_at, m.meeting_date, m.timezone, g.retention_days
         FROM meetings m JOIN guilds g ON g.id = m.guild_id
         WHERE m.state = 'ended' AND m.purged_at IS NULL AND g.retention_days IS NOT NULL ORDER BY m.id"
    )
    .fetch_all(&store.pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            let ended = match r.ended_at {
                Some(t) => time::from_db(&t)?,
                None => end_of_day(&r.meeting_date, &r.timezone)?,
            };
            Ok(EndedMeeting {
                meeting: MeetingId(r.id),
                guild: GuildId(chat_id(r.guild_id)),
                ended,
                retention_days: r.retention_days.and_then(|d| u32::try_from(d).ok()),
                purged: false,
            })
        })
        .collect()
}

pub(super) async fn purge_meeting(
    store: &SqliteStore,
    meeting: MeetingId,
    figures: &[KeyFigure],
    rates: &[(UnitName, f64)],
    audit: &AuditEntry,
) -> Result<u64, StoreError> {
    let now = time::to_db(audit.at);
    let m = meeting.0;
    let mut tx = store.pool.begin().await?;
    let Some(guild) =
        sqlx::query_scalar!("SELECT guild_id FROM meetings WHERE id = ?", m).fetch_optional(&mut *tx).await?
    else {
        return Ok(0);
    };
    for f in figures {
        let (q, unit, value) = (f.question.as_str(), f.unit.key(), f.value.to_string());
        sqlx::query!(
            "INSERT INTO key_figures (meeting_id, question_id, unit_id, value)
             SELECT ?, ?, u.id, ? FROM meetings m JOIN units u ON u.guild_id = m.guild_id AND u.name_key = ?
             WHERE m.id = ? ON CONFLICT DO NOTHING",
            m,
            q,
            value,
            unit,
            m
        )
        .execute(&mut *tx)
        .await?;
    }
    for (unit, rate) in rates {
        let (unit, rate) = (unit.key(), rate.to_string());
        sqlx::query!(
            "INSERT INTO kept_response_rates (meeting_id, unit_id, rate)
             SELECT ?, u.id, ? FROM meetings m JOIN units u ON u.guild_id = m.guild_id AND u.name_key = ?
             WHERE m.id = ? ON CONFLICT DO NOTHING",
            m,
            rate,
            unit,
            m
        )
        .execute(&mut *tx)
        .await?;
    }
    // The meeting's answers, notes and summaries go (answer revisions cascade).
    let deleted = rows_changed!(tx, (m);
        "DELETE FROM answers WHERE meeting_id = ?",
        "DELETE FROM anonymous_answers WHERE meeting_id = ?",
        "DELETE FROM anonymous_respondents WHERE meeting_id = ?",
        "DELETE FROM unit_answers WHERE meeting_id = ?",
        "DELETE FROM notes WHERE room_id IN (SELECT r.id FROM rooms r JOIN rounds ro ON ro.id = r.round_id WHERE ro.meeting_id = ?)",
        "UPDATE rooms SET summary = NULL, summary_by = NULL
         WHERE summary IS NOT NULL AND round_id IN (SELECT id FROM rounds WHERE meeting_id = ?)",
    );
    sqlx::query!("UPDATE meetings SET purged_at = ? WHERE id = ?", now, m).execute(&mut *tx).await?;
    insert_audit(&mut tx, guild, audit).await?;
    tx.commit().await?;
    Ok(deleted)
}

pub(super) async fn kept_key_figures(store: &SqliteStore, meeting: MeetingId) -> Result<Vec<KeyFigure>, StoreError> {
    let rows = sqlx::query!(
        "SELECT k.question_id, u.name, k.value FROM key_figures k JOIN units u ON u.id = k.unit_id
         WHERE k.meeting_id = ? ORDER BY k.question_id, u.name",
        meeting.0
    )
    .fetch_all(&store.pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(KeyFigure {
                question: QuestionId::try_from(r.question_id.as_str()).map_err(corrupt)?,
                unit: UnitName::try_from(r.name.as_str()).map_err(corrupt)?,
                value: r.value.parse().map_err(|_| corrupt(format!("key figure {:?}", r.value)))?,
            })
        })
        .collect()
}

pub(super) async fn kept_response_rates(
    store: &SqliteStore,
    meeting: MeetingId,
) -> Result<Vec<(UnitName, f64)>, StoreError> {
    let rows = sqlx::query!(
        "SELECT u.name, k.rate FROM kept_response_rates k JOIN units u ON u.id = k.unit_id
         WHERE k.meeting_id = ? ORDER BY u.name",
        meeting.0
    )
    .fetch_all(&store.pool)
    .await?;
    rows.into_iter().map(|r| kept_rate(&r.name, &r.rate)).collect()
}

/// A kept response rate as stored: the unit's name and the rate as text.
fn kept_rate(unit: &str, rate: &str) -> Result<(UnitName, f64), StoreError> {
    let unit = UnitName::try_from(unit).map_err(corrupt)?;
    Ok((unit, rate.parse().map_err(|_| corrupt(format!("response rate {rate:?}")))?))
}

/// Writes one audit entry (its detail cut to 200 characters) on `conn`, in or out of a
/// transaction.
async fn insert_audit(conn: &mut sqlx::SqliteConnection, guild: i64, entry: &AuditEntry) -> Result<(), StoreError> {
    let at = time::to_db(entry.at);
    let actor = entry.actor.map(|a| db_id(a.0));
    let action = entry.action.as_str();
    let meeting = entry.meeting.map(|m| m.0);
    let detail: String = entry.detail.chars().take(200).collect();
    sqlx::query!(
        "INSERT INTO audit_log (guild_id, at, actor_id, action, meeting_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
        guild,
        at,
        actor,
        action,
        meeting,
        detail
    )
    .execute(conn)
    .await?;
    Ok(())
}
