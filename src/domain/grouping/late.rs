//! A late joiner: someone who arrives after the split gets a seat without reshuffling anyone.
//!
//! Rooms that are full (`cap`) are skipped. Where the mode holds a table together, the
//! joiner goes to a room of their own kind if there is one with space: their role (`roles`),
//! their unit (`same-unit`, `pairs`). Among the rest the choice is, in this order: for
//! `units`, the fewest people from the joiner's unit; the fewest people; the fewest repeats
//! with earlier rounds; the first room.

use std::collections::HashMap;

use super::{Group, History, Kin, Mode, Seat};

/// The index of the room for `joiner`, or `None` when there are no rooms or all are full.
/// `seated` describes the people already in the rooms (their units and roles); someone
/// already in a room keeps it.
pub fn assign_late_joiner(
    groups: &[Group],
    joiner: &Seat,
    seated: &[Seat],
    mode: Mode,
    history: &History,
) -> Option<usize> {
    if let Some(i) = groups.iter().position(|g| g.members.contains(&joiner.user)) {
        return Some(i);
    }
    let by_user: HashMap<_, _> = seated.iter().map(|s| (s.user, s)).collect();
    let has_space = |g: &Group| g.cap.is_none_or(|c| g.members.len() < c as usize);
    let same_unit = |g: &Group| -> usize {
        let Some(unit) = &joiner.unit else { return 0 };
        g.members.iter().filter(|m| by_user.get(m).and_then(|s| s.unit.as_ref()) == Some(unit)).count()
    };
    let kin = |g: &Group| -> bool {
        match mode.kin() {
            Kin::Role => joiner.role.as_ref().is_some_and(|role| {
                g.members.iter().any(|m| by_user.get(m).and_then(|s| s.role.as_ref()) == Some(role))
            }),
            Kin::Unit => joiner.unit.as_ref().is_some_and(|u| g.units.contains(u) || same_unit(g) > 0),
            // Any room with space (mixed rooms avoid the joiner's unit below).
            Kin::None => false,
        }
    };
    let open: Vec<usize> = (0..groups.len()).filter(|&i| has_space(&groups[i])).collect();
    let kin_rooms: Vec<usize> = open.iter().copied().filter(|&i| kin(&groups[i])).collect();
    let pool = if kin_rooms.is_empty() { open } else { kin_rooms };
    pool.into_iter().min_by_key(|&i| {
        let g = &groups[i];
        let clash = if mode == Mode::Units { same_unit(g) } else { 0 };
        let repeats: u32 = g.members.iter().map(|&m| history.times_together(joiner.user, m)).sum();
        (clash, g.members.len(), repeats, i)
    })
}
