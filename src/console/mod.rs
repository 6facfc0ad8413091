//! In-process chat transports: `MemoryChat` records what the bot would send (unit tests,
//! app-level tests, benchmarks) and, when printing, shows it as console lines (`samrad demo`).

mod day_scenes;
pub mod demo;
pub mod demo_day;
mod memory;
mod samples;

pub use memory::{ChatEvent, MemoryChat};
