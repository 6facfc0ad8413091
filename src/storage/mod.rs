//! The SQLite store (sqlx); the only place with SQL.
