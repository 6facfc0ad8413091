//! Presenters of agenda items and their speaking timers (`speaking_timers`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{time, SqliteStore, StoreError};
use crate::app::ports::{SpeakingPlan, SpeakingRow, SpeakingStore};
use crate::domain::speaking::SpeakingTimer;
use crate::domain::MeetingId;
use crate::storage::speaking_json::{plan_from_db, plan_to_db, timer_from_db, timer_to_db};

fn row(meeting: i64, position: i64, plan: &str, timer: Option<&str>) -> Result<SpeakingRow, StoreError> {
    let position = u32::try_from(position).map_err(|e| StoreError::Corrupt(format!("position {position}: {e}")))?;
    Ok(SpeakingRow { meeting: MeetingId(meeting), plan: plan_from_db(position, plan)?, timer: timer_from_db(timer)? })
}

#[async_trait]
impl SpeakingStore for SqliteStore {
    async fn save_speaking_plans(&self, meeting: MeetingId, plans: &[SpeakingPlan]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        for item in plans {
            let (position, plan) = (i64::from(item.position), plan_to_db(item));
            sqlx::query!(
                "INSERT INTO speaking_timers (meeting_id, position, plan) VALUES (?, ?, ?)
                 ON CONFLICT (meeting_id, position) DO NOTHING",
                meeting.0,
                position,
                plan
            )
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn speaking_plans(&self, meeting: MeetingId) -> Result<Vec<SpeakingRow>, StoreError> {
        let rows = sqlx::query!(
            "SELECT meeting_id, position, plan, timer FROM speaking_timers WHERE meeting_id = ? ORDER BY position",
            meeting.0
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| row(r.meeting_id, r.position, &r.plan, r.timer.as_deref())).collect()
    }

    async fn save_speaking_timer(
        &self,
        meeting: MeetingId,
        position: u32,
        timer: &SpeakingTimer,
        expected: Option<u32>,
    ) -> Result<bool, StoreError> {
        let (position, json, step) = (i64::from(position), timer_to_db(timer), i64::from(timer.step));
        let wake = timer.wake_at().map(time::to_db);
        let expected = expected.map(i64::from);
        let done = sqlx::query!(
            "UPDATE speaking_timers SET timer = ?, step = ?, wake_at = ?
             WHERE meeting_id = ? AND position = ? AND step IS ?",
            json,
            step,
            wake,
            meeting.0,
            position,
            expected
        )
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn due_speaking(&self, now: DateTime<Utc>) -> Result<Vec<SpeakingRow>, StoreError> {
        let now = time::to_db(now);
        let rows = sqlx::query!(
            "SELECT meeting_id, position, plan, timer FROM speaking_timers
             WHERE wake_at IS NOT NULL AND wake_at <= ? ORDER BY wake_at, meeting_id, position",
            now
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| row(r.meeting_id, r.position, &r.plan, r.timer.as_deref())).collect()
    }
}
