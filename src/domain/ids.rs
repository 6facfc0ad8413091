//! Identifiers and names that are validated once at the edge and trusted inside.

use std::fmt;

/// A chat platform's snowflake-style ids. The domain does not care which platform issued them.
macro_rules! platform_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub struct $name(pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

platform_id!(
    /// A server (Discord guild) that hosts one coordination group.
    GuildId
);
platform_id!(
    /// A person on the chat platform.
    UserId
);
platform_id!(
    /// A text or voice channel.
    ChannelId
);

/// A meeting's row id in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct MeetingId(pub i64);

impl fmt::Display for MeetingId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("{what} is empty")]
    Empty { what: &'static str },
    #[error("{what} is longer than {max} characters")]
    TooLong { what: &'static str, max: usize },
    #[error("{what} may only contain a-z, 0-9, '-' and '_' (got {value:?})")]
    BadCharacters { what: &'static str, value: String },
}

/// A question's id inside a kit, e.g. `q1` or `key-figures`. Used in custom ids of buttons,
/// so it is short and ASCII.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct QuestionId(String);

impl QuestionId {
    pub const MAX_LEN: usize = 32;
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<&str> for QuestionId {
    type Error = IdError;
    fn try_from(value: &str) -> Result<Self, Self::Error> {
        let what = "question id";
        if value.is_empty() {
            return Err(IdError::Empty { what });
        }
        if value.len() > Self::MAX_LEN {
            return Err(IdError::TooLong { what, max: Self::MAX_LEN });
        }
        if !value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_') {
            return Err(IdError::BadCharacters { what, value: value.to_owned() });
        }
        Ok(Self(value.to_owned()))
    }
}

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A display name that people type (unit or role): trimmed, non-empty, at most 100 characters
/// (Discord's limit for choice names), compared case-insensitively.
fn clean_name(value: &str, what: &'static str) -> Result<String, IdError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(IdError::Empty { what });
    }
    if trimmed.chars().count() > 100 {
        return Err(IdError::TooLong { what, max: 100 });
    }
    Ok(trimmed.split_whitespace().collect::<Vec<_>>().join(" "))
}

macro_rules! display_name {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Eq, serde::Serialize)]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
            /// The comparison key: names match regardless of case ("jus" joins "JUS").
            pub fn key(&self) -> String {
                self.0.to_lowercase()
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.key() == other.key()
            }
        }

        impl std::hash::Hash for $name {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.key().hash(state)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = IdError;
            fn try_from(value: &str) -> Result<Self, Self::Error> {
                clean_name(value, $what).map(Self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

display_name!(
    /// A unit: a faculty, department, municipality or agency that takes part as one party.
    UnitName,
    "unit name"
);
display_name!(
    /// A member's role in the network: key person, manager, union rep, ...
    RoleName,
    "role name"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_names_match_regardless_of_case_and_spacing() {
        let a = UnitName::try_from("  Det juridiske   fakultet ").unwrap();
        let b = UnitName::try_from("det juridiske fakultet").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.as_str(), "Det juridiske fakultet");
    }

    #[test]
    fn question_ids_are_short_ascii() {
        assert!(QuestionId::try_from("q1").is_ok());
        assert!(matches!(QuestionId::try_from(""), Err(IdError::Empty { .. })));
        assert!(matches!(QuestionId::try_from("Spørsmål"), Err(IdError::BadCharacters { .. })));
        assert!(matches!(QuestionId::try_from(&*"x".repeat(33)), Err(IdError::TooLong { .. })));
    }
}
