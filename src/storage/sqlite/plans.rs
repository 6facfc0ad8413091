//! Take-home plans: what each unit will do after the meeting.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::{chat_id, db_id, time, SqliteStore, StoreError};
use crate::app::ports::{Plan, PlanStore};
use crate::domain::{GuildId, MeetingId, UnitName, UserId};

#[async_trait]
impl PlanStore for SqliteStore {
    async fn add_plan(
        &self,
        meeting: MeetingId,
        guild: GuildId,
        plan: &Plan,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let unit = self.unit_id(guild, &plan.unit).await?;
        let due = plan.due.map(|d| d.to_string());
        let by = db_id(plan.created_by.0);
        let now = time::to_db(now);
        sqlx::query!(
            "INSERT INTO plans (meeting_id, unit_id, action, owner, due, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            meeting.0,
            unit,
            plan.action,
            plan.owner,
            due,
            by,
            now
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn plans(&self, meeting: MeetingId) -> Result<Vec<Plan>, StoreError> {
        let rows = sqlx::query!(
            "SELECT u.name AS unit, p.action, p.owner, p.due, p.created_by FROM plans p JOIN units u ON u.id = p.unit_id
             WHERE p.meeting_id = ? ORDER BY u.name, p.id",
            meeting.0
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(Plan {
                    unit: UnitName::try_from(r.unit.as_str()).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                    action: r.action,
                    owner: r.owner,
                    due: r
                        .due
                        .map(|d| d.parse::<NaiveDate>())
                        .transpose()
                        .map_err(|e| StoreError::Corrupt(e.to_string()))?,
                    created_by: UserId(chat_id(r.created_by)),
                })
            })
            .collect()
    }
}
