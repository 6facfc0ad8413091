//! Storing the presenters of a meeting's agenda items and their running speaking timers.

use async_trait::async_trait;
use chrono::{DateTime, NaiveTime, Utc};

use super::StoreError;
use crate::domain::speaking::{Speaking, SpeakingTimer};
use crate::domain::MeetingId;

/// The presenters of one agenda item, as the meeting was loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakingPlan {
    /// The item's position in the kit's agenda (as agenda jobs `agenda:<n>` count).
    pub position: u32,
    /// The item's title and planned start (local time), for the preparation reminder.
    pub title: String,
    pub start: NaiveTime,
    pub speaking: Speaking,
}

/// One agenda item's presenters, and its timer once the item has started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakingRow {
    pub meeting: MeetingId,
    pub plan: SpeakingPlan,
    pub timer: Option<SpeakingTimer>,
}

impl SpeakingRow {
    /// A timer that has started and not finished.
    pub fn running(&self) -> Option<&SpeakingTimer> {
        self.timer.as_ref().filter(|t| !t.finished)
    }
}

#[async_trait]
pub trait SpeakingStore: Send + Sync {
    /// Stores the presenters of the meeting's items (at `/meeting load`); an item stored
    /// already is left as it is.
    async fn save_speaking_plans(&self, meeting: MeetingId, plans: &[SpeakingPlan]) -> Result<(), StoreError>;
    /// The meeting's items with presenters, in agenda order.
    async fn speaking_plans(&self, meeting: MeetingId) -> Result<Vec<SpeakingRow>, StoreError>;
    /// Stores `timer` for the item if its stored step is still `expected` (`None`: the timer
    /// has not started). `false`: another writer moved it first, and nothing was written.
    async fn save_speaking_timer(
        &self,
        meeting: MeetingId,
        position: u32,
        timer: &SpeakingTimer,
        expected: Option<u32>,
    ) -> Result<bool, StoreError>;
    /// Running timers, of every meeting, with something to do at `now` (a warning or a step's end).
    async fn due_speaking(&self, now: DateTime<Utc>) -> Result<Vec<SpeakingRow>, StoreError>;
}
