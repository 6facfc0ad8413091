//! Breakout rounds, their rooms, who sits in them, and room notes.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{chat_id, db_id, time, SqliteStore, StoreError};
use crate::app::ports::{BreakoutStore, NewRoom, Note, Room, Round, Seating};
use crate::domain::grouping::Mode;
use crate::domain::{ChannelId, GuildId, MeetingId, UserId};

struct RoundRow {
    id: i64,
    meeting_id: i64,
    number: i64,
    mode: String,
    plan_id: Option<String>,
    started_at: String,
    ends_at: String,
    closed_at: Option<String>,
    warned: i64,
    in_person: i64,
}

impl SqliteStore {
    async fn rooms_of(&self, round: i64) -> Result<Vec<Room>, StoreError> {
        let rows = sqlx::query!(
            "SELECT id AS \"id!\", number, name, label, cap, text_channel, voice_channel, summary FROM rooms WHERE round_id = ? ORDER BY number",
            round
        )
        .fetch_all(&self.pool)
        .await?;
        let mut rooms = Vec::with_capacity(rows.len());
        for r in rows {
            let members =
                sqlx::query_scalar!("SELECT user_id FROM room_members WHERE room_id = ? ORDER BY user_id", r.id)
                    .fetch_all(&self.pool)
                    .await?;
            rooms.push(Room {
                id: r.id,
                number: u32::try_from(r.number).unwrap_or(0),
                name: r.name,
                label: r.label,
                cap: r.cap.and_then(|c| u32::try_from(c).ok()),
                text_channel: r.text_channel.map(|c| ChannelId(chat_id(c))),
                voice_channel: r.voice_channel.map(|c| ChannelId(chat_id(c))),
                members: members.into_iter().map(|u| UserId(chat_id(u))).collect(),
                summary: r.summary,
            });
        }
        Ok(rooms)
    }

    async fn categories_of(&self, round: i64) -> Result<Vec<ChannelId>, StoreError> {
        let ids =
            sqlx::query_scalar!("SELECT category_id FROM round_categories WHERE round_id = ? ORDER BY position", round)
                .fetch_all(&self.pool)
                .await?;
        Ok(ids.into_iter().map(|c| ChannelId(chat_id(c))).collect())
    }

    async fn to_round(&self, r: RoundRow) -> Result<Round, StoreError> {
        Ok(Round {
            id: r.id,
            meeting: MeetingId(r.meeting_id),
            number: u32::try_from(r.number).unwrap_or(0),
            mode: Mode::parse(&r.mode).ok_or_else(|| StoreError::Corrupt(format!("mode {:?}", r.mode)))?,
            plan_id: r.plan_id,
            categories: self.categories_of(r.id).await?,
            started_at: time::from_db(&r.started_at)?,
            ends_at: time::from_db(&r.ends_at)?,
            closed_at: time::opt_from_db(r.closed_at)?,
            warned: r.warned != 0,
            in_person: r.in_person != 0,
            rooms: self.rooms_of(r.id).await?,
        })
    }

    pub(super) async fn round_by_id(&self, id: i64) -> Result<Round, StoreError> {
        let row = sqlx::query_as!(
            RoundRow,
            "SELECT id AS \"id!\", meeting_id, number, mode, plan_id, started_at, ends_at, closed_at, warned, in_person
             FROM rounds WHERE id = ?",
            id
        )
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("round {id}")))?;
        self.to_round(row).await
    }
}

#[async_trait]
impl BreakoutStore for SqliteStore {
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
        let mode_s = mode.as_str();
        let (start, end) = (time::to_db(started_at), time::to_db(ends_at));
        let mut tx = self.pool.begin().await?;
        let round = sqlx::query_scalar!(
            "INSERT INTO rounds (meeting_id, number, mode, plan_id, started_at, ends_at, in_person)
             VALUES (?, (SELECT COALESCE(MAX(number), 0) + 1 FROM rounds WHERE meeting_id = ?), ?, ?, ?, ?, ?)
             RETURNING id AS \"id!\"",
            meeting.0,
            meeting.0,
            mode_s,
            plan_id,
            start,
            end,
            in_person
        )
        .fetch_one(&mut *tx)
        .await?;
        for room in rooms {
            let number = i64::from(room.number);
            let cap = room.cap.map(i64::from);
            let room_id = sqlx::query_scalar!(
                "INSERT INTO rooms (round_id, number, name, label, cap) VALUES (?, ?, ?, ?, ?) RETURNING id AS \"id!\"",
                round,
                number,
                room.name,
                room.label,
                cap
            )
            .fetch_one(&mut *tx)
            .await?;
            for m in &room.members {
                let u = db_id(m.0);
                sqlx::query!("INSERT INTO room_members (room_id, user_id) VALUES (?, ?)", room_id, u)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        self.round_by_id(round).await
    }

    async fn add_round_category(&self, round: i64, category: ChannelId) -> Result<(), StoreError> {
        let c = db_id(category.0);
        sqlx::query!(
            "INSERT INTO round_categories (round_id, position, category_id)
             VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM round_categories WHERE round_id = ?), ?)",
            round,
            round,
            c
        )
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
        let t = text.map(|c| db_id(c.0));
        let v = voice.map(|c| db_id(c.0));
        sqlx::query!(
            "UPDATE rooms SET text_channel = COALESCE(?, text_channel), voice_channel = COALESCE(?, voice_channel) WHERE id = ?",
            t,
            v,
            room
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn set_room_members(&self, room: i64, members: &[UserId]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query!("DELETE FROM room_members WHERE room_id = ?", room).execute(&mut *tx).await?;
        for m in members {
            let u = db_id(m.0);
            sqlx::query!("INSERT INTO room_members (room_id, user_id) VALUES (?, ?)", room, u)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn seat(&self, room: i64, user: UserId, within_cap: bool) -> Result<Seating, StoreError> {
        let u = db_id(user.0);
        // IMMEDIATE takes the write lock before reading, so two seatings take turns and the
        // second counts the first one's seat (a deferred one would fail to upgrade instead).
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let Some(at) = sqlx::query!(
            "SELECT r.round_id, r.cap, ro.closed_at IS NULL AS \"open!: bool\",
                    (SELECT COUNT(*) FROM room_members WHERE room_id = r.id) AS \"seated!: i64\",
                    EXISTS (SELECT 1 FROM room_members WHERE room_id = r.id AND user_id = ?) AS \"inside!: bool\"
             FROM rooms r JOIN rounds ro ON ro.id = r.round_id WHERE r.id = ?",
            u,
            room
        )
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Err(StoreError::NotFound(format!("room {room}")));
        };
        if !at.open {
            return Ok(Seating::RoundClosed);
        }
        if at.inside {
            return Ok(Seating::AlreadyThere);
        }
        if within_cap && at.cap.is_some_and(|cap| at.seated >= cap) {
            return Ok(Seating::Full);
        }
        let left = sqlx::query_scalar!(
            "DELETE FROM room_members WHERE user_id = ? AND room_id IN (SELECT id FROM rooms WHERE round_id = ? AND id <> ?)
             RETURNING room_id",
            u,
            at.round_id,
            room
        )
        .fetch_all(&mut *tx)
        .await?;
        sqlx::query!("INSERT INTO room_members (room_id, user_id) VALUES (?, ?)", room, u).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(Seating::Seated { left })
    }

    async fn open_round(&self, meeting: MeetingId) -> Result<Option<Round>, StoreError> {
        let id = sqlx::query_scalar!(
            "SELECT id AS \"id!\" FROM rounds WHERE meeting_id = ? AND closed_at IS NULL ORDER BY number DESC LIMIT 1",
            meeting.0
        )
        .fetch_optional(&self.pool)
        .await?;
        match id {
            Some(id) => self.round_by_id(id).await.map(Some),
            None => Ok(None),
        }
    }

    async fn open_rounds(&self) -> Result<Vec<Round>, StoreError> {
        let ids = sqlx::query_scalar!("SELECT id AS \"id!\" FROM rounds WHERE closed_at IS NULL ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        let mut rounds = Vec::with_capacity(ids.len());
        for id in ids {
            rounds.push(self.round_by_id(id).await?);
        }
        Ok(rounds)
    }

    async fn rounds(&self, meeting: MeetingId) -> Result<Vec<Round>, StoreError> {
        let ids =
            sqlx::query_scalar!("SELECT id AS \"id!\" FROM rounds WHERE meeting_id = ? ORDER BY number", meeting.0)
                .fetch_all(&self.pool)
                .await?;
        let mut rounds = Vec::with_capacity(ids.len());
        for id in ids {
            rounds.push(self.round_by_id(id).await?);
        }
        Ok(rounds)
    }

    async fn seating_history(&self, guild: GuildId) -> Result<Vec<Vec<UserId>>, StoreError> {
        let g = db_id(guild.0);
        let rows = sqlx::query!(
            "SELECT rm.room_id, rm.user_id FROM room_members rm
             JOIN rooms r ON r.id = rm.room_id JOIN rounds ro ON ro.id = r.round_id
             JOIN meetings m ON m.id = ro.meeting_id
             WHERE m.guild_id = ? ORDER BY rm.room_id, rm.user_id",
            g
        )
        .fetch_all(&self.pool)
        .await?;
        let mut groups: Vec<Vec<UserId>> = Vec::new();
        let mut current = None;
        for r in rows {
            if current != Some(r.room_id) {
                groups.push(Vec::new());
                current = Some(r.room_id);
            }
            if let Some(g) = groups.last_mut() {
                g.push(UserId(chat_id(r.user_id)));
            }
        }
        Ok(groups)
    }

    async fn set_round_ends(&self, round: i64, ends_at: DateTime<Utc>, warned: bool) -> Result<(), StoreError> {
        let end = time::to_db(ends_at);
        sqlx::query!("UPDATE rounds SET ends_at = ?, warned = ? WHERE id = ?", end, warned, round)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn close_round(&self, round: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        let now = time::to_db(now);
        sqlx::query!("UPDATE rounds SET closed_at = ? WHERE id = ? AND closed_at IS NULL", now, round)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn room_by_channel(&self, channel: ChannelId) -> Result<Option<(Round, Room)>, StoreError> {
        let c = db_id(channel.0);
        let row = sqlx::query!(
            "SELECT id AS \"id!\", round_id FROM rooms WHERE text_channel = ? OR voice_channel = ? ORDER BY id DESC LIMIT 1",
            c,
            c
        )
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let round = self.round_by_id(row.round_id).await?;
        let room = round.rooms.iter().find(|r| r.id == row.id).cloned();
        Ok(room.map(|room| (round, room)))
    }

    async fn add_note(&self, room: i64, user: UserId, text: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let u = db_id(user.0);
        let now = time::to_db(now);
        sqlx::query!("INSERT INTO notes (room_id, user_id, text, created_at) VALUES (?, ?, ?, ?)", room, u, text, now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn notes(&self, room: i64) -> Result<Vec<Note>, StoreError> {
        let rows = sqlx::query!("SELECT user_id, text, created_at FROM notes WHERE room_id = ? ORDER BY id", room)
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter()
            .map(|r| Ok(Note { user: UserId(chat_id(r.user_id)), text: r.text, at: time::from_db(&r.created_at)? }))
            .collect()
    }

    async fn set_room_summary(&self, room: i64, user: UserId, text: &str) -> Result<(), StoreError> {
        let u = db_id(user.0);
        sqlx::query!("UPDATE rooms SET summary = ?, summary_by = ? WHERE id = ?", text, u, room)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
