//! Storing the units' take-home plans.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::StoreError;
use crate::domain::{GuildId, MeetingId, UnitName, UserId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub unit: UnitName,
    pub action: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub created_by: UserId,
}

#[async_trait]
pub trait PlanStore: Send + Sync {
    async fn add_plan(
        &self,
        meeting: MeetingId,
        guild: GuildId,
        plan: &Plan,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    async fn plans(&self, meeting: MeetingId) -> Result<Vec<Plan>, StoreError>;
}
