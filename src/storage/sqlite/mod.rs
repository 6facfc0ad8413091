//! The SQLite store (sqlx, queries checked at compile time against `migrations/`): the
//! embedded default, for one process serving a coordination group.
//!
//! Connection settings follow DESIGN.md: WAL (readers never block the writer), foreign keys
//! on, a busy timeout so concurrent writers wait instead of failing, synchronous=NORMAL
//! (durable at every commit under WAL except on power loss of the last transaction).

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
mod time;
mod unit_answers;

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use super::{chat_id, db_id, StoreError};

/// The migrations in `migrations/`, embedded in the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

#[derive(Clone, Debug)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if missing) the database at `url` (`sqlite:path` or a plain path) and
    /// runs pending migrations.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let store = Self::connect(url).await?;
        MIGRATOR.run(&store.pool).await?;
        Ok(store)
    }

    /// Opens without migrating (for `samrad migrate --status` and `samrad copy`).
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let url = if url.starts_with("sqlite:") { url.to_owned() } else { format!("sqlite://{url}") };
        let options = SqliteConnectOptions::from_str(&url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new().max_connections(8).connect_with(options).await?;
        Ok(Self { pool })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}
