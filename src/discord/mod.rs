//! The poise/serenity adapter: slash commands, components, and the Discord Chat.
