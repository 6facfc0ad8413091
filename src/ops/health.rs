//! Is this process healthy? Healthy when every gateway shard it runs is connected and the
//! database answers. Process-wide, like the metrics recorder: the Discord adapter reports
//! shards coming and going, the bot registers its store's probe.

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use crate::storage::Probe;

#[derive(Default)]
struct State {
    /// Shard id → connected. Empty until the first shard reports.
    shards: BTreeMap<u32, bool>,
    /// Shards that were connected once (a later session is a reconnect).
    seen: Vec<u32>,
    probe: Option<Probe>,
}

fn state() -> &'static Mutex<State> {
    static STATE: OnceLock<Mutex<State>> = OnceLock::new();
    STATE.get_or_init(Mutex::default)
}

fn lock() -> std::sync::MutexGuard<'static, State> {
    state().lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A shard's session started (ready or resumed); a second session of a shard is a reconnect.
pub fn shard_connected(shard: u32) {
    let mut s = lock();
    s.shards.insert(shard, true);
    if s.seen.contains(&shard) {
        super::metrics::gateway_reconnect();
    } else {
        s.seen.push(shard);
    }
    super::metrics::gateway_connected(s.shards.values().all(|c| *c));
}

/// A shard lost its connection (or is being shut down).
pub fn shard_disconnected(shard: u32) {
    let mut s = lock();
    s.shards.insert(shard, false);
    super::metrics::gateway_connected(false);
}

/// The database the health check asks.
pub fn set_probe(probe: Probe) {
    lock().probe = Some(probe);
}

/// What `/healthz` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub gateway: bool,
    pub database: bool,
}

impl Report {
    pub fn healthy(&self) -> bool {
        self.gateway && self.database
    }
}

/// Checks now: the gateway from the last reports, the database with a query (bounded).
pub async fn check() -> Report {
    let (gateway, probe) = {
        let s = lock();
        (!s.shards.is_empty() && s.shards.values().all(|c| *c), s.probe.clone())
    };
    let database = match probe {
        Some(p) => {
            super::metrics::db_pool_in_use(p.in_use());
            tokio::time::timeout(Duration::from_secs(2), p.answers()).await.unwrap_or(false)
        }
        None => false,
    };
    Report { gateway, database }
}
