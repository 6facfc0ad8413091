//! The chat port: posting, direct messages and breakout rooms on the chat platform.
//! Adapters: `discord::DiscordChat`, `console::ConsoleChat`, `console::memory::MemoryChat`.

use async_trait::async_trait;

use crate::domain::plan::StatusClick;
use crate::domain::{ChannelId, GuildId, MeetingId, Phase, UserId};

/// The most buttons one message carries (Discord: five rows of five).
pub const MAX_BUTTONS_PER_MESSAGE: usize = 25;

/// What a posted button asks for when it is clicked. Use cases hand the chat adapter these
/// values; only the adapter spells them for its platform (Discord: `discord/ids.rs`), so no
/// use case formats or parses a platform id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Opens the answer flow of `phase` for `meeting` (its guild, also when clicked in a DM).
    Answer { phase: Phase, meeting: MeetingId },
    /// Room `room` of the `choose` round `round`.
    Choose { round: i64, room: u32 },
    /// Sets a plan's status.
    PlanStatus(StatusClick),
}

/// A button on a posted message: what a click asks for, and its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub action: Action,
    pub label: String,
    pub primary: bool,
}

/// A file attached to a message (a chart, an export).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A message to post. `key` makes posting idempotent: the adapter uses it as the platform's
/// nonce (Discord deduplicates an enforced nonce), and the store records it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutMessage {
    pub text: String,
    pub buttons: Vec<Button>,
    pub attachments: Vec<Attachment>,
    /// Users to notify with a mention (reminders).
    pub mentions: Vec<UserId>,
}

impl OutMessage {
    pub fn text(text: impl Into<String>) -> Self {
        Self { text: text.into(), ..Self::default() }
    }
    pub fn with_button(mut self, action: Action, label: impl Into<String>) -> Self {
        self.buttons.push(Button { action, label: label.into(), primary: self.buttons.is_empty() });
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MessageId(pub u64);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomKind {
    Text,
    Voice,
}

/// A private breakout room to create: only `members` and `staff_role` may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomSpec {
    pub guild: GuildId,
    pub category: Option<ChannelId>,
    pub name: String,
    pub kind: RoomKind,
    pub members: Vec<UserId>,
    /// The facilitator/organiser role, allowed in every room.
    pub staff_roles: Vec<u64>,
}

/// A channel of a guild as the platform lists it (to find what a dead process made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuildChannel {
    pub id: ChannelId,
    pub name: String,
    pub category: bool,
    pub parent: Option<ChannelId>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChatError {
    #[error("the chat platform refused: {0}")]
    Refused(String),
    #[error("the chat platform is unavailable: {0}")]
    Unavailable(String),
    #[error("not found: {0}")]
    NotFound(String),
    #[error("limit reached: {0}")]
    Limit(String),
}

#[async_trait]
pub trait Chat: Send + Sync {
    /// Posts to a channel. With `key`, a retried or repeated post with the same key must not
    /// appear twice.
    async fn post(&self, channel: ChannelId, message: OutMessage, key: Option<&str>) -> Result<MessageId, ChatError>;
    /// Sends a direct message.
    async fn dm(&self, user: UserId, message: OutMessage, key: Option<&str>) -> Result<MessageId, ChatError>;
    async fn create_category(&self, guild: GuildId, name: &str) -> Result<ChannelId, ChatError>;
    /// How many channels the guild has now, categories included (Discord allows 500).
    async fn channel_count(&self, guild: GuildId) -> Result<usize, ChatError>;
    /// The guild's channels now, categories included.
    async fn channels(&self, guild: GuildId) -> Result<Vec<GuildChannel>, ChatError>;
    async fn create_room(&self, spec: &RoomSpec) -> Result<ChannelId, ChatError>;
    /// Makes a room read-only for its members (archive at close).
    async fn archive_room(&self, channel: ChannelId) -> Result<(), ChatError>;
    async fn delete_channel(&self, channel: ChannelId) -> Result<(), ChatError>;
    /// Moves a member who is in voice into a voice channel. Not in voice → Ok(false).
    async fn move_to_voice(&self, guild: GuildId, user: UserId, channel: ChannelId) -> Result<bool, ChatError>;
    /// Who is in voice channel `channel` now (for "members present").
    async fn voice_members(&self, guild: GuildId, channel: ChannelId) -> Result<Vec<UserId>, ChatError>;
    /// Lets `user` see `channel` (late joiners, moves).
    async fn grant_room(&self, channel: ChannelId, user: UserId, allow: bool) -> Result<(), ChatError>;
}
