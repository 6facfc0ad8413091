//! Retention end to end: under `retention_days`, the scheduled job deletes the answers, room
//! notes and summaries of a meeting that ended longer ago, once across two scheduler
//! processes on one database; the series comparison keeps its figures, and the deletion is in
//! the audit log that `/meeting status` shows organisers.

use chrono::Duration;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use samrad::app::breakouts::{self, SplitRequest};
use samrad::app::ports::prelude::*;
use samrad::app::privacy_store::AuditAction;
use samrad::app::summarise::Offline;
use samrad::app::tick::tick_as;
use samrad::app::worker::Worker;
use samrad::app::{answers, audit, meetings, retention, Actor, Staff};
use samrad::domain::digest::KeyFigure;
use samrad::domain::grouping::{Mode, Sizing};
use samrad::domain::{MeetingId, QuestionId};

use crate::harness::{World, GUILD};

/// Three members (one per unit) answered, sat in a room that has a note and a rapporteur's
/// summary; the meeting has ended. Returns the meeting.
async fn ended_meeting<S: Store>(w: &World<S>) -> MeetingId {
    w.load().await;
    let people = w.seat(1).await;
    w.tick_at(w.due("open").await).await;
    for (i, p) in people.iter().enumerate() {
        let raw = [
            ("status".to_owned(), format!("Ord fra {} om handlingsplanen", p.name)),
            ("women-managers".to_owned(), format!("{}", 40 + 10 * i)),
        ];
        let report = answers::submit_answers(&w.store, &w.clock, p, &raw).await.unwrap();
        assert!(report.refused.is_empty(), "{:?}", report.refused);
    }
    let facilitator = Actor { staff: Staff::Facilitator, ..w.organiser.clone() };
    let present = Some(people.iter().map(|p| p.user).collect());
    let req = SplitRequest {
        mode: Mode::Random,
        sizing: Sizing::Size(3),
        minutes: 10,
        voice: false,
        plan: None,
        present,
        topics: Vec::new(),
    };
    let round = breakouts::split(
        &w.store,
        &w.chat,
        &w.clock,
        &facilitator,
        &req,
        &mut ChaCha8Rng::seed_from_u64(3),
        &|_, _| {},
    )
    .await
    .unwrap();
    let room = round.rooms[0].text_channel.unwrap();
    breakouts::add_note(&w.store, &w.clock, &people[0], room, "Notat om rekruttering", false).await.unwrap();
    breakouts::add_note(&w.store, &w.clock, &people[1], room, "Referat fra rommet", true).await.unwrap();
    breakouts::close(&w.store, &w.chat, &w.clock, &Offline, &facilitator).await.unwrap();
    meetings::end_meeting(&w.store, &w.clock, &w.organiser).await.unwrap()
}

/// Notes and summaries left in the meeting's rooms.
async fn words_in_rooms<S: Store>(w: &World<S>, m: MeetingId) -> (usize, usize) {
    let mut found = (0, 0);
    for round in w.store.rounds(m).await.unwrap() {
        for room in &round.rooms {
            found.0 += w.store.notes(room.id).await.unwrap().len();
            found.1 += usize::from(room.summary.is_some());
        }
    }
    found
}

on_both_stores!(retention_deletes_an_ended_meetings_words_once_across_two_schedulers, "example-en");
async fn retention_deletes_an_ended_meetings_words_once_across_two_schedulers<S: Store>(w: World<S>) {
    retention::set_retention(&w.store, &w.organiser, Some(30)).await.unwrap();
    let m = ended_meeting(&w).await;
    let ended = w.now();
    assert_eq!(w.store.answers(m).await.unwrap().len(), 6);
    assert_eq!(words_in_rooms(&w, m).await, (1, 1));

    // A day early, the job is not due: nothing goes.
    w.tick_at(ended + Duration::days(29)).await;
    assert_eq!(w.store.answers(m).await.unwrap().len(), 6, "kept until 30 days after the end");

    // Two scheduler processes (own pools, one database) tick at once when it is due.
    w.clock.set(ended + Duration::days(30) + Duration::minutes(1));
    let (a, b) = (samrad::storage::open(&w.db_url).await.unwrap(), samrad::storage::open(&w.db_url).await.unwrap());
    let (wa, wb) = (Worker::new("process-a").with_batch(1), Worker::new("process-b").with_batch(1));
    let (ra, rb) =
        tokio::join!(tick_as(&wa, &*a, &w.chat, &w.clock, &Offline), tick_as(&wb, &*b, &w.chat, &w.clock, &Offline));
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    let runs: Vec<&String> = ra.done.iter().chain(&rb.done).filter(|d| d.contains(retention::RETENTION_JOB)).collect();
    assert_eq!(runs.len(), 1, "claimed and run once: a {ra:?} b {rb:?}");

    assert!(w.store.answers(m).await.unwrap().is_empty(), "answers deleted");
    assert_eq!(words_in_rooms(&w, m).await, (0, 0), "notes and summaries deleted");
    let women = QuestionId::try_from("women-managers").unwrap();
    let kept: Vec<(String, f64)> = w
        .store
        .kept_key_figures(m)
        .await
        .unwrap()
        .into_iter()
        .map(|KeyFigure { question, unit, value }| {
            assert_eq!(question, women);
            (unit.to_string(), value)
        })
        .collect();
    assert_eq!(kept.len(), 3, "each unit's key figure kept for the series: {kept:?}");
    assert!(kept.iter().any(|(_, v)| *v == 60.0), "{kept:?}");
    let rates = w.store.kept_response_rates(m).await.unwrap();
    assert_eq!(rates.len(), 3, "each unit's response rate kept: {rates:?}");
    assert!(rates.iter().all(|(_, r)| *r == 1.0), "{rates:?}");
    assert_eq!(w.store.members(GUILD).await.unwrap().len(), 3, "members stay");

    // Recorded once, by the scheduler, and listed for organisers in /meeting status.
    let log = w.store.audit_log(GUILD, 10).await.unwrap();
    let purges: Vec<_> = log.iter().filter(|e| e.action == AuditAction::Retention).collect();
    assert_eq!(purges.len(), 1, "{log:?}");
    assert_eq!((purges[0].actor, purges[0].meeting), (None, Some(m)));
    let status = audit::status_section(&w.store, &w.organiser).await.unwrap().expect("an audit section");
    let title = w.store.meeting(m).await.unwrap().unwrap().title;
    assert!(status.contains(&format!("samrad (scheduled) · deleted under retention: {title}")), "{status}");
    let member = Actor { staff: Staff::Member, ..w.organiser.clone() };
    assert_eq!(audit::status_section(&w.store, &member).await.unwrap(), None, "not for members");

    // Nothing left to do: a later tick deletes and records nothing more.
    w.tick_at(ended + Duration::days(31)).await;
    assert_eq!(w.store.audit_log(GUILD, 10).await.unwrap().len(), log.len());

    // The next meeting of the series compares with what was kept.
    let next = w.load().await;
    w.store.link_previous(next.meeting.id, "example-en").await.unwrap();
    let next = w.store.meeting(next.meeting.id).await.unwrap().unwrap();
    let previous =
        samrad::app::digest::previous_for_digest(&w.store, &next).await.unwrap().expect("the purged meeting");
    assert_eq!((previous.key_figures.len(), previous.response_rates), (3, rates));
}
