//! Use cases, generic over the Store, Chat and Clock ports. Each public function is one thing
//! a member, facilitator or organiser does, and returns a typed error a user can read.

pub mod actor;
pub mod agenda;
pub mod anonymous;
pub mod answers;
pub mod audit;
pub mod breakouts;
pub mod consent;
pub mod decisions;
pub mod digest;
pub mod export;
pub mod followup;
pub mod kit_library;
pub mod kit_store;
pub mod kits;
pub mod meetings;
pub mod membership;
pub mod my_data;
pub mod plan_followup;
pub mod plan_reminders;
pub mod plan_status;
pub mod plans;
pub mod ports;
pub mod posting;
pub mod privacy;
pub mod privacy_store;
pub mod reflection;
pub mod retention;
pub mod settings;
pub mod sharing;
pub mod speaking;
pub mod summarise;
pub mod tick;
pub mod unit_answers;
pub mod worker;

pub use actor::{Actor, Staff, UserMessage};
