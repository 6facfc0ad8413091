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

/// The characters of `text.to_lowercase()`, one by one. Per-character lowercasing equals
/// `str::to_lowercase` except for a capital sigma, which lowercases by its place in a word:
/// text with one takes the allocating path.
fn lowercase_chars(text: &str) -> LowercaseChars<'_> {
    if text.contains('Σ') {
        LowercaseChars::Sigma(text.to_lowercase().chars().collect::<Vec<_>>().into_iter())
    } else {
        LowercaseChars::Plain(text.chars().flat_map(char::to_lowercase as fn(char) -> std::char::ToLowercase))
    }
}

enum LowercaseChars<'a> {
    Plain(std::iter::FlatMap<std::str::Chars<'a>, std::char::ToLowercase, fn(char) -> std::char::ToLowercase>),
    Sigma(std::vec::IntoIter<char>),
}

impl Iterator for LowercaseChars<'_> {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        match self {
            Self::Plain(chars) => chars.next(),
            Self::Sigma(chars) => chars.next(),
        }
    }
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
            /// The characters of [`Self::key`] without allocating it: digests compare unit
            /// names per answer, where a `String` per comparison was most of their cost.
            fn key_chars(&self) -> LowercaseChars<'_> {
                lowercase_chars(&self.0)
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.0 == other.0 || self.key_chars().eq(other.key_chars())
            }
        }

        impl std::hash::Hash for $name {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                for c in self.key_chars() {
                    state.write_u32(c as u32);
                }
                state.write_u8(0xff);
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

    fn hash_of(name: &UnitName) -> u64 {
        use std::hash::{BuildHasher, BuildHasherDefault};
        BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(name)
    }

    #[test]
    fn names_are_equal_and_hash_alike_exactly_when_their_keys_are() {
        // Capital sigma lowercases by its place in a word; the Kelvin sign lowercases to ASCII.
        let names = [
            "Bydel Grünerløkka",
            "BYDEL GRÜNERLØKKA",
            "bydel grünerløkka",
            "ΟΔΟΣ",
            "οδος",
            "οδοσ",
            "ΣΟΦΙΑ",
            "σοφια",
            "\u{212A}jemi",
            "kjemi",
            "JUS",
            "jus ",
            "Juss",
        ];
        for a in names {
            for b in names {
                let (x, y) = (UnitName::try_from(a).unwrap(), UnitName::try_from(b).unwrap());
                assert_eq!(x == y, x.key() == y.key(), "{a:?} vs {b:?}");
                if x == y {
                    assert_eq!(hash_of(&x), hash_of(&y), "{a:?} vs {b:?}");
                }
            }
        }
    }

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
