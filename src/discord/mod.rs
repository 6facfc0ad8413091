//! The poise/serenity adapter: slash commands (`commands`), the answer flow's buttons, selects
//! and modals (`components`, `forms`, `ids`), what a member is told when a command cannot run
//! (`errors`), and the Discord `Chat` (`chat`, `perms`, `retry`). `bot::run` starts it all.

pub mod access;
pub mod bot;
pub mod chat;
pub mod check;
pub mod commands;
pub mod components;
pub mod context;
pub mod errors;
pub mod forms;
pub mod ids;
pub mod invite;
pub mod language;
pub mod lifecycle;
pub mod perms;
pub mod privacy_buttons;
pub mod ratelimit;
pub mod retry;
pub mod shards;
pub mod staff;

pub use bot::{run, run_until, BotError, BotSettings, Data, Ticks};
pub use chat::DiscordChat;
pub use shards::{ShardPlan, ShardPlanError};
