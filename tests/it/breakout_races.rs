//! Breakouts under concurrency, through the use cases: members picking or joining at the same
//! moment, two facilitators splitting at once. The futures run together, so their store calls
//! overlap on the pool's connections.

use futures::future::join_all;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use samrad::app::breakouts::{self, BreakoutError, SplitRequest};
use samrad::app::ports::prelude::*;
use samrad::app::ports::Round;
use samrad::app::{Actor, Staff, UserMessage};
use samrad::console::ChatEvent;
use samrad::domain::grouping::{Mode, Sizing};
use samrad::i18n::Lang;

use crate::harness::World;

fn facilitator<S>(w: &World<S>, n: u64) -> Actor {
    Actor { staff: Staff::Facilitator, user: samrad::domain::UserId(900 + n), ..w.organiser.clone() }
}

fn choose(size: u32, people: &[Actor]) -> SplitRequest {
    SplitRequest {
        mode: Mode::Choose,
        sizing: Sizing::Size(size),
        minutes: 10,
        voice: false,
        plan: None,
        present: Some(people.iter().map(|p| p.user).collect()),
        topics: Vec::new(),
    }
}

async fn split_as<S: Store>(w: &World<S>, who: &Actor, req: &SplitRequest) -> Result<Round, BreakoutError> {
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    breakouts::split(&w.store, &w.chat, &w.clock, who, req, &mut rng, &|_, _| {}).await
}

fn rooms_created<S>(w: &World<S>) -> usize {
    w.chat.events().iter().filter(|e| matches!(e, ChatEvent::Room { .. })).count()
}

on_both_stores!(members_picking_the_last_seats_at_once_fill_the_room_and_the_rest_are_told, "example-en");
async fn members_picking_the_last_seats_at_once_fill_the_room_and_the_rest_are_told<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(4).await; // 12 people
    let round = split_as(&w, &facilitator(&w, 1), &choose(4, &people)).await.unwrap();
    let cap = round.rooms[0].cap.expect("choose rooms have a cap") as usize;
    let picks = people.iter().map(|p| breakouts::pick_room(&w.store, &w.chat, &w.clock, p, round.id, 1));
    let outcomes = join_all(picks).await;
    let seated = outcomes.iter().filter(|o| o.is_ok()).count();
    assert_eq!(seated, cap, "exactly the room's places are taken");
    for refused in outcomes.iter().filter_map(|o| o.as_ref().err()) {
        let said = refused.user_message(Lang::En);
        assert!(said.contains("full") && said.contains('1'), "a clear reply naming the room: {said}");
    }
    let stored = w.store.open_round(round.meeting).await.unwrap().unwrap();
    assert_eq!(stored.rooms[0].members.len(), cap, "the cap holds in the database");
}

on_both_stores!(late_joiners_arriving_at_once_each_get_one_seat_until_all_are_full, "example-en");
async fn late_joiners_arriving_at_once_each_get_one_seat_until_all_are_full<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(5).await; // 15 people
    let (first, late) = people.split_at(12);
    let round = split_as(&w, &facilitator(&w, 1), &choose(4, first)).await.unwrap();
    let places: usize = round.rooms.iter().map(|r| r.cap.unwrap() as usize).sum();
    // Everyone arrives late at once: the 12 invited and 3 more, for `places` seats.
    let joins = first.iter().chain(late).map(|p| breakouts::join_late(&w.store, &w.chat, p));
    let outcomes = join_all(joins).await;
    let seated = outcomes.iter().filter(|o| o.is_ok()).count();
    assert_eq!(seated, places.min(people.len()), "{outcomes:?}");
    assert!(outcomes.iter().filter_map(|o| o.as_ref().err()).all(|e| matches!(e, BreakoutError::AllFull)));
    let stored = w.store.open_round(round.meeting).await.unwrap().unwrap();
    for room in &stored.rooms {
        assert!(room.members.len() <= room.cap.unwrap() as usize, "{} over its cap", room.name);
    }
    for p in &people {
        let seats = stored.rooms.iter().filter(|r| r.members.contains(&p.user)).count();
        assert!(seats <= 1, "{} sits in {seats} rooms", p.name);
    }
}

on_both_stores!(two_facilitators_splitting_at_once_make_one_round_and_no_stray_rooms, "example-en");
async fn two_facilitators_splitting_at_once_make_one_round_and_no_stray_rooms<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(4).await;
    let req = SplitRequest { mode: Mode::Random, ..choose(4, &people) };
    let (a, b) = (facilitator(&w, 1), facilitator(&w, 2));
    let (first, second) = futures::join!(split_as(&w, &a, &req), split_as(&w, &b, &req));
    let (made, refused) = match (first, second) {
        (Ok(r), Err(e)) | (Err(e), Ok(r)) => (r, e),
        other => panic!("expected one round and one refusal, got {other:?}"),
    };
    assert!(matches!(refused, BreakoutError::RoundRunning), "{refused:?}");
    assert!(refused.user_message(Lang::En).to_lowercase().contains("round"), "a clear refusal");
    let rounds = w.store.rounds(made.meeting).await.unwrap();
    assert_eq!(rounds.len(), 1, "one round in the database");
    assert_eq!(rooms_created(&w), made.rooms.len(), "only the round's own rooms were made");
}
