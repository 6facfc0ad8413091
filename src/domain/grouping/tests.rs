//! Grouping as a meeting sees it: examples from the seed meetings, then properties that hold
//! for any network (proptest).

use std::collections::HashSet;

use proptest::prelude::*;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::*;
use crate::domain::{RoleName, UnitName};

const ROLES: [&str; 4] = ["Nyckelperson", "Chef", "Förtroendevald", "Facklig"];

fn seat(id: u64, unit: Option<&str>, role: Option<&str>) -> Seat {
    Seat {
        user: UserId(id),
        unit: unit.map(|u| UnitName::try_from(u).unwrap()),
        role: role.map(|r| RoleName::try_from(r).unwrap()),
    }
}

/// `people` members of a network, spread over `units` units and `roles` roles in turn.
fn network(people: usize, units: usize, roles: usize) -> Vec<Seat> {
    (0..people)
        .map(|i| {
            let unit = format!("U{:02}", i % units);
            seat(i as u64 + 1, Some(&unit), Some(ROLES[i % roles]))
        })
        .collect()
}

fn rng(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

fn run(seats: &[Seat], mode: Mode, sizing: Sizing, history: &History, seed: u64) -> Vec<Group> {
    split(seats, mode, sizing, history, &mut rng(seed)).expect("split")
}

/// `rounds` earlier random rounds of the same people.
fn earlier_rounds(seats: &[Seat], sizing: Sizing, rounds: u64) -> History {
    let mut history = History::default();
    for r in 0..rounds {
        let groups = run(seats, Mode::Random, sizing, &History::default(), 1000 + r);
        history.record_groups(&groups);
    }
    history
}

/// A plain shuffle cut into the same balanced tables, for comparison.
fn plain_shuffle(seats: &[Seat], tables: usize, seed: u64) -> Vec<Group> {
    let mut users: Vec<UserId> = seats.iter().map(|s| s.user).collect();
    users.shuffle(&mut rng(seed));
    let idx: Vec<usize> = (0..users.len()).collect();
    sizing::chunk(&idx, tables)
        .into_iter()
        .map(|t| Group { members: t.iter().map(|&i| users[i]).collect(), label: None, cap: None, units: Vec::new() })
        .collect()
}

fn sizes(groups: &[Group]) -> Vec<usize> {
    groups.iter().map(|g| g.members.len()).collect()
}

fn role_of(seats: &[Seat], user: UserId) -> Option<RoleName> {
    seats.iter().find(|s| s.user == user).and_then(|s| s.role.clone())
}

fn unit_of(seats: &[Seat], user: UserId) -> Option<UnitName> {
    seats.iter().find(|s| s.user == user).and_then(|s| s.unit.clone())
}

// ---- examples -------------------------------------------------------------------------

#[test]
fn mixed_split_never_seats_two_from_one_unit() {
    // Six faculties with three or four members each, tables of four.
    let seats = network(22, 6, 1);
    for seed in 0..20 {
        let groups = run(&seats, Mode::Units, Sizing::Size(4), &History::default(), seed);
        assert_eq!(groups.len(), 6);
        assert_eq!(same_unit_pairs(&groups, &seats), 0, "seed {seed}: {groups:?}");
    }
}

#[test]
fn mixed_split_with_a_crowded_unit_seats_as_few_colleagues_together_as_possible() {
    // The host faculty brings seven people to three tables: 3+2+2 is the best spread, which
    // means 3 + 1 + 1 = 5 same-unit pairs; the others have no reason to meet a colleague.
    let mut seats: Vec<Seat> = (1..=7).map(|i| seat(i, Some("KHM"), None)).collect();
    seats.extend((8..=12).map(|i| seat(i, Some(if i % 2 == 0 { "JUS" } else { "MED" }), None)));
    for seed in 0..20 {
        let groups = run(&seats, Mode::Units, Sizing::Rooms(3), &History::default(), seed);
        assert_eq!(same_unit_pairs(&groups, &seats), 5, "seed {seed}: {groups:?}");
    }
}

#[test]
fn guests_without_a_unit_mix_freely_in_a_mixed_split() {
    let mut seats = network(8, 4, 1);
    seats.extend((20..24).map(|id| seat(id, None, None)));
    let groups = run(&seats, Mode::Units, Sizing::Rooms(2), &History::default(), 5);
    assert!(seated_once(&seats, &groups));
    assert_eq!(same_unit_pairs(&groups, &seats), 0);
    assert_eq!(sizes(&groups), vec![6, 6]);
    let err = split(&seats, Mode::SameUnit, Sizing::Auto, &History::default(), &mut rng(0));
    assert_eq!(err, Err(SplitError::MissingUnits("same-unit", 4)));
}

#[test]
fn five_people_at_tables_of_four_sit_three_and_two() {
    let seats = network(5, 5, 1);
    let groups = run(&seats, Mode::Random, Sizing::Size(4), &History::default(), 7);
    assert_eq!(sizes(&groups), vec![3, 2]);
}

#[test]
fn key_persons_managers_and_elected_work_in_separate_groups() {
    let seats = network(12, 4, 3);
    let groups = run(&seats, Mode::Roles, Sizing::Auto, &History::default(), 1);
    let labels: Vec<_> = groups.iter().map(|g| g.label.clone().unwrap()).collect();
    assert_eq!(labels, ["Chef", "Förtroendevald", "Nyckelperson"]);
    for g in &groups {
        let roles: HashSet<_> = g.members.iter().map(|&m| role_of(&seats, m)).collect();
        assert_eq!(roles.len(), 1);
    }
}

#[test]
fn a_large_role_group_is_split_into_numbered_tables_of_equal_size() {
    let seats = network(30, 5, 3);
    let groups = run(&seats, Mode::Roles, Sizing::Size(4), &History::default(), 2);
    assert_eq!(groups.len(), 9);
    assert_eq!(groups[0].label.as_deref(), Some("Chef (1/3)"));
    assert!(sizes(&groups).iter().all(|&s| s == 3 || s == 4));
}

#[test]
fn role_groups_need_everyones_role() {
    let mut seats = network(6, 2, 2);
    seats.push(seat(99, Some("U00"), None));
    let err = split(&seats, Mode::Roles, Sizing::Auto, &History::default(), &mut rng(0));
    assert_eq!(err, Err(SplitError::MissingRoles("roles", 1)));
}

#[test]
fn each_faculty_works_on_its_own_plan() {
    let seats = network(9, 2, 1);
    let groups = run(&seats, Mode::SameUnit, Sizing::Auto, &History::default(), 3);
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].label.as_deref(), Some("U00"));
    assert_eq!(groups[0].units, vec![UnitName::try_from("U00").unwrap()]);
    assert!(groups[0].members.iter().all(|&m| unit_of(&seats, m) == Some(groups[0].units[0].clone())));
}

#[test]
fn critical_friends_pair_whole_units_and_three_when_odd() {
    let seats = network(15, 5, 1);
    let groups = run(&seats, Mode::Pairs, Sizing::Auto, &History::default(), 4);
    assert_eq!(groups.len(), 2);
    let trio = groups.iter().find(|g| g.units.len() == 3).expect("a table of three units");
    let circle = trio.label.as_deref().unwrap();
    assert_eq!(circle.matches(" → ").count(), 3, "{circle}");
    let pair = groups.iter().find(|g| g.units.len() == 2).unwrap();
    assert_eq!(pair.label, Some(format!("{} ↔ {}", pair.units[0], pair.units[1])));
    assert_eq!(pair.members.len(), 6);
}

#[test]
fn critical_friends_get_new_friends_at_the_next_meeting() {
    let seats = network(32, 8, 1);
    let mut history = History::default();
    let mut met = HashSet::new();
    for meeting in 0..4 {
        let groups = run(&seats, Mode::Pairs, Sizing::Auto, &history, meeting);
        for g in &groups {
            let key = History::unit_key(&g.units[0], &g.units[1]);
            assert!(met.insert(key.clone()), "meeting {meeting}: {key:?} again");
        }
        history.record_groups(&groups);
    }
}

#[test]
fn critical_friends_need_two_units_and_everyones_unit() {
    let one_unit = network(4, 1, 1);
    let err = split(&one_unit, Mode::Pairs, Sizing::Auto, &History::default(), &mut rng(0));
    assert_eq!(err, Err(SplitError::TooFewUnits));
    let mut guest = network(4, 2, 1);
    guest.push(seat(50, None, None));
    let err = split(&guest, Mode::Pairs, Sizing::Auto, &History::default(), &mut rng(0));
    assert_eq!(err, Err(SplitError::MissingUnits("pairs", 1)));
}

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

#[test]
fn history_remembers_critical_friends() {
    let khm = UnitName::try_from("KHM").unwrap();
    let jus = UnitName::try_from("JUS").unwrap();
    let med = UnitName::try_from("MED").unwrap();
    let mut h = History::default();
    let trio = Group {
        members: vec![UserId(1), UserId(2)],
        label: None,
        cap: None,
        units: vec![khm.clone(), jus.clone(), med.clone()],
    };
    h.record_groups(&[trio]);
    assert_eq!(h.times_friends(&jus, &khm), 1);
    assert_eq!(h.times_friends(&med, &khm), 1);
    assert_eq!(h.unit_pairs.len(), 3);
    assert_eq!(h.times_together(UserId(2), UserId(1)), 1);
}

// ---- properties -----------------------------------------------------------------------

/// A network: people, units, roles, some without a unit (`guests`), a sizing and a seed.
fn any_case() -> impl Strategy<Value = (Vec<Seat>, Sizing, u64)> {
    (2usize..70, 1usize..12, 1usize..5, any::<u64>(), any::<bool>(), 0u32..100).prop_map(
        |(n, units, roles, seed, by_rooms, pick)| {
            let seats = network(n, units, roles);
            let sizing = if by_rooms {
                Sizing::Rooms(1 + pick % (n as u32 / 2))
            } else {
                Sizing::Size(2 + pick % (n as u32 - 1))
            };
            (seats, sizing, seed)
        },
    )
}

fn seated_once(seats: &[Seat], groups: &[Group]) -> bool {
    let mut all: Vec<UserId> = groups.iter().flat_map(|g| g.members.iter().copied()).collect();
    all.sort_unstable();
    let mut want: Vec<UserId> = seats.iter().map(|s| s.user).collect();
    want.sort_unstable();
    all == want
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn everyone_present_sits_at_exactly_one_table((seats, sizing, seed) in any_case(), rounds in 0u64..3) {
        let history = earlier_rounds(&seats, sizing, rounds);
        for mode in [Mode::Random, Mode::Roles, Mode::Units, Mode::SameUnit, Mode::Pairs] {
            match split(&seats, mode, sizing, &history, &mut rng(seed)) {
                Ok(groups) => prop_assert!(seated_once(&seats, &groups), "{}", mode.as_str()),
                Err(SplitError::TooFewUnits) => prop_assert_eq!(mode, Mode::Pairs),
                Err(e) => prop_assert!(false, "{}: {e}", mode.as_str()),
            }
        }
    }

    #[test]
    fn random_and_mixed_tables_differ_by_at_most_one((seats, sizing, seed) in any_case(), rounds in 0u64..3) {
        let history = earlier_rounds(&seats, sizing, rounds);
        for mode in [Mode::Random, Mode::Units] {
            let groups = run(&seats, mode, sizing, &history, seed);
            let s = sizes(&groups);
            prop_assert!(s.iter().max().unwrap() - s.iter().min().unwrap() <= 1, "{s:?}");
            prop_assert!(s.len() == 1 || s.iter().all(|&x| x >= 2), "a table of one: {s:?}");
            if let Sizing::Size(max) = sizing {
                prop_assert!(s.iter().all(|&x| x <= max as usize) || s.len() == seats.len() / 2);
            }
        }
    }

    #[test]
    fn mixed_tables_spread_every_unit_as_far_as_it_goes((seats, sizing, seed) in any_case(), rounds in 0u64..3) {
        let history = earlier_rounds(&seats, sizing, rounds);
        let groups = run(&seats, Mode::Units, sizing, &history, seed);
        let tables = groups.len();
        // Fewest possible: each unit of k spread evenly over the tables.
        let mut per_unit = std::collections::BTreeMap::new();
        for s in &seats {
            *per_unit.entry(s.unit.as_ref().unwrap().key()).or_insert(0u32) += 1;
        }
        let least: u32 = per_unit.values().map(|&k| {
            let (q, r) = (k / tables as u32, k % tables as u32);
            r * (q + 1) * q / 2 + (tables as u32 - r) * q * q.saturating_sub(1) / 2
        }).sum();
        prop_assert_eq!(same_unit_pairs(&groups, &seats), least);
        if per_unit.values().all(|&k| k as usize <= tables) {
            prop_assert_eq!(least, 0);
        }
    }

    #[test]
    fn role_groups_are_never_mixed((seats, sizing, seed) in any_case(), rounds in 0u64..3) {
        let history = earlier_rounds(&seats, sizing, rounds);
        for g in run(&seats, Mode::Roles, sizing, &history, seed) {
            let roles: HashSet<_> = g.members.iter().map(|&m| role_of(&seats, m)).collect();
            prop_assert_eq!(roles.len(), 1);
        }
        for g in run(&seats, Mode::SameUnit, sizing, &history, seed) {
            let units: HashSet<_> = g.members.iter().map(|&m| unit_of(&seats, m)).collect();
            prop_assert_eq!(units.len(), 1);
        }
    }

    #[test]
    fn the_same_seed_always_gives_the_same_split((seats, sizing, seed) in any_case(), rounds in 0u64..3) {
        let history = earlier_rounds(&seats, sizing, rounds);
        for mode in Mode::ALL {
            let a = split(&seats, mode, sizing, &history, &mut rng(seed));
            let b = split(&seats, mode, sizing, &history, &mut rng(seed));
            prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn avoiding_repeats_is_never_worse_than_shuffling(history_seed in 0u64..1000) {
        // 24 people at 6 tables of 4 after 3 rounds: repeats are hard to avoid entirely.
        let seats = network(24, 6, 1);
        let mut history = History::default();
        for r in 0..3 {
            history.record_groups(&plain_shuffle(&seats, 6, history_seed * 10 + r));
        }
        let (mut avoiding, mut shuffled) = (0, 0);
        for seed in 0..6 {
            avoiding += repeat_pairs(&run(&seats, Mode::Random, Sizing::Size(4), &history, seed), &history);
            shuffled += repeat_pairs(&plain_shuffle(&seats, 6, 500 + seed), &history);
        }
        prop_assert!(avoiding <= shuffled, "avoiding {avoiding}, shuffled {shuffled}");
    }
}
