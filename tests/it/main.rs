//! Integration tests: use cases over the in-memory chat and a temporary SQLite file, the demo
//! end to end, and (in `wire`) the Discord adapter against the fake Discord on loopback.
//! Scenarios marked `on_both_stores!` and `pg_smoke` also run on Postgres when
//! `SAMRAD_TEST_POSTGRES_URL` names a server (`scripts/pg-test-server.sh start` prints one).

// First: the other modules use its `on_both_stores!`.
#[macro_use]
mod harness;

mod agenda;
mod anonymous;
mod breakout_close;
mod breakout_races;
mod breakout_rooms;
mod breakouts;
mod copy;
mod day;
mod demo_day;
mod digest;
mod during;
mod friends_series;
mod language;
mod layers;
mod migrations;
mod pg;
mod pg_smoke;
mod plans;
mod reflection;
mod retention;
mod scheduler;
mod service;
mod speaking;
mod store;
mod table_recovery;
mod unit_answers;
mod wire;
