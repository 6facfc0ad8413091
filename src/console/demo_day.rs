//! `samrad demo --day`: seed 001's meeting day (benchmarking-1) compressed on the manual clock.
//! The agenda runner announces each item in plenary, breakout items open and close rooms from
//! the kit's plans, lunch is at mixed tables with a table plan, every unit records a take-home
//! plan, the day takes a decision and plans change status (`day_scenes`), everyone fills in
//! the evaluation, and the day ends with the day's digest to the organisers. Same use cases
//! and store as the bot.

use chrono::{DateTime, Duration, Utc};
use rand::seq::SliceRandom;
use rand::Rng;

use super::demo::{Demo, DemoError, SharedOut, DEMO_GUILD, PLENARY_VOICE};
use crate::app::agenda;
use crate::app::plans::{self, PlanInput};
use crate::app::ports::Clock;
use crate::app::{answers, UserMessage};
use crate::domain::agenda::AGENDA_JOB;
use crate::domain::kit::Kit;
use crate::domain::Phase;
use crate::t;

/// What the day did, for the test that runs it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayReport {
    pub items: usize,
    pub rounds: usize,
    pub plans: usize,
    pub evaluations: usize,
    /// People seated at tables with a table plan (the meal).
    pub at_tables: usize,
    pub decisions: usize,
    pub status_changes: usize,
    /// Preparation reminder jobs run, and steps of the speaking timers.
    pub prepared: usize,
    pub speaking_steps: usize,
}

fn step<E: std::fmt::Display>(e: E) -> DemoError {
    DemoError::Step(e.to_string())
}

const ACTIONS: [&str; 4] = [
    "Kartlägga styrkedjan och boka möte med ledningsgruppen",
    "Ta fram könsuppdelad statistik för verksamhetens nyckeltal",
    "Utbilda chefer i jämställdhetsintegrering",
    "Följa upp förbättringsområdena på nästa ledningsmöte",
];

/// Runs the meeting day of `kit` (seed 001's is `benchmarking-1`).
pub async fn run(
    kit: Kit,
    seed: u64,
    store: std::sync::Arc<dyn crate::app::ports::Store>,
    files: std::path::PathBuf,
    out: SharedOut,
) -> Result<DayReport, DemoError> {
    let mut demo = Demo::new(kit, seed, store, files, out)?;
    demo.setup().await?;
    let mut report = DayReport::default();
    let meeting = demo.store.current_meeting(DEMO_GUILD).await?.ok_or_else(|| step("no meeting"))?;
    for p in &demo.people {
        demo.chat.join_voice(p.user, PLENARY_VOICE);
    }
    // The morning of the day, half an hour before the first item.
    let first =
        crate::domain::agenda::plan_day(&demo.kit.agenda, &demo.kit.breakouts, demo.kit.date, demo.kit.timezone)
            .first()
            .map(|i| i.starts_at)
            .ok_or_else(|| step("the kit has no agenda"))?;
    report.prepared = super::day_scenes::prepare(&demo, meeting.id).await?;
    demo.clock.set(first - Duration::minutes(30));
    demo.say("");
    demo.say(&format!("=== {} ===", t!(demo.lang, "demo-day-start")));
    agenda::start_day(&*demo.store, &demo.chat, &demo.clock, &demo.organiser, &demo.kit)
        .await
        .map_err(|e| step(e.user_message(demo.lang)))?;

    let evaluation_kind = crate::domain::kit::AgendaKind::Evaluation;
    let (mut planned, mut extended, mut last_item) = (false, false, None);
    while let Some(job) = next_job(&demo, meeting.id).await? {
        // A speaking timer's step may come before the next item.
        let speaking = super::day_scenes::next_speaking(&demo, meeting.id).await?;
        let job = speaking.map_or(job, |s| s.min(job));
        demo.clock.set(job.max(demo.clock.now()));
        super::day_scenes::clear_tables(&demo, meeting.id).await?;
        // Notes in the open rooms before the scheduler closes them.
        add_notes(&mut demo, meeting.id).await?;
        let done = demo.tick().await?;
        for failed in &done.failed {
            demo.say(&format!("! {failed}"));
        }
        report.speaking_steps += done.done.iter().filter(|d| d.contains(" speaking ")).count();
        if !extended {
            extended = super::day_scenes::extend_speaker(&demo, meeting.id).await?;
        }
        let status = agenda::agenda_status(&*demo.store, &demo.clock, &demo.organiser).await.map_err(step)?;
        let current = status.current().cloned();
        if let Some(item) = current.as_ref().filter(|i| last_item != Some(i.position)) {
            last_item = Some(item.position);
            report.items += 1;
            // The take-home item (the last breakout): each unit records its plan.
            if !planned && item.plan.as_ref().is_some_and(|p| p.mode == crate::domain::grouping::Mode::SameUnit) {
                planned = true;
                let plans = record_plans(&mut demo).await?;
                report.plans = plans.len();
                report.decisions = super::day_scenes::decide(&mut demo).await?;
                report.status_changes = super::day_scenes::plans_change(&mut demo, &plans).await?;
            }
            if report.at_tables == 0 && super::day_scenes::is_meal(item) {
                report.at_tables = super::day_scenes::meal_tables(&mut demo, item).await?;
            }
            if item.kind == evaluation_kind {
                report.evaluations = evaluate(&mut demo).await?;
            }
        }
    }
    report.rounds = demo.store.rounds(meeting.id).await?.len();
    demo.say("");
    demo.say(&t!(
        demo.lang,
        "demo-day-done",
        items = report.items,
        rounds = report.rounds,
        plans = report.plans,
        evaluations = report.evaluations
    ));
    demo.finish().await?;
    Ok(report)
}

async fn next_job(demo: &Demo, meeting: crate::domain::MeetingId) -> Result<Option<DateTime<Utc>>, DemoError> {
    Ok(demo.store.pending_jobs(meeting).await?.into_iter().filter(|j| j.kind == AGENDA_JOB).map(|j| j.due_at).min())
}

async fn add_notes(demo: &mut Demo, meeting: crate::domain::MeetingId) -> Result<(), DemoError> {
    let Some(round) = demo.store.open_round(meeting).await? else { return Ok(()) };
    let notes = super::samples::answers(demo.lang);
    for room in &round.rooms {
        let Some(channel) = room.text_channel else { continue };
        let Some(writer) = room.members.first().and_then(|u| demo.people.iter().find(|p| p.user == *u)).cloned() else {
            continue;
        };
        let text = notes.choose(&mut demo.rng).copied().unwrap_or("-");
        // Notes are idempotent enough for a demo: one per room per tick.
        let _ = crate::app::breakouts::add_note(&*demo.store, &demo.clock, &writer, channel, text, false).await;
    }
    Ok(())
}

async fn record_plans(demo: &mut Demo) -> Result<Vec<crate::app::ports::StoredPlan>, DemoError> {
    demo.say("");
    demo.say(&format!("=== {} ===", t!(demo.lang, "demo-day-plans")));
    let mut recorded = Vec::new();
    let mut seen = Vec::new();
    let people = demo.people.clone();
    for p in &people {
        let Some(unit) = demo.store.member(DEMO_GUILD, p.user).await?.and_then(|m| m.unit) else { continue };
        if seen.contains(&unit) {
            continue;
        }
        seen.push(unit.clone());
        let due = (demo.clock.now() + Duration::days(30 + demo.rng.gen_range(0..60))).date_naive();
        let input = PlanInput {
            action: ACTIONS[recorded.len() % ACTIONS.len()].to_owned(),
            owner_id: Some(p.user),
            owner: p.name.clone(),
            due: due.to_string(),
        };
        match plans::record_plan(&*demo.store, &demo.clock, p, &input).await {
            Ok(plan) => {
                demo.say(&format!("{} ({unit}) → {}", p.name, plans::plan_line(&plan.plan, demo.lang)));
                recorded.push(plan);
            }
            Err(e) => demo.say(&format!("{} → {}", p.name, e.user_message(demo.lang))),
        }
    }
    // A plan without an action is refused with a reason.
    if let Some(p) = people.first() {
        let input = PlanInput { action: " ".to_owned(), ..PlanInput::default() };
        if let Err(e) = plans::record_plan(&*demo.store, &demo.clock, p, &input).await {
            demo.say(&format!("{} → {}", p.name, e.user_message(demo.lang)));
        }
    }
    Ok(recorded)
}

async fn evaluate(demo: &mut Demo) -> Result<usize, DemoError> {
    demo.say("");
    demo.say(&format!("=== {} ===", t!(demo.lang, "demo-day-evaluation")));
    let questions: Vec<_> = demo.kit.questions.iter().filter(|q| q.phase == Phase::Evaluation).cloned().collect();
    let notes = super::samples::answers(demo.lang);
    let mut n = 0;
    for p in demo.people.clone() {
        let raw: Vec<(String, String)> = questions
            .iter()
            .map(|q| {
                let v = demo
                    .sample_value(&q.kind, true, |demo| notes.choose(&mut demo.rng).copied().unwrap_or("-").to_owned());
                (q.id.to_string(), v)
            })
            .collect();
        let saved = answers::submit_answers(&*demo.store, &demo.clock, &p, &raw).await.map_err(step)?;
        if !saved.saved.is_empty() {
            n += 1;
        }
    }
    demo.say(&t!(demo.lang, "answers-saved", count = n));
    Ok(n)
}
