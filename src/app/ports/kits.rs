//! The kits port: which meeting kits a guild can load, and the one an id means. `app` receives
//! it like `Store` and `Chat`, so no use case and no command reads kit files itself.
//! `app::kit_library::KitLibrary` is the implementation samrad runs (the guild's uploads over
//! the shipped kits).

use async_trait::async_trait;

use super::{GuildKitVersion, KitSource, StoreError};
use crate::domain::kit::Kit;
use crate::domain::GuildId;
use crate::kit::KitErrors;

/// Where a listed kit comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KitOrigin {
    /// This guild's upload: the newest version and how many there are.
    Guild {
        newest: GuildKitVersion,
        versions: u32,
    },
    Shipped,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitListing {
    pub id: String,
    pub title: String,
    pub language: String,
    pub origin: KitOrigin,
}

#[derive(Debug, thiserror::Error)]
pub enum KitsError {
    /// A stored guild kit no longer passes validation (the format changed under it).
    #[error("stored kit {kit_id} is no longer valid: {errors}")]
    Stale { kit_id: String, errors: KitErrors },
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[async_trait]
pub trait Kits: Send + Sync {
    /// The kits this guild can load, by id: its own, then shipped ones it has not replaced.
    /// Another guild's kits are never among them.
    async fn list(&self, guild: GuildId) -> Result<Vec<KitListing>, StoreError>;
    /// The kit `kit_id` means in this guild (its own wins over a shipped one), with the text a
    /// meeting loaded from it keeps; `None` when there is no such kit.
    async fn get(&self, guild: GuildId, kit_id: &str) -> Result<Option<(Kit, KitSource)>, KitsError>;
    /// Whether samrad ships a kit with this id.
    fn ships(&self, kit_id: &str) -> bool;
}
