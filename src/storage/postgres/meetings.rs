//! Meetings with their questions, units and roles.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{chat_id, db_id, PgStore, StoreError};
use crate::app::ports::{MeetingStore, NewMeeting};
use crate::domain::{ChannelId, GuildId, Meeting, MeetingId, MeetingState};
use crate::storage::columns::{kind_to_db, phase_to_db};
use crate::storage::meeting_json;

/// A meeting row with its units, roles and questions as JSON (`storage::meeting_json`).
#[derive(sqlx::FromRow)]
struct MeetingRow {
    id: i64,
    guild_id: i64,
    kit_id: String,
    title: String,
    language: String,
    timezone: String,
    state: String,
    deadline: Option<DateTime<Utc>>,
    unit_answers: bool,
    share_after_deadline: bool,
    units: String,
    roles: String,
    questions: String,
}

/// A meeting in one statement: the row, and its units, roles and questions aggregated.
const MEETING: &str = r#"SELECT m.id, m.guild_id, m.kit_id, m.title, m.language, m.timezone, m.state, m.deadline,
        m.unit_answers, m.share_after_deadline,
        (SELECT COALESCE(json_agg(u.name ORDER BY u.name COLLATE "C"), '[]')::text
         FROM meeting_units mu JOIN units u ON u.id = mu.unit_id WHERE mu.meeting_id = m.id) AS units,
        (SELECT COALESCE(json_agg(name ORDER BY position), '[]')::text FROM meeting_roles WHERE meeting_id = m.id) AS roles,
        (SELECT COALESCE(json_agg(json_build_object('id', id, 'text', text, 'kind', kind, 'options_json', options_json,
            'help', help, 'required', required, 'phase', phase, 'anonymity', anonymity) ORDER BY position), '[]')::text
         FROM questions WHERE meeting_id = m.id) AS questions
     FROM meetings m"#;

fn to_meeting(m: MeetingRow) -> Result<Meeting, StoreError> {
    let (units, roles, questions) = meeting_json::parts(&m.units, &m.roles, &m.questions)?;
    Ok(Meeting {
        id: MeetingId(m.id),
        guild: GuildId(chat_id(m.guild_id)),
        kit_id: m.kit_id,
        title: m.title,
        timezone: m.timezone.parse().map_err(|_| StoreError::Corrupt(format!("timezone {:?}", m.timezone)))?,
        language: m.language,
        state: MeetingState::parse(&m.state).ok_or_else(|| StoreError::Corrupt(format!("state {:?}", m.state)))?,
        units,
        roles,
        questions,
        deadline: m.deadline,
        unit_answers: m.unit_answers,
        share_after_deadline: m.share_after_deadline,
    })
}

#[async_trait]
impl MeetingStore for PgStore {
    async fn create_meeting(&self, m: &NewMeeting, now: DateTime<Utc>) -> Result<MeetingId, StoreError> {
        use crate::app::ports::GuildStore;
        self.ensure_guild(m.guild, "").await?;
        let mut unit_ids = Vec::with_capacity(m.units.len());
        for u in &m.units {
            unit_ids.push(self.unit_id(m.guild, u).await?);
        }
        let mut tx = self.pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO meetings (guild_id, kit_id, title, language, timezone, meeting_date, channel_id, deadline, created_at,
                unit_answers, share_after_deadline)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(db_id(m.guild.0))
        .bind(&m.kit_id)
        .bind(&m.title)
        .bind(&m.language)
        .bind(m.timezone.name())
        .bind(m.date)
        .bind(m.channel.map(|c| db_id(c.0)))
        .bind(m.deadline)
        .bind(now)
        .bind(m.unit_answers)
        .bind(m.share_after_deadline)
        .fetch_one(&mut *tx)
        .await?;
        for unit_id in unit_ids {
            sqlx::query("INSERT INTO meeting_units (meeting_id, unit_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(id)
                .bind(unit_id)
                .execute(&mut *tx)
                .await?;
        }
        for (pos, role) in m.roles.iter().enumerate() {
            sqlx::query("INSERT INTO meeting_roles (meeting_id, position, name) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(position(pos)?)
                .bind(role.as_str())
                .execute(&mut *tx)
                .await?;
        }
        for (pos, q) in m.questions.iter().enumerate() {
            let (kind, options) = kind_to_db(&q.kind);
            sqlx::query(
                "INSERT INTO questions (meeting_id, id, position, text, kind, options_json, help, required, phase, anonymity)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(id)
            .bind(q.id.as_str())
            .bind(position(pos)?)
            .bind(&q.text)
            .bind(kind)
            .bind(options)
            .bind(&q.help)
            .bind(q.required)
            .bind(phase_to_db(q.phase))
            .bind(q.anonymity.as_str())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(MeetingId(id))
    }

    async fn meeting(&self, id: MeetingId) -> Result<Option<Meeting>, StoreError> {
        let row: Option<MeetingRow> =
            sqlx::query_as(&format!("{MEETING} WHERE m.id = $1")).bind(id.0).fetch_optional(&self.pool).await?;
        row.map(to_meeting).transpose()
    }

    async fn current_meeting(&self, guild: GuildId) -> Result<Option<Meeting>, StoreError> {
        let sql = format!("{MEETING} WHERE m.guild_id = $1 AND m.state != 'ended' ORDER BY m.id DESC LIMIT 1");
        let row: Option<MeetingRow> = sqlx::query_as(&sql).bind(db_id(guild.0)).fetch_optional(&self.pool).await?;
        row.map(to_meeting).transpose()
    }

    async fn set_meeting_state(&self, id: MeetingId, state: MeetingState, at: DateTime<Utc>) -> Result<(), StoreError> {
        // The end is remembered for retention (the first time only).
        let done = sqlx::query(
            "UPDATE meetings SET state = $1,
             ended_at = CASE WHEN $1 = 'ended' THEN COALESCE(ended_at, $3) ELSE ended_at END
             WHERE id = $2 AND state <> 'ended'",
        )
        .bind(state.as_str())
        .bind(id.0)
        .bind(at)
        .execute(&self.pool)
        .await?;
        // Nothing changed: an ended meeting (which stays ended) or none at all.
        if done.rows_affected() == 0
            && sqlx::query_scalar::<_, i64>("SELECT id FROM meetings WHERE id = $1")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?
                .is_none()
        {
            return Err(StoreError::NotFound(format!("meeting {id}")));
        }
        Ok(())
    }

    async fn meeting_channel(&self, id: MeetingId) -> Result<Option<ChannelId>, StoreError> {
        let c: Option<Option<i64>> = sqlx::query_scalar("SELECT channel_id FROM meetings WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        Ok(c.flatten().map(|c| ChannelId(chat_id(c))))
    }
}

fn position(pos: usize) -> Result<i32, StoreError> {
    i32::try_from(pos).map_err(|_| StoreError::Conflict(format!("a value is out of bounds (position {pos})")))
}
