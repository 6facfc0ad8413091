//! Breakout grouping: who sits at which table. A pure function of the people present,
//! earlier rounds, the mode, the sizing and a seeded RNG.

use std::collections::HashMap;

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

    /// Accepts the names used in kits and commands; `mixed` is another name for `units`.
    pub fn parse(s: &str) -> Option<Mode> {
        Some(match s.trim().to_lowercase().as_str() {
            "random" => Mode::Random,
            "roles" => Mode::Roles,
            "units" | "mixed" => Mode::Units,
            "same-unit" | "same_unit" => Mode::SameUnit,
            "pairs" => Mode::Pairs,
            "choose" => Mode::Choose,
            _ => return None,
        })
    }
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
    Size(u32),
    Rooms(u32),
}

/// One table. `label` names what holds it together, e.g. the role or "KHM ↔ JUS".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub members: Vec<UserId>,
    pub label: Option<String>,
    /// For `choose`: how many may pick this room.
    pub cap: Option<u32>,
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

    /// Adds a finished round's groups.
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
    #[error("{rooms} rooms is more than the {present} people present can fill")]
    TooManyRooms { rooms: u32, present: usize },
    #[error("{0} needs everyone's unit; {1} people have none (use /unit join)")]
    MissingUnits(&'static str, usize),
    #[error("{0} needs everyone's role; {1} people have none (use /role set)")]
    MissingRoles(&'static str, usize),
    #[error("critical friends need at least two units present")]
    TooFewUnits,
}
