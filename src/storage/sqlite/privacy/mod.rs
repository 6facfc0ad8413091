//! The SQLite store's `PrivacyStore`: consent and anonymous answers, retention, member
//! data and forget-me, each in its own module, named as in `storage/postgres/privacy/`;
//! `storage/privacy_by_concern.rs` writes the one `impl` that calls them.

/// Runs each SQL statement on the transaction `$tx` with the same arguments and returns how
/// many rows they changed in all. A macro rather than a loop over strings, because
/// `sqlx::query!` checks each statement against `.sqlx/` at compile time only when it is
/// written as a literal.
macro_rules! rows_changed {
    ($tx:ident, $args:tt; $($sql:literal),+ $(,)?) => {{
        let mut changed: u64 = 0;
        $(changed += rows_changed!(@one $tx, $sql, $args);)+
        changed
    }};
    (@one $tx:ident, $sql:literal, ($($arg:expr),+)) => {
        sqlx::query!($sql, $($arg),+).execute(&mut *$tx).await?.rows_affected()
    };
}

mod consent;
mod forget;
mod member_data;
mod retention;

use super::{SqliteStore, StoreError};

fn corrupt(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

crate::storage::privacy_by_concern::impl_privacy_store!(SqliteStore);
