//! The ports the use cases are written against. Adapters: `storage::SqliteStore` and
//! `storage::PgStore`, `discord::DiscordChat`, `console::ConsoleChat` / `app::memory::MemoryChat`, `SystemClock`.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::grouping::Mode;
use crate::domain::plan::{PlanChange, PlanId, PlanStatus};
use crate::domain::{ChannelId, GuildId, MeetingId, MeetingState, Question, QuestionId, RoleName, UnitName, UserId};

pub use super::kit_store::{GuildKitVersion, KitSource, KitStore, NewGuildKit, SavedKit};
pub use crate::storage::StoreError;

// ---------------------------------------------------------------- clock

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The wall clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock tests and the demo move by hand.
pub struct ManualClock(std::sync::Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(std::sync::Mutex::new(at))
    }
    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().expect("clock lock") = at;
    }
    pub fn advance(&self, by: chrono::Duration) {
        let mut t = self.0.lock().expect("clock lock");
        *t += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().expect("clock lock")
    }
}

// ---------------------------------------------------------------- chat

/// A button on a posted message. `id` is the custom id the platform hands back on click.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub id: String,
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
    pub fn with_button(mut self, id: impl Into<String>, label: impl Into<String>) -> Self {
        self.buttons.push(Button { id: id.into(), label: label.into(), primary: self.buttons.is_empty() });
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

// ---------------------------------------------------------------- store types

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GuildSettings {
    pub organiser_role: Option<u64>,
    pub facilitator_role: Option<u64>,
    pub plenary_channel: Option<ChannelId>,
    pub plenary_voice: Option<ChannelId>,
    /// Where digests go; they name missing members, so only organisers should see it.
    pub organiser_channel: Option<ChannelId>,
    pub locale: String,
    /// Delete rooms at close instead of archiving them.
    pub delete_rooms: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub user: UserId,
    pub name: String,
    pub unit: Option<UnitName>,
    pub role: Option<RoleName>,
    pub share_in_rooms: bool,
    pub locale: Option<String>,
}

/// What `create_meeting` stores: a kit made concrete for one guild and date.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMeeting {
    pub guild: GuildId,
    pub kit_id: String,
    pub title: String,
    pub language: String,
    pub timezone: chrono_tz::Tz,
    pub date: NaiveDate,
    pub channel: Option<ChannelId>,
    pub deadline: Option<DateTime<Utc>>,
    pub units: Vec<UnitName>,
    pub roles: Vec<RoleName>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    pub user: UserId,
    pub unit: Option<UnitName>,
    pub question: QuestionId,
    pub value: String,
    pub revision: u32,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub id: i64,
    pub meeting: MeetingId,
    pub key: String,
    pub kind: String,
    pub due_at: DateTime<Utc>,
    pub attempts: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewJob {
    pub key: String,
    pub kind: String,
    pub due_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub id: i64,
    pub meeting: MeetingId,
    pub number: u32,
    pub mode: Mode,
    pub plan_id: Option<String>,
    pub category: Option<ChannelId>,
    pub started_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    pub warned: bool,
    pub rooms: Vec<Room>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Room {
    pub id: i64,
    pub number: u32,
    pub name: String,
    pub label: Option<String>,
    pub cap: Option<u32>,
    pub text_channel: Option<ChannelId>,
    pub voice_channel: Option<ChannelId>,
    pub members: Vec<UserId>,
    pub summary: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRoom {
    pub number: u32,
    pub name: String,
    pub label: Option<String>,
    pub cap: Option<u32>,
    pub members: Vec<UserId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub user: UserId,
    pub text: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub unit: UnitName,
    pub action: String,
    /// The owner as shown (a member's name, or a role for plans made before owners were members).
    pub owner: String,
    /// The owner as a member: reminders go to them.
    pub owner_id: Option<UserId>,
    pub due: Option<NaiveDate>,
    pub created_by: UserId,
}

/// A plan as stored, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPlan {
    pub id: PlanId,
    pub meeting: MeetingId,
    pub plan: Plan,
    pub status: PlanStatus,
    /// Why it was dropped (the note of the latest change).
    pub note: Option<String>,
}

/// A decision taken during a meeting day (seed 004: who is responsible, by when).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub text: String,
    pub responsible: String,
    /// The responsible as a member: reminders go to them.
    pub responsible_id: Option<UserId>,
    pub due: Option<NaiveDate>,
    pub created_by: UserId,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDecision {
    pub id: i64,
    pub meeting: MeetingId,
    pub decision: Decision,
    pub created_at: DateTime<Utc>,
}

// ---------------------------------------------------------------- store

/// Everything the use cases need stored: the union of the per-area store traits below.
pub trait Store:
    GuildStore
    + MeetingStore
    + AnswerStore
    + ScheduleStore
    + BreakoutStore
    + PlanStore
    + AgendaStore
    + KitStore
    + super::privacy_store::PrivacyStore
{
}

impl<T> Store for T where
    T: GuildStore
        + MeetingStore
        + AnswerStore
        + ScheduleStore
        + BreakoutStore
        + PlanStore
        + AgendaStore
        + KitStore
        + super::privacy_store::PrivacyStore
{
}

#[async_trait]
pub trait GuildStore: Send + Sync {
    async fn ensure_guild(&self, guild: GuildId, name: &str) -> Result<(), StoreError>;
    async fn guild_settings(&self, guild: GuildId) -> Result<GuildSettings, StoreError>;
    async fn save_guild_settings(&self, guild: GuildId, settings: &GuildSettings) -> Result<(), StoreError>;
    async fn ensure_member(&self, guild: GuildId, user: UserId, name: &str) -> Result<(), StoreError>;
    async fn member(&self, guild: GuildId, user: UserId) -> Result<Option<Member>, StoreError>;
    async fn members(&self, guild: GuildId) -> Result<Vec<Member>, StoreError>;
    /// The guilds where `user` is a member (to place an interaction that came by DM).
    async fn guilds_of(&self, user: UserId) -> Result<Vec<GuildId>, StoreError>;
    async fn set_unit(&self, guild: GuildId, user: UserId, unit: Option<&UnitName>) -> Result<(), StoreError>;
    async fn set_role(&self, guild: GuildId, user: UserId, role: Option<&RoleName>) -> Result<(), StoreError>;
    async fn set_share_in_rooms(&self, guild: GuildId, user: UserId, share: bool) -> Result<(), StoreError>;
    async fn set_member_locale(&self, guild: GuildId, user: UserId, locale: Option<&str>) -> Result<(), StoreError>;
    /// Deletes a member's answers, notes and membership (`/forget-me`). Returns rows removed.
    async fn forget_member(&self, guild: GuildId, user: UserId) -> Result<u64, StoreError>;
}

#[async_trait]
pub trait MeetingStore: Send + Sync {
    async fn create_meeting(&self, meeting: &NewMeeting, now: DateTime<Utc>) -> Result<MeetingId, StoreError>;
    async fn meeting(&self, id: MeetingId) -> Result<Option<crate::domain::Meeting>, StoreError>;
    /// The guild's newest meeting that has not ended.
    async fn current_meeting(&self, guild: GuildId) -> Result<Option<crate::domain::Meeting>, StoreError>;
    async fn set_meeting_state(&self, id: MeetingId, state: MeetingState) -> Result<(), StoreError>;
    async fn meeting_channel(&self, id: MeetingId) -> Result<Option<ChannelId>, StoreError>;
}

#[async_trait]
pub trait AnswerStore: Send + Sync {
    /// Saves an answer; an existing one is kept as a revision. Returns the new revision number.
    async fn save_answer(
        &self,
        meeting: MeetingId,
        guild: GuildId,
        user: UserId,
        question: &QuestionId,
        value: &str,
        now: DateTime<Utc>,
    ) -> Result<u32, StoreError>;
    /// Saves one member's answers to several questions in one transaction: all or none.
    /// Returns each answer's new revision number, in order.
    async fn save_answers(
        &self,
        meeting: MeetingId,
        guild: GuildId,
        user: UserId,
        answers: &[(QuestionId, String)],
        now: DateTime<Utc>,
    ) -> Result<Vec<u32>, StoreError>;
    async fn answers(&self, meeting: MeetingId) -> Result<Vec<StoredAnswer>, StoreError>;
    async fn answers_of(&self, meeting: MeetingId, user: UserId) -> Result<Vec<StoredAnswer>, StoreError>;
}

#[async_trait]
pub trait ScheduleStore: Send + Sync {
    /// Adds jobs; a job whose key exists for the meeting is left as it is.
    async fn schedule(&self, meeting: MeetingId, jobs: &[NewJob]) -> Result<(), StoreError>;
    /// Claims up to `limit` pending jobs due at `now` that no worker holds, `worker` included
    /// (or whose holder's lease ran out), for `worker` until `lease_until`, in due order.
    /// Several processes may claim at once on one database: each job goes to exactly one of them.
    async fn claim_jobs(
        &self,
        worker: &str,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Job>, StoreError>;
    /// Extends `worker`'s claim on a running job. `false`: the claim was lost (the lease ran
    /// out and another worker took the job), so this worker must stop working on it.
    async fn renew_claim(&self, job: i64, worker: &str, lease_until: DateTime<Utc>) -> Result<bool, StoreError>;
    /// Marks a job done, if `worker` still holds it. Returns whether it did.
    async fn finish_job(&self, job: i64, worker: &str, now: DateTime<Utc>) -> Result<bool, StoreError>;
    /// Records a failed attempt, if `worker` still holds the job, and releases it; with
    /// `retry_at` the job stays pending until then.
    async fn fail_job(
        &self,
        job: i64,
        worker: &str,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<bool, StoreError>;
    /// Claims one pending job by id whether due or not (`/agenda next` runs the next item
    /// early), unless another worker holds it. Returns whether `worker` now holds it.
    async fn claim_job(
        &self,
        job: i64,
        worker: &str,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// Releases a job without recording an attempt (a paused agenda holds its jobs).
    async fn release_job(&self, job: i64, worker: &str) -> Result<(), StoreError>;
    /// Takes or renews the named lease for `worker` until `until`: granted when free, expired
    /// at `now`, or already `worker`'s. Work done by one process at a time (breakout timers)
    /// runs under a lease, so a process that dies hands it on when its lease runs out.
    async fn try_lease(
        &self,
        name: &str,
        worker: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// Cancels the meeting's pending jobs whose key starts with `key_prefix`, compared as
    /// spelled: case counts, and `%`, `_` and `\` are ordinary characters.
    async fn cancel_jobs(&self, meeting: MeetingId, key_prefix: &str) -> Result<(), StoreError>;
    async fn pending_jobs(&self, meeting: MeetingId) -> Result<Vec<Job>, StoreError>;
    /// The message already sent under `key`, if any.
    async fn sent_post(&self, key: &str) -> Result<Option<MessageId>, StoreError>;
    async fn record_post(
        &self,
        key: &str,
        channel: Option<ChannelId>,
        message: MessageId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;
}

#[async_trait]
pub trait BreakoutStore: Send + Sync {
    async fn create_round(
        &self,
        meeting: MeetingId,
        mode: Mode,
        plan_id: Option<&str>,
        started_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        rooms: &[NewRoom],
    ) -> Result<Round, StoreError>;
    async fn set_round_category(&self, round: i64, category: ChannelId) -> Result<(), StoreError>;
    async fn set_room_channels(
        &self,
        room: i64,
        text: Option<ChannelId>,
        voice: Option<ChannelId>,
    ) -> Result<(), StoreError>;
    async fn set_room_members(&self, room: i64, members: &[UserId]) -> Result<(), StoreError>;
    async fn open_round(&self, meeting: MeetingId) -> Result<Option<Round>, StoreError>;
    async fn open_rounds(&self) -> Result<Vec<Round>, StoreError>;
    async fn rounds(&self, meeting: MeetingId) -> Result<Vec<Round>, StoreError>;
    /// Everyone who sat together in earlier rounds of the guild's meetings.
    async fn seating_history(&self, guild: GuildId) -> Result<Vec<Vec<UserId>>, StoreError>;
    async fn set_round_ends(&self, round: i64, ends_at: DateTime<Utc>, warned: bool) -> Result<(), StoreError>;
    async fn close_round(&self, round: i64, now: DateTime<Utc>) -> Result<(), StoreError>;
    async fn room_by_channel(&self, channel: ChannelId) -> Result<Option<(Round, Room)>, StoreError>;
    async fn add_note(&self, room: i64, user: UserId, text: &str, now: DateTime<Utc>) -> Result<(), StoreError>;
    async fn notes(&self, room: i64) -> Result<Vec<Note>, StoreError>;
    async fn set_room_summary(&self, room: i64, user: UserId, text: &str) -> Result<(), StoreError>;
}

#[async_trait]
pub trait PlanStore: Send + Sync {
    /// Adds a plan, not started, and schedules `jobs` (its reminders, keys made with the new
    /// plan's id) in one transaction.
    async fn add_plan(
        &self,
        meeting: MeetingId,
        guild: GuildId,
        plan: &Plan,
        jobs: &(dyn Fn(PlanId) -> Vec<NewJob> + Send + Sync),
        now: DateTime<Utc>,
    ) -> Result<PlanId, StoreError>;
    /// The meeting's plans, by unit name then in the order added.
    async fn plans(&self, meeting: MeetingId) -> Result<Vec<StoredPlan>, StoreError>;
    async fn plan(&self, id: PlanId) -> Result<Option<StoredPlan>, StoreError>;
    /// Sets a plan's status and keeps the change, in one transaction; when the plan is no
    /// longer open its pending reminders are cancelled in the same transaction.
    async fn set_plan_status(&self, change: &PlanChange) -> Result<(), StoreError>;
    /// Every status change of the meeting's plans, oldest first.
    async fn plan_history(&self, meeting: MeetingId) -> Result<Vec<PlanChange>, StoreError>;
    /// Adds a decision and schedules `jobs` (its reminders) in one transaction.
    async fn add_decision(
        &self,
        meeting: MeetingId,
        decision: &Decision,
        jobs: &(dyn Fn(i64) -> Vec<NewJob> + Send + Sync),
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError>;
    async fn decisions(&self, meeting: MeetingId) -> Result<Vec<StoredDecision>, StoreError>;
    async fn decision(&self, id: i64) -> Result<Option<StoredDecision>, StoreError>;
}

/// The meeting day's agenda as stored when it starts, with the runner's state.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaRun {
    pub meeting: MeetingId,
    pub started_at: DateTime<Utc>,
    /// How far every remaining item has moved (delays and pauses later, skips earlier).
    pub shift: chrono::Duration,
    pub paused_at: Option<DateTime<Utc>>,
    pub items: Vec<crate::domain::agenda::DayItem>,
}

#[async_trait]
pub trait AgendaStore: Send + Sync {
    /// Stores the day's agenda and schedules its jobs in one transaction. A day already
    /// started is a `Conflict`.
    async fn start_agenda(
        &self,
        meeting: MeetingId,
        items: &[crate::domain::agenda::DayItem],
        jobs: &[NewJob],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    async fn agenda(&self, meeting: MeetingId) -> Result<Option<AgendaRun>, StoreError>;
    /// Moves the remaining (pending) agenda jobs and the run's shift by `by`, in one transaction.
    async fn shift_agenda(&self, meeting: MeetingId, by: chrono::Duration) -> Result<(), StoreError>;
    async fn set_agenda_paused(&self, meeting: MeetingId, paused_at: Option<DateTime<Utc>>) -> Result<(), StoreError>;
    /// The meeting's day (its kit date, or the date given at load).
    async fn meeting_date(&self, meeting: MeetingId) -> Result<Option<NaiveDate>, StoreError>;
    /// Remembers that `meeting` follows up the meeting of kit `previous_kit`.
    async fn link_previous(&self, meeting: MeetingId, previous_kit: &str) -> Result<(), StoreError>;
    /// The guild's latest earlier meeting of the linked previous kit, if any.
    async fn previous_meeting(&self, meeting: MeetingId) -> Result<Option<MeetingId>, StoreError>;
}

/// All store traits, so callers holding a concrete store can call any store method.
pub mod prelude {
    pub use super::super::privacy_store::PrivacyStore;
    pub use super::{
        AgendaStore, AnswerStore, BreakoutStore, GuildStore, KitStore, MeetingStore, PlanStore, ScheduleStore, Store,
    };
}
