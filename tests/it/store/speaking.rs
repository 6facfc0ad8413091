//! SpeakingStore: an agenda item's presenters, stored at load, and its speaking timer, written
//! only by the writer that read its current step and found again by the clock when due.

use chrono::NaiveTime;
use samrad::app::ports::SpeakingPlan;
use samrad::domain::speaking::{Presenter, Speaking, SpeakingTimer};

use super::*;

store_tests!(
    presenters_round_trip_and_are_stored_once,
    a_timer_is_written_only_over_the_step_it_was_read_at,
    due_timers_are_the_running_ones_whose_wake_time_came,
);

/// Item `position`'s plan.
fn at_item(position: u32, speaking: &Speaking) -> SpeakingPlan {
    SpeakingPlan {
        position,
        title: format!("Framsteg «{position}» 🌱"),
        start: NaiveTime::from_hms_opt(10, position, 0).unwrap(),
        speaking: speaking.clone(),
    }
}

fn plan(names: &[&str]) -> Speaking {
    Speaking {
        presenters: names.iter().map(|n| Presenter::parse(n).unwrap()).collect(),
        talk_minutes: 5,
        questions_minutes: 5,
        prepare_days_before: 3,
    }
}

async fn presenters_round_trip_and_are_stored_once(db: &Db) {
    let m = meeting(db).await;
    let five = plan(&["Øst kommune", "@Ella «Ghosh» 🌱", "Bygg og miljø"]);
    db.store.save_speaking_plans(m, &[at_item(3, &five), at_item(1, &plan(&["Arkitektur"]))]).await.unwrap();
    // Loading again does not replace what is stored.
    db.store.save_speaking_plans(m, &[at_item(3, &plan(&["Arkitektur"]))]).await.unwrap();
    let rows = db.store.speaking_plans(m).await.unwrap();
    assert_eq!(rows.iter().map(|r| r.plan.position).collect::<Vec<_>>(), [1, 3], "in agenda order");
    assert_eq!(rows[1].plan, at_item(3, &five));
    assert_eq!(rows[1].timer, None, "not started");
    assert!(db.store.speaking_plans(MeetingId(m.0 + 100)).await.unwrap().is_empty());
}

async fn a_timer_is_written_only_over_the_step_it_was_read_at(db: &Db) {
    let m = meeting(db).await;
    let five = plan(&["Øst kommune", "@Ella Ghosh"]);
    db.store.save_speaking_plans(m, &[at_item(2, &five)]).await.unwrap();
    let (mut timer, _) = SpeakingTimer::start(&five, t0()).unwrap();
    assert!(db.store.save_speaking_timer(m, 2, &timer, None).await.unwrap());
    assert!(!db.store.save_speaking_timer(m, 2, &timer, None).await.unwrap(), "started once");
    let stored = db.store.speaking_plans(m).await.unwrap()[0].timer.clone().unwrap();
    assert_eq!(stored, timer, "microseconds and all");
    timer.skip(at(60)).unwrap();
    timer.move_waiting("x", 1).unwrap_err();
    assert!(!db.store.save_speaking_timer(m, 2, &timer, Some(7)).await.unwrap(), "another writer's step");
    assert!(db.store.save_speaking_timer(m, 2, &timer, Some(0)).await.unwrap());
    let row = db.store.speaking_plans(m).await.unwrap().remove(0);
    assert_eq!(row.timer.as_ref(), Some(&timer));
    assert_eq!(row.timer.unwrap().skipped, [Presenter::parse("Øst kommune").unwrap()]);
    assert!(!db.store.save_speaking_timer(m, 9, &timer, None).await.unwrap(), "no such item");
}

async fn due_timers_are_the_running_ones_whose_wake_time_came(db: &Db) {
    let (a, b) = (meeting(db).await, db.store.create_meeting(&new_meeting(OTHER_GUILD, "kit-b"), t0()).await.unwrap());
    let five = plan(&["Arkitektur", "Bygg og miljø"]);
    db.store.save_speaking_plans(a, &[at_item(0, &five), at_item(1, &five)]).await.unwrap();
    db.store.save_speaking_plans(b, &[at_item(0, &five)]).await.unwrap();
    let (timer, _) = SpeakingTimer::start(&five, t0()).unwrap();
    db.store.save_speaking_timer(a, 0, &timer, None).await.unwrap();
    let (late, _) = SpeakingTimer::start(&five, at(600)).unwrap();
    db.store.save_speaking_timer(b, 0, &late, None).await.unwrap();
    // Warnings one minute before the end of a five-minute talk.
    assert!(db.store.due_speaking(at(239)).await.unwrap().is_empty());
    let due = db.store.due_speaking(at(240)).await.unwrap();
    assert_eq!(due.iter().map(|r| (r.meeting, r.plan.position)).collect::<Vec<_>>(), [(a, 0)]);
    assert_eq!(db.store.due_speaking(at(900)).await.unwrap().len(), 2, "across meetings");
    let mut done = timer.clone();
    done.finish(at(10));
    db.store.save_speaking_timer(a, 0, &done, Some(0)).await.unwrap();
    let due = db.store.due_speaking(at(3_600)).await.unwrap();
    assert_eq!(due.iter().map(|r| r.meeting).collect::<Vec<_>>(), [b], "a finished timer sleeps");
}
