//! Examples of each grouping mode from the seed meetings: mixed tables, role groups, a unit's
//! own plan, and critical friends (with what the history remembers of them).

use std::collections::HashSet;

use super::*;

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
