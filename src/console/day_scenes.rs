//! Scenes of `samrad demo --day` that people do, not the agenda runner: lunch at mixed tables
//! in the room (a table plan, no channels), a decision with who is responsible and by when
//! (seed 004), take-home plans changing status, and the presenters (reminded to prepare days
//! before; a facilitator gives one of them two more minutes). Same use cases as the bot's
//! commands.

use chrono::{DateTime, Duration, Utc};

use super::demo::{Demo, DemoError};
use crate::app::breakouts::{self, SplitOptions, SplitRequest};
use crate::app::decisions::{self, DecisionInput};
use crate::app::plan_status::{self, StatusClick};
use crate::app::ports::{Clock, StoredPlan};
use crate::app::speaking::{self, SpeakerAction};
use crate::app::{Actor, Staff, UserMessage};
use crate::domain::agenda::DayItem;
use crate::domain::grouping::Mode;
use crate::domain::kit::AgendaKind;
use crate::domain::plan::PlanStatus;
use crate::domain::speaking::{Part, PREPARE_JOB, PREPARE_PREFIX};
use crate::domain::MeetingId;
use crate::t;

/// A break this long is a meal, eaten at tables.
const MEAL_MINUTES: u32 = 45;

fn facilitator(demo: &Demo) -> Actor {
    Actor { staff: Staff::Facilitator, ..demo.organiser.clone() }
}

/// Whether `item` is a meal: people sit at tables mixed across units.
pub fn is_meal(item: &DayItem) -> bool {
    item.kind == AgendaKind::Break && item.minutes >= MEAL_MINUTES
}

/// `/breakout split mode:units channels:false` at a meal: tables of five mixing units, until
/// five minutes before the next item. Returns how many people got a table.
pub async fn meal_tables(demo: &mut Demo, item: &DayItem) -> Result<usize, DemoError> {
    demo.say("");
    demo.say(&format!("=== {} ===", t!(demo.lang, "demo-day-tables", item = item.title.as_str())));
    let options = SplitOptions {
        size: Some(5),
        minutes: Some(item.minutes.saturating_sub(5).max(1)),
        channels: Some(false),
        ..SplitOptions::default()
    };
    let request = SplitRequest::from_options(Mode::Units, &options, None);
    let round = breakouts::split(
        &*demo.store,
        &demo.chat,
        &demo.clock,
        &facilitator(demo),
        &request,
        &mut demo.rng,
        &|_, _| {},
    )
    .await
    .map_err(|e| DemoError::Step(e.user_message(demo.lang)))?;
    Ok(round.rooms.iter().map(|r| r.members.len()).sum())
}

/// Closes the meal's tables once their time is up (before the next item may split).
pub async fn clear_tables(demo: &Demo, meeting: MeetingId) -> Result<(), DemoError> {
    let Some(round) = demo.store.open_round(meeting).await? else { return Ok(()) };
    if round.in_person && demo.clock.now() >= round.ends_at {
        let summariser = crate::app::summarise::Offline;
        breakouts::close(&*demo.store, &demo.chat, &demo.clock, &summariser, &facilitator(demo))
            .await
            .map_err(|e| DemoError::Step(e.user_message(demo.lang)))?;
        demo.say(&t!(demo.lang, "close-done-tables"));
    }
    Ok(())
}

/// `/decision add`: the day decides who writes the shared template for key figures.
pub async fn decide(demo: &mut Demo) -> Result<usize, DemoError> {
    let Some(responsible) = demo.people.first().cloned() else { return Ok(0) };
    let input = DecisionInput {
        text: t!(demo.lang, "demo-day-decision"),
        responsible: responsible.name.clone(),
        responsible_id: Some(responsible.user),
        due: (demo.clock.now() + Duration::days(42)).date_naive().to_string(),
    };
    let decided = decisions::record_decision(&*demo.store, &demo.clock, &facilitator(demo), &input)
        .await
        .map_err(|e| DemoError::Step(e.user_message(demo.lang)))?;
    demo.say(&decisions::decision_line(&decided.decision, demo.lang));
    Ok(1)
}

/// The units' plans change status as their owners get going: one starts, one is done, one is
/// dropped with a note. Returns how many changed.
pub async fn plans_change(demo: &mut Demo, plans: &[StoredPlan]) -> Result<usize, DemoError> {
    demo.say("");
    demo.say(&format!("=== {} ===", t!(demo.lang, "demo-day-plan-status")));
    let steps = [
        (PlanStatus::InProgress, None),
        (PlanStatus::Done, None),
        (PlanStatus::Dropped, Some(t!(demo.lang, "demo-day-dropped-note"))),
    ];
    let mut changed = 0;
    for (plan, (status, note)) in plans.iter().zip(steps) {
        let Some(owner) = plan.plan.owner_id.and_then(|u| demo.people.iter().find(|p| p.user == u)).cloned() else {
            continue;
        };
        let click = StatusClick { plan: plan.id, status, asked_in: None };
        match plan_status::change_status(&*demo.store, &demo.clock, &owner, click, note.as_deref()).await {
            Ok(now) => {
                demo.say(&format!("{}: {}", owner.name, plan_status::changed_text(&now, demo.lang)));
                changed += 1;
            }
            Err(e) => demo.say(&format!("{} → {}", owner.name, e.user_message(demo.lang))),
        }
    }
    Ok(changed)
}

/// Days before the meeting: the presenters' preparation reminders go out as the scheduler runs
/// its `prepare` jobs. Returns how many jobs ran.
pub async fn prepare(demo: &Demo, meeting: MeetingId) -> Result<usize, DemoError> {
    let mut jobs: Vec<_> =
        demo.store.pending_jobs(meeting).await?.into_iter().filter(|j| j.kind == PREPARE_JOB).collect();
    jobs.sort_by_key(|j| j.due_at);
    if jobs.is_empty() {
        return Ok(0);
    }
    demo.say("");
    demo.say(&format!("=== {} ===", t!(demo.lang, "demo-day-prepare")));
    let mut ran = 0;
    for job in jobs {
        demo.clock.set(job.due_at.max(demo.clock.now()));
        let report = demo.tick().await?;
        ran += report.done.iter().filter(|d| d.contains(PREPARE_PREFIX)).count();
        for failed in &report.failed {
            demo.say(&format!("! {failed}"));
        }
    }
    Ok(ran)
}

/// When the meeting's running speaking timer next has something to do.
pub async fn next_speaking(demo: &Demo, meeting: MeetingId) -> Result<Option<DateTime<Utc>>, DemoError> {
    Ok(demo.store.speaking_plans(meeting).await?.iter().filter_map(|r| r.running()?.wake_at()).min())
}

/// `/agenda speaker extend minutes:2` when a presenter has been warned during their talk.
/// Returns whether the facilitator did.
pub async fn extend_speaker(demo: &Demo, meeting: MeetingId) -> Result<bool, DemoError> {
    let rows = demo.store.speaking_plans(meeting).await?;
    let Some(timer) = rows.iter().find_map(|r| r.running()) else { return Ok(false) };
    if !(timer.warned && timer.part == Part::Talk) {
        return Ok(false);
    }
    let who = facilitator(demo);
    let status = speaking::speaker(&*demo.store, &demo.chat, &demo.clock, &who, SpeakerAction::Extend(2))
        .await
        .map_err(|e| DemoError::Step(e.user_message(demo.lang)))?;
    demo.say(&format!("{}: /agenda speaker extend minutes:2 → {}", who.name, status.render(demo.lang)));
    Ok(true)
}
