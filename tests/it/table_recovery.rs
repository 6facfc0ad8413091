//! A round at tables in the room (`/breakout split channels:false`) across a restart: it has
//! no channels, so recovery reconciles none and the round runs on; a process killed between
//! storing the round and posting its table plan (or a `choose` round's buttons) leaves a round
//! nobody can find their table in, so recovery posts what is missing, once.

use chrono::Duration;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use samrad::app::breakouts::{self, Recovered, SplitRequest};
use samrad::app::ports::prelude::*;
use samrad::app::ports::{Action, NewRoom, Round};
use samrad::app::summarise::Offline;
use samrad::app::{Actor, Staff};
use samrad::console::ChatEvent;
use samrad::domain::grouping::{Mode, Sizing};
use samrad::i18n::Lang;

use crate::harness::{World, GUILD, PLENARY};

fn facilitator<S>(w: &World<S>) -> Actor {
    Actor { staff: Staff::Facilitator, ..w.organiser.clone() }
}

/// A split at tables of three that runs to its end.
async fn split_at_tables<S: Store>(w: &World<S>, people: &[Actor], mode: Mode) -> Round {
    let request = SplitRequest {
        mode,
        sizing: Sizing::Size(3),
        minutes: 15,
        voice: false,
        channels: false,
        plan: None,
        present: Some(people.iter().map(|p| p.user).collect()),
        topics: Vec::new(),
    };
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    breakouts::split(&w.store, &w.chat, &w.clock, &facilitator(w), &request, &mut rng, &|_, _| {}).await.unwrap()
}

/// What a split at tables stores before it posts anything: the process died right after.
async fn stored_but_not_posted<S: Store>(w: &World<S>, people: &[Actor], mode: Mode) -> Round {
    let meeting = w.store.current_meeting(GUILD).await.unwrap().unwrap();
    let rooms: Vec<NewRoom> = people
        .chunks(3)
        .enumerate()
        .map(|(i, table)| NewRoom {
            number: i as u32 + 1,
            name: samrad::t!(Lang::En, "table-name", number = i + 1),
            label: None,
            cap: None,
            members: table.iter().map(|p| p.user).collect(),
        })
        .collect();
    let now = w.now();
    w.store.create_table_round(meeting.id, mode, None, now, now + Duration::minutes(15), &rooms).await.unwrap()
}

async fn restart<S: Store>(w: &World<S>, round: &Round) -> Vec<Recovered> {
    breakouts::recover(&w.store, &w.chat, &w.clock, &Offline, GUILD, &[round.id]).await.unwrap()
}

/// Anything recovery could have done to channels or voice.
fn channel_work<S>(w: &World<S>) -> Vec<ChatEvent> {
    w.chat.events().into_iter().filter(|e| !matches!(e, ChatEvent::Post { .. } | ChatEvent::Dm { .. })).collect()
}

on_both_stores!(a_finished_round_at_tables_runs_on_after_a_restart_untouched, "example-en");
async fn a_finished_round_at_tables_runs_on_after_a_restart_untouched<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(3).await;
    let round = split_at_tables(&w, &people, Mode::Random).await;
    let before = w.chat.events().len();

    assert_eq!(restart(&w, &round).await, vec![], "nothing to settle");
    assert_eq!(w.chat.events().len(), before, "no post repeated, no channel looked for or made");
    assert!(channel_work(&w).is_empty(), "a round at tables has no channels: {:?}", channel_work(&w));
    let open = w.store.open_round(round.meeting).await.unwrap().expect("the round is still open");
    assert_eq!(open.id, round.id);
    assert!(open.in_person);

    let closed = breakouts::close(&w.store, &w.chat, &w.clock, &Offline, &facilitator(&w)).await.unwrap();
    assert!(closed.in_person, "it closes as a round at tables");
    assert!(w.store.open_round(round.meeting).await.unwrap().is_none());
}

on_both_stores!(a_round_at_tables_stored_before_a_crash_gets_its_plan_once_at_the_restart, "example-en");
async fn a_round_at_tables_stored_before_a_crash_gets_its_plan_once_at_the_restart<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(3).await;
    let round = stored_but_not_posted(&w, &people, Mode::Random).await;
    assert!(w.chat.posts_in(PLENARY).is_empty(), "the crash came before the plan");

    assert_eq!(restart(&w, &round).await, vec![Recovered::Completed { round: round.number }]);
    let posts = w.chat.posts_in(PLENARY);
    assert_eq!(posts.len(), 1, "the plan, once: {posts:?}");
    let plan = &posts[0];
    let files: Vec<&str> = plan.attachments.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(files, ["table-plan-round-1.md", "table-plan-round-1.csv"]);
    for table in 1..=round.rooms.len() {
        assert!(plan.text.contains(&format!("Table {table}")), "table {table} in the plan:\n{}", plan.text);
    }
    assert!(plan.text.contains("M0"), "names in the plan:\n{}", plan.text);
    assert!(channel_work(&w).is_empty(), "no channels reconciled: {:?}", channel_work(&w));
    assert_eq!(w.store.open_round(round.meeting).await.unwrap().map(|r| r.id), Some(round.id), "it runs on");

    // A second restart finds the plan posted.
    assert_eq!(restart(&w, &round).await, vec![]);
    assert_eq!(w.chat.posts_in(PLENARY).len(), 1, "not posted twice");
}

on_both_stores!(a_choose_round_at_tables_stored_before_a_crash_gets_its_buttons_not_a_plan, "example-en");
async fn a_choose_round_at_tables_stored_before_a_crash_gets_its_buttons_not_a_plan<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(3).await;
    let round = stored_but_not_posted(&w, &people, Mode::Choose).await;

    assert_eq!(restart(&w, &round).await, vec![Recovered::Completed { round: round.number }]);
    let posts = w.chat.posts_in(PLENARY);
    assert_eq!(posts.len(), 1, "the buttons, and no plan before the picks: {posts:?}");
    assert!(posts[0].attachments.is_empty());
    let actions: Vec<Action> = posts[0].buttons.iter().map(|b| b.action.clone()).collect();
    let expected: Vec<Action> =
        (1..=round.rooms.len() as u32).map(|room| Action::Choose { round: round.id, room }).collect();
    assert_eq!(actions, expected, "every table pickable");
    assert!(!posts[0].text.contains("topic"), "numbered tables, not topics: {}", posts[0].text);

    // A choose round that finished its split is left alone.
    breakouts::close(&w.store, &w.chat, &w.clock, &Offline, &facilitator(&w)).await.unwrap();
    let finished = split_at_tables(&w, &people, Mode::Choose).await;
    let before = w.chat.events().len();
    assert_eq!(restart(&w, &finished).await, vec![]);
    assert_eq!(w.chat.events().len(), before);
}
