//! The meeting day: the agenda runner over the manual clock, restarts, delays and pauses,
//! take-home plans, the evaluation after the reflection deadline, and the follow-up meeting.

use chrono::{DateTime, Duration, Utc};
use samrad::app::agenda::{self, AgendaError};
use samrad::app::plans::{self, PlanError, PlanInput};
use samrad::app::ports::prelude::*;
use samrad::app::ports::Action;
use samrad::app::ports::{Clock, Job};
use samrad::app::{answers, followup, meetings, tick, Actor, UserMessage};
use samrad::console::MemoryChat;
use samrad::domain::agenda::AGENDA_JOB;
use samrad::domain::{MeetingId, Phase, QuestionKind};
use samrad::i18n::Lang;

use crate::harness::{member, World, GUILD, MEETING_CHANNEL, ORGANISERS, PLENARY, PLENARY_VOICE};

/// 09:00 in Stockholm on benchmarking-1's day (CEST, UTC+2).
fn morning() -> DateTime<Utc> {
    "2027-04-15T07:00:00Z".parse().unwrap()
}

async fn meeting_id<S: Store>(w: &World<S>) -> MeetingId {
    w.store.current_meeting(GUILD).await.unwrap().unwrap().id
}

async fn next_agenda_due<S: Store + ?Sized>(store: &S, meeting: MeetingId) -> Option<DateTime<Utc>> {
    store.pending_jobs(meeting).await.unwrap().into_iter().filter(|j| j.kind == AGENDA_JOB).map(|j| j.due_at).min()
}

fn texts(chat: &MemoryChat, channel: samrad::domain::ChannelId) -> Vec<String> {
    chat.posts_in(channel).into_iter().map(|m| m.text).collect()
}

fn now_posts(chat: &MemoryChat) -> Vec<String> {
    texts(chat, PLENARY).into_iter().filter(|t| t.starts_with("**Nu (")).collect()
}

/// benchmarking-1 loaded, two members per unit, everyone in the plenary voice channel, the
/// morning of the day, agenda started.
async fn day<S: Store>(w: &World<S>) -> Vec<Actor> {
    w.load().await;
    let people = w.seat(2).await;
    for p in &people {
        w.chat.join_voice(p.user, PLENARY_VOICE);
    }
    w.clock.set(morning());
    agenda::start_day(&w.store, &w.chat, &w.clock, &w.organiser, &w.kit).await.expect("the day starts");
    people
}

async fn run_to_end<S: Store>(w: &World<S>) -> usize {
    let id = meeting_id(w).await;
    let mut ticks = 0;
    while let Some(due) = next_agenda_due(&w.store, id).await {
        let report = w.tick_at(due).await;
        assert!(report.failed.is_empty(), "{:?}", report.failed);
        ticks += 1;
        assert!(ticks < 100, "the agenda never ends");
    }
    ticks
}

on_both_stores!(the_agenda_runs_the_whole_day_in_order, "benchmarking-1");
async fn the_agenda_runs_the_whole_day_in_order<S: Store>(w: World<S>) {
    day(&w).await;
    run_to_end(&w).await;
    let items = w.kit.agenda.len();
    let posts = now_posts(&w.chat);
    assert_eq!(posts.len(), items, "{posts:#?}");
    // In the kit's order and local time.
    assert!(posts[0].contains("09:30–10:00") && posts[0].contains("Fika"), "{}", posts[0]);
    assert!(posts[1].contains("10:00–10:20"));
    assert!(posts[3].contains("smågrupper, 10 min"), "{}", posts[3]);
    assert!(posts[0].contains("Nästa kl. 10:00"), "{}", posts[0]);
    // Every breakout item opened a round from its plan, and every round was closed.
    let rounds = w.store.rounds(meeting_id(&w).await).await.unwrap();
    let breakout_items: Vec<_> = w.kit.agenda.iter().filter_map(|a| a.breakout.clone()).collect();
    assert_eq!(rounds.len(), breakout_items.len());
    for (round, plan) in rounds.iter().zip(&breakout_items) {
        assert_eq!(round.plan_id.as_ref(), Some(plan));
        assert!(round.closed_at.is_some());
    }
    // The role groups of 13:00 last until 13:30 exactly.
    let roles = rounds.iter().find(|r| r.plan_id.as_deref() == Some("rollgrupper")).unwrap();
    assert_eq!(roles.ends_at, "2027-04-15T11:30:00Z".parse::<DateTime<Utc>>().unwrap());
    // The evaluation was posted with its button, and the day ended with a digest to organisers.
    let plenary = w.chat.posts_in(PLENARY);
    let evaluate = |b: &samrad::app::ports::Button| matches!(b.action, Action::Answer { phase: Phase::Evaluation, .. });
    assert!(plenary.iter().any(|m| m.buttons.iter().any(evaluate)));
    assert!(texts(&w.chat, PLENARY).last().unwrap().contains("Benchmarkingträff 1"));
    assert!(texts(&w.chat, ORGANISERS).iter().any(|t| t.contains("Dagen i sammanfattning")));
}

on_both_stores!(a_restart_mid_day_continues_without_duplicates, "benchmarking-1");
async fn a_restart_mid_day_continues_without_duplicates<S: Store>(w: World<S>) {
    let people = day(&w).await;
    let id = meeting_id(&w).await;
    // Run until the first small groups are open (10:30).
    let small_groups: DateTime<Utc> = "2027-04-15T08:30:00Z".parse().unwrap();
    while let Some(due) = next_agenda_due(&w.store, id).await.filter(|d| *d <= small_groups) {
        w.tick_at(due).await;
    }
    assert_eq!(w.store.rounds(id).await.unwrap().len(), 1);
    let open = w.store.open_round(id).await.unwrap().expect("the small groups are open");
    assert_eq!(open.ends_at, small_groups + Duration::minutes(10));

    // The process dies and comes back: a new store on the same database, a chat that no longer
    // remembers nonces. The same instant again posts nothing and splits nothing.
    let store = samrad::storage::open(&w.db_url).await.unwrap();
    let chat = MemoryChat::new();
    for p in &people {
        chat.join_voice(p.user, PLENARY_VOICE);
    }
    tick::tick(&*store, &chat, &w.clock).await.unwrap();
    assert!(chat.events().is_empty(), "{:?}", chat.events());
    // A crash after the split but before the job was marked done: the job runs again.
    let again =
        Job { id: 0, meeting: id, key: "agenda:3".into(), kind: AGENDA_JOB.into(), due_at: w.now(), attempts: 0 };
    agenda::run_job(&*store, &chat, &w.clock, &samrad::app::summarise::Offline, &again).await.unwrap();
    assert!(chat.events().is_empty(), "{:?}", chat.events());
    assert_eq!(store.rounds(id).await.unwrap().len(), 1);

    // The rest of the day goes on from the store.
    let mut ticks = 0;
    while let Some(due) = next_agenda_due(&*store, id).await {
        w.clock.set(due);
        tick::tick(&*store, &chat, &w.clock).await.unwrap();
        ticks += 1;
        assert!(ticks < 100);
    }
    let posts: Vec<String> =
        chat.posts_in(PLENARY).into_iter().map(|m| m.text).filter(|t| t.starts_with("**Nu (")).collect();
    assert_eq!(posts.len(), w.kit.agenda.len() - 4, "items 0–3 were posted before the restart");
    assert_eq!(store.rounds(id).await.unwrap().len(), 5);
}

on_both_stores!(a_delay_shifts_the_rest_of_the_day_and_bad_delays_change_nothing, "benchmarking-1");
async fn a_delay_shifts_the_rest_of_the_day_and_bad_delays_change_nothing<S: Store>(w: World<S>) {
    day(&w).await;
    let id = meeting_id(&w).await;
    let ten: DateTime<Utc> = "2027-04-15T08:00:00Z".parse().unwrap();
    w.tick_at(ten - Duration::minutes(30)).await;
    w.tick_at(ten).await;
    let before: Vec<DateTime<Utc>> = w.store.pending_jobs(id).await.unwrap().iter().map(|j| j.due_at).collect();

    for bad in [0, -5, 181] {
        let err = agenda::delay(&w.store, &w.clock, &w.organiser, bad).await.unwrap_err();
        assert!(matches!(err, AgendaError::Delay(_)));
        assert!(err.user_message(Lang::En).contains("between 1 and 180"), "{}", err.user_message(Lang::En));
    }
    let unchanged: Vec<DateTime<Utc>> = w.store.pending_jobs(id).await.unwrap().iter().map(|j| j.due_at).collect();
    assert_eq!(before, unchanged);
    let err = agenda::delay(&w.store, &w.clock, &member(100, "M0"), 5).await.unwrap_err();
    assert!(matches!(err, AgendaError::NotFacilitator));

    let status = agenda::delay(&w.store, &w.clock, &w.organiser, 15).await.unwrap();
    assert_eq!(status.run.shift, Duration::minutes(15));
    let after: Vec<DateTime<Utc>> = w.store.pending_jobs(id).await.unwrap().iter().map(|j| j.due_at).collect();
    let shifted: Vec<DateTime<Utc>> = before.iter().map(|t| *t + Duration::minutes(15)).collect();
    assert_eq!(after, shifted);
    // 10:20 comes and goes without a post; 10:35 brings the next item, announced at its new time.
    w.tick_at(ten + Duration::minutes(20)).await;
    assert_eq!(now_posts(&w.chat).len(), 2);
    w.tick_at(ten + Duration::minutes(35)).await;
    let posts = now_posts(&w.chat);
    assert_eq!(posts.len(), 3);
    assert!(posts[2].contains("10:35–10:45"), "{}", posts[2]);
    assert!(agenda::render_status(&status, Lang::En).contains("15 minutes"));
}

on_both_stores!(pause_holds_the_agenda_and_next_skips_ahead, "benchmarking-1");
async fn pause_holds_the_agenda_and_next_skips_ahead<S: Store>(w: World<S>) {
    day(&w).await;
    let id = meeting_id(&w).await;
    let ten: DateTime<Utc> = "2027-04-15T08:00:00Z".parse().unwrap();
    w.tick_at(ten - Duration::minutes(30)).await;
    w.tick_at(ten).await;
    w.clock.set(ten + Duration::minutes(5));
    agenda::pause(&w.store, &w.clock, &w.organiser).await.unwrap();
    assert!(matches!(agenda::pause(&w.store, &w.clock, &w.organiser).await, Err(AgendaError::AlreadyPaused)));
    // While paused nothing new is announced, even when items fall due.
    w.tick_at(ten + Duration::minutes(40)).await;
    assert_eq!(now_posts(&w.chat).len(), 2);
    // Resuming at 10:45 moves the rest of the day by the 40 minutes the pause lasted.
    w.clock.set(ten + Duration::minutes(45));
    let status = agenda::resume(&w.store, &w.clock, &w.organiser).await.unwrap();
    assert_eq!(status.run.shift, Duration::minutes(40));
    assert_eq!(next_agenda_due(&w.store, id).await, Some(ten + Duration::minutes(60)));
    // `next` starts item 2 now instead, and pulls the rest forward.
    agenda::next_item(&w.store, &w.chat, &w.clock, &samrad::app::summarise::Offline, &w.organiser).await.unwrap();
    let posts = now_posts(&w.chat);
    assert_eq!(posts.len(), 3);
    assert!(posts[2].contains("10:45–10:55"), "{}", posts[2]);
    assert_eq!(next_agenda_due(&w.store, id).await, Some(ten + Duration::minutes(55)));
    // `next` from a breakout item closes its rooms before moving on.
    w.tick_at(ten + Duration::minutes(55)).await;
    assert!(w.store.open_round(id).await.unwrap().is_some());
    agenda::next_item(&w.store, &w.chat, &w.clock, &samrad::app::summarise::Offline, &w.organiser).await.unwrap();
    assert!(w.store.open_round(id).await.unwrap().is_none());
}

fn evaluation<S>(w: &World<S>, scale: i32) -> Vec<(String, String)> {
    w.kit
        .questions
        .iter()
        .filter(|q| q.phase == Phase::Evaluation)
        .map(|q| {
            let v = match &q.kind {
                QuestionKind::Scale { .. } => scale.to_string(),
                _ => "Mer tid i smågrupperna".to_string(),
            };
            (q.id.to_string(), v)
        })
        .collect()
}

on_both_stores!(plans_and_evaluations_are_stored_and_appear_in_the_day_digest, "benchmarking-1");
async fn plans_and_evaluations_are_stored_and_appear_in_the_day_digest<S: Store>(w: World<S>) {
    let people = day(&w).await;
    let id = meeting_id(&w).await;
    // The reflection deadline is long past once the day's first tick has run.
    w.tick_at(morning() + Duration::minutes(30)).await;
    assert_eq!(w.store.meeting(id).await.unwrap().unwrap().state, samrad::domain::MeetingState::Closed);

    // One plan per unit (people come two per unit).
    for (i, p) in people.iter().step_by(2).enumerate() {
        let input = PlanInput {
            action: format!("Kartlägga styrkedjan, steg {i}"),
            owner: p.name.clone(),
            owner_id: Some(p.user),
            due: "2027-06-01".into(),
        };
        plans::record_plan(&w.store, &w.clock, p, &input).await.unwrap();
    }
    // Bad input is refused with a reason, and nothing half-made is stored.
    let no_action = PlanInput { action: " ".into(), ..PlanInput::default() };
    let err = plans::record_plan(&w.store, &w.clock, &people[0], &no_action).await.unwrap_err();
    assert!(matches!(err, PlanError::EmptyAction));
    assert!(err.user_message(Lang::Sv).contains("Inget sparades"), "{}", err.user_message(Lang::Sv));
    let past = PlanInput { action: "Boka möte".into(), owner: "Eva".into(), owner_id: None, due: "2027-04-01".into() };
    assert!(matches!(plans::record_plan(&w.store, &w.clock, &people[0], &past).await, Err(PlanError::PastDate { .. })));
    let bad = PlanInput { due: "nästa vecka".into(), ..past.clone() };
    assert!(matches!(plans::record_plan(&w.store, &w.clock, &people[0], &bad).await, Err(PlanError::BadDate { .. })));
    let loner = member(999, "Utan enhet");
    assert!(matches!(plans::record_plan(&w.store, &w.clock, &loner, &past).await, Err(PlanError::NoUnit)));
    assert_eq!(w.store.plans(id).await.unwrap().len(), w.kit.units.len());

    // A unit sees its own plan; another unit's plan only organisers see.
    let unit0 = w.kit.units[0].clone();
    assert_eq!(plans::plans_for(&w.store, &people[1], id, &unit0).await.unwrap().len(), 1);
    assert!(matches!(plans::plans_for(&w.store, &people[2], id, &unit0).await, Err(PlanError::NotYourUnit)));
    assert_eq!(plans::plans_for(&w.store, &w.organiser, id, &unit0).await.unwrap().len(), 1);

    // The evaluation is open after the reflection deadline; reflection answers are not.
    let form = answers::answer_form(&w.store, &w.clock, &people[0], Phase::Evaluation).await.unwrap();
    assert!(form.pickers.iter().chain(form.pages.iter().flatten()).all(|q| q.phase == Phase::Evaluation));
    for (i, p) in people.iter().enumerate() {
        let report = answers::submit_answers(&w.store, &w.clock, p, &evaluation(&w, 3 + (i % 3) as i32)).await.unwrap();
        assert!(report.refused.is_empty(), "{report:?}");
    }
    let late = answers::submit_answers(&w.store, &w.clock, &people[0], &[("utgangslage".into(), "sent".into())]).await;
    assert!(matches!(late, Err(answers::AnswerFlowError::Closed)));
    // A scale answer out of range is refused with the text kept.
    let report =
        answers::submit_answers(&w.store, &w.clock, &people[0], &[("eval-exempel".into(), "9".into())]).await.unwrap();
    assert_eq!(report.refused.len(), 1);

    run_to_end(&w).await;
    let digest = texts(&w.chat, ORGANISERS).into_iter().find(|t| t.contains("Dagen i sammanfattning")).unwrap();
    assert!(digest.contains("Hemmaplaner") && digest.contains("Kartlägga styrkedjan, steg 0"), "{digest}");
    assert!(digest.contains("senast 2027-06-01"), "{digest}");
    assert!(digest.contains("Utvärdering (8 personer svarade)"), "{digest}");
    assert!(digest.contains("medel **3,9** · 1: 0 · 2: 0 · 3: 3 · 4: 3 · 5: 2"), "{digest}");

    // Export data carries both.
    assert_eq!(plans::export_plans(&w.store, id).await.unwrap().len(), 4);
    let evaluations = followup::export_evaluations(&w.store, id).await.unwrap();
    assert_eq!(evaluations.len(), people.len() * 3);

    // Once the meeting has ended, the evaluation closes too.
    meetings::end_meeting(&w.store, &w.clock, &w.organiser).await.unwrap();
    let ended = answers::submit_answers(&w.store, &w.clock, &people[0], &evaluation(&w, 5)).await;
    assert!(matches!(ended, Err(answers::AnswerFlowError::NoMeeting | answers::AnswerFlowError::Closed)));
}

fn key_figures<S>(w: &World<S>, value: f64) -> Vec<(String, String)> {
    w.kit
        .questions
        .iter()
        .filter(|q| q.phase == Phase::Reflection)
        .map(|q| {
            let v = match &q.kind {
                QuestionKind::Number => format!("{value}").replace('.', ","),
                QuestionKind::Scale { min, .. } => min.to_string(),
                QuestionKind::YesNo => "ja".into(),
                QuestionKind::Choice { options } => options[0].clone(),
                QuestionKind::Free => "Vi har kommit igång med uppföljningen.".into(),
            };
            (q.id.to_string(), v)
        })
        .collect()
}

on_both_stores!(the_next_meeting_asks_about_last_plans_and_compares_key_figures, "larandetraff-2");
async fn the_next_meeting_asks_about_last_plans_and_compares_key_figures<S: Store>(mut w: World<S>) {
    let second = w.kit.clone();
    // The first meeting of the series: the same questions, an earlier date, no previous.
    w.kit.id = "larandetraff-1".into();
    w.kit.title = "Lärandeträff 1".into();
    w.kit.previous = None;
    w.kit.date = "2027-04-15".parse().unwrap();
    w.load().await;
    let people = w.seat(1).await;
    w.tick_at(w.due("open").await).await;
    for (i, p) in people.iter().enumerate() {
        let report = answers::submit_answers(&w.store, &w.clock, p, &key_figures(&w, 40.0 + i as f64)).await.unwrap();
        assert!(report.refused.is_empty(), "{report:?}");
    }
    // A key figure that is not a number is refused, the typed text kept, nothing overwritten.
    let number = w.kit.questions.iter().find(|q| q.kind == QuestionKind::Number).unwrap().id.to_string();
    let report = answers::submit_answers(&w.store, &w.clock, &people[0], &[(number.clone(), "ungefär hälften".into())])
        .await
        .unwrap();
    assert_eq!(report.refused.len(), 1);
    assert_eq!(report.refused[0].1, "ungefär hälften");
    assert!(answers::render_report(&report, Lang::Sv).contains("ungefär hälften"));
    let first_id = meeting_id(&w).await;
    let first_form = answers::answer_form(&w.store, &w.clock, &people[0], Phase::Reflection).await.unwrap();
    assert_eq!(answers::previous_plans_note(&w.store, &first_form, Lang::Sv).await.unwrap(), None, "no previous");
    plans::record_plan(
        &w.store,
        &w.clock,
        &people[0],
        &PlanInput {
            action: "Införa könsuppdelad statistik".into(),
            owner: "HR-chefen".into(),
            owner_id: None,
            due: String::new(),
        },
    )
    .await
    .unwrap();
    meetings::end_meeting(&w.store, &w.clock, &w.organiser).await.unwrap();

    // Lärandeträff 2 follows up Lärandeträff 1.
    w.kit = second;
    w.kit.previous = Some("larandetraff-1".into());
    w.load().await;
    let id = meeting_id(&w).await;
    assert_eq!(w.store.previous_meeting(id).await.unwrap(), Some(first_id));
    w.tick_at(w.due("open").await).await;
    let opening = texts(&w.chat, MEETING_CHANNEL).into_iter().find(|t| t.contains("Sedan")).unwrap_or_default();
    assert!(opening.contains("Sedan Lärandeträff 1") && opening.contains("Införa könsuppdelad statistik"), "{opening}");
    // The answer flow reminds each unit of its own plan from last time, only in the reflection.
    let form = answers::answer_form(&w.store, &w.clock, &people[0], Phase::Reflection).await.unwrap();
    let note = answers::previous_plans_note(&w.store, &form, Lang::Sv).await.unwrap().expect("a note for the unit");
    assert!(note.contains("Lärandeträff 1") && note.contains("Införa könsuppdelad statistik — HR-chefen"), "{note}");
    assert!(note.contains(form.unit.as_ref().expect("a unit").as_str()), "{note}");
    let other_unit = answers::answer_form(&w.store, &w.clock, &people[1], Phase::Reflection).await.unwrap();
    assert_ne!(other_unit.unit, form.unit);
    assert_eq!(answers::previous_plans_note(&w.store, &other_unit, Lang::Sv).await.unwrap(), None, "no plans made");
    let evaluation = answers::answer_form(&w.store, &w.clock, &people[0], Phase::Evaluation).await.unwrap();
    assert_eq!(answers::previous_plans_note(&w.store, &evaluation, Lang::Sv).await.unwrap(), None);
    for (i, p) in people.iter().enumerate() {
        answers::submit_answers(&w.store, &w.clock, p, &key_figures(&w, 45.5 + i as f64)).await.unwrap();
    }
    let meeting = w.store.meeting(id).await.unwrap().unwrap();
    let previous = samrad::app::digest::previous_for_digest(&w.store, &meeting).await.unwrap().unwrap();
    assert_eq!(previous.label, "Lärandeträff 1");
    assert!(!previous.key_figures.is_empty());
    let digest = followup::day_digest(&w.store, &meeting, Lang::Sv, true).await.unwrap();
    let text = String::from_utf8(digest.attachments.first().map(|a| a.bytes.clone()).unwrap_or_default())
        .ok()
        .filter(|t| !t.is_empty())
        .unwrap_or(digest.text);
    assert!(text.contains("Nyckeltal (förändring sedan Lärandeträff 1)"), "{text}");
    assert!(text.contains("(40 → 45,5, +5,5)"), "{text}");
    // The organisers' digest shows each unit's response rate then beside now.
    let posts = samrad::app::digest::digest_post(&w.store, &meeting, Lang::Sv, true, &samrad::app::summarise::Offline)
        .await
        .unwrap();
    let digest: String = posts.into_iter().map(|p| p.text).collect();
    assert!(digest.contains("- **Organisation A**: har svarat · förra gången 100 %"), "{digest}");
}

on_both_stores!(starting_the_agenda_checks_the_kit_and_the_day, "benchmarking-1");
async fn starting_the_agenda_checks_the_kit_and_the_day<S: Store>(w: World<S>) {
    w.load().await;
    let other = crate::harness::kit("larandetraff-2");
    let err = agenda::start_day(&w.store, &w.chat, &w.clock, &w.organiser, &other).await.unwrap_err();
    assert!(matches!(err, AgendaError::WrongKit { .. }));
    assert!(matches!(
        agenda::next_item(&w.store, &w.chat, &w.clock, &samrad::app::summarise::Offline, &w.organiser).await,
        Err(AgendaError::NotStarted)
    ));
    // Starting after lunch does not replay the morning.
    w.clock.set("2027-04-15T10:05:00Z".parse().unwrap());
    let status = agenda::start_day(&w.store, &w.chat, &w.clock, &w.organiser, &w.kit).await.unwrap();
    assert_eq!(status.current().map(|i| i.title.as_str()), Some(w.kit.agenda[11].title.as_str()));
    assert!(matches!(
        agenda::start_day(&w.store, &w.chat, &w.clock, &w.organiser, &w.kit).await,
        Err(AgendaError::AlreadyStarted)
    ));
    let id = meeting_id(&w).await;
    let pending = w.store.pending_jobs(id).await.unwrap().into_iter().filter(|j| j.kind == AGENDA_JOB).count();
    assert_eq!(pending, w.kit.agenda.len() - 11 + 1);
    let _ = w.clock.now();
}

#[tokio::test]
async fn the_demo_day_runs_seed_001_from_first_item_to_evaluation() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("day.db").display());
    let output = crate::harness::DemoOutput::default();
    let out = output.out();
    let kit = crate::harness::kit("benchmarking-1");
    let items = kit.agenda.len();
    let store = samrad::storage::open(&db).await.unwrap();
    let files = samrad::console::demo::files_dir(&db);
    let report = samrad::console::demo_day::run(kit, 7, store, files, out).await.unwrap();
    let text = output.text();
    assert_eq!(report.items, items, "{text}");
    assert_eq!(report.rounds, 6, "five breakout items and lunch at tables");
    assert_eq!(report.plans, 4);
    assert!(report.evaluations > 0);
    assert_eq!((report.decisions, report.status_changes), (1, 3));
    assert!(report.at_tables >= 8, "everyone with a unit gets a lunch table: {}", report.at_tables);
    // Presenters: reminded three days before, then timed in plenary, one of them extended.
    assert_eq!(report.prepared, 3, "{text}");
    assert!(report.speaking_steps >= 3, "{}", report.speaking_steps);
    for needle in [
        "kort dragning",
        "🎤 **Organisation A** har ordet",
        "⏳ En minut kvar",
        "/agenda speaker extend",
        "får mer tid",
    ] {
        assert!(text.contains(needle), "demo output lacks {needle:?}");
    }
    // Items in order, rooms opened and summarised, the evaluation, the day's digest.
    let fika = text.find("**Nu (09:30–10:00):** Fika").expect("first item");
    let eval = text.find("**Nu (15:40–16:00):**").expect("evaluation item");
    assert!(fika < eval);
    for needle in ["[text room] rum-1", "**rum-1**", "Hemmaplaner", "Utvärdering (", "Dagen i sammanfattning"] {
        assert!(text.contains(needle), "demo output lacks {needle:?}");
    }
}
