//! The presenters and the speaking timer as both backends store them: JSON text in
//! `speaking_timers.plan` and `.timer`, presenters spelled as the kit spells them (`KHM`,
//! `@Ella Ghosh`). One shape for SQLite and Postgres, so `samrad copy` moves it as text.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use super::StoreError;
use crate::app::ports::SpeakingPlan;
use crate::domain::speaking::{Part, Presenter, Speaking, SpeakingTimer};

#[derive(Serialize, Deserialize)]
struct PlanJson {
    title: String,
    start: NaiveTime,
    presenters: Vec<String>,
    talk_minutes: u32,
    questions_minutes: u32,
    prepare_days_before: u32,
}

#[derive(Serialize, Deserialize)]
struct TimerJson {
    queue: Vec<String>,
    current: usize,
    part: String,
    ends_at: DateTime<Utc>,
    warned: bool,
    talk_seconds: i64,
    questions_seconds: i64,
    step: u32,
    skipped: Vec<String>,
    finished: bool,
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("speaking {what}: {e}"))
}

fn spell(people: &[Presenter]) -> Vec<String> {
    people.iter().map(Presenter::spell).collect()
}

fn read(people: &[String]) -> Result<Vec<Presenter>, StoreError> {
    people.iter().map(|p| Presenter::parse(p).ok_or_else(|| corrupt("presenter", p))).collect()
}

pub(super) fn plan_to_db(item: &SpeakingPlan) -> String {
    let plan = &item.speaking;
    let json = PlanJson {
        title: item.title.clone(),
        start: item.start,
        presenters: spell(&plan.presenters),
        talk_minutes: plan.talk_minutes,
        questions_minutes: plan.questions_minutes,
        prepare_days_before: plan.prepare_days_before,
    };
    serde_json::to_string(&json).expect("a plan serialises")
}

pub(super) fn plan_from_db(position: u32, text: &str) -> Result<SpeakingPlan, StoreError> {
    let json: PlanJson = serde_json::from_str(text).map_err(|e| corrupt("plan", e))?;
    let speaking = Speaking {
        presenters: read(&json.presenters)?,
        talk_minutes: json.talk_minutes,
        questions_minutes: json.questions_minutes,
        prepare_days_before: json.prepare_days_before,
    };
    Ok(SpeakingPlan { position, title: json.title, start: json.start, speaking })
}

pub(super) fn timer_to_db(t: &SpeakingTimer) -> String {
    let json = TimerJson {
        queue: spell(&t.queue),
        current: t.current,
        part: t.part.as_str().to_owned(),
        ends_at: t.ends_at,
        warned: t.warned,
        talk_seconds: t.talk.num_seconds(),
        questions_seconds: t.questions.num_seconds(),
        step: t.step,
        skipped: spell(&t.skipped),
        finished: t.finished,
    };
    serde_json::to_string(&json).expect("a timer serialises")
}

pub(super) fn timer_from_db(text: Option<&str>) -> Result<Option<SpeakingTimer>, StoreError> {
    let Some(text) = text else { return Ok(None) };
    let json: TimerJson = serde_json::from_str(text).map_err(|e| corrupt("timer", e))?;
    Ok(Some(SpeakingTimer {
        queue: read(&json.queue)?,
        current: json.current,
        part: Part::parse(&json.part).ok_or_else(|| corrupt("part", &json.part))?,
        ends_at: json.ends_at,
        warned: json.warned,
        talk: Duration::seconds(json.talk_seconds),
        questions: Duration::seconds(json.questions_seconds),
        step: json.step,
        skipped: read(&json.skipped)?,
        finished: json.finished,
    }))
}
