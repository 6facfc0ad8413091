//! Storing the meeting day's agenda and the runner's state, and the link to the previous
//! meeting of a series.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::{NewJob, StoreError};
use crate::domain::MeetingId;

/// The meeting day's agenda as stored when it starts, with the runner's state.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaRun {
    pub meeting: MeetingId,
    pub started_at: DateTime<Utc>,
    /// How far every remaining item has moved (delays and pauses later, skips earlier).
    pub shift: chrono::Duration,
    pub paused_at: Option<DateTime<Utc>>,
    pub items: Vec<crate::domain::agenda::DayItem>,
}

#[async_trait]
pub trait AgendaStore: Send + Sync {
    /// Stores the day's agenda and schedules its jobs in one transaction. A day already
    /// started is a `Conflict`.
    async fn start_agenda(
        &self,
        meeting: MeetingId,
        items: &[crate::domain::agenda::DayItem],
        jobs: &[NewJob],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    async fn agenda(&self, meeting: MeetingId) -> Result<Option<AgendaRun>, StoreError>;
    /// Moves the remaining (pending) agenda jobs and the run's shift by `by`, in one transaction.
    async fn shift_agenda(&self, meeting: MeetingId, by: chrono::Duration) -> Result<(), StoreError>;
    async fn set_agenda_paused(&self, meeting: MeetingId, paused_at: Option<DateTime<Utc>>) -> Result<(), StoreError>;
    /// The meeting's day (its kit date, or the date given at load).
    async fn meeting_date(&self, meeting: MeetingId) -> Result<Option<NaiveDate>, StoreError>;
    /// Remembers that `meeting` follows up the meeting of kit `previous_kit`.
    async fn link_previous(&self, meeting: MeetingId, previous_kit: &str) -> Result<(), StoreError>;
    /// The guild's latest earlier meeting of the linked previous kit, if any.
    async fn previous_meeting(&self, meeting: MeetingId) -> Result<Option<MeetingId>, StoreError>;
}
