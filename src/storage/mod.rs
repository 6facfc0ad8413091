//! The stores: the only place with SQL. Each implements `app::ports::Store`.
//!
//! - `sqlite`: the embedded default (one process, one file).
//! - `postgres`: for a national network, shared by several bot processes (sharding); the
//!   scheduler claims jobs with `FOR UPDATE SKIP LOCKED` so each runs once.
//!
//! `open` picks the backend from the URL's scheme.

mod answer_batch;
pub mod backup;
mod columns;
pub mod copy;
mod error;
mod meeting_json;
pub mod postgres;
mod privacy_by_concern;
mod probe;
mod speaking_json;
pub mod sqlite;
pub mod upgrade;

use std::sync::Arc;

pub use error::StoreError;
pub use postgres::PgStore;
pub use probe::{open_with_probe, Probe};
pub use sqlite::SqliteStore;

use crate::app::ports::Store;

/// The database backends samrad speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// `postgres:`/`postgresql:` URLs are Postgres; `sqlite:` URLs and plain paths are SQLite.
    pub fn of(url: &str) -> Backend {
        if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// Opens the store at `url` and runs its pending migrations.
pub async fn open(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    Ok(match Backend::of(url) {
        Backend::Sqlite => Arc::new(SqliteStore::open(url).await?),
        Backend::Postgres => Arc::new(PgStore::open(url).await?),
    })
}

/// Brings the database at `url` to the current schema; returns the migrations applied in
/// all (version, description), oldest first.
pub async fn migrate(url: &str) -> Result<Vec<(i64, String)>, StoreError> {
    let sql = "SELECT version, description FROM _sqlx_migrations WHERE success ORDER BY version";
    Ok(match Backend::of(url) {
        Backend::Sqlite => sqlx::query_as(sql).fetch_all(SqliteStore::open(url).await?.pool()).await?,
        Backend::Postgres => sqlx::query_as(sql).fetch_all(PgStore::open(url).await?.pool()).await?,
    })
}

/// Chat ids are unsigned 64-bit; database integers are signed. Snowflakes stay below 2^63.
fn db_id(id: u64) -> i64 {
    i64::try_from(id).unwrap_or(i64::MAX)
}

fn chat_id(id: i64) -> u64 {
    u64::try_from(id).unwrap_or_default()
}
