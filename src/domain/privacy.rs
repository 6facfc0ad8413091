//! What may be shown about whom: the privacy rules every place that shows answers asks.
//!
//! - A question is `Named`, `Anonymous` (shown with the unit, never a name) or `AnonymousNoUnit`
//!   (neither name nor unit). Anonymous answers are stored without the member's id, under an
//!   `AuthorKey`: a keyed hash of guild, meeting and member under the server's secret, so the
//!   member can find and edit their own answer and forget-me can delete it, while nobody reading
//!   the database (organisers through the bot included) can tell whose it is. The key differs per
//!   meeting, so one person's anonymous answers in two meetings cannot be linked either.
//! - A member's answers go into their breakout room's brief only with their consent (opt-in),
//!   and never their anonymous ones.
//! - Anonymous answers are broken down by unit only where a unit has at least
//!   `MIN_ANONYMOUS_PER_UNIT` of them (k-anonymity): below that, "Unit X said no" would name
//!   the one or two people of X who answered.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::ids::{GuildId, MeetingId, UserId};

/// The fewest anonymous answers a unit must have before a breakdown may show that unit.
pub const MIN_ANONYMOUS_PER_UNIT: usize = 3;

/// Whether answers to a question carry the name (and unit) of who gave them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Anonymity {
    /// Shown with the member's name where the kit's design shows answers (digest, export).
    #[default]
    Named,
    /// Never with a name; the unit is kept.
    Anonymous,
    /// Never with a name, nor the unit.
    AnonymousNoUnit,
}

impl Anonymity {
    pub const ALL: [Anonymity; 3] = [Self::Named, Self::Anonymous, Self::AnonymousNoUnit];

    /// The spelling in kits and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Named => "named",
            Self::Anonymous => "anonymous",
            Self::AnonymousNoUnit => "anonymous-no-unit",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }

    pub fn is_anonymous(self) -> bool {
        self != Self::Named
    }

    /// Whether the answer keeps the author's unit.
    pub fn keeps_unit(self) -> bool {
        self != Self::AnonymousNoUnit
    }
}

/// Whether a member's own (named) answers may be shown in their breakout room: only after
/// they said yes, and never answers to anonymous questions.
pub fn may_share_in_room(consented: bool, question: Anonymity) -> bool {
    consented && question == Anonymity::Named
}

/// Whether a breakdown of anonymous answers may show a unit that has `answers` of them.
pub fn may_show_unit(answers: usize) -> bool {
    answers >= MIN_ANONYMOUS_PER_UNIT
}

/// How the key of a post addressed to one member ends (reminder DMs): forget-me deletes the
/// records of such posts, since the key names the member.
pub fn member_post_suffix(user: UserId) -> String {
    format!(":u{user}")
}

/// The owner of a plan whose owner asked to be forgotten: the plan stays with its unit.
pub const REMOVED_OWNER: &str = "—";

/// The server's secret for `AuthorKey`s. Never printed (its `Debug` says so).
#[derive(Clone)]
pub struct AuthorSecret(Vec<u8>);

impl AuthorSecret {
    /// The shortest secret accepted: 32 bytes, the size of HMAC-SHA256's block-sized key
    /// strength.
    pub const MIN_BYTES: usize = 32;

    pub fn new(bytes: Vec<u8>) -> Result<Self, ShortSecret> {
        if bytes.len() < Self::MIN_BYTES {
            return Err(ShortSecret { got: bytes.len() });
        }
        Ok(Self(bytes))
    }

    /// The key under which `user`'s anonymous answers in `meeting` of `guild` are stored.
    pub fn author_key(&self, guild: GuildId, meeting: MeetingId, user: UserId) -> AuthorKey {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        // A purpose label and fixed-width fields: no two inputs encode alike.
        mac.update(b"samrad anonymous author v1\0");
        mac.update(&guild.0.to_be_bytes());
        mac.update(&meeting.0.to_be_bytes());
        mac.update(&user.0.to_be_bytes());
        let digest = mac.finalize().into_bytes();
        AuthorKey(digest.iter().map(|b| format!("{b:02x}")).collect())
    }
}

impl std::fmt::Debug for AuthorSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuthorSecret([redacted])")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the privacy secret has {got} bytes; at least {min} are needed", min = AuthorSecret::MIN_BYTES)]
pub struct ShortSecret {
    pub got: usize,
}

/// Who wrote an anonymous answer, as only the bot can tell: 64 hex digits of HMAC-SHA256.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AuthorKey(String);

impl AuthorKey {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A key read back from storage.
    pub fn from_stored(s: &str) -> Option<Self> {
        (s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())).then(|| Self(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(byte: u8) -> AuthorSecret {
        AuthorSecret::new(vec![byte; 32]).unwrap()
    }

    #[test]
    fn an_author_key_is_stable_and_differs_per_member_meeting_guild_and_secret() {
        let s = secret(7);
        let k = s.author_key(GuildId(1), MeetingId(2), UserId(3));
        assert_eq!(k, s.author_key(GuildId(1), MeetingId(2), UserId(3)));
        assert_eq!(k.as_str().len(), 64);
        assert_ne!(k, s.author_key(GuildId(1), MeetingId(2), UserId(4)));
        assert_ne!(k, s.author_key(GuildId(1), MeetingId(5), UserId(3)));
        assert_ne!(k, s.author_key(GuildId(9), MeetingId(2), UserId(3)));
        assert_ne!(k, secret(8).author_key(GuildId(1), MeetingId(2), UserId(3)));
        assert_eq!(AuthorKey::from_stored(k.as_str()), Some(k));
    }

    #[test]
    fn a_short_secret_is_refused_and_a_secret_is_never_printed() {
        assert_eq!(AuthorSecret::new(vec![1; 31]).unwrap_err(), ShortSecret { got: 31 });
        assert_eq!(format!("{:?}", secret(42)), "AuthorSecret([redacted])");
    }

    #[test]
    fn anonymity_spellings_round_trip() {
        for a in Anonymity::ALL {
            assert_eq!(Anonymity::parse(a.as_str()), Some(a));
        }
        assert_eq!(Anonymity::parse("secret"), None);
    }

    #[test]
    fn rooms_see_only_consented_named_answers() {
        assert!(may_share_in_room(true, Anonymity::Named));
        assert!(!may_share_in_room(false, Anonymity::Named));
        assert!(!may_share_in_room(true, Anonymity::Anonymous));
        assert!(!may_share_in_room(true, Anonymity::AnonymousNoUnit));
    }

    #[test]
    fn a_unit_with_fewer_than_three_anonymous_answers_is_not_shown() {
        assert!(!may_show_unit(1));
        assert!(!may_show_unit(2));
        assert!(may_show_unit(3));
    }
}
