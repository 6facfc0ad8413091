//! The poise/serenity adapter: slash commands, components, and the Discord Chat.

pub mod chat;
pub mod perms;
pub mod retry;

pub use chat::DiscordChat;
