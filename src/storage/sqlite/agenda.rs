//! The meeting day's agenda, the runner's state, and the link to the previous meeting.

use async_trait::async_trait;
use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{time, SqliteStore, StoreError};
use crate::app::ports::{AgendaRun, AgendaStore, NewJob};
use crate::domain::agenda::{self, DayItem, KEY_PREFIX};
use crate::domain::grouping::Mode;
use crate::domain::kit::BreakoutPlan;
use crate::domain::MeetingId;
use crate::storage::columns::{question_ids_from_db, question_ids_to_db, texts_from_db, texts_to_db};

struct ItemRow {
    position: i64,
    starts_at: String,
    minutes: i64,
    kind: String,
    title: String,
    plan_id: Option<String>,
    plan_title: Option<String>,
    plan_mode: Option<String>,
    plan_size: Option<i64>,
    plan_minutes: Option<i64>,
    plan_questions: String,
    plan_topics: String,
    ask_questions: String,
}

fn to_item(r: ItemRow) -> Result<DayItem, StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("agenda item {}: {what}", r.position));
    let plan = match r.plan_id {
        None => None,
        Some(id) => Some(BreakoutPlan {
            id,
            title: r.plan_title.clone().unwrap_or_default(),
            mode: r.plan_mode.as_deref().and_then(Mode::parse).ok_or_else(|| corrupt("mode"))?,
            size: r.plan_size.and_then(|s| u32::try_from(s).ok()),
            questions: question_ids_from_db(&r.plan_questions)?,
            topics: texts_from_db(&r.plan_topics)?,
            minutes: r.plan_minutes.and_then(|m| u32::try_from(m).ok()).unwrap_or(r.minutes as u32),
        }),
    };
    Ok(DayItem {
        position: u32::try_from(r.position).map_err(|_| corrupt("position"))?,
        starts_at: time::from_db(&r.starts_at)?,
        minutes: u32::try_from(r.minutes).map_err(|_| corrupt("minutes"))?,
        kind: agenda::parse_kind(&r.kind).ok_or_else(|| corrupt("kind"))?,
        title: r.title,
        plan,
        ask: question_ids_from_db(&r.ask_questions)?,
    })
}

#[async_trait]
impl AgendaStore for SqliteStore {
    async fn start_agenda(
        &self,
        meeting: MeetingId,
        items: &[DayItem],
        jobs: &[NewJob],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let started = time::to_db(now);
        sqlx::query!("INSERT INTO agenda_runs (meeting_id, started_at) VALUES (?, ?)", meeting.0, started)
            .execute(&mut *tx)
            .await?;
        for item in items {
            let position = i64::from(item.position);
            let starts = time::to_db(item.starts_at);
            let minutes = i64::from(item.minutes);
            let kind = agenda::kind_str(item.kind);
            let plan = item.plan.as_ref();
            let plan_id = plan.map(|p| p.id.as_str());
            let plan_title = plan.map(|p| p.title.as_str());
            let plan_mode = plan.map(|p| p.mode.as_str());
            let plan_size = plan.and_then(|p| p.size).map(i64::from);
            let plan_minutes = plan.map(|p| i64::from(p.minutes));
            let plan_questions = plan.map(|p| question_ids_to_db(&p.questions)).unwrap_or_default();
            let plan_topics = plan.map(|p| texts_to_db(&p.topics)).unwrap_or_else(|| texts_to_db(&[]));
            let ask_questions = question_ids_to_db(&item.ask);
            sqlx::query!(
                "INSERT INTO agenda_items (meeting_id, position, starts_at, minutes, kind, title,
                     plan_id, plan_title, plan_mode, plan_size, plan_minutes, plan_questions, plan_topics, ask_questions)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                meeting.0,
                position,
                starts,
                minutes,
                kind,
                item.title,
                plan_id,
                plan_title,
                plan_mode,
                plan_size,
                plan_minutes,
                plan_questions,
                plan_topics,
                ask_questions
            )
            .execute(&mut *tx)
            .await?;
        }
        super::schedule::insert_jobs(&mut tx, meeting, jobs).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn agenda(&self, meeting: MeetingId) -> Result<Option<AgendaRun>, StoreError> {
        let Some(run) = sqlx::query!(
            "SELECT started_at, shift_seconds, paused_at FROM agenda_runs WHERE meeting_id = ?",
            meeting.0
        )
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let rows = sqlx::query_as!(
            ItemRow,
            "SELECT position, starts_at, minutes, kind, title, plan_id, plan_title, plan_mode, plan_size,
                    plan_minutes, plan_questions, plan_topics, ask_questions
             FROM agenda_items WHERE meeting_id = ? ORDER BY starts_at, position",
            meeting.0
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(Some(AgendaRun {
            meeting,
            started_at: time::from_db(&run.started_at)?,
            shift: Duration::seconds(run.shift_seconds),
            paused_at: time::opt_from_db(run.paused_at)?,
            items: rows.into_iter().map(to_item).collect::<Result<_, _>>()?,
        }))
    }

    async fn shift_agenda(&self, meeting: MeetingId, by: Duration) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        // Write first: a deferred transaction that reads before it writes fails with "database
        // is locked" (SQLITE_BUSY_SNAPSHOT) when another delay commits in between, instead of
        // waiting its turn. Taking the write lock first serialises concurrent delays.
        let seconds = by.num_seconds();
        sqlx::query!(
            "UPDATE agenda_runs SET shift_seconds = shift_seconds + ? WHERE meeting_id = ?",
            seconds,
            meeting.0
        )
        .execute(&mut *tx)
        .await?;
        // A prefix compared as it is spelled: LIKE would ignore case.
        let pending = sqlx::query!(
            "SELECT id AS \"id!\", due_at FROM schedules
             WHERE meeting_id = ? AND state = 'pending' AND substr(key, 1, length(?)) = ?",
            meeting.0,
            KEY_PREFIX,
            KEY_PREFIX
        )
        .fetch_all(&mut *tx)
        .await?;
        for job in pending {
            let due = time::to_db(time::from_db(&job.due_at)? + by);
            sqlx::query!("UPDATE schedules SET due_at = ? WHERE id = ?", due, job.id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn set_agenda_paused(&self, meeting: MeetingId, paused_at: Option<DateTime<Utc>>) -> Result<(), StoreError> {
        let at = paused_at.map(time::to_db);
        sqlx::query!("UPDATE agenda_runs SET paused_at = ? WHERE meeting_id = ?", at, meeting.0)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn meeting_date(&self, meeting: MeetingId) -> Result<Option<NaiveDate>, StoreError> {
        let date = sqlx::query_scalar!("SELECT meeting_date FROM meetings WHERE id = ?", meeting.0)
            .fetch_optional(&self.pool)
            .await?;
        date.map(|d| d.parse::<NaiveDate>().map_err(|e| StoreError::Corrupt(format!("meeting date {d:?}: {e}"))))
            .transpose()
    }

    async fn link_previous(&self, meeting: MeetingId, previous_kit: &str) -> Result<(), StoreError> {
        sqlx::query!(
            "INSERT INTO meeting_series (meeting_id, previous_kit) VALUES (?, ?)
             ON CONFLICT (meeting_id) DO UPDATE SET previous_kit = excluded.previous_kit",
            meeting.0,
            previous_kit
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn previous_meeting(&self, meeting: MeetingId) -> Result<Option<MeetingId>, StoreError> {
        let id = sqlx::query_scalar!(
            "SELECT p.id AS \"id!\" FROM meeting_series s
             JOIN meetings m ON m.id = s.meeting_id
             JOIN meetings p ON p.guild_id = m.guild_id AND p.kit_id = s.previous_kit AND p.id < m.id
             WHERE s.meeting_id = ? ORDER BY p.id DESC LIMIT 1",
            meeting.0
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(id.map(MeetingId))
    }
}
