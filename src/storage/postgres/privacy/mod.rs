//! The Postgres store's `PrivacyStore`: consent and anonymous answers, retention, member
//! data and forget-me, each in its own module, named as in `storage/sqlite/privacy/`;
//! `storage/privacy_by_concern.rs` writes the one `impl` that calls them.

mod consent;
mod forget;
mod member_data;
mod retention;

use super::{PgStore, StoreError};

fn corrupt(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

crate::storage::privacy_by_concern::impl_privacy_store!(PgStore);
