//! Maps the driver's errors into the port's `StoreError`: constraint violations become what
//! they mean for a user, everything else a backend failure carrying its source.

pub use crate::app::ports::StoreError;

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
        Self::backend("database error", e)
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        Self::backend("database migration failed", e)
    }
}
