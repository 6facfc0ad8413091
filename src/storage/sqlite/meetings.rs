//! Meetings with their questions, units and roles.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{chat_id, db_id, time, SqliteStore, StoreError};
use crate::app::ports::{MeetingStore, NewMeeting};
use crate::domain::{ChannelId, GuildId, Meeting, MeetingId, MeetingState};
use crate::storage::columns::{kind_to_db, phase_to_db};
use crate::storage::meeting_json;

/// A meeting row with its units, roles and questions as JSON (`storage::meeting_json`).
struct MeetingRow {
    id: i64,
    guild_id: i64,
    kit_id: String,
    title: String,
    language: String,
    timezone: String,
    state: String,
    deadline: Option<String>,
    unit_answers: i64,
    share_after_deadline: i64,
    units: String,
    roles: String,
    questions: String,
}

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
        deadline: time::opt_from_db(m.deadline)?,
        unit_answers: m.unit_answers != 0,
        share_after_deadline: m.share_after_deadline != 0,
    })
}

impl SqliteStore {
    /// The meeting `id`, or else the guild's current meeting (the newest not ended), in one
    /// statement.
    async fn load_meeting(&self, id: Option<i64>, guild: Option<i64>) -> Result<Option<Meeting>, StoreError> {
        let row = sqlx::query_as!(
            MeetingRow,
            r#"SELECT m.id, m.guild_id, m.kit_id, m.title, m.language, m.timezone, m.state, m.deadline, m.unit_answers,
                m.share_after_deadline,
                (SELECT json_group_array(u.name ORDER BY u.name) FROM meeting_units mu JOIN units u ON u.id = mu.unit_id
                 WHERE mu.meeting_id = m.id) AS "units!: String",
                (SELECT json_group_array(name ORDER BY position) FROM meeting_roles WHERE meeting_id = m.id) AS "roles!: String",
                (SELECT json_group_array(json_object('id', id, 'text', text, 'kind', kind, 'options_json', options_json,
                    'help', help, 'required', json(iif(required, 'true', 'false')), 'phase', phase, 'anonymity', anonymity)
                    ORDER BY position)
                 FROM questions WHERE meeting_id = m.id) AS "questions!: String"
               FROM meetings m
               WHERE m.id = COALESCE(?, (SELECT id FROM meetings WHERE guild_id = ? AND state != 'ended' ORDER BY id DESC LIMIT 1))"#,
            id,
            guild
        )
        .fetch_optional(&self.pool)
        .await?;
        row.map(to_meeting).transpose()
    }
}

#[async_trait]
impl MeetingStore for SqliteStore {
    async fn create_meeting(&self, m: &NewMeeting, now: DateTime<Utc>) -> Result<MeetingId, StoreError> {
        use crate::app::ports::GuildStore;
        self.ensure_guild(m.guild, "").await?;
        let mut unit_ids = Vec::with_capacity(m.units.len());
        for u in &m.units {
            unit_ids.push(self.unit_id(m.guild, u).await?);
        }
        let g = db_id(m.guild.0);
        let tz = m.timezone.name();
        let date = m.date.to_string();
        let channel = m.channel.map(|c| db_id(c.0));
        let deadline = m.deadline.map(time::to_db);
        let created = time::to_db(now);
        let mut tx = self.pool.begin().await?;
        let id = sqlx::query_scalar!(
            "INSERT INTO meetings (guild_id, kit_id, title, language, timezone, meeting_date, channel_id, deadline, created_at,
                unit_answers, share_after_deadline)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id AS \"id!\"",
            g,
            m.kit_id,
            m.title,
            m.language,
            tz,
            date,
            channel,
            deadline,
            created,
            m.unit_answers,
            m.share_after_deadline
        )
        .fetch_one(&mut *tx)
        .await?;
        for unit_id in unit_ids {
            sqlx::query!("INSERT OR IGNORE INTO meeting_units (meeting_id, unit_id) VALUES (?, ?)", id, unit_id)
                .execute(&mut *tx)
                .await?;
        }
        for (pos, role) in m.roles.iter().enumerate() {
            let pos = pos as i64;
            let name = role.as_str();
            sqlx::query!("INSERT INTO meeting_roles (meeting_id, position, name) VALUES (?, ?, ?)", id, pos, name)
                .execute(&mut *tx)
                .await?;
        }
        for (pos, q) in m.questions.iter().enumerate() {
            let pos = pos as i64;
            let qid = q.id.as_str();
            let (kind, options) = kind_to_db(&q.kind);
            let phase = phase_to_db(q.phase);
            let anonymity = q.anonymity.as_str();
            sqlx::query!(
                "INSERT INTO questions (meeting_id, id, position, text, kind, options_json, help, required, phase, anonymity)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                qid,
                pos,
                q.text,
                kind,
                options,
                q.help,
                q.required,
                phase,
                anonymity
            )
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(MeetingId(id))
    }

    async fn meeting(&self, id: MeetingId) -> Result<Option<Meeting>, StoreError> {
        self.load_meeting(Some(id.0), None).await
    }

    async fn current_meeting(&self, guild: GuildId) -> Result<Option<Meeting>, StoreError> {
        self.load_meeting(None, Some(db_id(guild.0))).await
    }

    async fn set_meeting_state(&self, id: MeetingId, state: MeetingState, at: DateTime<Utc>) -> Result<(), StoreError> {
        let s = state.as_str();
        // The end is remembered for retention (the first time only).
        let now = time::to_db(at);
        let done = sqlx::query!(
            "UPDATE meetings SET state = ?,
             ended_at = CASE WHEN ? = 'ended' THEN COALESCE(ended_at, ?) ELSE ended_at END
             WHERE id = ? AND state <> 'ended'",
            s,
            s,
            now,
            id.0
        )
        .execute(&self.pool)
        .await?;
        // Nothing changed: an ended meeting (which stays ended) or none at all.
        if done.rows_affected() == 0
            && sqlx::query_scalar!("SELECT id FROM meetings WHERE id = ?", id.0)
                .fetch_optional(&self.pool)
                .await?
                .is_none()
        {
            return Err(StoreError::NotFound(format!("meeting {id}")));
        }
        Ok(())
    }

    async fn meeting_channel(&self, id: MeetingId) -> Result<Option<ChannelId>, StoreError> {
        let c = sqlx::query_scalar!("SELECT channel_id FROM meetings WHERE id = ?", id.0)
            .fetch_optional(&self.pool)
            .await?
            .flatten();
        Ok(c.map(|c| ChannelId(chat_id(c))))
    }
}
