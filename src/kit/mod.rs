//! Meeting kits: TOML files in `prompts/` that describe one meeting (questions, agenda,
//! breakout plans, schedule). `parse_kit`/`load_kit` parse and validate; errors carry
//! file:line:column and a hint. The format is described in `docs/kit-format.md`.

mod agenda;
pub mod check;
pub mod error;
pub mod parse;
mod questions;
mod raw;
pub mod schedule;
mod speaking;
mod suggest;
pub mod template;
pub mod upload;
mod validate;

#[cfg(test)]
mod day_tests;
#[cfg(test)]
mod during_tests;
#[cfg(test)]
mod guide_tests;
#[cfg(test)]
mod localised_tests;
#[cfg(test)]
mod speaking_tests;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod unit_answer_tests;

pub use check::check_paths;
pub use error::{KitError, KitErrors};
pub use parse::{find_kit, kit_files, load_dir, load_kit, parse_kit, shipped};
pub use schedule::parse_remind_cron;
pub use upload::{parse_upload, Upload, UploadProblem, MAX_KIT_BYTES};
