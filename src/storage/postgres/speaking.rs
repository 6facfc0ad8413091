//! Presenters of agenda items and their speaking timers (`speaking_timers`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{PgStore, StoreError};
use crate::app::ports::{SpeakingPlan, SpeakingRow, SpeakingStore};
use crate::domain::speaking::SpeakingTimer;
use crate::domain::MeetingId;
use crate::storage::speaking_json::{plan_from_db, plan_to_db, timer_from_db, timer_to_db};

type Row = (i64, i32, String, Option<String>);

fn row((meeting, position, plan, timer): &Row) -> Result<SpeakingRow, StoreError> {
    let position = u32::try_from(*position).map_err(|e| StoreError::Corrupt(format!("position {position}: {e}")))?;
    Ok(SpeakingRow {
        meeting: MeetingId(*meeting),
        plan: plan_from_db(position, plan)?,
        timer: timer_from_db(timer.as_deref())?,
    })
}

fn position(p: u32) -> Result<i32, StoreError> {
    i32::try_from(p).map_err(|_| StoreError::Conflict(format!("agenda position {p}")))
}

#[async_trait]
impl SpeakingStore for PgStore {
    async fn save_speaking_plans(&self, meeting: MeetingId, plans: &[SpeakingPlan]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        for plan in plans {
            sqlx::query(
                "INSERT INTO speaking_timers (meeting_id, position, plan) VALUES ($1, $2, $3)
                 ON CONFLICT (meeting_id, position) DO NOTHING",
            )
            .bind(meeting.0)
            .bind(position(plan.position)?)
            .bind(plan_to_db(plan))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn speaking_plans(&self, meeting: MeetingId) -> Result<Vec<SpeakingRow>, StoreError> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT meeting_id, position, plan, timer FROM speaking_timers WHERE meeting_id = $1 ORDER BY position",
        )
        .bind(meeting.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(row).collect()
    }

    async fn save_speaking_timer(
        &self,
        meeting: MeetingId,
        p: u32,
        timer: &SpeakingTimer,
        expected: Option<u32>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE speaking_timers SET timer = $1, step = $2, wake_at = $3
             WHERE meeting_id = $4 AND position = $5 AND step IS NOT DISTINCT FROM $6",
        )
        .bind(timer_to_db(timer))
        .bind(i32::try_from(timer.step).unwrap_or(i32::MAX))
        .bind(timer.wake_at())
        .bind(meeting.0)
        .bind(position(p)?)
        .bind(expected.map(|e| i32::try_from(e).unwrap_or(i32::MAX)))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn due_speaking(&self, now: DateTime<Utc>) -> Result<Vec<SpeakingRow>, StoreError> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT meeting_id, position, plan, timer FROM speaking_timers
             WHERE wake_at IS NOT NULL AND wake_at <= $1 ORDER BY wake_at, meeting_id, position",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(row).collect()
    }
}
