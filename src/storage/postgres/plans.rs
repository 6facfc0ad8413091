//! Take-home plans: what each unit will do after the meeting.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::{chat_id, db_id, PgStore, StoreError};
use crate::app::ports::{Plan, PlanStore};
use crate::domain::{GuildId, MeetingId, UnitName, UserId};

#[derive(sqlx::FromRow)]
struct PlanRow {
    unit: String,
    action: String,
    owner: String,
    due: Option<NaiveDate>,
    created_by: i64,
}

#[async_trait]
impl PlanStore for PgStore {
    async fn add_plan(
        &self,
        meeting: MeetingId,
        guild: GuildId,
        plan: &Plan,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let unit = self.unit_id(guild, &plan.unit).await?;
        sqlx::query(
            "INSERT INTO plans (meeting_id, unit_id, action, owner, due, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(meeting.0)
        .bind(unit)
        .bind(&plan.action)
        .bind(&plan.owner)
        .bind(plan.due)
        .bind(db_id(plan.created_by.0))
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn plans(&self, meeting: MeetingId) -> Result<Vec<Plan>, StoreError> {
        let rows: Vec<PlanRow> = sqlx::query_as(
            "SELECT u.name AS unit, p.action, p.owner, p.due, p.created_by FROM plans p JOIN units u ON u.id = p.unit_id
             WHERE p.meeting_id = $1 ORDER BY u.name COLLATE \"C\", p.id",
        )
        .bind(meeting.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(Plan {
                    unit: UnitName::try_from(r.unit.as_str()).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                    action: r.action,
                    owner: r.owner,
                    due: r.due,
                    created_by: UserId(chat_id(r.created_by)),
                })
            })
            .collect()
    }
}
