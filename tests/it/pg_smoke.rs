//! The Postgres store, when `SAMRAD_TEST_POSTGRES_URL` names a test server (each test makes
//! and drops a database of its own): every store method answers as the SQLite store does,
//! a meeting runs end to end, and concurrent workers and submissions behave as with SQLite's
//! single writer. Without the variable each test says it skips and passes.

use std::collections::HashSet;
use std::fmt::Debug;
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use samrad::app::breakouts::{self, SplitRequest};
use samrad::app::plans::{self, PlanInput};
use samrad::app::ports::prelude::*;
use samrad::app::ports::{GuildSettings, Job, MessageId, NewJob, NewMeeting, NewRoom, Plan, StoreError};
use samrad::app::{agenda, answers, Staff};
use samrad::domain::agenda::DayItem;
use samrad::domain::grouping::{Mode, Sizing};
use samrad::domain::kit::{AgendaKind, BreakoutPlan};
use samrad::domain::{
    ChannelId, GuildId, MeetingId, MeetingState, Phase, Question, QuestionId, QuestionKind, RoleName, UnitName, UserId,
};
use samrad::storage::{PgStore, SqliteStore};

use crate::harness::{World, PLENARY};
use crate::pg::ScratchDatabase;

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// An outcome both stores can agree on: errors by kind, since their messages differ.
fn outcome<T: Debug>(r: Result<T, StoreError>) -> String {
    match r {
        Ok(v) => format!("{v:?}"),
        Err(StoreError::NotFound(_)) => "Err(NotFound)".into(),
        Err(StoreError::Conflict(_)) => "Err(Conflict)".into(),
        Err(e) => format!("Err({e:?})"),
    }
}

/// Jobs without their ids: Postgres spends an identity value on an insert that meets a
/// conflict and SQLite does not, so ids after a repeated schedule differ (both are opaque).
fn jobs(r: Result<Vec<Job>, StoreError>) -> String {
    outcome(r.map(|js| js.into_iter().map(|j| (j.key, j.kind, j.due_at, j.attempts)).collect::<Vec<_>>()))
}

fn job_id(js: &[Job], key: &str) -> i64 {
    js.iter().find(|j| j.key == key).map(|j| j.id).unwrap_or(-1)
}

/// Calls every store method, with edge cases, and writes down what each returned.
async fn exercise<S: Store>(s: &S) -> Vec<String> {
    let mut t: Vec<String> = Vec::new();
    let g = GuildId(9_000_000_000_000_000_001);
    let (ann, bo, cy) = (UserId(501), UserId(502), UserId(9_100_000_000_000_000_003));
    let law = UnitName::try_from("Faculty of Law").unwrap();
    let med = UnitName::try_from("Medicine").unwrap();
    let t0 = at("2027-03-01T09:00:00.123456Z");

    // Guilds and members.
    t.push(outcome(s.guild_settings(g).await));
    t.push(outcome(s.ensure_guild(g, "Network").await));
    t.push(outcome(s.ensure_guild(g, "").await));
    let settings = GuildSettings {
        organiser_role: Some(11),
        facilitator_role: None,
        plenary_channel: Some(ChannelId(12)),
        plenary_voice: Some(ChannelId(13)),
        organiser_channel: Some(ChannelId(14)),
        locale: "nb".into(),
        delete_rooms: true,
    };
    t.push(outcome(s.save_guild_settings(g, &settings).await));
    t.push(outcome(s.guild_settings(g).await));
    for (u, name) in [(ann, "Ann"), (bo, "Bo"), (cy, "Cy")] {
        t.push(outcome(s.ensure_member(g, u, name).await));
    }
    t.push(outcome(s.ensure_member(g, bo, "Bo B.").await));
    t.push(outcome(s.ensure_member(GuildId(2), ann, "Ann").await));
    t.push(outcome(s.set_unit(g, ann, Some(&law)).await));
    t.push(outcome(s.set_unit(g, bo, Some(&UnitName::try_from("faculty of law").unwrap())).await));
    t.push(outcome(s.set_unit(g, cy, Some(&med)).await));
    t.push(outcome(s.set_unit(g, UserId(404), Some(&med)).await));
    t.push(outcome(s.set_role(g, ann, Some(&RoleName::try_from("Dean").unwrap())).await));
    t.push(outcome(s.set_role(g, UserId(404), None).await));
    t.push(outcome(s.set_share_in_rooms(g, bo, false).await));
    t.push(outcome(s.set_member_locale(g, cy, Some("sv")).await));
    t.push(outcome(s.member(g, bo).await));
    t.push(outcome(s.member(g, UserId(404)).await));
    t.push(outcome(s.members(g).await));
    t.push(outcome(s.guilds_of(ann).await));

    // A meeting.
    let q = |id: &str, kind: QuestionKind, phase: Phase| Question {
        id: QuestionId::try_from(id).unwrap(),
        text: format!("Question {id}?"),
        kind,
        help: Some("help".into()),
        required: id != "free",
        phase,
        anonymity: samrad::domain::privacy::Anonymity::Named,
    };
    let new = NewMeeting {
        guild: g,
        kit_id: "kit-1".into(),
        title: "First".into(),
        language: "nb".into(),
        timezone: chrono_tz::Europe::Oslo,
        date: NaiveDate::from_ymd_opt(2027, 3, 10).unwrap(),
        channel: Some(ChannelId(15)),
        deadline: Some(at("2027-03-09T16:00:00Z")),
        units: vec![med.clone(), law.clone(), UnitName::try_from("Arts").unwrap()],
        roles: vec![RoleName::try_from("Dean").unwrap(), RoleName::try_from("Adviser").unwrap()],
        questions: vec![
            q("free", QuestionKind::Free, Phase::Reflection),
            q("scale", QuestionKind::Scale { min: 1, max: 5 }, Phase::Reflection),
            q("choice", QuestionKind::Choice { options: vec!["a".into(), "b, c".into()] }, Phase::Reflection),
            q("yn", QuestionKind::YesNo, Phase::Evaluation),
            q("num", QuestionKind::Number, Phase::Evaluation),
        ],
        unit_answers: false,
        share_after_deadline: false,
    };
    let m = s.create_meeting(&new, t0).await.unwrap();
    t.push(format!("{m:?}"));
    t.push(outcome(s.meeting(m).await));
    t.push(outcome(s.meeting(MeetingId(999)).await));
    t.push(outcome(s.current_meeting(g).await.map(|m| m.map(|m| m.id))));
    t.push(outcome(s.set_meeting_state(m, MeetingState::Open, t0).await));
    t.push(outcome(s.set_meeting_state(MeetingId(999), MeetingState::Open, t0).await));
    t.push(outcome(s.meeting_channel(m).await));
    t.push(outcome(s.meeting_channel(MeetingId(999)).await));
    t.push(outcome(s.meeting_date(m).await));
    t.push(outcome(s.meeting_date(MeetingId(999)).await));

    // Answers with history.
    let qid = |id: &str| QuestionId::try_from(id).unwrap();
    t.push(outcome(s.save_answer(m, g, ann, &qid("free"), "first", t0).await));
    t.push(outcome(s.save_answer(m, g, ann, &qid("free"), "second", t0 + Duration::seconds(1)).await));
    let batch = vec![(qid("scale"), "4".to_string()), (qid("free"), "third".to_string())];
    t.push(outcome(s.save_answers(m, g, ann, &batch, t0 + Duration::seconds(2)).await));
    t.push(outcome(s.save_answers(m, g, cy, &[(qid("choice"), "b, c".into())], t0).await));
    t.push(outcome(s.save_answers(m, g, bo, &[(qid("yn"), "yes".into())], t0).await));
    // All or nothing: the unknown question fails the whole submission.
    let bad = vec![(qid("num"), "12".to_string()), (qid("nope"), "x".to_string())];
    t.push(outcome(s.save_answers(m, g, bo, &bad, t0).await));
    t.push(outcome(s.save_answer(m, g, UserId(404), &qid("free"), "who?", t0).await));
    t.push(outcome(s.save_answer(m, g, bo, &qid("free"), &"x".repeat(4001), t0).await));
    t.push(outcome(s.answers(m).await));
    t.push(outcome(s.answers_of(m, ann).await));
    t.push(outcome(s.answers_of(m, bo).await));

    // Plans.
    let plan = |unit: &UnitName, action: &str, due: Option<NaiveDate>| Plan {
        unit: unit.clone(),
        action: action.into(),
        owner: "Ann".into(),
        owner_id: Some(ann),
        due,
        created_by: ann,
    };
    t.push(outcome(
        s.add_plan(m, g, &plan(&med, "Pilot", NaiveDate::from_ymd_opt(2027, 6, 1)), &|_| Vec::new(), t0).await,
    ));
    t.push(outcome(s.add_plan(m, g, &plan(&law, "Survey", None), &|_| Vec::new(), t0).await));
    t.push(outcome(
        s.add_plan(m, g, &plan(&UnitName::try_from("arts").unwrap(), "Workshop", None), &|_| Vec::new(), t0).await,
    ));
    t.push(outcome(s.add_plan(m, g, &plan(&law, "  ", None), &|_| Vec::new(), t0).await));
    t.push(outcome(s.plans(m).await));

    // The schedule, claims and leases.
    let job = |key: &str, kind: &str, due: DateTime<Utc>| NewJob { key: key.into(), kind: kind.into(), due_at: due };
    let (d1, d2, d3) = (t0 + Duration::hours(1), t0 + Duration::hours(2), t0 + Duration::hours(3));
    let first = [job("open", "open", d2), job("remind:1", "remind", d1), job("remind_2", "remind", d1)];
    t.push(outcome(s.schedule(m, &first).await));
    t.push(outcome(s.schedule(m, &[job("open", "open", d3), job("digest", "digest", d3)]).await));
    t.push(jobs(s.pending_jobs(m).await));
    t.push(jobs(s.claim_jobs("w1", d1, d1 + Duration::minutes(1), 10).await));
    t.push(jobs(s.claim_jobs("w2", d2, d2 + Duration::minutes(1), 1).await));
    let pending = s.pending_jobs(m).await.unwrap();
    let (r1, r2, open, digest) = (
        job_id(&pending, "remind:1"),
        job_id(&pending, "remind_2"),
        job_id(&pending, "open"),
        job_id(&pending, "digest"),
    );
    t.push(outcome(s.renew_claim(r1, "w1", d1 + Duration::minutes(2)).await));
    t.push(outcome(s.renew_claim(r1, "w2", d1 + Duration::minutes(2)).await));
    t.push(outcome(s.finish_job(r1, "w2", d1).await));
    t.push(outcome(s.finish_job(r1, "w1", d1).await));
    t.push(outcome(s.finish_job(r1, "w1", d1).await));
    t.push(outcome(s.renew_claim(r1, "w1", d1 + Duration::minutes(3)).await));
    t.push(outcome(s.fail_job(r2, "w2", "nope", None).await));
    t.push(outcome(s.fail_job(r2, "w1", "timeout", Some(d2)).await));
    t.push(outcome(s.claim_job(digest, "w3", d1, d1 + Duration::minutes(1)).await));
    t.push(outcome(s.claim_job(digest, "w4", d1, d1 + Duration::minutes(1)).await));
    t.push(outcome(s.claim_job(digest, "w3", d1, d1 + Duration::minutes(2)).await));
    t.push(outcome(s.claim_job(digest, "w4", d1 + Duration::minutes(2), d1 + Duration::minutes(9)).await));
    t.push(outcome(s.release_job(digest, "w3").await));
    t.push(outcome(s.release_job(digest, "w4").await));
    t.push(outcome(s.claim_job(r1, "w4", d1, d1).await));
    t.push(jobs(s.claim_jobs("w5", d3, d3 + Duration::minutes(1), 10).await));
    t.push(outcome(s.fail_job(r2, "w5", "again", None).await));
    t.push(outcome(s.fail_job(open, "w5", "", Some(d3 + Duration::minutes(5))).await));
    t.push(jobs(s.pending_jobs(m).await));
    t.push(outcome(s.cancel_jobs(m, "remind_").await));
    t.push(outcome(s.cancel_jobs(m, "remind%").await));
    t.push(jobs(s.pending_jobs(m).await));
    t.push(outcome(s.schedule(m, &[job("remind-3", "remind", d1), job("REMIND:4", "remind", d1)]).await));
    t.push(outcome(s.cancel_jobs(m, "remind").await));
    t.push(jobs(s.pending_jobs(m).await));
    t.push(outcome(s.try_lease("timers", "w1", d1, d1 + Duration::seconds(30)).await));
    t.push(outcome(s.try_lease("timers", "w2", d1 + Duration::seconds(10), d1 + Duration::seconds(40)).await));
    t.push(outcome(s.try_lease("timers", "w1", d1 + Duration::seconds(10), d1 + Duration::seconds(40)).await));
    t.push(outcome(s.try_lease("timers", "w2", d1 + Duration::seconds(40), d1 + Duration::seconds(70)).await));
    t.push(outcome(s.try_lease("other", "w1", d1, d1).await));
    t.push(outcome(s.sent_post("post:1").await));
    t.push(outcome(s.record_post("post:1", Some(ChannelId(15)), MessageId(9_000_000_000_000_000_123), t0).await));
    t.push(outcome(s.record_post("post:1", None, MessageId(77), t0 + Duration::seconds(1)).await));
    t.push(outcome(s.record_post("post:2", None, MessageId(78), t0).await));
    t.push(outcome(s.sent_post("post:1").await));
    t.push(outcome(s.sent_post("post:2").await));

    // Breakouts.
    let room = |n: u32, members: &[UserId]| NewRoom {
        number: n,
        name: format!("room-{n}"),
        label: (n == 1).then(|| "Law".into()),
        cap: (n == 2).then_some(3),
        members: members.to_vec(),
    };
    let r1 = s
        .create_round(
            m,
            Mode::Units,
            Some("plan-a"),
            t0,
            t0 + Duration::minutes(10),
            &[room(1, &[cy, ann]), room(2, &[bo])],
        )
        .await
        .unwrap();
    t.push(format!("{r1:?}"));
    t.push(outcome(s.add_round_category(r1.id, ChannelId(20)).await));
    t.push(outcome(s.add_round_category(r1.id, ChannelId(25)).await));
    t.push(outcome(s.set_room_channels(r1.rooms[0].id, Some(ChannelId(21)), Some(ChannelId(22))).await));
    t.push(outcome(s.set_room_channels(r1.rooms[0].id, None, Some(ChannelId(23))).await));
    t.push(outcome(s.set_room_channels(r1.rooms[1].id, Some(ChannelId(24)), None).await));
    t.push(outcome(s.set_room_members(r1.rooms[1].id, &[bo, ann]).await));
    t.push(outcome(s.set_room_members(r1.rooms[0].id, &[cy]).await));
    t.push(outcome(s.set_round_ends(r1.id, t0 + Duration::minutes(15), true).await));
    t.push(outcome(s.add_note(r1.rooms[0].id, cy, "A note", t0).await));
    t.push(outcome(s.add_note(r1.rooms[0].id, ann, "Another", t0 + Duration::seconds(1)).await));
    t.push(outcome(s.add_note(r1.rooms[0].id, ann, "   ", t0).await));
    t.push(outcome(s.add_note(999, ann, "nowhere", t0).await));
    t.push(outcome(s.notes(r1.rooms[0].id).await));
    t.push(outcome(s.set_room_summary(r1.rooms[0].id, cy, "We agree").await));
    t.push(outcome(s.open_round(m).await));
    t.push(outcome(s.room_by_channel(ChannelId(23)).await));
    t.push(outcome(s.room_by_channel(ChannelId(21)).await));
    t.push(outcome(s.room_by_channel(ChannelId(99)).await));
    t.push(outcome(s.close_round(r1.id, t0 + Duration::minutes(15)).await));
    t.push(outcome(s.close_round(r1.id, t0 + Duration::minutes(20)).await));
    t.push(outcome(s.open_round(m).await));
    let r2 = s.create_round(m, Mode::Random, None, t0, t0 + Duration::minutes(5), &[room(1, &[ann, bo, cy])]).await;
    t.push(outcome(r2));
    t.push(outcome(s.open_rounds().await));
    t.push(outcome(s.rounds(m).await));
    t.push(outcome(s.seating_history(g).await));
    t.push(outcome(s.seating_history(GuildId(2)).await));
    t.push(outcome(s.create_round(MeetingId(999), Mode::Random, None, t0, t0, &[]).await));

    // The agenda, and the follow-up link.
    let item = |position: u32, minutes: u32, kind: AgendaKind, plan: Option<BreakoutPlan>| DayItem {
        position,
        starts_at: t0 + Duration::minutes(i64::from(position) * 30),
        minutes,
        kind,
        title: format!("Item {position}"),
        plan,
        ask: vec![qid("free")],
    };
    let breakout = BreakoutPlan {
        id: "plan-a".into(),
        title: "Groups".into(),
        mode: Mode::SameUnit,
        size: Some(4),
        questions: vec![qid("free"), qid("scale")],
        minutes: 20,
        topics: Vec::new(),
    };
    let items = vec![
        item(1, 30, AgendaKind::Breakout, Some(breakout)),
        item(0, 30, AgendaKind::Plenary, None),
        item(2, 15, AgendaKind::Break, None),
    ];
    let agenda_jobs = [job("agenda:0", "agenda", t0), job("agenda:1", "agenda", d1), job("agenda:end", "agenda", d3)];
    t.push(outcome(s.agenda(m).await));
    t.push(outcome(s.start_agenda(m, &items, &agenda_jobs, t0).await));
    t.push(outcome(s.start_agenda(m, &items, &[job("agenda:x", "agenda", t0)], t0).await));
    t.push(outcome(s.agenda(m).await));
    t.push(outcome(s.shift_agenda(m, Duration::minutes(10) + Duration::milliseconds(1500)).await));
    t.push(outcome(s.shift_agenda(m, -Duration::minutes(3)).await));
    t.push(outcome(s.set_agenda_paused(m, Some(t0 + Duration::minutes(1))).await));
    t.push(outcome(s.agenda(m).await));
    t.push(outcome(s.set_agenda_paused(m, None).await));
    t.push(jobs(s.pending_jobs(m).await));
    t.push(outcome(s.agenda(m).await.map(|a| a.map(|a| (a.shift, a.paused_at)))));
    t.push(outcome(s.previous_meeting(m).await));
    t.push(outcome(s.set_meeting_state(m, MeetingState::Ended, t0).await));
    let second = s.create_meeting(&NewMeeting { kit_id: "kit-2".into(), ..new.clone() }, t0).await.unwrap();
    t.push(outcome(s.current_meeting(g).await.map(|m| m.map(|m| m.id))));
    t.push(outcome(s.link_previous(second, "kit-0").await));
    t.push(outcome(s.previous_meeting(second).await));
    t.push(outcome(s.link_previous(second, "kit-1").await));
    t.push(outcome(s.previous_meeting(second).await));
    t.push(outcome(s.link_previous(second, "").await));

    // Forgetting a member takes their answers, history and notes, in this guild only.
    t.push(outcome(s.forget_member(g, ann).await));
    t.push(outcome(s.forget_member(g, ann).await));
    t.push(outcome(s.member(g, ann).await));
    t.push(outcome(s.guilds_of(ann).await));
    t.push(outcome(s.answers(m).await));
    t.push(outcome(s.notes(r1.rooms[0].id).await));
    t
}

#[tokio::test]
#[ignore = "needs PostgreSQL: SAMRAD_TEST_POSTGRES_URL (scripts/test.sh starts one)"]
async fn every_store_method_answers_as_the_sqlite_store_does() {
    let db = ScratchDatabase::create().await;
    let pg = PgStore::open(&db.url).await.expect("postgres store opens");
    let dir = tempfile::tempdir().unwrap();
    let sqlite = SqliteStore::open(&format!("sqlite:{}", dir.path().join("s.db").display())).await.unwrap();
    let expected = exercise(&sqlite).await;
    let got = exercise(&pg).await;
    for (i, (e, g)) in expected.iter().zip(&got).enumerate() {
        assert_eq!(g, e, "step {i}: postgres (left) and sqlite (right) differ");
    }
    assert_eq!(got.len(), expected.len());
    // A second open migrates nothing and finds the data.
    let again = samrad::storage::open(&db.url).await.expect("storage::open speaks postgres");
    assert!(again.meeting(MeetingId(1)).await.unwrap().is_some());
}

/// Answers, reminders, the deadline and the digest, a breakout round with its timer, plans,
/// and the meeting day, all through the use cases and the scheduler.
#[tokio::test]
#[ignore = "needs PostgreSQL: SAMRAD_TEST_POSTGRES_URL (scripts/test.sh starts one)"]
async fn a_meeting_runs_end_to_end_on_postgres() {
    let w = World::postgres("benchmarking-1").await;
    let loaded = w.load().await;
    let people = w.seat(2).await;
    let open = w.due("open").await;
    w.tick_at(open).await;
    let reflection: Vec<(String, String)> = w
        .kit
        .questions
        .iter()
        .filter(|q| q.phase == Phase::Reflection)
        .map(|q| {
            let v = match &q.kind {
                QuestionKind::YesNo => "ja".to_string(),
                QuestionKind::Scale { min, .. } => min.to_string(),
                QuestionKind::Choice { options } => options[0].clone(),
                QuestionKind::Number => "12,5".into(),
                QuestionKind::Free => "Vi mäter olika saker".into(),
            };
            (q.id.to_string(), v)
        })
        .collect();
    for p in &people[1..] {
        answers::submit_answers(&w.store, &w.clock, p, &reflection).await.expect("answers are stored");
    }
    let edited: Vec<(String, String)> = reflection
        .iter()
        .map(|(q, v)| (q.clone(), if v.starts_with("Vi ") { format!("{v}, nu") } else { v.clone() }))
        .collect();
    answers::submit_answers(&w.store, &w.clock, &people[1], &edited).await.unwrap();
    let revisions: Vec<u32> =
        w.store.answers_of(loaded.meeting.id, people[1].user).await.unwrap().iter().map(|a| a.revision).collect();
    assert!(revisions.contains(&2) && revisions.contains(&1), "edits are revision 2: {revisions:?}");
    // Every scheduled job up to the digest runs once.
    while let Some(job) =
        w.store.pending_jobs(loaded.meeting.id).await.unwrap().into_iter().find(|j| j.kind != "agenda")
    {
        let report = w.tick_at(job.due_at).await;
        assert!(report.failed.is_empty(), "{:?}", report.failed);
    }
    let meeting = w.store.meeting(loaded.meeting.id).await.unwrap().unwrap();
    assert_eq!(meeting.state, MeetingState::Closed);
    let ticked_again = w.tick_at(w.now() + Duration::minutes(1)).await;
    assert!(ticked_again.failed.is_empty());

    // A breakout round, its notes and its timer.
    let fac = samrad::app::Actor { staff: Staff::Facilitator, ..w.organiser.clone() };
    let request = SplitRequest {
        mode: Mode::Units,
        sizing: Sizing::Size(3),
        minutes: 10,
        voice: false,
        plan: None,
        present: Some(people.iter().map(|p| p.user).collect()),
        topics: Vec::new(),
    };
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let round = breakouts::split(&w.store, &w.chat, &w.clock, &fac, &request, &mut rng, &|_, _| {}).await.unwrap();
    let seated: usize = round.rooms.iter().map(|r| r.members.len()).sum();
    assert_eq!(seated, people.len());
    let writer = people.iter().find(|p| p.user == round.rooms[0].members[0]).unwrap();
    breakouts::add_note(&w.store, &w.clock, writer, round.rooms[0].text_channel.unwrap(), "Postgres note.", false)
        .await
        .unwrap();
    w.tick_at(round.ends_at).await;
    w.tick_at(round.ends_at + Duration::seconds(20)).await;
    assert!(w.chat.posts_in(PLENARY).iter().any(|m| m.text.contains("Postgres note.")));
    assert!(w.store.open_round(round.meeting).await.unwrap().is_none());

    // A take-home plan and the meeting day.
    let input =
        PlanInput { action: "Mät samma sak".into(), owner: "Ann".into(), owner_id: None, due: "2027-06-01".into() };
    plans::record_plan(&w.store, &w.clock, &people[0], &input).await.unwrap();
    assert_eq!(w.store.plans(round.meeting).await.unwrap().len(), 1);
    w.clock.set(at("2027-04-15T07:00:00Z"));
    agenda::start_day(&w.store, &w.chat, &w.clock, &w.organiser, &w.kit).await.expect("the day starts");
    let run = w.store.agenda(round.meeting).await.unwrap().expect("the agenda is stored");
    assert_eq!(run.items.len(), w.kit.agenda.len());
}

/// Workers on separate connections claiming at once: each due job goes to exactly one.
#[tokio::test]
#[ignore = "needs PostgreSQL: SAMRAD_TEST_POSTGRES_URL (scripts/test.sh starts one)"]
async fn concurrent_workers_claim_each_job_once() {
    let db = ScratchDatabase::create().await;
    let store = Arc::new(PgStore::open(&db.url).await.unwrap());
    let g = GuildId(5);
    let t0 = at("2027-03-01T09:00:00Z");
    let meeting = store
        .create_meeting(
            &NewMeeting {
                guild: g,
                kit_id: "k".into(),
                title: "T".into(),
                language: "en".into(),
                timezone: chrono_tz::UTC,
                date: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
                channel: None,
                deadline: None,
                units: vec![],
                roles: vec![],
                questions: vec![Question {
                    id: QuestionId::try_from("q").unwrap(),
                    text: "Q?".into(),
                    kind: QuestionKind::Free,
                    help: None,
                    required: true,
                    phase: Phase::Reflection,
                    anonymity: samrad::domain::privacy::Anonymity::Named,
                }],
                unit_answers: false,
                share_after_deadline: false,
            },
            t0,
        )
        .await
        .unwrap();
    let jobs: Vec<NewJob> = (0..300)
        .map(|i| NewJob { key: format!("job:{i}"), kind: "test".into(), due_at: t0 + Duration::seconds(i % 7) })
        .collect();
    store.schedule(meeting, &jobs).await.unwrap();
    let mut workers = Vec::new();
    for w in 0..6 {
        let store = Arc::clone(&store);
        workers.push(tokio::spawn(async move {
            let worker = format!("w{w}");
            let mut mine = Vec::new();
            loop {
                let now = t0 + Duration::minutes(1);
                let claimed = store.claim_jobs(&worker, now, now + Duration::minutes(5), 7).await.unwrap();
                if claimed.is_empty() {
                    break mine;
                }
                assert!(claimed.windows(2).all(|p| (p[0].due_at, p[0].id) < (p[1].due_at, p[1].id)), "in due order");
                for j in claimed {
                    assert!(store.finish_job(j.id, &worker, now).await.unwrap(), "{worker} holds {}", j.key);
                    mine.push(j.key);
                }
            }
        }));
    }
    let mut all = Vec::new();
    for w in workers {
        all.extend(w.await.unwrap());
    }
    let distinct: HashSet<_> = all.iter().collect();
    assert_eq!((all.len(), distinct.len()), (300, 300), "every job once");
    assert!(store.pending_jobs(meeting).await.unwrap().is_empty());

    // One member submitting twice at once: no conflicts; rounds started at once: one opens.
    store.ensure_member(g, UserId(1), "A").await.unwrap();
    let saves = (0..8).map(|i| {
        let store = Arc::clone(&store);
        tokio::spawn(async move {
            let q = QuestionId::try_from("q").unwrap();
            store.save_answer(meeting, g, UserId(1), &q, &format!("v{i}"), t0).await
        })
    });
    let mut revisions: Vec<u32> =
        futures::future::join_all(saves).await.into_iter().map(|r| r.unwrap().expect("every save counts")).collect();
    revisions.sort_unstable();
    assert_eq!(revisions, (1..=8).collect::<Vec<_>>());
    let rounds = (0..5).map(|_| {
        let store = Arc::clone(&store);
        tokio::spawn(async move { store.create_round(meeting, Mode::Random, None, t0, t0, &[]).await })
    });
    // One open round per meeting: one of them starts, the others are refused.
    let outcomes: Vec<Result<u32, StoreError>> =
        futures::future::join_all(rounds).await.into_iter().map(|r| r.unwrap().map(|r| r.number)).collect();
    let started: Vec<u32> = outcomes.iter().filter_map(|o| o.as_ref().ok().copied()).collect();
    assert_eq!(started, vec![1], "{outcomes:?}");
    assert!(outcomes.iter().filter(|o| o.is_err()).all(|o| matches!(o, Err(StoreError::Conflict(_)))), "{outcomes:?}");
}
