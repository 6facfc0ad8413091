//! Times are stored as fixed-width RFC 3339 UTC text, so text order is time order and
//! `due_at <= ?` comparisons in SQL are correct.

use chrono::{DateTime, SecondsFormat, Utc};

use super::StoreError;

pub(super) fn to_db(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub(super) fn from_db(s: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StoreError::Corrupt(format!("time {s:?}: {e}")))
}

pub(super) fn opt_from_db(s: Option<String>) -> Result<Option<DateTime<Utc>>, StoreError> {
    s.as_deref().map(from_db).transpose()
}
