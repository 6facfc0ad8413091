//! BreakoutStore under real concurrency: seats taken by many tasks over many pool connections
//! at once, and rounds started at once. Each outcome is checked in the database afterwards.

use std::collections::BTreeMap;

use samrad::app::ports::{NewRoom, Seating};
use samrad::domain::grouping::Mode;

use super::*;

store_tests!(
    a_seat_moves_a_member_out_of_the_rounds_other_rooms,
    a_full_room_or_a_closed_round_seats_nobody,
    twenty_members_picking_a_room_of_four_at_once_seat_exactly_four,
    members_moving_between_rooms_at_once_each_end_in_exactly_one,
    one_member_clicking_every_room_at_once_ends_in_one_room,
    rounds_started_at_once_open_one_and_refuse_the_rest,
    a_second_open_round_in_a_meeting_is_a_conflict,
);

fn room(number: u32, cap: Option<u32>, members: &[u64]) -> NewRoom {
    NewRoom {
        number,
        name: format!("rom-{number}"),
        label: None,
        cap,
        members: members.iter().map(|&n| user(n)).collect(),
    }
}

/// Who sits where, read back from the store: user → rooms they are in.
async fn seats(db: &Db, m: MeetingId) -> BTreeMap<UserId, Vec<u32>> {
    let round = db.store.open_round(m).await.unwrap().expect("an open round");
    let mut seats: BTreeMap<UserId, Vec<u32>> = BTreeMap::new();
    for r in &round.rooms {
        for u in &r.members {
            seats.entry(*u).or_default().push(r.number);
        }
    }
    seats
}

async fn a_seat_moves_a_member_out_of_the_rounds_other_rooms(db: &Db) {
    let m = meeting(db).await;
    let round = db
        .store
        .create_round(m, Mode::Choose, None, at(0), at(60), &[room(1, None, &[1, 2]), room(2, None, &[3])])
        .await;
    let round = round.unwrap();
    let (one, two) = (round.rooms[0].id, round.rooms[1].id);
    assert_eq!(db.store.seat(two, user(1), true).await.unwrap(), Seating::Seated { left: vec![one] });
    assert_eq!(db.store.seat(two, user(1), true).await.unwrap(), Seating::AlreadyThere);
    assert_eq!(db.store.seat(one, user(9), true).await.unwrap(), Seating::Seated { left: vec![] }, "a newcomer");
    let stored = db.store.open_round(m).await.unwrap().unwrap();
    assert_eq!(stored.rooms[0].members, [user(2), user(9)]);
    assert_eq!(stored.rooms[1].members, [user(1), user(3)]);
    assert_not_found(db.store.seat(987_654, user(1), true).await, "an unknown room");
}

async fn a_full_room_or_a_closed_round_seats_nobody(db: &Db) {
    let m = meeting(db).await;
    let rooms = [room(1, Some(2), &[1, 2]), room(2, Some(2), &[3])];
    let round = db.store.create_round(m, Mode::Choose, None, at(0), at(60), &rooms).await.unwrap();
    let (one, two) = (round.rooms[0].id, round.rooms[1].id);
    assert_eq!(db.store.seat(one, user(3), true).await.unwrap(), Seating::Full);
    assert_eq!(db.store.seat(one, user(3), false).await.unwrap(), Seating::Seated { left: vec![two] }, "past the cap");
    db.store.close_round(round.id, at(60)).await.unwrap();
    assert_eq!(db.store.seat(two, user(1), true).await.unwrap(), Seating::RoundClosed);
    let stored = db.store.rounds(m).await.unwrap().remove(0);
    assert_eq!(stored.rooms[0].members, [user(1), user(2), user(3)]);
    assert!(stored.rooms[1].members.is_empty(), "nothing changed after the close");
}

async fn twenty_members_picking_a_room_of_four_at_once_seat_exactly_four(db: &Db) {
    let m = meeting(db).await;
    let rooms = [room(1, Some(4), &[]), room(2, Some(4), &[])];
    let round = db.store.create_round(m, Mode::Choose, None, at(0), at(60), &rooms).await.unwrap();
    let target = round.rooms[0].id;
    let picks = (1..=20).map(|n| {
        let store = Arc::clone(&db.store);
        tokio::spawn(async move { store.seat(target, user(n), true).await })
    });
    let outcomes: Vec<Seating> =
        futures::future::join_all(picks).await.into_iter().map(|r| r.unwrap().expect("every pick answers")).collect();
    let seated = outcomes.iter().filter(|o| matches!(o, Seating::Seated { .. })).count();
    let full = outcomes.iter().filter(|o| **o == Seating::Full).count();
    assert_eq!((seated, full), (4, 16), "{outcomes:?}");
    let stored = db.store.open_round(m).await.unwrap().unwrap();
    assert_eq!(stored.rooms[0].members.len(), 4, "the cap holds in the database");
}

async fn members_moving_between_rooms_at_once_each_end_in_exactly_one(db: &Db) {
    let m = meeting(db).await;
    // 30 members in three rooms; each moves to the next room at the same moment, twice over.
    let rooms = [room(1, None, &[]), room(2, None, &[]), room(3, None, &[])];
    let mut rooms = rooms;
    for n in 1..=30u64 {
        rooms[(n % 3) as usize].members.push(user(n));
    }
    let round = db.store.create_round(m, Mode::Choose, None, at(0), at(60), &rooms).await.unwrap();
    let ids: Vec<i64> = round.rooms.iter().map(|r| r.id).collect();
    let moves = (1..=30u64).flat_map(|n| {
        let ids = ids.clone();
        (1..=2).map(move |step| (n, ids[((n + step) % 3) as usize]))
    });
    let tasks = moves.map(|(n, to)| {
        let store = Arc::clone(&db.store);
        tokio::spawn(async move { store.seat(to, user(n), true).await })
    });
    for outcome in futures::future::join_all(tasks).await {
        outcome.unwrap().expect("every move answers");
    }
    let seats = seats(db, m).await;
    assert_eq!(seats.len(), 30, "no seat lost");
    assert!(seats.values().all(|rooms| rooms.len() == 1), "each in exactly one room: {seats:?}");
}

async fn one_member_clicking_every_room_at_once_ends_in_one_room(db: &Db) {
    let m = meeting(db).await;
    let rooms: Vec<NewRoom> = (1..=6).map(|n| room(n, Some(3), &[])).collect();
    let round = db.store.create_round(m, Mode::Choose, None, at(0), at(60), &rooms).await.unwrap();
    let clicks = round.rooms.iter().map(|r| {
        let (store, id) = (Arc::clone(&db.store), r.id);
        tokio::spawn(async move { store.seat(id, user(1), true).await })
    });
    for outcome in futures::future::join_all(clicks).await {
        outcome.unwrap().expect("every click answers");
    }
    assert_eq!(seats(db, m).await.get(&user(1)).map(Vec::len), Some(1));
}

async fn rounds_started_at_once_open_one_and_refuse_the_rest(db: &Db) {
    let m = meeting(db).await;
    let starts = (1..=8u64).map(|n| {
        let store = Arc::clone(&db.store);
        tokio::spawn(async move {
            store.create_round(m, Mode::Random, None, at(0), at(60), &[room(1, None, &[n]), room(2, None, &[])]).await
        })
    });
    let outcomes: Vec<_> = futures::future::join_all(starts).await.into_iter().map(|r| r.unwrap()).collect();
    assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 1, "{outcomes:?}");
    for refused in outcomes.into_iter().filter(|o| o.is_err()) {
        assert_conflict(refused, "a second open round");
    }
    let rounds = db.store.rounds(m).await.unwrap();
    assert_eq!(rounds.len(), 1, "the refused ones stored nothing");
    assert_eq!(rounds[0].rooms.len(), 2);
}

async fn a_second_open_round_in_a_meeting_is_a_conflict(db: &Db) {
    let m = meeting(db).await;
    let other = db.store.create_meeting(&new_meeting(GUILD, "kit-b"), t0()).await.unwrap();
    let first = db.store.create_round(m, Mode::Random, None, at(0), at(60), &[]).await.unwrap();
    assert_conflict(db.store.create_round(m, Mode::Random, None, at(0), at(60), &[]).await, "two open rounds");
    db.store.create_round(other, Mode::Random, None, at(0), at(60), &[]).await.expect("another meeting may");
    db.store.close_round(first.id, at(60)).await.unwrap();
    let second = db.store.create_round(m, Mode::Random, None, at(70), at(90), &[]).await.expect("after the close");
    assert_eq!(second.number, 2);
}
