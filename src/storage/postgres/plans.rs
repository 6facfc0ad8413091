//! Take-home plans and their status history, and the decisions of a meeting day.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::schedule::{insert_jobs, key_like, prefix_pattern};
use super::{chat_id, db_id, PgStore, StoreError};
use crate::app::ports::{Decision, NewJob, Plan, PlanStore, PlansBefore, StoredDecision, StoredPlan};
use crate::domain::plan::{PlanChange, PlanId, PlanStatus, Reminded};
use crate::domain::{GuildId, MeetingId, UnitName, UserId};

const PLAN_COLUMNS: &str = "SELECT p.id, p.meeting_id, u.name AS unit, p.action, p.owner, p.owner_id, p.due,
    p.created_by, p.status, p.status_note FROM plans p JOIN units u ON u.id = p.unit_id";

const DECISION_COLUMNS: &str =
    "SELECT id, meeting_id, text, responsible, responsible_id, due, created_by, created_at FROM decisions";

#[derive(sqlx::FromRow)]
struct PlanRow {
    id: i64,
    meeting_id: i64,
    unit: String,
    action: String,
    owner: String,
    owner_id: Option<i64>,
    due: Option<NaiveDate>,
    created_by: i64,
    status: String,
    status_note: Option<String>,
}

/// `unit_plans_before`'s row: the previous meeting, and one plan's columns or nulls.
#[derive(sqlx::FromRow)]
struct PlanBeforeRow {
    previous: i64,
    title: String,
    id: Option<i64>,
    meeting_id: Option<i64>,
    unit: Option<String>,
    action: Option<String>,
    owner: Option<String>,
    owner_id: Option<i64>,
    due: Option<NaiveDate>,
    created_by: Option<i64>,
    status: Option<String>,
    status_note: Option<String>,
}

fn corrupt(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

fn status(s: &str) -> Result<PlanStatus, StoreError> {
    PlanStatus::parse(s).ok_or_else(|| corrupt(format!("plan status {s:?}")))
}

fn to_plan(r: PlanRow) -> Result<StoredPlan, StoreError> {
    Ok(StoredPlan {
        id: PlanId(r.id),
        meeting: MeetingId(r.meeting_id),
        plan: Plan {
            unit: UnitName::try_from(r.unit.as_str()).map_err(corrupt)?,
            action: r.action,
            owner: r.owner,
            owner_id: r.owner_id.map(|u| UserId(chat_id(u))),
            due: r.due,
            created_by: UserId(chat_id(r.created_by)),
        },
        status: status(&r.status)?,
        note: r.status_note,
    })
}

#[derive(sqlx::FromRow)]
struct ChangeRow {
    plan_id: i64,
    status: String,
    note: Option<String>,
    changed_by: i64,
    changed_at: DateTime<Utc>,
    asked_in: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct DecisionRow {
    id: i64,
    meeting_id: i64,
    text: String,
    responsible: String,
    responsible_id: Option<i64>,
    due: Option<NaiveDate>,
    created_by: i64,
    created_at: DateTime<Utc>,
}

fn to_decision(r: DecisionRow) -> StoredDecision {
    StoredDecision {
        id: r.id,
        meeting: MeetingId(r.meeting_id),
        decision: Decision {
            text: r.text,
            responsible: r.responsible,
            responsible_id: r.responsible_id.map(|u| UserId(chat_id(u))),
            due: r.due,
            created_by: UserId(chat_id(r.created_by)),
        },
        created_at: r.created_at,
    }
}

#[async_trait]
impl PlanStore for PgStore {
    async fn add_plan(
        &self,
        meeting: MeetingId,
        guild: GuildId,
        plan: &Plan,
        jobs: &(dyn Fn(PlanId) -> Vec<NewJob> + Send + Sync),
        now: DateTime<Utc>,
    ) -> Result<PlanId, StoreError> {
        let unit = self.unit_id(guild, &plan.unit).await?;
        let mut tx = self.pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO plans (meeting_id, unit_id, action, owner, owner_id, due, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(meeting.0)
        .bind(unit)
        .bind(&plan.action)
        .bind(&plan.owner)
        .bind(plan.owner_id.map(|u| db_id(u.0)))
        .bind(plan.due)
        .bind(db_id(plan.created_by.0))
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        insert_jobs(&mut tx, meeting, &jobs(PlanId(id))).await?;
        tx.commit().await?;
        Ok(PlanId(id))
    }

    async fn plans(&self, meeting: MeetingId) -> Result<Vec<StoredPlan>, StoreError> {
        let rows: Vec<PlanRow> =
            sqlx::query_as(&format!("{PLAN_COLUMNS} WHERE p.meeting_id = $1 ORDER BY u.name COLLATE \"C\", p.id"))
                .bind(meeting.0)
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter().map(to_plan).collect()
    }

    async fn unit_plans_before(&self, meeting: MeetingId, unit: &UnitName) -> Result<Option<PlansBefore>, StoreError> {
        // The previous meeting as `previous_meeting` finds it, and its plans of the unit (none: one row of nulls).
        let rows: Vec<PlanBeforeRow> = sqlx::query_as(
            "WITH previous AS (
                 SELECT p.id, p.title FROM meeting_series s
                 JOIN meetings m ON m.id = s.meeting_id
                 JOIN meetings p ON p.guild_id = m.guild_id AND p.kit_id = s.previous_kit AND p.id < m.id
                 WHERE s.meeting_id = $1 ORDER BY p.id DESC LIMIT 1)
             SELECT previous.id AS previous, previous.title, pl.id, pl.meeting_id, u.name AS unit, pl.action, pl.owner,
                    pl.owner_id, pl.due, pl.created_by, pl.status, pl.status_note
             FROM previous
             LEFT JOIN (plans pl JOIN units u ON u.id = pl.unit_id AND u.name_key = $2) ON pl.meeting_id = previous.id
             ORDER BY pl.id",
        )
        .bind(meeting.0)
        .bind(unit.key())
        .fetch_all(&self.pool)
        .await?;
        let Some(first) = rows.first() else { return Ok(None) };
        let (previous, title) = (MeetingId(first.previous), first.title.clone());
        let mut plans = Vec::with_capacity(rows.len());
        for r in rows {
            let (Some(id), Some(meeting_id), Some(unit), Some(action), Some(owner), Some(created_by), Some(status)) =
                (r.id, r.meeting_id, r.unit, r.action, r.owner, r.created_by, r.status)
            else {
                continue;
            };
            let row = PlanRow {
                id,
                meeting_id,
                unit,
                action,
                owner,
                owner_id: r.owner_id,
                due: r.due,
                created_by,
                status,
                status_note: r.status_note,
            };
            plans.push(to_plan(row)?.plan);
        }
        Ok(Some(PlansBefore { meeting: previous, title, plans }))
    }

    async fn plan(&self, id: PlanId) -> Result<Option<StoredPlan>, StoreError> {
        let row: Option<PlanRow> =
            sqlx::query_as(&format!("{PLAN_COLUMNS} WHERE p.id = $1")).bind(id.0).fetch_optional(&self.pool).await?;
        row.map(to_plan).transpose()
    }

    async fn set_plan_status(&self, change: &PlanChange) -> Result<(), StoreError> {
        let status = change.status.as_str();
        let mut tx = self.pool.begin().await?;
        let meeting: i64 =
            sqlx::query_scalar("UPDATE plans SET status = $1, status_note = $2 WHERE id = $3 RETURNING meeting_id")
                .bind(status)
                .bind(&change.note)
                .bind(change.plan.0)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or_else(|| StoreError::NotFound(format!("plan {}", change.plan)))?;
        sqlx::query(
            "INSERT INTO plan_changes (plan_id, status, note, changed_by, changed_at, asked_in)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(change.plan.0)
        .bind(status)
        .bind(&change.note)
        .bind(db_id(change.by.0))
        .bind(change.at)
        .bind(change.asked_in.map(|m| m.0))
        .execute(&mut *tx)
        .await?;
        if !change.status.is_open() {
            sqlx::query(&format!(
                "UPDATE schedules SET state = 'cancelled' WHERE meeting_id = $1 AND state = 'pending' AND {}",
                key_like(2)
            ))
            .bind(meeting)
            .bind(prefix_pattern(&Reminded::Plan(change.plan.0).key_prefix()))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn plan_history(&self, meeting: MeetingId) -> Result<Vec<PlanChange>, StoreError> {
        let rows: Vec<ChangeRow> = sqlx::query_as(
            "SELECT c.plan_id, c.status, c.note, c.changed_by, c.changed_at, c.asked_in
             FROM plan_changes c JOIN plans p ON p.id = c.plan_id
             WHERE p.meeting_id = $1 ORDER BY c.changed_at, c.id",
        )
        .bind(meeting.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(PlanChange {
                    plan: PlanId(r.plan_id),
                    status: status(&r.status)?,
                    note: r.note,
                    by: UserId(chat_id(r.changed_by)),
                    at: r.changed_at,
                    asked_in: r.asked_in.map(MeetingId),
                })
            })
            .collect()
    }

    async fn add_decision(
        &self,
        meeting: MeetingId,
        decision: &Decision,
        jobs: &(dyn Fn(i64) -> Vec<NewJob> + Send + Sync),
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO decisions (meeting_id, text, responsible, responsible_id, due, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(meeting.0)
        .bind(&decision.text)
        .bind(&decision.responsible)
        .bind(decision.responsible_id.map(|u| db_id(u.0)))
        .bind(decision.due)
        .bind(db_id(decision.created_by.0))
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        insert_jobs(&mut tx, meeting, &jobs(id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn decisions(&self, meeting: MeetingId) -> Result<Vec<StoredDecision>, StoreError> {
        let rows: Vec<DecisionRow> = sqlx::query_as(&format!("{DECISION_COLUMNS} WHERE meeting_id = $1 ORDER BY id"))
            .bind(meeting.0)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(to_decision).collect())
    }

    async fn decision(&self, id: i64) -> Result<Option<StoredDecision>, StoreError> {
        let row: Option<DecisionRow> =
            sqlx::query_as(&format!("{DECISION_COLUMNS} WHERE id = $1")).bind(id).fetch_optional(&self.pool).await?;
        Ok(row.map(to_decision))
    }
}
