//! `samrad backup`: a consistent copy of a live SQLite database in one file, taken with
//! `VACUUM INTO` (a read transaction: the bot keeps answering and writing while it runs, in
//! WAL mode). `samrad restore` is `samrad copy` from such a file. Postgres deployments use
//! `pg_dump` instead (README, *Keeping data safe*).

use std::path::{Path, PathBuf};

use super::{Backend, SqliteStore, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("backup is for SQLite databases; back up Postgres with pg_dump (see the README)")]
    NotSqlite,
    #[error("no database at {0}")]
    NoDatabase(PathBuf),
    #[error("{0} already exists; name a new file, so that no earlier backup is overwritten")]
    TargetExists(PathBuf),
    #[error("the backup in {path} failed its integrity check: {detail}")]
    Damaged { path: PathBuf, detail: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for BackupError {
    fn from(e: sqlx::Error) -> Self {
        BackupError::Store(e.into())
    }
}

/// The file of a SQLite URL (`sqlite:PATH`, `sqlite://PATH`) or plain path.
pub fn sqlite_path(url: &str) -> PathBuf {
    let path = url.strip_prefix("sqlite:").unwrap_or(url);
    let path = path.strip_prefix("//").unwrap_or(path);
    PathBuf::from(path.split('?').next().unwrap_or(path))
}

/// Writes a consistent copy of the SQLite database at `url` to the new file `to`, checks the
/// copy's integrity, and returns its size in bytes.
pub async fn backup(url: &str, to: &Path) -> Result<u64, BackupError> {
    if Backend::of(url) != Backend::Sqlite {
        return Err(BackupError::NotSqlite);
    }
    let source = sqlite_path(url);
    if !source.is_file() {
        return Err(BackupError::NoDatabase(source));
    }
    if to.exists() {
        return Err(BackupError::TargetExists(to.to_owned()));
    }
    let store = SqliteStore::connect(url).await?;
    // Runtime SQL: VACUUM has no result to check at compile time.
    sqlx::query("VACUUM INTO ?").bind(to.to_string_lossy().into_owned()).execute(store.pool()).await?;
    store.pool().close().await;
    let copy = SqliteStore::connect(&format!("sqlite:{}", to.display())).await?;
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(copy.pool()).await?;
    copy.pool().close().await;
    if verdict != "ok" {
        return Err(BackupError::Damaged { path: to.to_owned(), detail: verdict });
    }
    Ok(std::fs::metadata(to).map(|m| m.len()).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_and_plain_paths_name_the_same_file() {
        for url in
            ["sqlite:/var/lib/samrad/samrad.db", "sqlite:///var/lib/samrad/samrad.db", "/var/lib/samrad/samrad.db"]
        {
            assert_eq!(sqlite_path(url), PathBuf::from("/var/lib/samrad/samrad.db"), "{url}");
        }
        assert_eq!(sqlite_path("sqlite:data/s.db?mode=rwc"), PathBuf::from("data/s.db"));
    }
}
