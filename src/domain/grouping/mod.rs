//! Breakout grouping: who sits at which table. A pure function of the people present,
//! earlier rounds, the mode, the sizing and a seeded RNG.
//!
//! - [`split`] seats everyone present (see `split.rs` for the rules of each mode),
//! - [`assign_late_joiner`] finds a room for someone who arrives after the split,
//! - [`choose_room`] lets people pick a room themselves in `choose` mode, and [`topic_rooms`]
//!   opens one room per topic for them (topics checked by [`parse_topics`]/[`check_topics`]),
//! - [`repeat_pairs`] and [`same_unit_pairs`] score a split (tests, benches, logs).

use std::collections::HashMap;

mod choose;
mod friends;
mod improve;
mod late;
mod roster;
mod score;
mod sizing;
mod split;
#[cfg(test)]
mod tests;
mod topics;

pub use choose::{choose_room, Choice, ChooseError};
pub use late::assign_late_joiner;
pub use score::{repeat_pairs, same_unit_pairs};
pub use split::split;
pub use topics::{check_topics, parse_topics, topic_rooms, TopicError, MAX_TOPICS, MAX_TOPIC_CHARS, TOPIC_SEPARATOR};

use crate::domain::{RoleName, UnitName, UserId};

/// How a facilitator wants people mixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Shuffled; sizes differ by at most one.
    Random,
    /// One group per role (key persons, managers, elected reps), split when larger than size.
    Roles,
    /// Mixed: at most one member per unit at a table whenever possible.
    Units,
    /// Each unit works together.
    SameUnit,
    /// Critical friends: units paired so unit A gives feedback to unit B and back.
    Pairs,
    /// Self-selection: empty rooms with a cap; members pick.
    Choose,
}

impl Mode {
    pub const ALL: [Mode; 6] = [Mode::Random, Mode::Roles, Mode::Units, Mode::SameUnit, Mode::Pairs, Mode::Choose];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Random => "random",
            Mode::Roles => "roles",
            Mode::Units => "units",
            Mode::SameUnit => "same-unit",
            Mode::Pairs => "pairs",
            Mode::Choose => "choose",
        }
    }

    /// Other names kits and commands may use for the mode.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Mode::Units => &["mixed"],
            Mode::SameUnit => &["same_unit"],
            Mode::Random | Mode::Roles | Mode::Pairs | Mode::Choose => &[],
        }
    }

    /// Every name [`Mode::parse`] accepts, each mode's own followed by its aliases (kit hints
    /// list them).
    pub fn names() -> Vec<&'static str> {
        Mode::ALL.into_iter().flat_map(|m| std::iter::once(m.as_str()).chain(m.aliases().iter().copied())).collect()
    }

    /// What a latecomer has in common with a room they should rather join (`late.rs`).
    pub fn kin(self) -> Kin {
        match self {
            Mode::Roles => Kin::Role,
            Mode::SameUnit | Mode::Pairs => Kin::Unit,
            Mode::Random | Mode::Units | Mode::Choose => Kin::None,
        }
    }

    /// Whether the mode seats people by their unit (a meeting without units cannot use it).
    pub fn seats_by_unit(self) -> bool {
        match self {
            Mode::Units | Mode::SameUnit | Mode::Pairs => true,
            Mode::Random | Mode::Roles | Mode::Choose => false,
        }
    }

    /// Accepts the names used in kits and commands (a mode's own or one of its aliases).
    pub fn parse(s: &str) -> Option<Mode> {
        let s = s.trim().to_lowercase();
        Mode::ALL.into_iter().find(|m| m.as_str() == s || m.aliases().contains(&s.as_str()))
    }
}

/// What makes a room a latecomer's own kind (see [`Mode::kin`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kin {
    /// Someone of the same role is there.
    Role,
    /// Someone of the same unit is there, or the room is its unit's.
    Unit,
    /// No room is more theirs than another.
    None,
}

/// A person present for a split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seat {
    pub user: UserId,
    pub unit: Option<UnitName>,
    pub role: Option<RoleName>,
}

/// How many people per room, or how many rooms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sizing {
    /// At most this many people at a table (tables get as equal as possible).
    Size(u32),
    /// Exactly this many rooms (for `roles`/`same-unit`: shared out over the roles/units).
    Rooms(u32),
    /// The mode decides: one room per role/unit for `roles`/`same-unit`, whole unit pairs for
    /// `pairs`, and [`Sizing::DEFAULT_SIZE`] for the others.
    Auto,
}

impl Sizing {
    /// Table size when nobody said (`Auto` in `random`, `units`, `choose`).
    pub const DEFAULT_SIZE: u32 = 4;

    /// A kit's `size` (`None`: the mode decides).
    pub fn from_size(size: Option<u32>) -> Sizing {
        size.map_or(Sizing::Auto, Sizing::Size)
    }
}

/// One table. `label` names what holds it together, e.g. the role or "KHM ↔ JUS".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub members: Vec<UserId>,
    pub label: Option<String>,
    /// For `choose`: how many may pick this room.
    pub cap: Option<u32>,
    /// The units that make up this table: one for `same-unit`, two or three critical friends
    /// for `pairs` (in feedback order: the first gives feedback to the second, ..., the last
    /// to the first), empty otherwise.
    pub units: Vec<UnitName>,
}

/// Who sat with whom in earlier rounds of the same meeting series.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// Times each unordered pair of people shared a table (key: smaller id first).
    pub pairs: HashMap<(UserId, UserId), u32>,
    /// Times each unordered pair of units were critical friends (key: lower-cased, sorted).
    pub unit_pairs: HashMap<(String, String), u32>,
}

impl History {
    pub fn key(a: UserId, b: UserId) -> (UserId, UserId) {
        if a <= b {
            (a, b)
        } else {
            (b, a)
        }
    }

    pub fn times_together(&self, a: UserId, b: UserId) -> u32 {
        self.pairs.get(&Self::key(a, b)).copied().unwrap_or(0)
    }

    /// The key of a pair of units in `unit_pairs`: lower-cased, sorted.
    pub fn unit_key(a: &UnitName, b: &UnitName) -> (String, String) {
        let (a, b) = (a.key(), b.key());
        if a <= b {
            (a, b)
        } else {
            (b, a)
        }
    }

    /// Times two units were critical friends.
    pub fn times_friends(&self, a: &UnitName, b: &UnitName) -> u32 {
        self.unit_pairs.get(&Self::unit_key(a, b)).copied().unwrap_or(0)
    }

    /// Adds a finished round: who sat together, and which units were critical friends
    /// (tables with two or more `units`, each unit paired with the next, the last with the
    /// first).
    pub fn record_groups(&mut self, groups: &[Group]) {
        for g in groups {
            self.record(std::slice::from_ref(&g.members));
            let k = g.units.len();
            if k < 2 {
                continue;
            }
            let links = if k == 2 { 1 } else { k };
            for i in 0..links {
                let key = Self::unit_key(&g.units[i], &g.units[(i + 1) % k]);
                *self.unit_pairs.entry(key).or_default() += 1;
            }
        }
    }

    /// Adds a finished round's groups (people only).
    pub fn record(&mut self, groups: &[Vec<UserId>]) {
        for g in groups {
            for (i, a) in g.iter().enumerate() {
                for b in &g[i + 1..] {
                    *self.pairs.entry(Self::key(*a, *b)).or_default() += 1;
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SplitError {
    #[error("nobody is present to split")]
    NobodyPresent,
    #[error("only one person is present; a breakout needs at least two")]
    OnlyOne,
    #[error("a room size must be at least 2 (got {0})")]
    SizeTooSmall(u32),
    #[error("a room size of {size} is larger than the {present} people present")]
    SizeTooLarge { size: u32, present: usize },
    #[error("at least one room is needed")]
    NoRooms,
    #[error("{rooms} rooms is more than the {present} people present can fill")]
    TooManyRooms { rooms: u32, present: usize },
    #[error("{0} needs everyone's unit; {1} people have none (use /unit join)")]
    MissingUnits(&'static str, usize),
    #[error("{0} needs everyone's role; {1} people have none (use /role set)")]
    MissingRoles(&'static str, usize),
    #[error("critical friends need at least two units present")]
    TooFewUnits,
}
