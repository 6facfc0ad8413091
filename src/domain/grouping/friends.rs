//! `pairs`: critical friends. Units present are paired, unit A gives feedback to unit B and B
//! to A; with an odd number of units one table has three (A → B → C → A). A table is all
//! present members of its units.
//!
//! The pairing minimises, in this order: how often the paired units were critical friends
//! before (`History::unit_pairs`; a table of three counts its three links), then the sum of
//! squared table sizes (large units are paired with small ones, and the three-unit table goes
//! to small units). Search: random pairings improved by swapping two units until no swap
//! helps, best of [`RESTARTS`]; with the ~40 units of a network this is well under a
//! millisecond.

use std::collections::HashMap;

use rand::seq::SliceRandom;
use rand::Rng;

use super::roster::{Roster, NONE};
use super::{Group, History, SplitError};

const RESTARTS: usize = 8;

pub(super) fn pairs(roster: &Roster, history: &History, rng: &mut impl Rng) -> Result<Vec<Group>, SplitError> {
    let missing = roster.unit.iter().filter(|&&u| u == NONE).count();
    if missing > 0 {
        return Err(SplitError::MissingUnits("pairs", missing));
    }
    let members = Roster::members_by(&roster.unit, roster.unit_names.len());
    let m = members.len();
    if m < 2 {
        return Err(SplitError::TooFewUnits);
    }
    let sizes: Vec<i64> = members.iter().map(|p| p.len() as i64).collect();
    let met = unit_matrix(roster, history);
    let cost = Cost { sizes: &sizes, met: &met, m };

    let mut best: Option<((i64, i64), Vec<usize>)> = None;
    for _ in 0..RESTARTS {
        let mut order: Vec<usize> = (0..m).collect();
        order.shuffle(rng);
        let c = cost.descend(&mut order);
        if best.as_ref().is_none_or(|(b, _)| c < *b) {
            best = Some((c, order));
        }
    }
    let (_, order) = best.expect("at least one restart");

    let mut groups: Vec<Group> = tables(m)
        .into_iter()
        .map(|range| {
            let mut units: Vec<usize> = order[range].to_vec();
            // Start the feedback circle at the unit first in name order.
            let first = (0..units.len()).min_by_key(|&i| units[i]).unwrap_or(0);
            units.rotate_left(first);
            let mut people: Vec<_> = units.iter().flat_map(|&u| &members[u]).map(|&p| roster.user(p)).collect();
            people.sort_unstable();
            let names: Vec<_> = units.iter().map(|&u| roster.unit_names[u].clone()).collect();
            let label = match names.as_slice() {
                [a, b] => format!("{a} ↔ {b}"),
                _ => {
                    let circle: Vec<String> = names.iter().map(ToString::to_string).collect();
                    format!("{} → {}", circle.join(" → "), circle[0])
                }
            };
            Group { members: people, label: Some(label), cap: None, units: names }
        })
        .collect();
    groups.sort_by_key(|g| g.units[0].key());
    Ok(groups)
}

/// Positions of the tables in a pairing order: pairs, and the last three together when odd.
fn tables(m: usize) -> Vec<std::ops::Range<usize>> {
    let pairs = if m % 2 == 0 { m / 2 } else { (m - 3) / 2 };
    let mut out: Vec<_> = (0..pairs).map(|i| 2 * i..2 * i + 2).collect();
    if m % 2 == 1 {
        out.push(m - 3..m);
    }
    out
}

/// Times units `i` and `j` were critical friends, `m × m`.
fn unit_matrix(roster: &Roster, history: &History) -> Vec<i64> {
    let m = roster.unit_names.len();
    let mut met = vec![0i64; m * m];
    if history.unit_pairs.is_empty() {
        return met;
    }
    let index: HashMap<String, usize> = roster.unit_names.iter().enumerate().map(|(i, u)| (u.key(), i)).collect();
    for ((a, b), &w) in &history.unit_pairs {
        let (a, b) = (a.to_lowercase(), b.to_lowercase());
        if let (Some(&i), Some(&j)) = (index.get(&a), index.get(&b)) {
            if i != j {
                met[i * m + j] += i64::from(w);
                met[j * m + i] += i64::from(w);
            }
        }
    }
    met
}

struct Cost<'a> {
    sizes: &'a [i64],
    met: &'a [i64],
    m: usize,
}

impl Cost<'_> {
    /// (earlier friendships, squared size) of the table at positions `range`.
    fn table(&self, order: &[usize], range: std::ops::Range<usize>) -> (i64, i64) {
        let u = &order[range];
        let links = match u.len() {
            2 => self.met[u[0] * self.m + u[1]],
            _ => (0..u.len()).map(|i| self.met[u[i] * self.m + u[(i + 1) % u.len()]]).sum(),
        };
        let size: i64 = u.iter().map(|&x| self.sizes[x]).sum();
        (links, size * size)
    }

    fn total(&self, order: &[usize]) -> (i64, i64) {
        tables(self.m).into_iter().fold((0, 0), |acc, r| {
            let c = self.table(order, r);
            (acc.0 + c.0, acc.1 + c.1)
        })
    }

    /// Swaps two units between tables while that lowers the cost; returns the final cost.
    fn descend(&self, order: &mut [usize]) -> (i64, i64) {
        let ranges = tables(self.m);
        let table_of: Vec<usize> = ranges.iter().enumerate().flat_map(|(t, r)| r.clone().map(move |_| t)).collect();
        let mut improved = true;
        while improved {
            improved = false;
            for i in 0..self.m {
                for j in i + 1..self.m {
                    let (ti, tj) = (table_of[i], table_of[j]);
                    if ti == tj {
                        continue;
                    }
                    let (ri, rj) = (ranges[ti].clone(), ranges[tj].clone());
                    let before = add(self.table(order, ri.clone()), self.table(order, rj.clone()));
                    order.swap(i, j);
                    let after = add(self.table(order, ri), self.table(order, rj));
                    if after < before {
                        improved = true;
                    } else {
                        order.swap(i, j);
                    }
                }
            }
        }
        self.total(order)
    }
}

fn add(a: (i64, i64), b: (i64, i64)) -> (i64, i64) {
    (a.0 + b.0, a.1 + b.1)
}
