//! The `Kits` port as samrad runs it: a guild's own kits (stored through `KitStore` and
//! validated again when read, so a format change cannot slip an invalid kit into a meeting)
//! over the kits shipped with the bot. The shipped kits come from a function `main` points at
//! the kits folder (`kit::shipped`), called on each read so an edited file counts without a
//! restart and `app` does no file IO.

use std::path::PathBuf;
use std::sync::Arc;

use async_trait::async_trait;

use super::ports::{KitListing, KitOrigin, KitSource, Kits, KitsError, Store, StoreError};
use crate::domain::kit::{Kit, ShippedKit};
use crate::domain::GuildId;
use crate::kit::parse_kit;

/// Reads the shipped kits (those that pass the checks), with their text.
pub type ShippedKits = Arc<dyn Fn() -> Vec<ShippedKit> + Send + Sync>;

pub struct KitLibrary {
    store: Arc<dyn Store>,
    shipped: ShippedKits,
}

impl KitLibrary {
    pub fn new(store: Arc<dyn Store>, shipped: ShippedKits) -> Self {
        KitLibrary { store, shipped }
    }

    /// The library over the kits of a folder (`kits.dir`), read again on each call.
    pub fn from_folder(store: Arc<dyn Store>, dir: PathBuf) -> Self {
        Self::new(store, Arc::new(move || crate::kit::shipped(&dir)))
    }
}

#[async_trait]
impl Kits for KitLibrary {
    async fn list(&self, guild: GuildId) -> Result<Vec<KitListing>, StoreError> {
        let own = self.store.guild_kits(guild).await?;
        let shipped = (self.shipped)();
        let mut out = Vec::with_capacity(own.len() + shipped.len());
        for newest in own {
            let versions = newest.version;
            out.push(KitListing {
                id: newest.kit_id.clone(),
                title: newest.title.clone(),
                language: newest.language.clone(),
                origin: KitOrigin::Guild { newest, versions },
            });
        }
        for s in shipped {
            if !out.iter().any(|k| k.id == s.kit.id) {
                out.push(KitListing {
                    id: s.kit.id,
                    title: s.kit.title,
                    language: s.kit.language,
                    origin: KitOrigin::Shipped,
                });
            }
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    async fn get(&self, guild: GuildId, kit_id: &str) -> Result<Option<(Kit, KitSource)>, KitsError> {
        if let Some(source) = self.store.guild_kit_source(guild, kit_id).await? {
            let kit = parse_kit(&source.source, &format!("{kit_id}.toml"))
                .map_err(|errors| KitsError::Stale { kit_id: kit_id.to_owned(), errors })?;
            return Ok(Some((kit, source)));
        }
        Ok((self.shipped)().into_iter().find(|s| s.kit.id == kit_id).map(|s| {
            let source = KitSource { kit_id: s.kit.id.clone(), version: None, source: s.source };
            (s.kit, source)
        }))
    }

    fn ships(&self, kit_id: &str) -> bool {
        (self.shipped)().iter().any(|s| s.kit.id == kit_id)
    }
}
