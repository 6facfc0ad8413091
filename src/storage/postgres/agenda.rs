//! The meeting day's agenda, the runner's state, and the link to the previous meeting.

use async_trait::async_trait;
use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{int, uint, PgStore, StoreError};
use crate::app::ports::{AgendaRun, AgendaStore, NewJob};
use crate::domain::agenda::{self, DayItem, KEY_PREFIX};
use crate::domain::grouping::Mode;
use crate::domain::kit::BreakoutPlan;
use crate::domain::MeetingId;
use crate::storage::columns::{question_ids_from_db, question_ids_to_db, texts_from_db, texts_to_db};

#[derive(sqlx::FromRow)]
struct RunRow {
    started_at: DateTime<Utc>,
    shift_seconds: i64,
    paused_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    position: i32,
    starts_at: DateTime<Utc>,
    minutes: i32,
    kind: String,
    title: String,
    plan_id: Option<String>,
    plan_title: Option<String>,
    plan_mode: Option<String>,
    plan_size: Option<i32>,
    plan_minutes: Option<i32>,
    plan_questions: String,
    plan_topics: String,
    ask_questions: String,
}

fn to_item(r: ItemRow) -> Result<DayItem, StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("agenda item {}: {what}", r.position));
    let minutes = uint(r.minutes).ok_or_else(|| corrupt("minutes"))?;
    let plan = match r.plan_id {
        None => None,
        Some(id) => Some(BreakoutPlan {
            id,
            title: r.plan_title.clone().unwrap_or_default(),
            mode: r.plan_mode.as_deref().and_then(Mode::parse).ok_or_else(|| corrupt("mode"))?,
            size: r.plan_size.and_then(uint),
            questions: question_ids_from_db(&r.plan_questions)?,
            topics: texts_from_db(&r.plan_topics)?,
            minutes: r.plan_minutes.and_then(uint).unwrap_or(minutes),
        }),
    };
    Ok(DayItem {
        position: uint(r.position).ok_or_else(|| corrupt("position"))?,
        starts_at: r.starts_at,
        minutes,
        kind: agenda::parse_kind(&r.kind).ok_or_else(|| corrupt("kind"))?,
        title: r.title,
        plan,
        ask: question_ids_from_db(&r.ask_questions)?,
    })
}

#[async_trait]
impl AgendaStore for PgStore {
    async fn start_agenda(
        &self,
        meeting: MeetingId,
        items: &[DayItem],
        jobs: &[NewJob],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("INSERT INTO agenda_runs (meeting_id, started_at) VALUES ($1, $2)")
            .bind(meeting.0)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        for item in items {
            let plan = item.plan.as_ref();
            let plan_questions = plan.map(|p| question_ids_to_db(&p.questions)).unwrap_or_default();
            sqlx::query(
                "INSERT INTO agenda_items (meeting_id, position, starts_at, minutes, kind, title,
                     plan_id, plan_title, plan_mode, plan_size, plan_minutes, plan_questions, plan_topics, ask_questions)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
            )
            .bind(meeting.0)
            .bind(int(item.position, "agenda position")?)
            .bind(item.starts_at)
            .bind(int(item.minutes, "agenda minutes")?)
            .bind(agenda::kind_str(item.kind))
            .bind(&item.title)
            .bind(plan.map(|p| p.id.as_str()))
            .bind(plan.map(|p| p.title.as_str()))
            .bind(plan.map(|p| p.mode.as_str()))
            .bind(plan.and_then(|p| p.size).map(|s| int(s, "group size")).transpose()?)
            .bind(plan.map(|p| int(p.minutes, "breakout minutes")).transpose()?)
            .bind(plan_questions)
            .bind(plan.map(|p| texts_to_db(&p.topics)).unwrap_or_else(|| texts_to_db(&[])))
            .bind(question_ids_to_db(&item.ask))
            .execute(&mut *tx)
            .await?;
        }
        super::schedule::insert_jobs(&mut tx, meeting, jobs).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn agenda(&self, meeting: MeetingId) -> Result<Option<AgendaRun>, StoreError> {
        let Some(run): Option<RunRow> =
            sqlx::query_as("SELECT started_at, shift_seconds, paused_at FROM agenda_runs WHERE meeting_id = $1")
                .bind(meeting.0)
                .fetch_optional(&self.pool)
                .await?
        else {
            return Ok(None);
        };
        let rows: Vec<ItemRow> = sqlx::query_as(
            "SELECT position, starts_at, minutes, kind, title, plan_id, plan_title, plan_mode, plan_size,
                    plan_minutes, plan_questions, plan_topics, ask_questions
             FROM agenda_items WHERE meeting_id = $1 ORDER BY starts_at, position",
        )
        .bind(meeting.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(Some(AgendaRun {
            meeting,
            started_at: run.started_at,
            shift: Duration::seconds(run.shift_seconds),
            paused_at: run.paused_at,
            items: rows.into_iter().map(to_item).collect::<Result<_, _>>()?,
        }))
    }

    async fn shift_agenda(&self, meeting: MeetingId, by: Duration) -> Result<(), StoreError> {
        // Microseconds, the precision of both TIMESTAMPTZ and the SQLite store's text times.
        let micros =
            by.num_microseconds().ok_or_else(|| StoreError::Conflict(format!("a shift of {by} is too long")))?;
        let mut tx = self.pool.begin().await?;
        // Each statement adds to what is stored, so shifts made at once all count.
        sqlx::query(&format!(
            "UPDATE schedules SET due_at = due_at + $3 * INTERVAL '1 microsecond'
             WHERE meeting_id = $1 AND state = 'pending' AND {}",
            super::schedule::key_like(2)
        ))
        .bind(meeting.0)
        .bind(super::schedule::prefix_pattern(KEY_PREFIX))
        .bind(micros)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE agenda_runs SET shift_seconds = shift_seconds + $1 WHERE meeting_id = $2")
            .bind(by.num_seconds())
            .bind(meeting.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn set_agenda_paused(&self, meeting: MeetingId, paused_at: Option<DateTime<Utc>>) -> Result<(), StoreError> {
        sqlx::query("UPDATE agenda_runs SET paused_at = $1 WHERE meeting_id = $2")
            .bind(paused_at)
            .bind(meeting.0)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn meeting_date(&self, meeting: MeetingId) -> Result<Option<NaiveDate>, StoreError> {
        let date = sqlx::query_scalar("SELECT meeting_date FROM meetings WHERE id = $1")
            .bind(meeting.0)
            .fetch_optional(&self.pool)
            .await?;
        Ok(date)
    }

    async fn link_previous(&self, meeting: MeetingId, previous_kit: &str) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO meeting_series (meeting_id, previous_kit) VALUES ($1, $2)
             ON CONFLICT (meeting_id) DO UPDATE SET previous_kit = excluded.previous_kit",
        )
        .bind(meeting.0)
        .bind(previous_kit)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn previous_meeting(&self, meeting: MeetingId) -> Result<Option<MeetingId>, StoreError> {
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT p.id FROM meeting_series s
             JOIN meetings m ON m.id = s.meeting_id
             JOIN meetings p ON p.guild_id = m.guild_id AND p.kit_id = s.previous_kit AND p.id < m.id
             WHERE s.meeting_id = $1 ORDER BY p.id DESC LIMIT 1",
        )
        .bind(meeting.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(id.map(MeetingId))
    }
}
