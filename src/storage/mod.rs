//! The SQLite store (sqlx): the only place with SQL. Implements `app::ports::Store`.
//!
//! Connection settings follow DESIGN.md: WAL (readers never block the writer), foreign keys
//! on, a busy timeout so concurrent writers wait instead of failing, synchronous=NORMAL
//! (durable at every commit under WAL except on power loss of the last transaction).

mod agenda;
mod answers;
mod error;
mod guilds;
mod meetings;
mod plans;
mod rounds;
mod schedule;
mod time;

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

pub use error::StoreError;

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
        let url = if url.starts_with("sqlite:") { url.to_owned() } else { format!("sqlite://{url}") };
        let options = SqliteConnectOptions::from_str(&url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new().max_connections(8).connect_with(options).await?;
        MIGRATOR.run(&pool).await?;
        Ok(Self { pool })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

/// Chat ids are unsigned 64-bit; SQLite integers are signed. Snowflakes stay below 2^63.
fn db_id(id: u64) -> i64 {
    i64::try_from(id).unwrap_or(i64::MAX)
}

fn chat_id(id: i64) -> u64 {
    u64::try_from(id).unwrap_or_default()
}
