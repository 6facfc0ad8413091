//! Examples over rounds: someone new at the second round, a fixed seed, duplicates in the
//! list, rooms to choose, and late joiners.

use super::*;

#[test]
fn a_second_round_seats_people_with_someone_new() {
    let seats = network(40, 8, 1);
    let history = earlier_rounds(&seats, Sizing::Size(4), 1);
    for seed in 0..10 {
        let groups = run(&seats, Mode::Random, Sizing::Size(4), &history, seed);
        assert_eq!(repeat_pairs(&groups, &history), 0, "seed {seed}");
        let groups = run(&seats, Mode::Units, Sizing::Size(4), &history, seed);
        assert_eq!(repeat_pairs(&groups, &history), 0, "seed {seed}");
        assert_eq!(same_unit_pairs(&groups, &seats), 0);
    }
}

#[test]
fn repeat_avoidance_beats_a_plain_shuffle_on_average() {
    let seats = network(30, 6, 1);
    let history = earlier_rounds(&seats, Sizing::Size(5), 4);
    let (mut avoiding, mut shuffled) = (0, 0);
    for seed in 0..30 {
        avoiding += repeat_pairs(&run(&seats, Mode::Random, Sizing::Size(5), &history, seed), &history);
        shuffled += repeat_pairs(&plain_shuffle(&seats, 6, seed), &history);
    }
    assert!(avoiding * 2 < shuffled, "avoiding {avoiding}, shuffled {shuffled}");
}

#[test]
fn the_same_seed_gives_the_same_tables() {
    let seats = network(50, 7, 4);
    let history = earlier_rounds(&seats, Sizing::Size(5), 3);
    for mode in Mode::ALL {
        let a = run(&seats, mode, Sizing::Size(5), &history, 11);
        let b = run(&seats, mode, Sizing::Size(5), &history, 11);
        assert_eq!(a, b, "{}", mode.as_str());
    }
}

#[test]
fn everyone_is_seated_once_even_if_listed_twice() {
    let mut seats = network(6, 3, 1);
    seats.push(seats[0].clone());
    let groups = run(&seats, Mode::Random, Sizing::Size(3), &History::default(), 0);
    assert_eq!(sizes(&groups).iter().sum::<usize>(), 6);
}

#[test]
fn choose_opens_empty_rooms_with_a_cap() {
    let seats = network(10, 3, 1);
    let groups = run(&seats, Mode::Choose, Sizing::Rooms(3), &History::default(), 0);
    assert_eq!(groups.len(), 3);
    assert!(groups.iter().all(|g| g.members.is_empty() && g.cap == Some(5)));
}

#[test]
fn a_late_joiner_takes_the_smallest_room_without_a_colleague() {
    let seats: Vec<Seat> = [(1, "KHM"), (2, "JUS"), (3, "MED"), (4, "JUS"), (5, "KHM")]
        .into_iter()
        .map(|(id, u)| seat(id, Some(u), None))
        .collect();
    let groups = vec![
        Group { members: vec![UserId(1), UserId(2)], label: None, cap: None, units: vec![] },
        Group { members: vec![UserId(3), UserId(4), UserId(5)], label: None, cap: None, units: vec![] },
    ];
    let late_khm = seat(6, Some("KHM"), None);
    let late_med = seat(7, Some("MED"), None);
    let h = History::default();
    // Both rooms have someone from KHM: the smaller room.
    assert_eq!(assign_late_joiner(&groups, &late_khm, &seats, Mode::Units, &h), Some(0));
    let mut groups = groups;
    groups[0].members.extend([UserId(20), UserId(21)]);
    // Room 0 is now the larger one, but the only one without someone from MED.
    assert_eq!(assign_late_joiner(&groups, &late_med, &seats, Mode::Units, &h), Some(0));
    // In random mode only the size counts.
    assert_eq!(assign_late_joiner(&groups, &late_med, &seats, Mode::Random, &h), Some(1));
    // Someone already seated keeps their room.
    assert_eq!(assign_late_joiner(&groups, &seats[2], &seats, Mode::Random, &h), Some(1));
}

#[test]
fn a_late_manager_joins_the_managers_unless_their_room_is_full() {
    let seats = network(6, 2, 2); // ids 1,3,5 Nyckelperson; 2,4,6 Chef
    let mut groups = run(&seats, Mode::Roles, Sizing::Auto, &History::default(), 0);
    let late = seat(7, Some("U00"), Some("chef"));
    let h = History::default();
    assert_eq!(assign_late_joiner(&groups, &late, &seats, Mode::Roles, &h), Some(0));
    groups[0].cap = Some(3);
    assert_eq!(assign_late_joiner(&groups, &late, &seats, Mode::Roles, &h), Some(1));
    groups[1].cap = Some(3);
    assert_eq!(assign_late_joiner(&groups, &late, &seats, Mode::Roles, &h), None);
}
