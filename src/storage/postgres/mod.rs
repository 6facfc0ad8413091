//! The Postgres store (sqlx runtime queries against `migrations/postgres/`): for a network of
//! coordination groups served by several bot processes sharing one database.
//!
//! Behaviour matches the SQLite store method for method. Where SQLite's single writer made a
//! read-then-write sequence safe, the Postgres version locks the row it depends on first (or
//! does the work in one statement), so concurrent processes see the same results as serial
//! ones. Text orderings use `COLLATE "C"`, SQLite's byte order, whatever the database locale.
//!
//! Queries are checked at run time, not build time: the committed offline query data is for
//! SQLite, and checking Postgres queries while building would need a server.

mod agenda;
mod answers;
mod cleanup;
mod guilds;
mod kits;
mod meetings;
mod plans;
mod privacy;
mod rounds;
mod schedule;
mod speaking;
mod unit_answers;

use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use super::{chat_id, db_id, StoreError};

/// The migrations in `migrations/postgres/`, embedded in the binary.
pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations/postgres");

/// Pool settings. Each bot process holds its own pool, so the server must allow
/// `processes × max_connections`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PgSettings {
    pub max_connections: u32,
    /// How long a query waits for a free connection before failing, so an overloaded
    /// database surfaces as an error instead of a hang.
    pub acquire_timeout: Duration,
}

impl Default for PgSettings {
    fn default() -> Self {
        Self { max_connections: 16, acquire_timeout: Duration::from_secs(10) }
    }
}

#[derive(Clone, Debug)]
pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    /// Connects to the database at `url` (`postgres://…`) and runs pending migrations.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        Self::open_with(url, PgSettings::default()).await
    }

    pub async fn open_with(url: &str, settings: PgSettings) -> Result<Self, StoreError> {
        let store = Self::connect_with(url, settings).await?;
        // sqlx takes an advisory lock while migrating, so processes starting together are safe.
        MIGRATOR.run(&store.pool).await?;
        Ok(store)
    }

    /// Connects without migrating (for `samrad migrate --status` and `samrad copy`).
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        Self::connect_with(url, PgSettings::default()).await
    }

    pub async fn connect_with(url: &str, settings: PgSettings) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(settings.max_connections)
            .acquire_timeout(settings.acquire_timeout)
            .connect(url)
            .await?;
        Ok(Self { pool })
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }
}

/// Counts and positions are `u32` in the domain and INTEGER (32-bit signed) here; SQLite's
/// integers are 64-bit, so a value past `i32::MAX` is refused like a failed bounds check.
fn int(value: u32, what: &str) -> Result<i32, StoreError> {
    i32::try_from(value).map_err(|_| StoreError::Conflict(format!("a value is out of bounds ({what} {value})")))
}

/// INTEGER columns read back into the domain's `u32`.
fn uint(value: i32) -> Option<u32> {
    u32::try_from(value).ok()
}
