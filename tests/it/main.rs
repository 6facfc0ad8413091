//! Integration tests: use cases over the in-memory chat and a temporary SQLite file, the demo
//! end to end, and (in `wire`) the Discord adapter against the fake Discord on loopback.

// First: the other modules use its `on_both_stores!`.
#[macro_use]
mod harness;

mod agenda;
mod breakouts;
mod digest;
mod language;
mod pg_smoke;
mod reflection;
mod wire;
