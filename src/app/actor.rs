//! Who is acting, and what they may do. The chat adapter works out `staff` from the guild's
//! configured organiser/facilitator roles; use cases only compare levels.

use crate::domain::{GuildId, UserId};
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Staff {
    Member,
    Facilitator,
    Organiser,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub guild: GuildId,
    pub user: UserId,
    pub name: String,
    pub staff: Staff,
    /// The language replies to this person use.
    pub lang: Lang,
}

impl Actor {
    pub fn can_facilitate(&self) -> bool {
        self.staff >= Staff::Facilitator
    }
    pub fn can_organise(&self) -> bool {
        self.staff >= Staff::Organiser
    }
}

/// Errors a person can read: each app error renders itself in the reader's language.
pub trait UserMessage {
    fn user_message(&self, lang: Lang) -> String;
}
