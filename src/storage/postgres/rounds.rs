//! Breakout rounds, their rooms, who sits in them, and room notes.

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{chat_id, db_id, int, uint, PgStore, StoreError};
use crate::app::ports::{BreakoutStore, NewRoom, Note, Room, Round, Seating};
use crate::domain::grouping::Mode;
use crate::domain::{ChannelId, GuildId, MeetingId, UserId};

#[derive(sqlx::FromRow)]
struct RoundRow {
    id: i64,
    meeting_id: i64,
    number: i32,
    mode: String,
    plan_id: Option<String>,
    started_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    closed_at: Option<DateTime<Utc>>,
    warned: bool,
    in_person: bool,
}

#[derive(sqlx::FromRow)]
struct RoomRow {
    id: i64,
    number: i32,
    name: String,
    label: Option<String>,
    cap: Option<i32>,
    text_channel: Option<i64>,
    voice_channel: Option<i64>,
    summary: Option<String>,
}

#[derive(sqlx::FromRow)]
struct NoteRow {
    user_id: i64,
    text: String,
    created_at: DateTime<Utc>,
}

impl PgStore {
    async fn rooms_of(&self, round: i64) -> Result<Vec<Room>, StoreError> {
        let rows: Vec<RoomRow> = sqlx::query_as(
            "SELECT id, number, name, label, cap, text_channel, voice_channel, summary
             FROM rooms WHERE round_id = $1 ORDER BY number",
        )
        .bind(round)
        .fetch_all(&self.pool)
        .await?;
        // One query for the whole round's seating: each query is a network round trip here.
        let seats: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT rm.room_id, rm.user_id FROM room_members rm JOIN rooms r ON r.id = rm.room_id
             WHERE r.round_id = $1 ORDER BY rm.room_id, rm.user_id",
        )
        .bind(round)
        .fetch_all(&self.pool)
        .await?;
        let mut members: HashMap<i64, Vec<UserId>> = HashMap::new();
        for (room, user) in seats {
            members.entry(room).or_default().push(UserId(chat_id(user)));
        }
        Ok(rows
            .into_iter()
            .map(|r| Room {
                id: r.id,
                number: uint(r.number).unwrap_or(0),
                name: r.name,
                label: r.label,
                cap: r.cap.and_then(uint),
                text_channel: r.text_channel.map(|c| ChannelId(chat_id(c))),
                voice_channel: r.voice_channel.map(|c| ChannelId(chat_id(c))),
                members: members.remove(&r.id).unwrap_or_default(),
                summary: r.summary,
            })
            .collect())
    }

    async fn categories_of(&self, round: i64) -> Result<Vec<ChannelId>, StoreError> {
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT category_id FROM round_categories WHERE round_id = $1 ORDER BY position")
                .bind(round)
                .fetch_all(&self.pool)
                .await?;
        Ok(ids.into_iter().map(|c| ChannelId(chat_id(c))).collect())
    }

    async fn to_round(&self, r: RoundRow) -> Result<Round, StoreError> {
        Ok(Round {
            id: r.id,
            meeting: MeetingId(r.meeting_id),
            number: uint(r.number).unwrap_or(0),
            mode: Mode::parse(&r.mode).ok_or_else(|| StoreError::Corrupt(format!("mode {:?}", r.mode)))?,
            plan_id: r.plan_id,
            categories: self.categories_of(r.id).await?,
            started_at: r.started_at,
            ends_at: r.ends_at,
            closed_at: r.closed_at,
            warned: r.warned,
            in_person: r.in_person,
            rooms: self.rooms_of(r.id).await?,
        })
    }

    pub(super) async fn round_by_id(&self, id: i64) -> Result<Round, StoreError> {
        let row: RoundRow = sqlx::query_as(
            "SELECT id, meeting_id, number, mode, plan_id, started_at, ends_at, closed_at, warned, in_person
             FROM rounds WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("round {id}")))?;
        self.to_round(row).await
    }

    async fn rounds_by_id(&self, ids: Vec<i64>) -> Result<Vec<Round>, StoreError> {
        let mut rounds = Vec::with_capacity(ids.len());
        for id in ids {
            rounds.push(self.round_by_id(id).await?);
        }
        Ok(rounds)
    }
}

#[async_trait]
impl BreakoutStore for PgStore {
    async fn insert_round(
        &self,
        meeting: MeetingId,
        mode: Mode,
        plan_id: Option<&str>,
        started_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        rooms: &[NewRoom],
        in_person: bool,
    ) -> Result<Round, StoreError> {
        let mut tx = self.pool.begin().await?;
        // The round number is the meeting's highest plus one; two rounds started at once would
        // compute the same number. Holding the meeting row makes them take turns.
        sqlx::query("SELECT 1 FROM meetings WHERE id = $1 FOR NO KEY UPDATE")
            .bind(meeting.0)
            .fetch_optional(&mut *tx)
            .await?;
        let round: i64 = sqlx::query_scalar(
            "INSERT INTO rounds (meeting_id, number, mode, plan_id, started_at, ends_at, in_person)
             VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM rounds WHERE meeting_id = $1), $2, $3, $4, $5, $6)
             RETURNING id",
        )
        .bind(meeting.0)
        .bind(mode.as_str())
        .bind(plan_id)
        .bind(started_at)
        .bind(ends_at)
        .bind(in_person)
        .fetch_one(&mut *tx)
        .await?;
        for room in rooms {
            let room_id: i64 = sqlx::query_scalar(
                "INSERT INTO rooms (round_id, number, name, label, cap) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(round)
            .bind(int(room.number, "room number")?)
            .bind(&room.name)
            .bind(&room.label)
            .bind(room.cap.map(|c| int(c, "room cap")).transpose()?)
            .fetch_one(&mut *tx)
            .await?;
            for m in &room.members {
                sqlx::query("INSERT INTO room_members (room_id, user_id) VALUES ($1, $2)")
                    .bind(room_id)
                    .bind(db_id(m.0))
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        self.round_by_id(round).await
    }

    async fn add_round_category(&self, round: i64, category: ChannelId) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO round_categories (round_id, position, category_id)
             VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM round_categories WHERE round_id = $1), $2)",
        )
        .bind(round)
        .bind(db_id(category.0))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn set_room_channels(
        &self,
        room: i64,
        text: Option<ChannelId>,
        voice: Option<ChannelId>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE rooms SET text_channel = COALESCE($1, text_channel), voice_channel = COALESCE($2, voice_channel)
             WHERE id = $3",
        )
        .bind(text.map(|c| db_id(c.0)))
        .bind(voice.map(|c| db_id(c.0)))
        .bind(room)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn set_room_members(&self, room: i64, members: &[UserId]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        // Two replacements at once would each delete only the rows they saw and then collide
        // inserting; holding the room makes them take turns, the last one winning as in SQLite.
        sqlx::query("SELECT 1 FROM rooms WHERE id = $1 FOR NO KEY UPDATE").bind(room).fetch_optional(&mut *tx).await?;
        sqlx::query("DELETE FROM room_members WHERE room_id = $1").bind(room).execute(&mut *tx).await?;
        for m in members {
            sqlx::query("INSERT INTO room_members (room_id, user_id) VALUES ($1, $2)")
                .bind(room)
                .bind(db_id(m.0))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn seat(&self, room: i64, user: UserId, within_cap: bool) -> Result<Seating, StoreError> {
        let u = db_id(user.0);
        let mut tx = self.pool.begin().await?;
        let round: Option<i64> =
            sqlx::query_scalar("SELECT round_id FROM rooms WHERE id = $1").bind(room).fetch_optional(&mut *tx).await?;
        let round = round.ok_or_else(|| StoreError::NotFound(format!("room {room}")))?;
        // Holding the round makes its seatings (and its close) take turns: each counts the seats
        // the one before it committed, and a member clicking two rooms at once ends up in one.
        let open: Option<bool> =
            sqlx::query_scalar("SELECT closed_at IS NULL FROM rounds WHERE id = $1 FOR NO KEY UPDATE")
                .bind(round)
                .fetch_optional(&mut *tx)
                .await?;
        if open != Some(true) {
            return Ok(Seating::RoundClosed);
        }
        let (cap, seated, inside): (Option<i32>, i64, bool) = sqlx::query_as(
            "SELECT r.cap, (SELECT COUNT(*) FROM room_members WHERE room_id = r.id),
                    EXISTS (SELECT 1 FROM room_members WHERE room_id = r.id AND user_id = $2)
             FROM rooms r WHERE r.id = $1",
        )
        .bind(room)
        .bind(u)
        .fetch_one(&mut *tx)
        .await?;
        if inside {
            return Ok(Seating::AlreadyThere);
        }
        if within_cap && cap.is_some_and(|cap| seated >= i64::from(cap)) {
            return Ok(Seating::Full);
        }
        let left: Vec<i64> = sqlx::query_scalar(
            "DELETE FROM room_members WHERE user_id = $1 AND room_id IN (SELECT id FROM rooms WHERE round_id = $2 AND id <> $3)
             RETURNING room_id",
        )
        .bind(u)
        .bind(round)
        .bind(room)
        .fetch_all(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO room_members (room_id, user_id) VALUES ($1, $2)")
            .bind(room)
            .bind(u)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Seating::Seated { left })
    }

    async fn open_round(&self, meeting: MeetingId) -> Result<Option<Round>, StoreError> {
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM rounds WHERE meeting_id = $1 AND closed_at IS NULL ORDER BY number DESC LIMIT 1",
        )
        .bind(meeting.0)
        .fetch_optional(&self.pool)
        .await?;
        match id {
            Some(id) => self.round_by_id(id).await.map(Some),
            None => Ok(None),
        }
    }

    async fn open_rounds(&self) -> Result<Vec<Round>, StoreError> {
        let ids = sqlx::query_scalar("SELECT id FROM rounds WHERE closed_at IS NULL ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        self.rounds_by_id(ids).await
    }

    async fn rounds(&self, meeting: MeetingId) -> Result<Vec<Round>, StoreError> {
        let ids = sqlx::query_scalar("SELECT id FROM rounds WHERE meeting_id = $1 ORDER BY number")
            .bind(meeting.0)
            .fetch_all(&self.pool)
            .await?;
        self.rounds_by_id(ids).await
    }

    async fn seating_history(&self, guild: GuildId) -> Result<Vec<Vec<UserId>>, StoreError> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT rm.room_id, rm.user_id FROM room_members rm
             JOIN rooms r ON r.id = rm.room_id JOIN rounds ro ON ro.id = r.round_id
             JOIN meetings m ON m.id = ro.meeting_id
             WHERE m.guild_id = $1 ORDER BY rm.room_id, rm.user_id",
        )
        .bind(db_id(guild.0))
        .fetch_all(&self.pool)
        .await?;
        let mut groups: Vec<Vec<UserId>> = Vec::new();
        let mut current = None;
        for (room, user) in rows {
            if current != Some(room) {
                groups.push(Vec::new());
                current = Some(room);
            }
            if let Some(g) = groups.last_mut() {
                g.push(UserId(chat_id(user)));
            }
        }
        Ok(groups)
    }

    async fn set_round_ends(&self, round: i64, ends_at: DateTime<Utc>, warned: bool) -> Result<(), StoreError> {
        sqlx::query("UPDATE rounds SET ends_at = $1, warned = $2 WHERE id = $3")
            .bind(ends_at)
            .bind(warned)
            .bind(round)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn close_round(&self, round: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("UPDATE rounds SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL")
            .bind(now)
            .bind(round)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn room_by_channel(&self, channel: ChannelId) -> Result<Option<(Round, Room)>, StoreError> {
        let row: Option<(i64, i64)> = sqlx::query_as(
            "SELECT id, round_id FROM rooms WHERE text_channel = $1 OR voice_channel = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(db_id(channel.0))
        .fetch_optional(&self.pool)
        .await?;
        let Some((room_id, round_id)) = row else { return Ok(None) };
        let round = self.round_by_id(round_id).await?;
        let room = round.rooms.iter().find(|r| r.id == room_id).cloned();
        Ok(room.map(|room| (round, room)))
    }

    async fn add_note(&self, room: i64, user: UserId, text: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO notes (room_id, user_id, text, created_at) VALUES ($1, $2, $3, $4)")
            .bind(room)
            .bind(db_id(user.0))
            .bind(text)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn notes(&self, room: i64) -> Result<Vec<Note>, StoreError> {
        let rows: Vec<NoteRow> =
            sqlx::query_as("SELECT user_id, text, created_at FROM notes WHERE room_id = $1 ORDER BY id")
                .bind(room)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .map(|r| Note { user: UserId(chat_id(r.user_id)), text: r.text, at: r.created_at })
            .collect())
    }

    async fn set_room_summary(&self, room: i64, user: UserId, text: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE rooms SET summary = $1, summary_by = $2 WHERE id = $3")
            .bind(text)
            .bind(db_id(user.0))
            .bind(room)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
