//! Presenters on the meeting day (#18) over the manual clock: benchmarking-1's presenters get a
//! preparation reminder (DM, or a mention when DMs are closed, once, never late), and the
//! speaking timer announces, warns, moves on, obeys facilitators and survives a restart.

use chrono::{DateTime, Duration, Utc};
use samrad::app::ports::prelude::*;
use samrad::app::speaking::{self, SpeakerAction, SpeakerError};
use samrad::app::{agenda, tick, Actor, Staff, UserMessage};
use samrad::console::MemoryChat;
use samrad::domain::speaking::{SpeakingError, PREPARE_JOB};
use samrad::domain::MeetingId;
use samrad::i18n::Lang;

use crate::harness::{World, GUILD, MEETING_CHANNEL, PLENARY};

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// 10:20 in Stockholm: benchmarking-1's first presentation (Organisation A, 10 minutes).
fn first_presentation() -> DateTime<Utc> {
    utc("2027-04-15T08:20:00Z")
}

async fn meeting_id<S: Store>(w: &World<S>) -> MeetingId {
    w.store.current_meeting(GUILD).await.unwrap().unwrap().id
}

/// Plenary posts that name `who` as the speaking timer does (in bold).
fn speaking_posts(chat: &MemoryChat, who: &str) -> Vec<String> {
    chat.posts_in(PLENARY).into_iter().map(|m| m.text).filter(|t| t.contains(&format!("**{who}**"))).collect()
}

fn facilitator<S>(w: &World<S>) -> Actor {
    Actor { staff: Staff::Facilitator, lang: Lang::En, ..w.organiser.clone() }
}

on_both_stores!(presenters_are_reminded_to_prepare_once_by_dm_or_in_the_channel, "benchmarking-1");
async fn presenters_are_reminded_to_prepare_once_by_dm_or_in_the_channel<S: Store>(w: World<S>) {
    w.clock.set(utc("2027-03-20T08:00:00Z"));
    w.load().await;
    let people = w.seat(1).await;
    let due = w.due(PREPARE_JOB).await;
    assert_eq!(due, utc("2027-04-12T07:00:00Z"), "three days before, 09:00 Stockholm");
    // Organisation A's only member has closed DMs: a mention in the meeting channel instead.
    let a = people.iter().find(|p| p.name == "M1").unwrap();
    w.chat.close_dms(a.user);
    let report = w.tick_at(due).await;
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let mentions: Vec<String> = w.chat.posts_in(MEETING_CHANNEL).into_iter().map(|m| m.text).collect();
    let mention = mentions.iter().find(|t| t.contains("Organisation A")).expect("a mention");
    assert!(mention.starts_with(&format!("<@{}>", a.user)), "{mention}");
    assert!(mention.contains("10:20") && mention.contains("kort dragning"), "{mention}");
    let b = people.iter().find(|p| p.name == "M2").unwrap();
    let dm: Vec<_> = w.chat.dms_to(b.user).into_iter().filter(|m| m.text.contains("presenterar")).collect();
    assert_eq!(dm.len(), 1, "{dm:?}");
    assert!(dm[0].text.contains(": 10 minuter. Dags"), "no questions, none told: {}", dm[0].text);
    assert!(dm[0].text.contains("**Organisation B**") && dm[0].text.contains("10:50"), "{}", dm[0].text);
    // Run again (a crash before the job was marked done): nothing twice.
    let before = w.chat.events().len();
    let job = samrad::app::ports::Job {
        id: 0,
        meeting: meeting_id(&w).await,
        key: "prepare:2".into(),
        kind: PREPARE_JOB.into(),
        due_at: due,
        attempts: 0,
    };
    speaking::prepare::run_job(&w.store, &w.chat, &w.clock, &job).await.unwrap();
    assert_eq!(w.chat.events().len(), before);
}

on_both_stores!(a_preparation_reminder_is_dropped_once_the_meeting_day_has_come, "benchmarking-1");
async fn a_preparation_reminder_is_dropped_once_the_meeting_day_has_come<S: Store>(w: World<S>) {
    w.clock.set(utc("2027-03-20T08:00:00Z"));
    w.load().await;
    w.seat(1).await;
    // The bot was down from before the reminder until the morning of the day.
    let report = w.tick_at(utc("2027-04-15T07:00:00Z")).await;
    assert!(report.done.iter().any(|d| d.contains("prepare:")), "{report:?}");
    assert!(w.chat.events().iter().all(|e| !format!("{e:?}").contains("kort dragning")), "{:?}", w.chat.events());
}

/// benchmarking-1's day with one member per unit, the agenda started in the morning.
async fn day<S: Store>(w: &World<S>) {
    w.clock.set(utc("2027-04-14T08:00:00Z"));
    w.load().await;
    w.seat(1).await;
    w.clock.set(utc("2027-04-15T07:00:00Z"));
    agenda::start_day(&w.store, &w.chat, &w.clock, &w.organiser, &w.kit).await.expect("the day starts");
}

on_both_stores!(the_speaking_timer_announces_warns_and_ends_on_time, "benchmarking-1");
async fn the_speaking_timer_announces_warns_and_ends_on_time<S: Store>(w: World<S>) {
    day(&w).await;
    let t = first_presentation();
    w.tick_at(t).await;
    assert_eq!(speaking_posts(&w.chat, "Organisation A"), ["🎤 **Organisation A** har ordet (1 av 1), till 10:30."]);
    w.tick_at(t + Duration::minutes(8)).await;
    assert_eq!(speaking_posts(&w.chat, "Organisation A").len(), 1, "no warning before its time");
    w.tick_at(t + Duration::minutes(9)).await;
    w.tick_at(t + Duration::minutes(9) + Duration::seconds(5)).await;
    let posts = speaking_posts(&w.chat, "Organisation A");
    assert_eq!(posts[1], "⏳ En minut kvar för **Organisation A** (presentation).");
    assert_eq!(posts.len(), 2, "warned once");
    // The item ends: the timer says so, and the breakout item follows.
    w.tick_at(t + Duration::minutes(10)).await;
    let all: Vec<String> = w.chat.posts_in(PLENARY).into_iter().map(|m| m.text).collect();
    assert!(all.iter().any(|p| p == "✅ Alla presentatörer har haft ordet."), "{all:#?}");
}

on_both_stores!(a_restart_mid_slot_resumes_the_timer_without_repeats_or_late_warnings, "benchmarking-1");
async fn a_restart_mid_slot_resumes_the_timer_without_repeats_or_late_warnings<S: Store>(w: World<S>) {
    day(&w).await;
    // The mentor organisation's item: 15 minutes to talk, 5 of questions, from 11:20.
    let mentor = utc("2027-04-15T09:20:00Z");
    w.tick_at(mentor + Duration::minutes(2)).await;
    let floor = w.chat.posts_in(PLENARY).into_iter().filter(|m| m.text.contains("**Mentororganisationen**")).count();
    assert_eq!(floor, 1);
    // The process dies at 11:22 and comes back at 11:37, past the talk's warning and end: only
    // the questions are said (no late warning), nothing is posted twice.
    let store = samrad::storage::open(&w.db_url).await.unwrap();
    let chat = MemoryChat::new();
    w.clock.set(mentor + Duration::minutes(17));
    let report = tick::tick(&*store, &chat, &w.clock).await.unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let said: Vec<String> = chat.posts_in(PLENARY).into_iter().map(|m| m.text).collect();
    assert_eq!(said, ["❓ Frågor och återkoppling till **Mentororganisationen**, till 11:40."], "{said:#?}");
    // The same instant again: nothing.
    tick::tick(&*store, &chat, &w.clock).await.unwrap();
    assert_eq!(chat.posts_in(PLENARY).len(), 1);
    // The questions' warning comes on time after the restart.
    w.clock.set(mentor + Duration::minutes(19));
    tick::tick(&*store, &chat, &w.clock).await.unwrap();
    let said: Vec<String> = chat.posts_in(PLENARY).into_iter().map(|m| m.text).collect();
    assert_eq!(said[1], "⏳ En minut kvar för **Mentororganisationen** (frågor).");
}

on_both_stores!(facilitators_extend_skip_and_move_on, "benchmarking-1");
async fn facilitators_extend_skip_and_move_on<S: Store>(w: World<S>) {
    day(&w).await;
    let f = facilitator(&w);
    let steer = |action| speaking::speaker(&w.store, &w.chat, &w.clock, &f, action);
    let no_timer = steer(SpeakerAction::Next).await.unwrap_err();
    assert!(matches!(no_timer, SpeakerError::NoTimer), "{no_timer:?}");
    assert!(no_timer.user_message(Lang::En).contains("No speaking timer is running"));
    let mentor = utc("2027-04-15T09:20:00Z");
    w.tick_at(mentor).await;
    let member = Actor { staff: Staff::Member, ..f.clone() };
    let refused = speaking::speaker(&w.store, &w.chat, &w.clock, &member, SpeakerAction::Skip).await;
    assert!(matches!(refused, Err(SpeakerError::NotFacilitator)));
    let status = steer(SpeakerAction::Extend(3)).await.unwrap();
    assert_eq!(status.timer.ends_at, mentor + Duration::minutes(18));
    assert!(status.render(Lang::En).contains("**Mentororganisationen** (presentation) until 11:38"));
    let bad = steer(SpeakerAction::Extend(90)).await.unwrap_err();
    assert!(matches!(bad, SpeakerError::Speaking(SpeakingError::BadExtension(90))));
    assert!(bad.user_message(Lang::En).contains("1 to 60 minutes"));
    let moved = steer(SpeakerAction::Move { who: "KHM".into(), place: 1 }).await.unwrap_err();
    assert!(moved.user_message(Lang::En).contains("“KHM” is not among the speakers still waiting"));
    w.clock.set(mentor + Duration::minutes(5));
    steer(SpeakerAction::Next).await.unwrap();
    let skipped = steer(SpeakerAction::Skip).await.unwrap();
    assert!(skipped.timer.finished);
    let said = speaking_posts(&w.chat, "Mentororganisationen");
    assert_eq!(
        said,
        [
            "🎤 **Mentororganisationen** har ordet (1 av 1), till 11:35.",
            "⏱ **Mentororganisationen** får mer tid, till 11:38.",
            "❓ Frågor och återkoppling till **Mentororganisationen**, till 11:30.",
            "⏭ **Mentororganisationen** hoppades över.",
        ]
    );
    // The clock finds nothing left to do.
    let report = w.tick_at(mentor + Duration::minutes(9)).await;
    assert!(report.done.iter().all(|d| !d.contains("speaking")), "{report:?}");
}
