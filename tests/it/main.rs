//! Integration tests: use cases over the in-memory chat and a temporary SQLite file, the demo
//! end to end, and (in `wire`) the Discord adapter against the fake Discord on loopback.

mod agenda;
mod breakouts;
mod digest;
mod harness;
mod language;
mod reflection;
mod scheduler;
mod wire;
