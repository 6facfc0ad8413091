//! Storing breakout rounds, their rooms, notes and summaries, and who sat with whom.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;
use crate::domain::grouping::Mode;
use crate::domain::{ChannelId, GuildId, MeetingId, UserId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub id: i64,
    pub meeting: MeetingId,
    pub number: u32,
    pub mode: Mode,
    pub plan_id: Option<String>,
    /// The categories holding the rooms, in order (a round past 50 channels has several).
    pub categories: Vec<ChannelId>,
    pub started_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    pub warned: bool,
    /// At tables in the room (`channels:false`): no channels, nobody moved, a table plan.
    pub in_person: bool,
    pub rooms: Vec<Room>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Room {
    pub id: i64,
    pub number: u32,
    pub name: String,
    pub label: Option<String>,
    pub cap: Option<u32>,
    pub text_channel: Option<ChannelId>,
    pub voice_channel: Option<ChannelId>,
    pub members: Vec<UserId>,
    pub summary: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRoom {
    pub number: u32,
    pub name: String,
    pub label: Option<String>,
    pub cap: Option<u32>,
    pub members: Vec<UserId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub user: UserId,
    pub text: String,
    pub at: DateTime<Utc>,
}

/// What [`BreakoutStore::seat`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seating {
    /// Seated; `left` are the ids of the round's rooms the member was taken out of.
    Seated { left: Vec<i64> },
    /// Already in that room; nothing changed.
    AlreadyThere,
    /// The room is at its cap; nothing changed.
    Full,
    /// The round was closed meanwhile; nothing changed.
    RoundClosed,
}

#[async_trait]
pub trait BreakoutStore: Send + Sync {
    /// Creates a round and its rooms; `in_person` marks a round at tables in the room (no
    /// channels). A meeting has at most one open round (a unique index): creating a second
    /// while one is open is `StoreError::Conflict`, also when two are created at once.
    #[allow(clippy::too_many_arguments)]
    async fn insert_round(
        &self,
        meeting: MeetingId,
        mode: Mode,
        plan_id: Option<&str>,
        started_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        rooms: &[NewRoom],
        in_person: bool,
    ) -> Result<Round, StoreError>;
    /// A round in Discord channels: [`BreakoutStore::insert_round`], not in person.
    async fn create_round(
        &self,
        meeting: MeetingId,
        mode: Mode,
        plan_id: Option<&str>,
        started_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        rooms: &[NewRoom],
    ) -> Result<Round, StoreError> {
        self.insert_round(meeting, mode, plan_id, started_at, ends_at, rooms, false).await
    }
    /// A round at tables in the room (`in_person`): [`BreakoutStore::insert_round`].
    async fn create_table_round(
        &self,
        meeting: MeetingId,
        mode: Mode,
        plan_id: Option<&str>,
        started_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        rooms: &[NewRoom],
    ) -> Result<Round, StoreError> {
        self.insert_round(meeting, mode, plan_id, started_at, ends_at, rooms, true).await
    }
    /// Appends a category to the round's list.
    async fn add_round_category(&self, round: i64, category: ChannelId) -> Result<(), StoreError>;
    async fn set_room_channels(
        &self,
        room: i64,
        text: Option<ChannelId>,
        voice: Option<ChannelId>,
    ) -> Result<(), StoreError>;
    async fn set_room_members(&self, room: i64, members: &[UserId]) -> Result<(), StoreError>;
    /// Seats `user` in `room` as one transaction: out of the round's other rooms, into this one,
    /// unless the round is closed or (`within_cap`) the room is at its cap. Concurrent calls
    /// take turns, so a room never holds more than its cap and no seat is lost.
    async fn seat(&self, room: i64, user: UserId, within_cap: bool) -> Result<Seating, StoreError>;
    async fn open_round(&self, meeting: MeetingId) -> Result<Option<Round>, StoreError>;
    async fn open_rounds(&self) -> Result<Vec<Round>, StoreError>;
    async fn rounds(&self, meeting: MeetingId) -> Result<Vec<Round>, StoreError>;
    /// Everyone who sat together in earlier rounds of the guild's meetings.
    async fn seating_history(&self, guild: GuildId) -> Result<Vec<Vec<UserId>>, StoreError>;
    async fn set_round_ends(&self, round: i64, ends_at: DateTime<Utc>, warned: bool) -> Result<(), StoreError>;
    async fn close_round(&self, round: i64, now: DateTime<Utc>) -> Result<(), StoreError>;
    async fn room_by_channel(&self, channel: ChannelId) -> Result<Option<(Round, Room)>, StoreError>;
    async fn add_note(&self, room: i64, user: UserId, text: &str, now: DateTime<Utc>) -> Result<(), StoreError>;
    async fn notes(&self, room: i64) -> Result<Vec<Note>, StoreError>;
    async fn set_room_summary(&self, room: i64, user: UserId, text: &str) -> Result<(), StoreError>;
}
