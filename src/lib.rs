//! samrad: reflection and breakout work for coordination-group meetings.
//!
//! Layers point inward: `domain` (pure rules) ← `app` (use cases over ports) ← adapters
//! (`storage` for SQLite, `discord` for poise/serenity, `console` for the demo). `kit` reads
//! meeting kits; `config` reads settings.

pub mod app;
pub mod config;
pub mod console;
pub mod discord;
pub mod domain;
pub mod i18n;
pub mod kit;
pub mod ops;
pub mod render;
pub mod secret;
pub mod storage;
