//! Store errors: constraint violations mapped to what they mean for a user.

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0} not found")]
    NotFound(String),
    #[error("that conflicts with what is stored: {0}")]
    Conflict(String),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error("database error")]
    Database(#[source] sqlx::Error),
    #[error("database migration failed")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &e {
            if db.is_unique_violation() {
                return Self::Conflict(db.message().to_owned());
            }
            if db.is_foreign_key_violation() {
                return Self::NotFound(format!("a referenced row ({})", db.message()));
            }
            if db.is_check_violation() {
                return Self::Conflict(format!("a value is out of bounds ({})", db.message()));
            }
        }
        Self::Database(e)
    }
}
