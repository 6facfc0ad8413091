//! Storing the units' take-home plans, their status changes, and the day's decisions.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::{NewJob, StoreError};
use crate::domain::plan::{PlanChange, PlanId, PlanStatus};
use crate::domain::{GuildId, MeetingId, UnitName, UserId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub unit: UnitName,
    pub action: String,
    /// The owner as shown (a member's name, or a role for plans made before owners were members).
    pub owner: String,
    /// The owner as a member: reminders go to them.
    pub owner_id: Option<UserId>,
    pub due: Option<NaiveDate>,
    pub created_by: UserId,
}

/// A plan as stored, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPlan {
    pub id: PlanId,
    pub meeting: MeetingId,
    pub plan: Plan,
    pub status: PlanStatus,
    /// Why it was dropped (the note of the latest change).
    pub note: Option<String>,
}

/// A unit's plans at the meeting before (`PlanStore::unit_plans_before`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlansBefore {
    pub meeting: MeetingId,
    pub title: String,
    pub plans: Vec<Plan>,
}

/// A decision taken during a meeting day (seed 004: who is responsible, by when).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub text: String,
    pub responsible: String,
    /// The responsible as a member: reminders go to them.
    pub responsible_id: Option<UserId>,
    pub due: Option<NaiveDate>,
    pub created_by: UserId,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDecision {
    pub id: i64,
    pub meeting: MeetingId,
    pub decision: Decision,
    pub created_at: DateTime<Utc>,
}

#[async_trait]
pub trait PlanStore: Send + Sync {
    /// Adds a plan, not started, and schedules `jobs` (its reminders, keys made with the new
    /// plan's id) in one transaction.
    async fn add_plan(
        &self,
        meeting: MeetingId,
        guild: GuildId,
        plan: &Plan,
        jobs: &(dyn Fn(PlanId) -> Vec<NewJob> + Send + Sync),
        now: DateTime<Utc>,
    ) -> Result<PlanId, StoreError>;
    /// The meeting's plans, by unit name then in the order added.
    async fn plans(&self, meeting: MeetingId) -> Result<Vec<StoredPlan>, StoreError>;
    async fn plan(&self, id: PlanId) -> Result<Option<StoredPlan>, StoreError>;
    /// The meeting `meeting` follows (its kit's `previous`: the latest such meeting of the
    /// guild before it) with `unit`'s plans made there, in the order added; `None` when it
    /// follows none. One read, for the answer flow's first reply.
    async fn unit_plans_before(&self, meeting: MeetingId, unit: &UnitName) -> Result<Option<PlansBefore>, StoreError>;
    /// Sets a plan's status and keeps the change, in one transaction; when the plan is no
    /// longer open its pending reminders are cancelled in the same transaction.
    async fn set_plan_status(&self, change: &PlanChange) -> Result<(), StoreError>;
    /// Every status change of the meeting's plans, oldest first.
    async fn plan_history(&self, meeting: MeetingId) -> Result<Vec<PlanChange>, StoreError>;
    /// Adds a decision and schedules `jobs` (its reminders) in one transaction.
    async fn add_decision(
        &self,
        meeting: MeetingId,
        decision: &Decision,
        jobs: &(dyn Fn(i64) -> Vec<NewJob> + Send + Sync),
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError>;
    async fn decisions(&self, meeting: MeetingId) -> Result<Vec<StoredDecision>, StoreError>;
    async fn decision(&self, id: i64) -> Result<Option<StoredDecision>, StoreError>;
}
