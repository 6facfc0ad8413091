//! Meeting kits: TOML files in `prompts/` that describe one meeting (questions, agenda,
//! breakout plans, schedule). `load` parses and validates; errors carry file:line.

pub mod model;

pub use model::{AgendaItem, AgendaKind, BreakoutPlan, Kit, KitSchedule};
