//! AgendaStore: the meeting day's agenda with its jobs, the runner's shift and pause, and the
//! link from a meeting to the previous one in its series.

use samrad::app::ports::AgendaRun;
use samrad::domain::agenda::DayItem;
use samrad::domain::grouping::Mode;
use samrad::domain::kit::{AgendaKind, BreakoutPlan};

use super::*;

store_tests!(
    an_agenda_round_trips_every_item_and_schedules_its_jobs,
    starting_a_started_day_is_a_conflict_and_changes_nothing,
    shift_agenda_moves_pending_agenda_jobs_and_the_runs_shift,
    delays_made_at_once_all_count,
    pausing_round_trips_the_pause_time,
    previous_meeting_is_the_latest_earlier_meeting_of_the_linked_kit,
);

fn item(position: u32, starts_at: DateTime<Utc>, kind: AgendaKind, title: &str) -> DayItem {
    DayItem { position, starts_at, minutes: 30, kind, title: title.into(), plan: None, ask: Vec::new() }
}

/// A day whose items are stored out of time order, with one breakout of each plan shape.
fn day() -> Vec<DayItem> {
    let breakout = |id: &str, size, questions: &[&str], minutes| BreakoutPlan {
        id: id.into(),
        title: format!("Gruppearbeid {id} «runde»"),
        mode: Mode::Units,
        size,
        questions: questions.iter().map(|q| qid(q)).collect(),
        minutes,
        topics: Vec::new(),
    };
    vec![
        item(0, at(0), AgendaKind::Plenary, "Velkommen 👋"),
        DayItem {
            plan: Some(breakout("b1", Some(4), &["q1", "key-figures"], 25)),
            ..item(2, at(3_600), AgendaKind::Breakout, "Grupper")
        },
        DayItem {
            ask: vec![qid("learned"), qid("take-home")],
            ..item(1, at(1_800), AgendaKind::Presentation, "Innlegg: «Tall og tiltak»")
        },
        DayItem { minutes: 1, ..item(3, at(5_400), AgendaKind::Break, "Pause") },
        // A `choose` plan's topics round-trip as written (quotes, separators, non-ASCII).
        DayItem {
            plan: Some(BreakoutPlan {
                mode: Mode::Choose,
                topics: vec!["Rekruttering; «lønn»".into(), "Ledelse, \"kultur\"".into(), "Å ta med hjem".into()],
                ..breakout("b2", None, &[], 40)
            }),
            ..item(4, at(5_460), AgendaKind::Breakout, "Choose a topic")
        },
        DayItem { minutes: 1440, ..item(5, at(7_000), AgendaKind::Reflection, "Refleksjon") },
        item(6, at(7_000), AgendaKind::Evaluation, "Evaluering"),
    ]
}

fn agenda_jobs() -> Vec<NewJob> {
    vec![job("agenda:0", "agenda", at(0)), job("agenda:1", "agenda", at(1_800)), job("agenda:end", "agenda", at(9_000))]
}

async fn an_agenda_round_trips_every_item_and_schedules_its_jobs(db: &Db) {
    let m = meeting(db).await;
    assert_eq!(db.store.agenda(m).await.unwrap(), None, "not started");
    db.store.start_agenda(m, &day(), &agenda_jobs(), at(-5)).await.unwrap();

    let mut by_time = day();
    by_time.sort_by_key(|i| (i.starts_at, i.position));
    let expected =
        AgendaRun { meeting: m, started_at: at(-5), shift: Duration::zero(), paused_at: None, items: by_time };
    assert_eq!(db.store.agenda(m).await.unwrap(), Some(expected));
    let pending = db.store.pending_jobs(m).await.unwrap();
    assert_eq!(
        pending.iter().map(|j| (j.key.as_str(), j.due_at)).collect::<Vec<_>>(),
        [("agenda:0", at(0)), ("agenda:1", at(1_800)), ("agenda:end", at(9_000))]
    );
    let other = db.store.create_meeting(&new_meeting(GUILD, "kit-b"), t0()).await.unwrap();
    assert_eq!(db.store.agenda(other).await.unwrap(), None, "one meeting's day is not another's");
}

async fn starting_a_started_day_is_a_conflict_and_changes_nothing(db: &Db) {
    let m = meeting(db).await;
    db.store.start_agenda(m, &day()[..2], &agenda_jobs()[..1], at(0)).await.unwrap();
    let before = db.store.agenda(m).await.unwrap();
    let again = db.store.start_agenda(m, &day(), &[job("agenda:9", "agenda", at(50))], at(10)).await;
    assert_conflict(again, "a second start");
    assert_eq!(db.store.agenda(m).await.unwrap(), before);
    assert_eq!(db.store.pending_jobs(m).await.unwrap().len(), 1, "the second start's jobs were not scheduled");

    // Items that break the schema's rules leave no run behind either.
    let fresh = db.store.create_meeting(&new_meeting(GUILD, "kit-b"), t0()).await.unwrap();
    let bad = [DayItem { minutes: 0, ..item(0, at(0), AgendaKind::Plenary, "Null minutter") }];
    assert_conflict(db.store.start_agenda(fresh, &bad, &agenda_jobs(), at(0)).await, "a zero-minute item");
    assert_eq!(db.store.agenda(fresh).await.unwrap(), None);
    assert!(db.store.pending_jobs(fresh).await.unwrap().is_empty());
    assert_not_found(db.store.start_agenda(MeetingId(987_654), &day(), &[], at(0)).await, "an unknown meeting");
}

async fn shift_agenda_moves_pending_agenda_jobs_and_the_runs_shift(db: &Db) {
    let m = meeting(db).await;
    let mut jobs = agenda_jobs();
    jobs.push(job("remind:1", "remind", at(100)));
    // Only keys spelled with the agenda prefix are agenda jobs.
    jobs.push(job("AGENDA:x", "other", at(200)));
    db.store.start_agenda(m, &day(), &jobs, at(0)).await.unwrap();
    let first = db.store.pending_jobs(m).await.unwrap()[0].id;
    assert!(db.store.claim_job(first, "w", at(0), at(30)).await.unwrap());
    assert!(db.store.finish_job(first, "w", at(1)).await.unwrap());

    db.store.shift_agenda(m, Duration::minutes(10)).await.unwrap();
    db.store.shift_agenda(m, Duration::seconds(-90)).await.unwrap();
    let moved = Duration::seconds(510);
    let run = db.store.agenda(m).await.unwrap().unwrap();
    assert_eq!(run.shift, moved, "shifts add up");
    assert_eq!(run.items[0].starts_at, at(0), "items keep their planned start; the shift is separate");
    let pending = db.store.pending_jobs(m).await.unwrap();
    assert_eq!(
        pending.iter().map(|j| (j.key.as_str(), j.due_at)).collect::<Vec<_>>(),
        [
            ("remind:1", at(100)),
            ("AGENDA:x", at(200)),
            ("agenda:1", at(1_800) + moved),
            ("agenda:end", at(9_000) + moved)
        ]
    );
}

async fn delays_made_at_once_all_count(db: &Db) {
    let m = meeting(db).await;
    db.store.start_agenda(m, &day(), &agenda_jobs(), at(0)).await.unwrap();
    // Two facilitators typing `/agenda delay` together, on two bot processes.
    let second = db.reopen().await;
    let mut delays = Vec::new();
    for store in [db.store.clone(), second.clone(), db.store.clone(), second] {
        for _ in 0..2 {
            let store = store.clone();
            delays.push(tokio::spawn(async move { store.shift_agenda(m, Duration::minutes(1)).await }));
        }
    }
    for delay in delays {
        delay.await.unwrap().expect("a delay made at the same time as another");
    }
    assert_eq!(db.store.agenda(m).await.unwrap().unwrap().shift, Duration::minutes(8));
    let due: Vec<_> = db.store.pending_jobs(m).await.unwrap().into_iter().map(|j| j.due_at).collect();
    assert_eq!(due, [at(0), at(1_800), at(9_000)].map(|t| t + Duration::minutes(8)));
}

async fn pausing_round_trips_the_pause_time(db: &Db) {
    let m = meeting(db).await;
    db.store.start_agenda(m, &day(), &[], at(0)).await.unwrap();
    db.store.set_agenda_paused(m, Some(at(600))).await.unwrap();
    assert_eq!(db.store.agenda(m).await.unwrap().unwrap().paused_at, Some(at(600)));
    db.store.set_agenda_paused(m, None).await.unwrap();
    let run = db.store.agenda(m).await.unwrap().unwrap();
    assert_eq!((run.paused_at, run.shift), (None, Duration::zero()), "resuming is the runner's shift, not the store's");
}

async fn previous_meeting_is_the_latest_earlier_meeting_of_the_linked_kit(db: &Db) {
    let create = |guild, kit: &'static str| async move {
        db.store.create_meeting(&new_meeting(guild, kit), t0()).await.unwrap()
    };
    let _older = create(GUILD, "spring").await;
    let latest_spring = create(GUILD, "spring").await;
    let winter = create(GUILD, "winter").await;
    let _other_guild = create(OTHER_GUILD, "spring").await;
    let autumn = create(GUILD, "autumn").await;
    let _later_spring = create(GUILD, "spring").await;

    assert_eq!(db.store.previous_meeting(autumn).await.unwrap(), None, "not linked");
    db.store.link_previous(autumn, "spring").await.unwrap();
    assert_eq!(db.store.previous_meeting(autumn).await.unwrap(), Some(latest_spring));
    db.store.link_previous(autumn, "winter").await.unwrap();
    assert_eq!(db.store.previous_meeting(autumn).await.unwrap(), Some(winter), "linking again replaces the link");
    db.store.link_previous(autumn, "no-such-kit").await.unwrap();
    assert_eq!(db.store.previous_meeting(autumn).await.unwrap(), None);
    assert_not_found(db.store.link_previous(MeetingId(987_654), "spring").await, "linking an unknown meeting");
}
