//! `choose`: self-selection. The split only opens empty rooms with a cap; people then pick
//! with [`choose_room`].
//!
//! Rooms: `Rooms(r)` gives r; `Size(s)` gives ceil(present / s) (`Auto`: size 4). Cap: an
//! even share, ceil(present / rooms), plus a quarter of it as slack (at least one seat), so
//! the last to choose still have a choice and a late joiner fits, while no room can take a
//! far larger share than the others.

use super::{sizing::validate, Group, Sizing};
use crate::domain::UserId;

/// Empty rooms with caps for `present` people (the sizing is already validated).
pub(super) fn rooms(present: usize, sizing: Sizing) -> Vec<Group> {
    let rooms = match sizing {
        Sizing::Rooms(r) => r as usize,
        Sizing::Size(s) => present.div_ceil(s as usize),
        Sizing::Auto => present.div_ceil(Sizing::DEFAULT_SIZE as usize),
    }
    .max(1);
    debug_assert!(validate(present, sizing).is_ok());
    let cap = cap(present, rooms);
    (0..rooms).map(|_| Group { members: Vec::new(), label: None, cap: Some(cap), units: Vec::new() }).collect()
}

/// The cap of each of `rooms` rooms for `present` people: an even share plus slack.
pub(super) fn cap(present: usize, rooms: usize) -> u32 {
    let share = present.div_ceil(rooms.max(1)).max(1);
    (share + (share / 4).max(1)) as u32
}

/// What a pick did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// The person had no room and now has this one.
    Joined,
    /// The person left room `from` (index) for the new one.
    Moved { from: usize },
    /// The person was already in that room.
    Stayed,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChooseError {
    /// Rooms are counted from 1 in messages, from 0 in `room`.
    #[error("there is no room {} (there are {rooms})", .room + 1)]
    UnknownRoom { room: usize, rooms: usize },
    #[error("room {} is full ({cap} places); pick another", .room + 1)]
    RoomFull { room: usize, cap: u32 },
}

/// `user` picks room `room` (index). A person is in at most one room: picking another room
/// moves them, if it has space. Rooms without a cap take anyone.
pub fn choose_room(groups: &mut [Group], user: UserId, room: usize) -> Result<Choice, ChooseError> {
    let rooms = groups.len();
    let target = groups.get(room).ok_or(ChooseError::UnknownRoom { room, rooms })?;
    let current = groups.iter().position(|g| g.members.contains(&user));
    if current == Some(room) {
        return Ok(Choice::Stayed);
    }
    if let Some(cap) = target.cap {
        if target.members.len() >= cap as usize {
            return Err(ChooseError::RoomFull { room, cap });
        }
    }
    let choice = match current {
        Some(from) => {
            groups[from].members.retain(|&m| m != user);
            Choice::Moved { from }
        }
        None => Choice::Joined,
    };
    groups[room].members.push(user);
    Ok(choice)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(id: u64) -> UserId {
        UserId(id)
    }

    #[test]
    fn twelve_people_choosing_among_rooms_of_four_get_three_rooms_with_a_spare_seat() {
        let rooms = rooms(12, Sizing::Size(4));
        assert_eq!(rooms.len(), 3);
        assert!(rooms.iter().all(|r| r.members.is_empty() && r.cap == Some(5)));
        assert_eq!(super::rooms(40, Sizing::Rooms(4))[0].cap, Some(12));
    }

    #[test]
    fn a_full_room_turns_the_next_person_away() {
        let mut g = rooms(4, Sizing::Rooms(2));
        assert_eq!(g[0].cap, Some(3));
        for id in 1..=3 {
            assert_eq!(choose_room(&mut g, u(id), 0), Ok(Choice::Joined));
        }
        assert_eq!(choose_room(&mut g, u(4), 0), Err(ChooseError::RoomFull { room: 0, cap: 3 }));
        assert_eq!(ChooseError::RoomFull { room: 0, cap: 3 }.to_string(), "room 1 is full (3 places); pick another");
        // Someone already inside may pick it again.
        assert_eq!(choose_room(&mut g, u(2), 0), Ok(Choice::Stayed));
    }

    #[test]
    fn changing_your_mind_moves_you_and_frees_your_seat() {
        let mut g = rooms(4, Sizing::Rooms(2));
        choose_room(&mut g, u(1), 0).unwrap();
        assert_eq!(choose_room(&mut g, u(1), 1), Ok(Choice::Moved { from: 0 }));
        assert!(g[0].members.is_empty());
        assert_eq!(g[1].members, vec![u(1)]);
    }

    #[test]
    fn picking_a_room_that_does_not_exist_names_the_rooms_there_are() {
        let mut g = rooms(4, Sizing::Rooms(2));
        let err = choose_room(&mut g, u(1), 2).unwrap_err();
        assert_eq!(err, ChooseError::UnknownRoom { room: 2, rooms: 2 });
        assert_eq!(err.to_string(), "there is no room 3 (there are 2)");
    }
}
