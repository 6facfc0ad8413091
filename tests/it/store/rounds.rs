//! BreakoutStore: rounds, rooms and who sits in them, room channels, notes and summaries.

use samrad::app::ports::{NewRoom, Note, Room, Round};
use samrad::domain::grouping::Mode;

use super::*;

store_tests!(
    a_round_round_trips_every_field,
    round_numbers_count_up_per_meeting,
    a_duplicate_room_number_is_a_conflict_and_stores_nothing,
    room_settings_and_members_are_stored,
    open_rounds_exclude_closed_ones,
    room_by_channel_finds_text_and_voice_rooms,
    notes_keep_their_order_and_text,
    seating_history_groups_each_rooms_members_within_the_guild,
    a_round_at_tables_is_stored_as_in_person_with_its_seating,
    a_grouping_mode_samrad_does_not_know_reads_back_as_corrupt_data,
);

fn new_room(number: u32, members: &[u64]) -> NewRoom {
    NewRoom {
        number,
        name: format!("bord-{number}"),
        label: None,
        cap: None,
        members: members.iter().map(|&n| user(n)).collect(),
    }
}

async fn a_round_round_trips_every_field(db: &Db) {
    let m = meeting(db).await;
    // Given out of order, to see rooms come back by number and members by id.
    let rooms = [
        NewRoom { label: Some("Nøkkelpersoner «A»".into()), cap: Some(6), ..new_room(2, &[7, 3]) },
        NewRoom { name: "Bord én 🍵".into(), ..new_room(1, &[]) },
    ];
    let round = db.store.create_round(m, Mode::SameUnit, Some("runde-1"), at(0), at(1_500), &rooms).await.unwrap();
    let expected = Round {
        id: round.id,
        meeting: m,
        number: 1,
        mode: Mode::SameUnit,
        plan_id: Some("runde-1".into()),
        categories: vec![],
        started_at: at(0),
        ends_at: at(1_500),
        closed_at: None,
        warned: false,
        in_person: false,
        rooms: vec![
            Room {
                id: round.rooms[0].id,
                number: 1,
                name: "Bord én 🍵".into(),
                label: None,
                cap: None,
                text_channel: None,
                voice_channel: None,
                members: vec![],
                summary: None,
            },
            Room {
                id: round.rooms[1].id,
                number: 2,
                name: "bord-2".into(),
                label: Some("Nøkkelpersoner «A»".into()),
                cap: Some(6),
                text_channel: None,
                voice_channel: None,
                members: vec![user(3), user(7)],
                summary: None,
            },
        ],
    };
    assert_eq!(round, expected, "create_round returns the round as stored");
    assert_eq!(db.store.rounds(m).await.unwrap(), vec![expected.clone()]);
    assert_eq!(db.store.open_round(m).await.unwrap(), Some(expected));
    db.store.close_round(round.id, at(60)).await.unwrap();
    for mode in Mode::ALL {
        let r = db.store.create_round(m, mode, None, at(0), at(60), &[]).await.unwrap();
        assert_eq!((r.mode, r.plan_id, r.rooms.len()), (mode, None, 0));
        db.store.close_round(r.id, at(60)).await.unwrap();
    }
}

async fn round_numbers_count_up_per_meeting(db: &Db) {
    let m = meeting(db).await;
    let other = db.store.create_meeting(&new_meeting(GUILD, "kit-b"), t0()).await.unwrap();
    let mut got = Vec::new();
    for meeting in [m, m, other, m] {
        let round = db.store.create_round(meeting, Mode::Random, None, at(0), at(60), &[]).await.unwrap();
        db.store.close_round(round.id, at(60)).await.unwrap();
        got.push(round.number);
    }
    assert_eq!(got, [1, 2, 1, 3]);
    assert_eq!(db.store.rounds(m).await.unwrap().iter().map(|r| r.number).collect::<Vec<_>>(), [1, 2, 3]);
}

async fn a_duplicate_room_number_is_a_conflict_and_stores_nothing(db: &Db) {
    let m = meeting(db).await;
    let rooms = [new_room(1, &[1]), new_room(1, &[2])];
    assert_conflict(db.store.create_round(m, Mode::Random, None, at(0), at(60), &rooms).await, "two rooms numbered 1");
    let twice = [new_room(1, &[1, 1])];
    assert_conflict(db.store.create_round(m, Mode::Random, None, at(0), at(60), &twice).await, "a member seated twice");
    assert!(db.store.rounds(m).await.unwrap().is_empty(), "no half-made round");
    assert_not_found(
        db.store.create_round(MeetingId(987_654), Mode::Random, None, at(0), at(60), &[]).await,
        "a round of an unknown meeting",
    );
}

async fn room_settings_and_members_are_stored(db: &Db) {
    let m = meeting(db).await;
    let round = db.store.create_round(m, Mode::Roles, None, at(0), at(600), &[new_room(1, &[1, 2])]).await.unwrap();
    let room = round.rooms[0].id;
    db.store.add_round_category(round.id, channel(10)).await.unwrap();
    db.store.add_round_category(round.id, channel(13)).await.unwrap();
    db.store.set_room_channels(room, Some(channel(11)), Some(channel(12))).await.unwrap();
    db.store.set_room_members(room, &[user(9), user(2), user(5)]).await.unwrap();
    db.store.set_round_ends(round.id, at(900), true).await.unwrap();
    db.store.set_room_summary(room, user(2), "Vi ble enige om «tre tiltak»:\n1. …").await.unwrap();

    let stored = db.store.open_round(m).await.unwrap().unwrap();
    assert_eq!(stored.categories, [channel(10), channel(13)], "categories in the order added");
    assert_eq!((stored.ends_at, stored.warned), (at(900), true));
    let r = &stored.rooms[0];
    assert_eq!((r.text_channel, r.voice_channel), (Some(channel(11)), Some(channel(12))));
    assert_eq!(r.members, [user(2), user(5), user(9)], "the new seating replaces the old, by id");
    assert_eq!(r.summary.as_deref(), Some("Vi ble enige om «tre tiltak»:\n1. …"));

    db.store.set_round_ends(round.id, at(1_200), false).await.unwrap();
    db.store.set_room_members(room, &[]).await.unwrap();
    let stored = db.store.open_round(m).await.unwrap().unwrap();
    assert_eq!((stored.ends_at, stored.warned), (at(1_200), false));
    assert!(stored.rooms[0].members.is_empty());
}

async fn open_rounds_exclude_closed_ones(db: &Db) {
    let m = meeting(db).await;
    let other = db.store.create_meeting(&new_meeting(OTHER_GUILD, "kit-a"), t0()).await.unwrap();
    let first = db.store.create_round(m, Mode::Random, None, at(0), at(60), &[]).await.unwrap();
    let elsewhere = db.store.create_round(other, Mode::Pairs, None, at(0), at(60), &[]).await.unwrap();
    let open_ids = |rounds: Vec<Round>| rounds.into_iter().map(|r| r.id).collect::<Vec<_>>();

    assert_eq!(db.store.open_round(m).await.unwrap().map(|r| r.id), Some(first.id));
    assert_eq!(open_ids(db.store.open_rounds().await.unwrap()), [first.id, elsewhere.id]);
    db.store.close_round(first.id, at(70)).await.unwrap();
    db.store.close_round(first.id, at(80)).await.unwrap();
    assert_eq!(db.store.rounds(m).await.unwrap()[0].closed_at, Some(at(70)), "closing again keeps the first time");
    assert_eq!(db.store.open_round(m).await.unwrap(), None);
    let second = db.store.create_round(m, Mode::Units, None, at(90), at(120), &[]).await.unwrap();
    assert_eq!(db.store.open_round(m).await.unwrap().map(|r| r.id), Some(second.id), "the next round opens");
    db.store.close_round(second.id, at(130)).await.unwrap();
    assert_eq!(open_ids(db.store.open_rounds().await.unwrap()), [elsewhere.id]);
    assert_eq!(db.store.rounds(m).await.unwrap().len(), 2, "closed rounds are still the meeting's");
}

async fn room_by_channel_finds_text_and_voice_rooms(db: &Db) {
    let m = meeting(db).await;
    let rooms = [new_room(1, &[1]), new_room(2, &[2])];
    let round = db.store.create_round(m, Mode::Random, None, at(0), at(60), &rooms).await.unwrap();
    let (one, two) = (round.rooms[0].id, round.rooms[1].id);
    db.store.set_room_channels(one, Some(channel(11)), None).await.unwrap();
    db.store.set_room_channels(two, Some(channel(21)), Some(channel(22))).await.unwrap();
    // A None leaves the channel the room has (the voice channel may come later).
    db.store.set_room_channels(one, None, Some(channel(12))).await.unwrap();

    for (ch, room) in [(channel(11), one), (channel(12), one), (channel(21), two), (channel(22), two)] {
        let (found_round, found_room) = db.store.room_by_channel(ch).await.unwrap().expect("a room's channel");
        assert_eq!((found_round.id, found_room.id), (round.id, room));
    }
    let (_, room) = db.store.room_by_channel(channel(11)).await.unwrap().unwrap();
    assert_eq!(
        (room.text_channel, room.voice_channel, room.members.clone()),
        (Some(channel(11)), Some(channel(12)), vec![user(1)])
    );
    assert_eq!(db.store.room_by_channel(channel(99)).await.unwrap(), None);
}

async fn notes_keep_their_order_and_text(db: &Db) {
    let m = meeting(db).await;
    let round = db.store.create_round(m, Mode::Random, None, at(0), at(60), &[new_room(1, &[1, 2])]).await.unwrap();
    let room = round.rooms[0].id;
    assert!(db.store.notes(room).await.unwrap().is_empty());
    // Same instant twice: the order is the order they were written.
    db.store.add_note(room, user(2), "Første notat — «viktig» 📝", at(5)).await.unwrap();
    db.store.add_note(room, user(1), "andre", at(5)).await.unwrap();
    db.store.add_note(room, user(2), &"x".repeat(4000), at(4)).await.unwrap();
    let notes = db.store.notes(room).await.unwrap();
    assert_eq!(
        notes,
        vec![
            Note { user: user(2), text: "Første notat — «viktig» 📝".into(), at: at(5) },
            Note { user: user(1), text: "andre".into(), at: at(5) },
            Note { user: user(2), text: "x".repeat(4000), at: at(4) },
        ]
    );
    assert_conflict(db.store.add_note(room, user(1), "   ", at(6)).await, "a blank note");
    assert_conflict(db.store.add_note(room, user(1), &"x".repeat(4001), at(6)).await, "a 4001-character note");
    assert_not_found(db.store.add_note(987_654, user(1), "hei", at(6)).await, "a note in an unknown room");
    assert_eq!(db.store.notes(room).await.unwrap().len(), 3);
}

async fn seating_history_groups_each_rooms_members_within_the_guild(db: &Db) {
    let m = meeting(db).await;
    let later = db.store.create_meeting(&new_meeting(GUILD, "kit-b"), t0()).await.unwrap();
    let elsewhere = db.store.create_meeting(&new_meeting(OTHER_GUILD, "kit-a"), t0()).await.unwrap();
    assert!(db.store.seating_history(GUILD).await.unwrap().is_empty());
    let rooms = [new_room(1, &[4, 1]), new_room(2, &[2, 3])];
    let first = db.store.create_round(m, Mode::Random, None, at(0), at(60), &rooms).await.unwrap();
    db.store.close_round(first.id, at(60)).await.unwrap();
    db.store
        .create_round(later, Mode::Units, None, at(0), at(60), &[new_room(1, &[1, 3]), new_room(2, &[])])
        .await
        .unwrap();
    db.store.create_round(elsewhere, Mode::Random, None, at(0), at(60), &[new_room(1, &[1, 2])]).await.unwrap();

    let mut groups = db.store.seating_history(GUILD).await.unwrap();
    for g in &mut groups {
        g.sort();
    }
    groups.sort();
    assert_eq!(groups, vec![vec![user(1), user(3)], vec![user(1), user(4)], vec![user(2), user(3)]]);
}

/// A round at tables in the room (`channels:false`) keeps its seating like any round, so the
/// next split (of any meeting of the guild) reads it as history, and it says it is in person.
async fn a_round_at_tables_is_stored_as_in_person_with_its_seating(db: &Db) {
    let m = meeting(db).await;
    let rooms = [new_room(1, &[1, 2]), new_room(2, &[3, 4])];
    let round = db.store.create_table_round(m, Mode::Units, None, at(0), at(60), &rooms).await.unwrap();
    assert!(round.in_person, "created at tables");
    assert!(round.categories.is_empty() && round.rooms.iter().all(|r| r.text_channel.is_none()));
    assert_eq!(db.store.open_round(m).await.unwrap().map(|r| r.in_person), Some(true));
    assert_conflict(
        db.store.create_round(m, Mode::Random, None, at(0), at(60), &[]).await,
        "a round at tables is the meeting's open round",
    );
    db.store.close_round(round.id, at(60)).await.unwrap();
    let mut history = db.store.seating_history(GUILD).await.unwrap();
    history.iter_mut().for_each(|g| g.sort());
    history.sort();
    assert_eq!(history, vec![vec![user(1), user(2)], vec![user(3), user(4)]]);
    let later = db.store.create_round(m, Mode::Random, None, at(70), at(90), &[]).await.unwrap();
    assert!(!later.in_person, "a round with channels is not in person");
    assert_eq!(db.store.rounds(m).await.unwrap().iter().map(|r| r.in_person).collect::<Vec<_>>(), [true, false]);
}

/// The schema no longer lists the modes (`Mode::ALL` is the one list): a mode samrad does not
/// know, in a round or an agenda item's plan, is refused where it is read.
async fn a_grouping_mode_samrad_does_not_know_reads_back_as_corrupt_data(db: &Db) {
    let m = meeting(db).await;
    db.store.create_round(m, Mode::Pairs, None, at(0), at(60), &[new_room(1, &[1])]).await.unwrap();
    db.raw("UPDATE rounds SET mode = 'trios'").await;
    let corrupt = |r: Result<_, StoreError>, what: &str| match r {
        Err(StoreError::Corrupt(why)) => assert!(why.contains("mode"), "{what}: {why}"),
        other => panic!("{what}: expected corrupt data, got {other:?}"),
    };
    corrupt(db.store.rounds(m).await.map(|_| ()), "rounds");
    corrupt(db.store.open_round(m).await.map(|_| ()), "the open round");

    let plan = samrad::domain::kit::BreakoutPlan {
        id: "par".into(),
        title: "Kritiske venner".into(),
        mode: Mode::Pairs,
        size: None,
        minutes: 20,
        questions: vec![],
        topics: vec![],
    };
    let item = samrad::domain::agenda::DayItem {
        position: 0,
        starts_at: at(0),
        minutes: 20,
        kind: samrad::domain::kit::AgendaKind::Breakout,
        title: "Grupper".into(),
        plan: Some(plan),
        ask: vec![],
    };
    db.store.start_agenda(m, &[item], &[], at(0)).await.unwrap();
    db.raw("UPDATE agenda_items SET plan_mode = 'trios'").await;
    corrupt(db.store.agenda(m).await.map(|_| ()), "the agenda");
}
