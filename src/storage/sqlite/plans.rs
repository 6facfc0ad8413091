//! Take-home plans and their status history, and the decisions of a meeting day.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::schedule::insert_jobs;
use super::{chat_id, db_id, time, SqliteStore, StoreError};
use crate::app::ports::{Decision, NewJob, Plan, PlanStore, PlansBefore, StoredDecision, StoredPlan};
use crate::domain::plan::{PlanChange, PlanId, PlanStatus};
use crate::domain::{GuildId, MeetingId, UnitName, UserId};

struct PlanRow {
    id: i64,
    meeting_id: i64,
    unit: String,
    action: String,
    owner: String,
    owner_id: Option<i64>,
    due: Option<String>,
    created_by: i64,
    status: String,
    status_note: Option<String>,
}

fn corrupt(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

fn date(s: Option<String>) -> Result<Option<NaiveDate>, StoreError> {
    s.map(|d| d.parse::<NaiveDate>()).transpose().map_err(corrupt)
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
            due: date(r.due)?,
            created_by: UserId(chat_id(r.created_by)),
        },
        status: status(&r.status)?,
        note: r.status_note,
    })
}

struct DecisionRow {
    id: i64,
    meeting_id: i64,
    text: String,
    responsible: String,
    responsible_id: Option<i64>,
    due: Option<String>,
    created_by: i64,
    created_at: String,
}

fn to_decision(r: DecisionRow) -> Result<StoredDecision, StoreError> {
    Ok(StoredDecision {
        id: r.id,
        meeting: MeetingId(r.meeting_id),
        decision: Decision {
            text: r.text,
            responsible: r.responsible,
            responsible_id: r.responsible_id.map(|u| UserId(chat_id(u))),
            due: date(r.due)?,
            created_by: UserId(chat_id(r.created_by)),
        },
        created_at: time::from_db(&r.created_at)?,
    })
}

#[async_trait]
impl PlanStore for SqliteStore {
    async fn add_plan(
        &self,
        meeting: MeetingId,
        guild: GuildId,
        plan: &Plan,
        jobs: &(dyn Fn(PlanId) -> Vec<NewJob> + Send + Sync),
        now: DateTime<Utc>,
    ) -> Result<PlanId, StoreError> {
        let unit = self.unit_id(guild, &plan.unit).await?;
        let due = plan.due.map(|d| d.to_string());
        let by = db_id(plan.created_by.0);
        let owner_id = plan.owner_id.map(|u| db_id(u.0));
        let now = time::to_db(now);
        let mut tx = self.pool.begin().await?;
        let id = sqlx::query_scalar!(
            "INSERT INTO plans (meeting_id, unit_id, action, owner, owner_id, due, created_by, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id AS \"id!\"",
            meeting.0,
            unit,
            plan.action,
            plan.owner,
            owner_id,
            due,
            by,
            now
        )
        .fetch_one(&mut *tx)
        .await?;
        insert_jobs(&mut tx, meeting, &jobs(PlanId(id))).await?;
        tx.commit().await?;
        Ok(PlanId(id))
    }

    async fn plans(&self, meeting: MeetingId) -> Result<Vec<StoredPlan>, StoreError> {
        let rows = sqlx::query_as!(
            PlanRow,
            "SELECT p.id AS \"id!\", p.meeting_id, u.name AS unit, p.action, p.owner, p.owner_id, p.due, p.created_by,
                    p.status, p.status_note
             FROM plans p JOIN units u ON u.id = p.unit_id
             WHERE p.meeting_id = ? ORDER BY u.name, p.id",
            meeting.0
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(to_plan).collect()
    }

    async fn unit_plans_before(&self, meeting: MeetingId, unit: &UnitName) -> Result<Option<PlansBefore>, StoreError> {
        let key = unit.key();
        // The previous meeting as `previous_meeting` finds it, and its plans of the unit (none: one row of nulls).
        let rows = sqlx::query!(
            r#"WITH previous AS (
                   SELECT p.id, p.title FROM meeting_series s
                   JOIN meetings m ON m.id = s.meeting_id
                   JOIN meetings p ON p.guild_id = m.guild_id AND p.kit_id = s.previous_kit AND p.id < m.id
                   WHERE s.meeting_id = ? ORDER BY p.id DESC LIMIT 1)
               SELECT previous.id AS "previous!", previous.title AS "title!", pl.id AS "id?", pl.meeting_id AS "meeting_id?",
                      u.name AS "unit?", pl.action AS "action?", pl.owner AS "owner?", pl.owner_id, pl.due,
                      pl.created_by AS "created_by?", pl.status AS "status?", pl.status_note
               FROM previous
               LEFT JOIN (plans pl JOIN units u ON u.id = pl.unit_id AND u.name_key = ?) ON pl.meeting_id = previous.id
               ORDER BY pl.id"#,
            meeting.0,
            key
        )
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
        let row = sqlx::query_as!(
            PlanRow,
            "SELECT p.id AS \"id!\", p.meeting_id, u.name AS unit, p.action, p.owner, p.owner_id, p.due, p.created_by,
                    p.status, p.status_note
             FROM plans p JOIN units u ON u.id = p.unit_id WHERE p.id = ?",
            id.0
        )
        .fetch_optional(&self.pool)
        .await?;
        row.map(to_plan).transpose()
    }

    async fn set_plan_status(&self, change: &PlanChange) -> Result<(), StoreError> {
        let status = change.status.as_str();
        let by = db_id(change.by.0);
        let at = time::to_db(change.at);
        let asked_in = change.asked_in.map(|m| m.0);
        let mut tx = self.pool.begin().await?;
        let meeting = sqlx::query_scalar!(
            "UPDATE plans SET status = ?, status_note = ? WHERE id = ? RETURNING meeting_id",
            status,
            change.note,
            change.plan.0
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("plan {}", change.plan)))?;
        sqlx::query!(
            "INSERT INTO plan_changes (plan_id, status, note, changed_by, changed_at, asked_in) VALUES (?, ?, ?, ?, ?, ?)",
            change.plan.0,
            status,
            change.note,
            by,
            at,
            asked_in
        )
        .execute(&mut *tx)
        .await?;
        if !change.status.is_open() {
            let prefix = crate::domain::plan::Reminded::Plan(change.plan.0).key_prefix();
            sqlx::query!(
                "UPDATE schedules SET state = 'cancelled'
                 WHERE meeting_id = ? AND state = 'pending' AND substr(key, 1, length(?)) = ?",
                meeting,
                prefix,
                prefix
            )
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn plan_history(&self, meeting: MeetingId) -> Result<Vec<PlanChange>, StoreError> {
        let rows = sqlx::query!(
            "SELECT c.plan_id, c.status, c.note, c.changed_by, c.changed_at, c.asked_in
             FROM plan_changes c JOIN plans p ON p.id = c.plan_id
             WHERE p.meeting_id = ? ORDER BY c.changed_at, c.id",
            meeting.0
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(PlanChange {
                    plan: PlanId(r.plan_id),
                    status: status(&r.status)?,
                    note: r.note,
                    by: UserId(chat_id(r.changed_by)),
                    at: time::from_db(&r.changed_at)?,
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
        let due = decision.due.map(|d| d.to_string());
        let by = db_id(decision.created_by.0);
        let responsible_id = decision.responsible_id.map(|u| db_id(u.0));
        let now = time::to_db(now);
        let mut tx = self.pool.begin().await?;
        let id = sqlx::query_scalar!(
            "INSERT INTO decisions (meeting_id, text, responsible, responsible_id, due, created_by, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id AS \"id!\"",
            meeting.0,
            decision.text,
            decision.responsible,
            responsible_id,
            due,
            by,
            now
        )
        .fetch_one(&mut *tx)
        .await?;
        insert_jobs(&mut tx, meeting, &jobs(id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn decisions(&self, meeting: MeetingId) -> Result<Vec<StoredDecision>, StoreError> {
        let rows = sqlx::query_as!(
            DecisionRow,
            "SELECT id AS \"id!\", meeting_id, text, responsible, responsible_id, due, created_by, created_at
             FROM decisions WHERE meeting_id = ? ORDER BY id",
            meeting.0
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(to_decision).collect()
    }

    async fn decision(&self, id: i64) -> Result<Option<StoredDecision>, StoreError> {
        let row = sqlx::query_as!(
            DecisionRow,
            "SELECT id AS \"id!\", meeting_id, text, responsible, responsible_id, due, created_by, created_at
             FROM decisions WHERE id = ?",
            id
        )
        .fetch_optional(&self.pool)
        .await?;
        row.map(to_decision).transpose()
    }
}
