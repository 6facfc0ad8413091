//! Storing meetings: a kit made concrete for one guild and date, and its state.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::StoreError;
use crate::domain::{ChannelId, GuildId, MeetingId, MeetingState, Question, RoleName, UnitName};

/// What `create_meeting` stores: a kit made concrete for one guild and date.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMeeting {
    pub guild: GuildId,
    pub kit_id: String,
    pub title: String,
    pub language: String,
    pub timezone: chrono_tz::Tz,
    pub date: NaiveDate,
    pub channel: Option<ChannelId>,
    pub deadline: Option<DateTime<Utc>>,
    pub units: Vec<UnitName>,
    pub roles: Vec<RoleName>,
    pub questions: Vec<Question>,
    /// One answer per unit instead of one per member (the kit's `unit_answers`).
    pub unit_answers: bool,
    /// Post "what the units said" after the deadline (the kit's `share_after_deadline`).
    pub share_after_deadline: bool,
}

#[async_trait]
pub trait MeetingStore: Send + Sync {
    async fn create_meeting(&self, meeting: &NewMeeting, now: DateTime<Utc>) -> Result<MeetingId, StoreError>;
    async fn meeting(&self, id: MeetingId) -> Result<Option<crate::domain::Meeting>, StoreError>;
    /// The guild's newest meeting that has not ended.
    async fn current_meeting(&self, guild: GuildId) -> Result<Option<crate::domain::Meeting>, StoreError>;
    /// Moves the meeting to `state` at `at` (the clock's time: the first end is kept as the
    /// meeting's end, from which retention counts). An ended meeting stays ended: a later
    /// state is ignored, so a job claimed just before `/meeting end` (an open or a deadline)
    /// cannot bring the meeting back.
    async fn set_meeting_state(&self, id: MeetingId, state: MeetingState, at: DateTime<Utc>) -> Result<(), StoreError>;
    async fn meeting_channel(&self, id: MeetingId) -> Result<Option<ChannelId>, StoreError>;
}
