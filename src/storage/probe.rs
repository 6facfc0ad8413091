//! A look at the store's connection pool for the health check and the pool gauge, without
//! going through the `Store` port: does the database answer, how many connections are busy.

use std::sync::Arc;

use sqlx::{PgPool, SqlitePool};

use super::{Backend, PgStore, SqliteStore, StoreError};
use crate::app::ports::Store;

/// The pool of an open store (pools are shared handles: cloning is cheap).
#[derive(Clone, Debug)]
pub enum Probe {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Probe {
    /// True when a trivial query succeeds.
    pub async fn answers(&self) -> bool {
        let result = match self {
            Probe::Sqlite(p) => sqlx::query_scalar::<_, i64>("SELECT 1").fetch_one(p).await,
            Probe::Postgres(p) => sqlx::query_scalar::<_, i32>("SELECT 1").fetch_one(p).await.map(i64::from),
        };
        result.is_ok()
    }

    /// Connections currently checked out of the pool.
    pub fn in_use(&self) -> u32 {
        match self {
            Probe::Sqlite(p) => p.size().saturating_sub(p.num_idle() as u32),
            Probe::Postgres(p) => p.size().saturating_sub(p.num_idle() as u32),
        }
    }
}

/// Opens the store at `url` (migrating it, as `open` does) and returns its probe too.
pub async fn open_with_probe(url: &str) -> Result<(Arc<dyn Store>, Probe), StoreError> {
    Ok(match Backend::of(url) {
        Backend::Sqlite => {
            let store = SqliteStore::open(url).await?;
            let probe = Probe::Sqlite(store.pool().clone());
            (Arc::new(store), probe)
        }
        Backend::Postgres => {
            let store = PgStore::open(url).await?;
            let probe = Probe::Postgres(store.pool().clone());
            (Arc::new(store), probe)
        }
    })
}
