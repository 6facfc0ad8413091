//! Grouping as a meeting sees it: examples from the seed meetings, by mode (`modes`) and over
//! rounds and late arrivals (`rounds`), then properties that hold for any network
//! (`properties`, proptest). This file holds the networks and helpers they share.

mod modes;
mod properties;
mod rounds;

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

/// Everyone in `seats` sits at exactly one of `groups`.
fn seated_once(seats: &[Seat], groups: &[Group]) -> bool {
    let mut all: Vec<UserId> = groups.iter().flat_map(|g| g.members.iter().copied()).collect();
    all.sort_unstable();
    let mut want: Vec<UserId> = seats.iter().map(|s| s.user).collect();
    want.sort_unstable();
    all == want
}
