//! Upgrades: the schema migrations a database still lacks (`samrad migrate --dry-run`), read
//! without changing anything. Migrations run forward only, at every start and in
//! `samrad migrate`; a new release adds files and never edits an applied one.

use sqlx::migrate::Migrator;

use super::{backup::sqlite_path, Backend, PgStore, SqliteStore, StoreError};

/// The migrations `url` has not applied yet (version, description), oldest first. A SQLite
/// file that does not exist yet would get all of them (and is not created).
pub async fn pending_migrations(url: &str) -> Result<Vec<(i64, String)>, StoreError> {
    let sql = "SELECT version FROM _sqlx_migrations WHERE success";
    let (migrator, applied): (&Migrator, Vec<i64>) = match Backend::of(url) {
        Backend::Sqlite => {
            let migrator = &super::sqlite::MIGRATOR;
            if !sqlite_path(url).is_file() {
                (migrator, Vec::new())
            } else {
                let store = SqliteStore::connect(url).await?;
                let exists: bool = sqlx::query_scalar(
                    "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations')",
                )
                .fetch_one(store.pool())
                .await?;
                let applied = if exists { sqlx::query_scalar(sql).fetch_all(store.pool()).await? } else { Vec::new() };
                store.pool().close().await;
                (migrator, applied)
            }
        }
        Backend::Postgres => {
            let store = PgStore::connect(url).await?;
            let exists: bool = sqlx::query_scalar("SELECT to_regclass('_sqlx_migrations') IS NOT NULL")
                .fetch_one(store.pool())
                .await?;
            let applied = if exists { sqlx::query_scalar(sql).fetch_all(store.pool()).await? } else { Vec::new() };
            store.pool().close().await;
            (&super::postgres::MIGRATOR, applied)
        }
    };
    Ok(migrator
        .iter()
        .filter(|m| !m.migration_type.is_down_migration() && !applied.contains(&m.version))
        .map(|m| (m.version, m.description.to_string()))
        .collect())
}
