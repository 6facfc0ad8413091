//! In-process chat transports: `MemoryChat` records what the bot would send (unit tests,
//! app-level tests, benchmarks), `ConsoleChat` prints it as lines (`samrad demo`).

mod memory;

pub use memory::{ChatEvent, MemoryChat};
