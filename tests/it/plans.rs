//! Plans with a life, through the use cases and the scheduler (in-process chat): reminders to
//! the owner before and on the due date, once across a restart, none for closed plans and none
//! late after an outage; the next meeting asks each unit about its open plans and the digest
//! and export count the answers; decisions reach the digest, the export and the next opening.

use chrono::{DateTime, Duration, Utc};
use samrad::app::decisions::{self, DecisionInput};
use samrad::app::plan_status::{self, PlanStatusError, StatusClick};
use samrad::app::plans::{self, PlanInput};
use samrad::app::ports::prelude::*;
use samrad::app::ports::{Action, OutMessage, StoredPlan};
use samrad::app::{export, followup, meetings, Actor, Staff};
use samrad::domain::plan::{PlanStatus, PLAN_REMIND_JOB};
use samrad::domain::UserId;
use samrad::i18n::Lang;

use crate::harness::{World, MEETING_CHANNEL};

async fn add_plan<S: Store>(w: &World<S>, who: &Actor, action: &str, due: &str) -> StoredPlan {
    let input = PlanInput { action: action.into(), due: due.into(), ..PlanInput::default() };
    plans::record_plan(&w.store, &w.clock, who, &input).await.unwrap()
}

fn about_plans(messages: Vec<OutMessage>) -> Vec<OutMessage> {
    messages.into_iter().filter(|m| m.buttons.iter().any(|b| matches!(b.action, Action::PlanStatus(_)))).collect()
}

async fn reminder_times<S: Store>(w: &World<S>, plan: &StoredPlan) -> Vec<DateTime<Utc>> {
    let prefix = format!("plan:{}:", plan.id);
    w.store
        .pending_jobs(plan.meeting)
        .await
        .unwrap()
        .into_iter()
        .filter(|j| j.kind == PLAN_REMIND_JOB && j.key.starts_with(&prefix))
        .map(|j| j.due_at)
        .collect()
}

on_both_stores!(plans_are_reminded_once_across_a_restart_and_never_late_or_closed, "example-en");
async fn plans_are_reminded_once_across_a_restart_and_never_late_or_closed<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(2).await;
    let (owner, closed_dms, done_owner, late_owner) = (&people[0], &people[2], &people[4], &people[1]);
    let plan = add_plan(&w, owner, "Map the pay gap", "2027-03-01").await;
    assert_eq!((plan.status, plan.plan.owner_id), (PlanStatus::NotStarted, Some(owner.user)), "the adder owns it");
    let [before, on_day] = reminder_times(&w, &plan).await[..] else { panic!("two reminders") };
    // 09:00 in London, three days before and on the day.
    assert_eq!(before, "2027-02-26T09:00:00Z".parse::<DateTime<Utc>>().unwrap());
    assert_eq!(on_day, "2027-03-01T09:00:00Z".parse::<DateTime<Utc>>().unwrap());

    w.tick_at(before - Duration::minutes(1)).await;
    assert!(about_plans(w.chat.dms_to(owner.user)).is_empty(), "nothing before its time");
    w.tick_at(before).await;
    let dms = about_plans(w.chat.dms_to(owner.user));
    assert_eq!(dms.len(), 1);
    assert!(dms[0].text.contains("Map the pay gap") && dms[0].text.contains("2027-03-01"), "{}", dms[0].text);
    let done_button = Action::PlanStatus(StatusClick { plan: plan.id, status: PlanStatus::Done, asked_in: None });
    assert_eq!(dms[0].buttons.len(), 4);
    assert!(dms[0].buttons.iter().any(|b| b.action == done_button), "{:?}", dms[0].buttons);

    // A restart: another process on the same database sends nothing twice.
    let restarted = samrad::storage::open(&w.db_url).await.unwrap();
    w.clock.set(before + Duration::hours(1));
    samrad::app::tick::tick(&*restarted, &w.chat, &w.clock).await.unwrap();
    assert_eq!(about_plans(w.chat.dms_to(owner.user)).len(), 1, "reminded once");
    w.clock.set(on_day);
    samrad::app::tick::tick(&*restarted, &w.chat, &w.clock).await.unwrap();
    let dms = about_plans(w.chat.dms_to(owner.user));
    assert_eq!(dms.len(), 2, "and again on the day");
    assert!(dms[1].text.contains("Today"), "{}", dms[1].text);
    samrad::app::tick::tick(&*restarted, &w.chat, &w.clock).await.unwrap();
    assert_eq!(about_plans(w.chat.dms_to(owner.user)).len(), 2);

    // Closed DMs: after an outage over both reminders only the one whose moment is not over
    // goes out, as a mention in the meeting channel.
    w.chat.close_dms(closed_dms.user);
    let mentioned = add_plan(&w, closed_dms, "Mentoring scheme", "2027-04-01").await;
    let [_, day] = reminder_times(&w, &mentioned).await[..] else { panic!("two reminders") };
    // A plan marked done gets no reminders; a plan whose day passed in an outage gets none late.
    let finished = add_plan(&w, done_owner, "Agenda item in the board", "2027-04-01").await;
    let click = StatusClick { plan: finished.id, status: PlanStatus::Done, asked_in: None };
    plan_status::change_status(&w.store, &w.clock, done_owner, click, None).await.unwrap();
    let late = add_plan(&w, late_owner, "Survey", "2027-03-20").await;
    w.tick_at(day + Duration::hours(2)).await;
    let posts = about_plans(w.chat.posts_in(MEETING_CHANNEL));
    assert_eq!(posts.len(), 1, "one mention, not two: {posts:?}");
    assert_eq!(posts[0].mentions, vec![closed_dms.user]);
    assert!(posts[0].text.contains("Today") && posts[0].text.contains("Mentoring scheme"), "{}", posts[0].text);
    assert!(about_plans(w.chat.dms_to(done_owner.user)).is_empty(), "done: no reminder");
    assert!(about_plans(w.chat.dms_to(late_owner.user)).is_empty(), "past its day: no reminder");
    assert!(reminder_times(&w, &late).await.is_empty(), "its jobs are finished, not left pending");
}

on_both_stores!(status_changes_are_kept_and_only_the_unit_may_make_them, "example-en");
async fn status_changes_are_kept_and_only_the_unit_may_make_them<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(2).await; // people[0] and [1] share a unit
    let plan = add_plan(&w, &people[0], "Pay gap", "").await;
    let click = |status| StatusClick { plan: plan.id, status, asked_in: None };
    let p =
        plan_status::change_status(&w.store, &w.clock, &people[1], click(PlanStatus::InProgress), None).await.unwrap();
    assert_eq!(p.status, PlanStatus::InProgress);
    let refused = plan_status::change_status(&w.store, &w.clock, &people[2], click(PlanStatus::Done), None).await;
    assert!(matches!(refused, Err(PlanStatusError::NotYours)), "{refused:?}");
    let no_note = plan_status::change_status(&w.store, &w.clock, &people[0], click(PlanStatus::Dropped), None).await;
    assert!(matches!(no_note, Err(PlanStatusError::MissingNote)));
    w.clock.advance(Duration::minutes(5));
    plan_status::change_status(&w.store, &w.clock, &w.organiser, click(PlanStatus::Dropped), Some("No budget"))
        .await
        .unwrap();
    let history = w.store.plan_history(plan.meeting).await.unwrap();
    let kept: Vec<(PlanStatus, UserId)> = history.iter().map(|c| (c.status, c.by)).collect();
    assert_eq!(kept, vec![(PlanStatus::InProgress, people[1].user), (PlanStatus::Dropped, w.organiser.user)]);
    assert_eq!(history[1].at - history[0].at, Duration::minutes(5));
    let listed = plans::render_unit_plans(&plan.plan.unit, &w.store.plans(plan.meeting).await.unwrap(), Lang::En);
    assert!(listed.contains("Pay gap") && listed.contains("**Dropped**: No budget"), "{listed}");
}

on_both_stores!(the_next_meeting_asks_each_unit_and_the_digest_counts_the_answers, "example-en");
async fn the_next_meeting_asks_each_unit_and_the_digest_counts_the_answers<S: Store>(mut w: World<S>) {
    let second = w.kit.clone();
    w.kit.id = "example-en-spring".into();
    w.kit.title = "Spring meeting".into();
    w.kit.previous = None;
    w.kit.date = "2027-03-10".parse().unwrap();
    w.load().await;
    let people = w.seat(1).await; // one member in each of three units
    let done = add_plan(&w, &people[0], "Pay gap survey", "").await;
    let silent = add_plan(&w, &people[0], "Mentoring", "").await;
    let dropped = add_plan(&w, &people[1], "Board item", "").await;
    let closed_before = add_plan(&w, &people[2], "Language policy", "").await;
    let click = StatusClick { plan: closed_before.id, status: PlanStatus::Done, asked_in: None };
    plan_status::change_status(&w.store, &w.clock, &people[2], click, None).await.unwrap();
    let facilitator = Actor { staff: Staff::Facilitator, ..people[0].clone() };
    let decision = DecisionInput {
        text: "The autumn meeting is in Bergen".into(),
        responsible: "Secretariat".into(),
        responsible_id: Some(people[1].user),
        due: "2027-05-01".into(),
    };
    let refused = decisions::record_decision(&w.store, &w.clock, &people[0], &decision).await;
    assert!(matches!(refused, Err(decisions::DecisionError::NotFacilitator)));
    decisions::record_decision(&w.store, &w.clock, &facilitator, &decision).await.unwrap();
    meetings::end_meeting(&w.store, &w.clock, &w.organiser).await.unwrap();

    w.kit = second;
    w.load().await;
    w.tick_at(w.due("open").await).await;
    let posts = w.chat.posts_in(MEETING_CHANNEL);
    let opening = posts.iter().find(|p| p.text.contains("Decisions at Spring meeting")).expect("decisions recalled");
    assert!(opening.text.contains("The autumn meeting is in Bergen — Secretariat"), "{}", opening.text);
    let asked = about_plans(posts);
    // Two units have open plans; the unit whose plan is done is not asked.
    assert_eq!(asked.len(), 2, "{asked:?}");
    let meeting = w.store.current_meeting(crate::harness::GUILD).await.unwrap().unwrap();
    let law = asked.iter().find(|m| m.text.contains("Pay gap survey")).expect("asked about its plans");
    assert!(law.text.contains("Mentoring") && !law.text.contains("Language policy"), "{}", law.text);
    assert_eq!(law.buttons.len(), 8, "four buttons per plan");
    let done_click = StatusClick { plan: done.id, status: PlanStatus::Done, asked_in: Some(meeting.id) };
    let button =
        law.buttons.iter().find(|b| b.action == Action::PlanStatus(done_click)).expect("a done button for the plan");
    assert_eq!(button.label, "1 · Done");
    // The units answer with the buttons (as carried by the click).
    let answer = |plan: &StoredPlan, status| StatusClick { plan: plan.id, status, asked_in: Some(meeting.id) };
    let Action::PlanStatus(click) = button.action else { unreachable!("a status button") };
    plan_status::change_status(&w.store, &w.clock, &people[0], click, None).await.unwrap();
    plan_status::change_status(&w.store, &w.clock, &people[1], answer(&dropped, PlanStatus::Dropped), Some("Merged"))
        .await
        .unwrap();
    assert!(silent.status.is_open());

    let table = samrad::app::plan_followup::followup_table(&w.store, &meeting).await.unwrap();
    let rows: Vec<(String, [u32; 5])> = table
        .iter()
        .map(|(u, r)| (u.to_string(), [r.done, r.in_progress, r.not_started, r.dropped, r.no_answer]))
        .collect();
    let unit = |p: &StoredPlan| p.plan.unit.to_string();
    let mut expected = vec![
        (unit(&done), [1, 0, 0, 0, 1]),
        (unit(&dropped), [0, 0, 0, 1, 0]),
        (unit(&closed_before), [1, 0, 0, 0, 0]),
    ];
    expected.sort_by_key(|(u, _)| u.to_lowercase());
    assert_eq!(rows, expected);
    let digest = followup::day_digest(&w.store, &meeting, Lang::En, true).await.unwrap();
    assert!(digest.text.contains("### Plans from last time"), "{}", digest.text);
    assert!(digest.text.contains(&format!("| {} | 1 | 0 | 0 | 0 | 1 |", unit(&done))), "{}", digest.text);

    let csv = export::export_meeting(&w.store, meeting.id, export::ExportFormat::Csv).await.unwrap();
    let data = samrad::render::export::from_csv(&csv).unwrap();
    let answers: Vec<(&str, &str)> = data.follow_up.iter().map(|f| (f.action.as_str(), f.answer.as_str())).collect();
    for expected in [("Pay gap survey", "done"), ("Mentoring", "no-answer"), ("Board item", "dropped")] {
        assert!(answers.contains(&expected), "{answers:?}");
    }
    let previous = w.store.previous_meeting(meeting.id).await.unwrap().unwrap();
    let first = export::export_meeting(&w.store, previous, export::ExportFormat::Csv).await.unwrap();
    let first = samrad::render::export::from_csv(&first).unwrap();
    assert_eq!(first.decisions.len(), 1);
    assert_eq!(first.plan_changes.len(), 3, "every change of its plans: {:?}", first.plan_changes);
    assert!(first.plans.iter().any(|p| p.action == "Board item" && p.status == "dropped" && p.note == "Merged"));
}
