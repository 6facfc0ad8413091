//! The ports the use cases are written against, one file per area. Adapters:
//! `storage::SqliteStore` and `storage::PgStore` (the store traits), `discord::DiscordChat`,
//! `console::ConsoleChat` and `console::memory::MemoryChat` (`Chat`), `SystemClock` and
//! `ManualClock` (`Clock`), `app::kit_library::KitLibrary` (`Kits`).

mod agenda;
mod answers;
mod breakouts;
mod chat;
mod cleanup;
mod clock;
mod error;
mod guilds;
mod kits;
mod meetings;
mod plans;
mod schedule;
mod speaking;
mod unit_answers;

pub use agenda::{AgendaRun, AgendaStore};
pub use answers::{AnswerStore, StoredAnswer};
pub use breakouts::{BreakoutStore, NewRoom, Note, Room, Round, Seating};
pub use chat::{
    Action, Attachment, Button, Chat, ChatError, GuildChannel, MessageId, OutMessage, RoomKind, RoomSpec,
    MAX_BUTTONS_PER_MESSAGE,
};
pub use cleanup::{RoomCleanupStore, DEFAULT_ROOM_RETENTION_DAYS};
pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{BackendError, StoreError};
pub use guilds::{GuildSettings, GuildStore, Member};
pub use kits::{KitListing, KitOrigin, Kits, KitsError};
pub use meetings::{MeetingStore, NewMeeting};
pub use plans::{Decision, Plan, PlanStore, PlansBefore, StoredDecision, StoredPlan};
pub use schedule::{Job, NewJob, ScheduleStore};
pub use speaking::{SpeakingPlan, SpeakingRow, SpeakingStore};
pub use unit_answers::{StoredUnitAnswer, UnitAnswerRevision, UnitAnswerStore};

pub use super::kit_store::{GuildKitVersion, KitSource, KitStore, NewGuildKit, SavedKit};

/// Everything the use cases need stored: the union of the per-area store traits in this folder.
pub trait Store:
    GuildStore
    + MeetingStore
    + AnswerStore
    + UnitAnswerStore
    + ScheduleStore
    + BreakoutStore
    + RoomCleanupStore
    + PlanStore
    + AgendaStore
    + SpeakingStore
    + KitStore
    + super::privacy_store::PrivacyStore
{
}

impl<T> Store for T where
    T: GuildStore
        + MeetingStore
        + AnswerStore
        + UnitAnswerStore
        + ScheduleStore
        + BreakoutStore
        + RoomCleanupStore
        + PlanStore
        + AgendaStore
        + SpeakingStore
        + KitStore
        + super::privacy_store::PrivacyStore
{
}

/// All store traits, so callers holding a concrete store can call any store method.
pub mod prelude {
    pub use super::super::privacy_store::PrivacyStore;
    pub use super::{
        AgendaStore, AnswerStore, BreakoutStore, GuildStore, KitStore, MeetingStore, PlanStore, RoomCleanupStore,
        ScheduleStore, SpeakingStore, Store, UnitAnswerStore,
    };
}
