//! The store port for privacy: consent to share in rooms, anonymous answers (kept apart from
//! who gave them), the audit of organisers' data access, retention, a member's own data and
//! complete forgetting. Adapters: `storage::SqliteStore`, `storage::PgStore`.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::ports::StoreError;
use crate::domain::digest::KeyFigure;
use crate::domain::privacy::AuthorKey;
use crate::domain::{GuildId, MeetingId, QuestionId, UnitName, UserId};

/// A member's answer to sharing in rooms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Consent {
    /// Their named answers may go into their breakout room's brief.
    pub share_in_rooms: bool,
    /// The one-time question was put to them.
    pub asked: bool,
}

/// An answer to an anonymous question: no member in it, by construction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnonymousAnswer {
    /// `None` when the question hides units, or the author had none.
    pub unit: Option<UnitName>,
    pub question: QuestionId,
    pub value: String,
    pub revision: u32,
    pub updated_at: DateTime<Utc>,
}

/// What an audit entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    Export,
    Digest,
    KitUpload,
    /// The retention job deleted a meeting's words (no actor: the scheduler).
    Retention,
}

impl AuditAction {
    pub const ALL: [AuditAction; 4] = [Self::Export, Self::Digest, Self::KitUpload, Self::Retention];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Export => "export",
            Self::Digest => "digest",
            Self::KitUpload => "kit-upload",
            Self::Retention => "retention",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// Who read or changed the group's data, when, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    /// `None` once that person was forgotten (or for the scheduler's own digests).
    pub actor: Option<UserId>,
    pub action: AuditAction,
    pub meeting: Option<MeetingId>,
    /// e.g. the export format or the kit id.
    pub detail: String,
}

/// A meeting whose words are due for deletion under the guild's retention setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndedMeeting {
    pub meeting: MeetingId,
    pub guild: GuildId,
    /// When it ended; for meetings ended before this was recorded, the end of its day.
    pub ended: DateTime<Utc>,
    pub retention_days: Option<u32>,
    pub purged: bool,
}

/// One stored answer of a member, with where it belongs, for `/my-data`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MyAnswer {
    pub meeting: MeetingId,
    pub meeting_title: String,
    pub question: QuestionId,
    pub question_text: String,
    pub value: String,
    /// Earlier versions, oldest first.
    pub earlier: Vec<String>,
    pub anonymous: bool,
}

/// Everything samrad stores about one member of one guild (`/my-data`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MemberData {
    pub name: String,
    pub unit: Option<UnitName>,
    pub role: Option<String>,
    pub locale: Option<String>,
    pub consent: Consent,
    pub joined_at: Option<DateTime<Utc>>,
    pub answers: Vec<MyAnswer>,
    /// (meeting title, room name) of every room they were seated in.
    pub rooms: Vec<(String, String)>,
    /// (room name, text) of their room notes.
    pub notes: Vec<(String, String)>,
    /// (room name, text) of the room summaries they wrote as rapporteur.
    pub summaries: Vec<(String, String)>,
    /// (unit, action, owner, due) of the plans they recorded.
    pub plans: Vec<(String, String, String, Option<NaiveDate>)>,
    /// (meeting title, unit, question id, text) of every version of a unit's answer they wrote
    /// (filled by `app::my_data` from the unit answers, not by `member_data`).
    pub unit_answers: Vec<(String, String, String, String)>,
    /// The organisers' audit entries they made.
    pub audit: Vec<AuditEntry>,
}

/// Where a forgotten member's anonymous answers are: the key of each meeting of the guild.
pub type AnonymousKeys = [(MeetingId, AuthorKey)];

#[async_trait]
pub trait PrivacyStore: Send + Sync {
    /// The member's consent; a stranger's is the default (not shared, not asked).
    async fn consent(&self, guild: GuildId, user: UserId) -> Result<Consent, StoreError>;
    /// Records the member's answer to the one-time question (or to `/privacy`).
    async fn set_consent(&self, guild: GuildId, user: UserId, share: bool) -> Result<(), StoreError>;
    /// Records that the question was put, without an answer yet.
    async fn mark_consent_asked(&self, guild: GuildId, user: UserId) -> Result<(), StoreError>;

    /// Saves answers to anonymous questions under `key` (earlier values kept as revisions) and
    /// records that `user` answered those questions, in one transaction. `unit`: the unit kept
    /// with each answer (`None` where the question hides it). Returns each new revision.
    #[allow(clippy::too_many_arguments)]
    async fn save_anonymous_answers(
        &self,
        meeting: MeetingId,
        guild: GuildId,
        user: UserId,
        key: &AuthorKey,
        answers: &[(QuestionId, String, Option<UnitName>)],
        now: DateTime<Utc>,
    ) -> Result<Vec<u32>, StoreError>;
    async fn anonymous_answers(&self, meeting: MeetingId) -> Result<Vec<AnonymousAnswer>, StoreError>;
    async fn anonymous_answers_of(
        &self,
        meeting: MeetingId,
        key: &AuthorKey,
    ) -> Result<Vec<AnonymousAnswer>, StoreError>;
    /// Who answered which anonymous question (reminders, response rates), never what.
    async fn anonymous_respondents(&self, meeting: MeetingId) -> Result<Vec<(QuestionId, UserId)>, StoreError>;

    async fn record_audit(&self, guild: GuildId, entry: &AuditEntry) -> Result<(), StoreError>;
    /// The guild's newest audit entries, newest first.
    async fn audit_log(&self, guild: GuildId, limit: u32) -> Result<Vec<AuditEntry>, StoreError>;

    async fn retention_days(&self, guild: GuildId) -> Result<Option<u32>, StoreError>;
    async fn set_retention_days(&self, guild: GuildId, days: Option<u32>) -> Result<(), StoreError>;
    /// The guild's meetings (every meeting, for forget-me's keys).
    async fn meeting_ids(&self, guild: GuildId) -> Result<Vec<MeetingId>, StoreError>;
    /// Ended meetings of every guild with a retention setting, not yet purged.
    async fn ended_meetings(&self) -> Result<Vec<EndedMeeting>, StoreError>;
    /// Keeps `figures` and each unit's response rate (`rates`) and deletes the meeting's answers
    /// (named and anonymous, with their history and respondents, and unit answers), room notes
    /// and summaries; marks it purged at `audit.at` and
    /// records `audit` in the meeting's guild, all in one transaction (so a purge is never
    /// unrecorded, nor recorded twice). Returns rows deleted.
    async fn purge_meeting(
        &self,
        meeting: MeetingId,
        figures: &[KeyFigure],
        rates: &[(UnitName, f64)],
        audit: &AuditEntry,
    ) -> Result<u64, StoreError>;
    /// Key figures kept for a purged meeting (empty for others).
    async fn kept_key_figures(&self, meeting: MeetingId) -> Result<Vec<KeyFigure>, StoreError>;
    /// Response rates kept for a purged meeting, in unit name order (empty for others).
    async fn kept_response_rates(&self, meeting: MeetingId) -> Result<Vec<(UnitName, f64)>, StoreError>;

    /// Everything stored about the member in the guild (their anonymous answers found by key).
    async fn member_data(&self, guild: GuildId, user: UserId, keys: &AnonymousKeys) -> Result<MemberData, StoreError>;
    /// Deletes every trace of the member in the guild, in one transaction: answers and their
    /// history (anonymous ones by key), seating, notes, rapporteur summaries, consent, locale,
    /// membership, posts addressed to them; plans they recorded stay with their unit, credited
    /// to nobody; audit entries stay without their name. Returns rows changed.
    async fn forget(&self, guild: GuildId, user: UserId, keys: &AnonymousKeys) -> Result<u64, StoreError>;
}
