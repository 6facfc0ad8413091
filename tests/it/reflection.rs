//! Pre-meeting reflection: units, answers with history, schedule, reminders, restarts.

use samrad::app::ports::prelude::*;
use samrad::app::ports::Action;
use samrad::app::{answers, meetings, membership, tick, UserMessage};
use samrad::domain::{MeetingState, Phase};
use samrad::i18n::Lang;

use crate::harness::{member, World, GUILD, MEETING_CHANNEL, ORGANISERS};

fn all_answers<S>(w: &World<S>, free: &str) -> Vec<(String, String)> {
    w.kit
        .questions
        .iter()
        .filter(|q| q.phase == samrad::domain::Phase::Reflection)
        .map(|q| {
            let v = match &q.kind {
                samrad::domain::QuestionKind::YesNo => "yes".to_string(),
                samrad::domain::QuestionKind::Scale { min, .. } => min.to_string(),
                samrad::domain::QuestionKind::Choice { options } => options[0].clone(),
                samrad::domain::QuestionKind::Number => "12,5".into(),
                samrad::domain::QuestionKind::Free => free.into(),
            };
            (q.id.to_string(), v)
        })
        .collect()
}

#[tokio::test]
async fn joining_an_unknown_unit_names_the_real_units() {
    let w = World::new("example-en").await;
    w.load().await;
    let err = membership::join_unit(&w.store, &member(5, "A"), "Faculty of Magic", None).await.unwrap_err();
    let text = err.user_message(Lang::En);
    assert!(text.contains("Faculty of Magic") && text.contains("Faculty of Law"), "{text}");
    let err = membership::join_unit(&w.store, &member(5, "A"), "law", Some((samrad::domain::UserId(9), "B")))
        .await
        .unwrap_err();
    assert!(matches!(err, membership::MembershipError::UnknownUnit { .. } | membership::MembershipError::NotOrganiser));
}

#[tokio::test]
async fn answering_needs_an_open_meeting_and_a_unit() {
    let w = World::new("example-en").await;
    w.load().await;
    let people = w.seat(1).await;
    let err = answers::submit_answers(&w.store, &w.clock, &people[0], &all_answers(&w, "x")).await.unwrap_err();
    assert!(matches!(err, answers::AnswerFlowError::NotOpenYet));
    w.tick_at(w.due("open").await).await;
    let loner = member(999, "Loner");
    let err = answers::submit_answers(&w.store, &w.clock, &loner, &all_answers(&w, "x")).await.unwrap_err();
    assert!(matches!(err, answers::AnswerFlowError::NoUnit));
    assert!(err.user_message(Lang::Nb).contains("/unit join"));
}

#[tokio::test]
async fn answering_records_a_new_member_and_a_changed_display_name() {
    let w = World::new("example-en").await;
    w.load().await;
    let people = w.seat(1).await;
    w.tick_at(w.due("open").await).await;
    let loner = member(999, "Loner");
    answers::submit_answers(&w.store, &w.clock, &loner, &all_answers(&w, "x")).await.unwrap_err();
    let stored = w.store.member(loner.guild, loner.user).await.unwrap().expect("recorded on first answer");
    assert_eq!((stored.name.as_str(), stored.unit), ("Loner", None));
    let renamed = samrad::app::Actor { name: "New nick".into(), ..people[0].clone() };
    answers::submit_answers(&w.store, &w.clock, &renamed, &all_answers(&w, "x")).await.unwrap();
    let stored = w.store.member(renamed.guild, renamed.user).await.unwrap().unwrap();
    assert_eq!(stored.name, "New nick");
    assert!(stored.unit.is_some(), "the unit stays");
}

#[tokio::test]
async fn edits_keep_the_earlier_answer_as_a_revision() {
    let w = World::new("example-en").await;
    w.load().await;
    let people = w.seat(1).await;
    w.tick_at(w.due("open").await).await;
    let first =
        answers::submit_answers(&w.store, &w.clock, &people[0], &all_answers(&w, "First thoughts")).await.unwrap();
    assert!(first.refused.is_empty() && !first.saved.is_empty());
    let q = &first.saved[0].0;
    let again = answers::submit_answers(&w.store, &w.clock, &people[0], &[(q.to_string(), "Second thoughts".into())])
        .await
        .unwrap();
    assert_eq!(again.saved[0].1, 2);
    let history: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM answer_revisions WHERE value = 'First thoughts'")
        .fetch_one(w.store.pool())
        .await
        .unwrap();
    assert!(history >= 1, "the first answer is kept");
    let (meeting, mine) = answers::my_answers(&w.store, &people[0]).await.unwrap();
    let shown = answers::render_mine(&meeting, &mine, Lang::En);
    assert!(shown.contains("Second thoughts") && shown.contains("edited once"), "{shown}");
}

#[tokio::test]
async fn bad_answers_are_refused_with_a_reason_and_the_text_is_given_back() {
    let w = World::new("example-en").await;
    w.load().await;
    let people = w.seat(1).await;
    w.tick_at(w.due("open").await).await;
    let number = w.kit.questions.iter().find(|q| q.kind == samrad::domain::QuestionKind::Number).unwrap();
    let free = w.kit.questions.iter().find(|q| q.kind == samrad::domain::QuestionKind::Free).unwrap();
    let long = "word ".repeat(900);
    let report = answers::submit_answers(
        &w.store,
        &w.clock,
        &people[0],
        &[(number.id.to_string(), "twelve".into()), (free.id.to_string(), long)],
    )
    .await
    .unwrap();
    assert_eq!(report.refused.len(), 2);
    let text = answers::render_report(&report, Lang::En);
    assert!(text.contains("twelve") && text.contains("is not a number"), "{text}");
    assert!(text.contains("at most 4000 fit"), "{text}");
}

on_both_stores!(reminders_go_only_to_members_who_have_not_answered, "example-en");
async fn reminders_go_only_to_members_who_have_not_answered<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(2).await;
    w.tick_at(w.due("open").await).await;
    let posts = w.chat.posts_in(MEETING_CHANNEL);
    assert_eq!(posts.len(), 1);
    let meeting = w.store.current_meeting(GUILD).await.unwrap().unwrap().id;
    assert_eq!(posts[0].buttons[0].action, Action::Answer { phase: Phase::Reflection, meeting });
    for p in &people[..3] {
        answers::submit_answers(&w.store, &w.clock, p, &all_answers(&w, "We did things.")).await.unwrap();
    }
    w.chat.close_dms(people[5].user);
    w.tick_at(w.due("remind").await).await;
    for p in &people[..3] {
        assert!(w.chat.dms_to(p.user).is_empty(), "{} answered and got no reminder", p.name);
    }
    for p in &people[3..5] {
        assert_eq!(w.chat.dms_to(p.user).len(), 1, "{} is reminded once", p.name);
    }
    // The one with closed DMs is mentioned in the meeting channel instead.
    let mentions: Vec<_> = w.chat.posts_in(MEETING_CHANNEL).into_iter().filter(|m| !m.mentions.is_empty()).collect();
    assert_eq!(mentions.len(), 1);
    assert_eq!(mentions[0].mentions, vec![people[5].user]);
}

on_both_stores!(ticking_twice_or_after_a_restart_never_posts_twice, "example-en");
async fn ticking_twice_or_after_a_restart_never_posts_twice<S: Store>(w: World<S>) {
    w.load().await;
    w.seat(1).await;
    let open = w.due("open").await;
    w.tick_at(open).await;
    w.tick_at(open).await;
    // A restart: a new store on the same database, the same chat (Discord keeps what it got).
    let reopened = samrad::storage::open(&w.db_url).await.unwrap();
    tick::tick(&*reopened, &w.chat, &w.clock).await.unwrap();
    assert_eq!(w.chat.posts_in(MEETING_CHANNEL).len(), 1);
}

on_both_stores!(a_post_that_failed_is_retried_and_then_sent_once, "example-en");
async fn a_post_that_failed_is_retried_and_then_sent_once<S: Store>(w: World<S>) {
    w.load().await;
    let open = w.due("open").await;
    w.chat.fail_next(1);
    let report = w.tick_at(open).await;
    assert_eq!(report.failed.len(), 1);
    assert!(w.chat.posts_in(MEETING_CHANNEL).is_empty());
    w.tick_at(open + chrono::Duration::minutes(2)).await;
    w.tick_at(open + chrono::Duration::minutes(5)).await;
    assert_eq!(w.chat.posts_in(MEETING_CHANNEL).len(), 1);
}

#[tokio::test]
async fn catching_up_after_a_long_gap_sends_the_newest_reminder_only_and_closes() {
    let w = World::new("example-en").await;
    w.load().await;
    let people = w.seat(1).await;
    let report = w.tick_at(w.due("digest").await + chrono::Duration::hours(1)).await;
    assert!(report.failed.is_empty(), "{report:?}");
    let meeting = w.store.current_meeting(crate::harness::GUILD).await.unwrap().unwrap();
    assert_eq!(meeting.state, MeetingState::Closed);
    // Opened, closed and digested — and nobody gets a reminder for a closed meeting.
    assert_eq!(w.chat.posts_in(MEETING_CHANNEL).len(), 2);
    assert_eq!(w.chat.posts_in(ORGANISERS).len(), 1);
    assert!(people.iter().all(|p| w.chat.dms_to(p.user).is_empty()));
    let late = answers::submit_answers(&w.store, &w.clock, &people[0], &all_answers(&w, "late")).await.unwrap_err();
    assert!(matches!(late, answers::AnswerFlowError::Closed));
}

on_both_stores!(concurrent_answers_from_many_members_are_all_stored, "example-en");
async fn concurrent_answers_from_many_members_are_all_stored<S: Store + Clone + 'static>(w: World<S>) {
    w.load().await;
    let people = w.seat(12).await;
    w.tick_at(w.due("open").await).await;
    let answers_in = all_answers(&w, "Concurrent answer");
    let store = std::sync::Arc::new(w.store.clone());
    let clock = std::sync::Arc::new(samrad::app::ports::ManualClock::new(w.now()));
    let mut tasks = Vec::new();
    for p in people.clone() {
        let (store, clock, raw) = (store.clone(), clock.clone(), answers_in.clone());
        tasks.push(tokio::spawn(async move {
            answers::submit_answers(&*store, &*clock, &p, &raw).await.map(|r| r.saved.len())
        }));
    }
    let mut saved = 0;
    for t in tasks {
        saved += t.await.unwrap().unwrap();
    }
    assert_eq!(saved, people.len() * answers_in.len());
    let meeting = w.store.current_meeting(crate::harness::GUILD).await.unwrap().unwrap();
    assert_eq!(w.store.answers(meeting.id).await.unwrap().len(), saved);
    let status = meetings::meeting_status(&w.store, &w.organiser).await.unwrap();
    assert!(status.units.iter().all(|u| u.rate() == 100));
    let shown = meetings::render_status(&status, Lang::En);
    assert!(shown.contains(&format!("(meeting {})", meeting.id)), "the id `samrad export` needs: {shown}");
}

#[tokio::test]
async fn only_organisers_load_meetings_and_a_running_meeting_blocks_another() {
    let w = World::new("example-en").await;
    let err =
        meetings::load_meeting(&w.store, &w.clock, &member(5, "A"), &w.kit, None, MEETING_CHANNEL).await.unwrap_err();
    assert!(matches!(err, meetings::MeetingError::NotOrganiser));
    w.load().await;
    let err =
        meetings::load_meeting(&w.store, &w.clock, &w.organiser, &w.kit, None, MEETING_CHANNEL).await.unwrap_err();
    assert!(matches!(err, meetings::MeetingError::StillRunning { .. }));
}

#[tokio::test]
async fn the_demo_runs_a_whole_meeting_and_reports_each_phase() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("demo.db").display());
    let output = crate::harness::DemoOutput::default();
    let store = samrad::storage::open(&db).await.unwrap();
    let files = samrad::console::demo::files_dir(&db);
    let report =
        samrad::console::demo::run(crate::harness::kit("uio-koordineringsgruppe"), 7, store, files, output.out())
            .await
            .unwrap();
    let text = output.text();
    assert!(report.answered > 0 && report.reminded > 0 && report.rooms > 0);
    assert_eq!(report.summaries, report.rooms, "one plenary summary per room");
    for heading in ["Det åpnes for svar", "Påminnelse", "Svarfrist", "Grupperom: units", "Demomøtet er ferdig."] {
        assert!(text.contains(heading), "demo output lacks {heading:?}");
    }
    // The digest's chart is saved as a file and its path printed.
    let line = text.lines().find(|l| l.starts_with("[attachment] ")).expect("the digest chart is saved");
    let png = std::fs::read(line.trim_start_matches("[attachment] ")).expect("chart file");
    assert!(png.starts_with(b"\x89PNG"), "a PNG image");
}

/// Two `samrad demo` processes, one after the other, on one database file: the second ends
/// the first's meeting and runs a whole meeting again. (Each process used to claim the timers
/// lease as a new worker, and the first run's lease lasted into the second's simulated time,
/// so the second run's rounds never closed.)
#[test]
fn the_demo_runs_again_on_the_same_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let kit = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts/uio-koordineringsgruppe.toml");
    for run in ["first", "second"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_samrad"))
            .args(["demo", "--kit", &kit.display().to_string(), "--db", &db.display().to_string()])
            .env_remove("SAMRAD_DISCORD_TOKEN")
            .output()
            .expect("samrad runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{run} run failed:\n{stdout}{}", String::from_utf8_lossy(&out.stderr));
        let failed: Vec<&str> = stdout.lines().filter(|l| l.starts_with("! ")).collect();
        assert!(failed.is_empty(), "{run} run: scheduled work failed: {failed:?}");
        for heading in ["Det åpnes for svar", "Grupperom: units", "Demomøtet er ferdig."] {
            assert!(stdout.contains(heading), "{run} run lacks {heading:?}:\n{stdout}");
        }
        // Every room opened is closed again by the round's timer (archived or deleted).
        let opened = stdout.lines().filter(|l| l.starts_with("[text room] ") || l.starts_with("[voice room] ")).count();
        let closed = stdout.lines().filter(|l| l.starts_with("[archived] ") || l.starts_with("[deleted] ")).count();
        assert!(opened > 0 && closed == opened, "{run} run: {opened} rooms opened, {closed} closed:\n{stdout}");
    }
}

#[tokio::test]
async fn status_tells_units_without_members_from_silent_units() {
    let w = World::new("example-en").await;
    w.load().await;
    let first = w.kit.units[0].clone();
    samrad::app::membership::join_unit(&w.store, &member(7, "Kari"), first.as_str(), None).await.unwrap();
    let status = meetings::meeting_status(&w.store, &w.organiser).await.unwrap();
    let shown = meetings::render_status(&status, Lang::En);
    let empty: Vec<&str> = w.kit.units[1..].iter().map(|u| u.as_str()).collect();
    assert!(!empty.is_empty());
    assert!(shown.contains(&format!("Units with no answers yet: {first}")), "{shown}");
    assert!(shown.contains(&format!("Units without members: {}", empty.join(", "))), "{shown}");
    assert!(shown.contains("– no members"), "{shown}");
}
