//! The people present as dense indices: units and roles numbered in sorted key order, and the
//! earlier rounds as per-person lists of old tablemates. Nothing here depends on hash-map
//! iteration order, so a seed always gives the same split.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{History, Seat};
use crate::domain::UserId;

/// "No unit" / "no role" in the index vectors.
pub(super) const NONE: u32 = u32::MAX;

pub(super) struct Roster<'a> {
    /// Everyone present, duplicates dropped (first seat wins).
    pub seats: Vec<&'a Seat>,
    /// Unit index per person (`NONE` if none), indices in sorted key order.
    pub unit: Vec<u32>,
    /// Display name per unit index (spelling of the first seat with that key).
    pub unit_names: Vec<&'a crate::domain::UnitName>,
    /// Role index per person (`NONE` if none), indices in sorted key order.
    pub role: Vec<u32>,
    pub role_names: Vec<&'a crate::domain::RoleName>,
}

impl<'a> Roster<'a> {
    pub fn new(seats: &'a [Seat]) -> Self {
        let mut seen = HashSet::with_capacity(seats.len());
        let seats: Vec<&Seat> = seats.iter().filter(|s| seen.insert(s.user)).collect();

        let (unit, unit_names) = number(&seats, |s| s.unit.as_ref().map(|u| (u.key(), u)));
        let (role, role_names) = number(&seats, |s| s.role.as_ref().map(|r| (r.key(), r)));
        Roster { seats, unit, unit_names, role, role_names }
    }

    pub fn len(&self) -> usize {
        self.seats.len()
    }

    pub fn user(&self, i: usize) -> UserId {
        self.seats[i].user
    }

    /// People of each unit (or role) index, in seat order.
    pub fn members_by(class: &[u32], classes: usize) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); classes];
        for (i, &c) in class.iter().enumerate() {
            if c != NONE {
                out[c as usize].push(i);
            }
        }
        out
    }

    /// Earlier tablemates of each person who is present, with how often they met:
    /// `adj[i]` sorted by index. Empty lists when there is no history.
    pub fn history_lists(&self, history: &History) -> Vec<Vec<(u32, u32)>> {
        let mut adj = vec![Vec::new(); self.len()];
        if history.pairs.is_empty() {
            return adj;
        }
        let index: HashMap<UserId, u32> = self.seats.iter().enumerate().map(|(i, s)| (s.user, i as u32)).collect();
        for (&(a, b), &w) in &history.pairs {
            if w == 0 || a == b {
                continue;
            }
            if let (Some(&i), Some(&j)) = (index.get(&a), index.get(&b)) {
                adj[i as usize].push((j, w));
                adj[j as usize].push((i, w));
            }
        }
        for list in &mut adj {
            list.sort_unstable();
        }
        adj
    }
}

/// Numbers the distinct keys in sorted order; returns the index per seat and a name per index.
fn number<'a, N: 'a>(seats: &[&'a Seat], name: impl Fn(&'a Seat) -> Option<(String, &'a N)>) -> (Vec<u32>, Vec<&'a N>) {
    let mut keys: BTreeMap<String, &'a N> = BTreeMap::new();
    for s in seats {
        if let Some((k, n)) = name(s) {
            keys.entry(k).or_insert(n);
        }
    }
    let index: HashMap<&str, u32> = keys.keys().enumerate().map(|(i, k)| (k.as_str(), i as u32)).collect();
    let per_seat = seats.iter().map(|s| name(s).map_or(NONE, |(k, _)| index[k.as_str()])).collect();
    (per_seat, keys.into_values().collect())
}
