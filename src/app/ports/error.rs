//! The store's error, owned by the port: what a failed read or write means for a use case.
//! Adapters map their own errors into it (`storage/error.rs` maps `sqlx::Error`); the use
//! cases never see a driver type.

/// A boxed error from a store backend, kept as the source so logs show the cause chain.
pub type BackendError = Box<dyn std::error::Error + Send + Sync + 'static>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0} not found")]
    NotFound(String),
    #[error("that conflicts with what is stored: {0}")]
    Conflict(String),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    /// The backend failed (connection, I/O, migration); `what` says which step.
    #[error("{what}")]
    Backend {
        what: &'static str,
        #[source]
        source: BackendError,
    },
}

impl StoreError {
    /// A backend failure during `what` ("database error", "database migration failed").
    pub fn backend(what: &'static str, source: impl Into<BackendError>) -> Self {
        Self::Backend { what, source: source.into() }
    }
}
