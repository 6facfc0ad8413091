//! `split`: seats everyone present according to the mode.
//!
//! - `random`: shuffled; table sizes differ by at most one.
//! - `units` (mixed): dealt round the tables unit by unit, so no table has two from one unit
//!   when every unit has at most as many present as there are tables; otherwise each unit is
//!   spread as evenly as it can be, which gives the fewest same-unit pairs. People without a
//!   unit mix freely (a guest clashes with nobody).
//! - `roles`: one table per role, split into balanced tables when larger than the size;
//!   everyone needs a role (`MissingRoles` otherwise: silently seating people without one in a
//!   "no role" group would defeat the purpose of the mode). A role with one person present is
//!   a table of one.
//! - `same-unit`: the same with units (`MissingUnits` for people without one).
//! - `pairs`: critical friends, see `friends.rs`; sizing is ignored.
//! - `choose`: empty rooms with a cap, see `choose.rs`.
//!
//! Then, for every mode but `pairs`/`choose`, seat swaps lower the repeats with earlier
//! rounds (`improve.rs`). Members of a table are listed by user id; `roles`/`same-unit`
//! tables come in name order.

use rand::seq::SliceRandom;
use rand::Rng;

use super::improve::{improve, Rules};
use super::roster::{Roster, NONE};
use super::sizing::{apportion, chunk, room_count, validate, validate_present};
use super::{choose, friends, Group, History, Mode, Seat, Sizing, SplitError};
use crate::domain::UnitName;

/// Splits the people present into tables. Duplicate seats (same user) count once.
pub fn split(
    seats: &[Seat],
    mode: Mode,
    sizing: Sizing,
    history: &History,
    rng: &mut impl Rng,
) -> Result<Vec<Group>, SplitError> {
    let roster = Roster::new(seats);
    let n = roster.len();
    if mode == Mode::Pairs {
        validate_present(n)?;
        return friends::pairs(&roster, history, rng);
    }
    validate(n, sizing)?;
    match mode {
        Mode::Random => {
            let mut order: Vec<usize> = (0..n).collect();
            order.shuffle(rng);
            let mut tables = chunk(&order, room_count(n, sizing));
            let rules = Rules { class: None, units: None };
            improve(&mut tables, &roster.history_lists(history), &rules, rng);
            Ok(finish(&roster, untagged(tables), |_| (None, Vec::new())))
        }
        Mode::Units => {
            let mut tables = deal_by_unit(&roster, room_count(n, sizing), rng);
            let rules = Rules { class: None, units: Some((&roster.unit, roster.unit_names.len())) };
            improve(&mut tables, &roster.history_lists(history), &rules, rng);
            Ok(finish(&roster, untagged(tables), |_| (None, Vec::new())))
        }
        Mode::Roles => {
            let missing = roster.role.iter().filter(|&&r| r == NONE).count();
            if missing > 0 {
                return Err(SplitError::MissingRoles("roles", missing));
            }
            let names: Vec<String> = roster.role_names.iter().map(|r| r.to_string()).collect();
            let tables = by_class(&roster.role, &names, sizing, history, &roster, rng);
            Ok(finish(&roster, tables, |(_, label)| (Some(label), Vec::new())))
        }
        Mode::SameUnit => {
            let missing = roster.unit.iter().filter(|&&u| u == NONE).count();
            if missing > 0 {
                return Err(SplitError::MissingUnits("same-unit", missing));
            }
            let names: Vec<String> = roster.unit_names.iter().map(|u| u.to_string()).collect();
            let tables = by_class(&roster.unit, &names, sizing, history, &roster, rng);
            Ok(finish(&roster, tables, |(class, label)| (Some(label), vec![roster.unit_names[class as usize].clone()])))
        }
        Mode::Choose => Ok(choose::rooms(n, sizing)),
        Mode::Pairs => unreachable!("handled above"),
    }
}

/// A table under construction: people, and (for roles/units) its class and label.
type Table = (Vec<usize>, Option<(u32, String)>);

/// Units in random order, members shuffled, dealt round the tables one seat at a time: a
/// unit's members land at consecutive tables, so a unit never repeats at a table before every
/// table has one of them.
fn deal_by_unit(roster: &Roster, rooms: usize, rng: &mut impl Rng) -> Vec<Vec<usize>> {
    let mut runs = Roster::members_by(&roster.unit, roster.unit_names.len());
    runs.extend((0..roster.len()).filter(|&p| roster.unit[p] == NONE).map(|p| vec![p]));
    runs.shuffle(rng);
    let mut tables = vec![Vec::new(); rooms];
    let mut seat = 0;
    for run in &mut runs {
        run.shuffle(rng);
        for &p in run.iter() {
            tables[seat % rooms].push(p);
            seat += 1;
        }
    }
    tables.shuffle(rng);
    tables
}

/// One table per class (role or unit), split into balanced tables as the sizing asks, then
/// improved by swaps within each class.
fn by_class(
    class: &[u32],
    names: &[String],
    sizing: Sizing,
    history: &History,
    roster: &Roster,
    rng: &mut impl Rng,
) -> Vec<Table> {
    let members = Roster::members_by(class, names.len());
    let counts: Vec<usize> = members.iter().map(Vec::len).collect();
    let per_class = apportion(&counts, sizing);
    let mut tables: Vec<Vec<usize>> = Vec::new();
    let mut labels = Vec::new();
    for (c, mut people) in members.into_iter().enumerate() {
        if people.is_empty() {
            continue;
        }
        people.shuffle(rng);
        let parts = chunk(&people, per_class[c]);
        let k = parts.len();
        for (i, part) in parts.into_iter().enumerate() {
            let label = if k == 1 { names[c].clone() } else { format!("{} ({}/{})", names[c], i + 1, k) };
            labels.push(Some((c as u32, label)));
            tables.push(part);
        }
    }
    let rules = Rules { class: Some(class), units: None };
    improve(&mut tables, &roster.history_lists(history), &rules, rng);
    tables.into_iter().zip(labels).collect()
}

/// Turns tables into groups with members sorted by user id.
fn finish(
    roster: &Roster,
    tables: Vec<Table>,
    describe: impl Fn((u32, String)) -> (Option<String>, Vec<UnitName>),
) -> Vec<Group> {
    tables
        .into_iter()
        .map(|(people, tag)| {
            let mut members: Vec<_> = people.iter().map(|&p| roster.user(p)).collect();
            members.sort_unstable();
            let (label, units) = tag.map_or((None, Vec::new()), &describe);
            Group { members, label, cap: None, units }
        })
        .collect()
}

fn untagged(tables: Vec<Vec<usize>>) -> Vec<Table> {
    tables.into_iter().map(|t| (t, None)).collect()
}
