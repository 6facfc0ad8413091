//! `DiscordChat`: the `Chat` port over Discord's REST API (through serenity's `Http`), with a
//! bounded retry (see `retry`) and idempotent keyed posts (Discord's enforced nonce).
//!
//! By area: `rest` (one call: rate limits, retries, errors), `message` (posts and DMs),
//! `channels` (listing, categories, deletes), `rooms` (breakout rooms and who may see them)
//! and `voice`. This file holds the adapter's state and the port, one line per operation.

mod channels;
mod message;
mod rest;
mod rooms;
mod voice;

use std::sync::Arc;

use async_trait::async_trait;
use serenity::all::{Cache, Http, PermissionOverwrite};

pub use message::{button_rows, cut, message_builder, nonce_for, BUTTONS_PER_ROW, MESSAGE_LIMIT, ROWS_PER_MESSAGE};

use super::ratelimit::RateLimits;
use crate::app::ports::{Chat, ChatError, GuildChannel, MessageId, OutMessage, RoomSpec};
use crate::domain::{ChannelId, GuildId, UserId};

pub struct DiscordChat {
    http: Arc<Http>,
    cache: Option<Arc<Cache>>,
    /// Used when serenity's ratelimiter is off, to read 429 bodies (`retry_after`) that
    /// serenity's error type drops.
    client: reqwest::Client,
    /// Discord's rate limits as the answers' headers describe them (ratelimiter off only).
    limits: RateLimits,
    /// Overwrites of the rooms this process created, kept up to date by grants.
    overwrites: std::sync::Mutex<std::collections::HashMap<u64, Vec<PermissionOverwrite>>>,
}

impl DiscordChat {
    /// `cache` gives voice states (who is in voice); without it nobody is in voice.
    pub fn new(http: Arc<Http>, cache: Option<Arc<Cache>>) -> Self {
        Self {
            http,
            cache,
            client: reqwest::Client::new(),
            limits: RateLimits::default(),
            overwrites: Default::default(),
        }
    }
}

#[async_trait]
impl Chat for DiscordChat {
    async fn post(&self, channel: ChannelId, message: OutMessage, key: Option<&str>) -> Result<MessageId, ChatError> {
        self.send_to(channel.0, &message, key).await
    }

    async fn dm(&self, user: UserId, message: OutMessage, key: Option<&str>) -> Result<MessageId, ChatError> {
        self.send_dm(user, &message, key).await
    }

    async fn create_category(&self, guild: GuildId, name: &str) -> Result<ChannelId, ChatError> {
        self.make_category(guild, name).await
    }

    async fn channel_count(&self, guild: GuildId) -> Result<usize, ChatError> {
        Ok(self.list_channels(guild.0).await?.len())
    }

    async fn channels(&self, guild: GuildId) -> Result<Vec<GuildChannel>, ChatError> {
        self.guild_channels(guild).await
    }

    async fn create_room(&self, spec: &RoomSpec) -> Result<ChannelId, ChatError> {
        self.make_room(spec).await
    }

    async fn archive_room(&self, channel: ChannelId) -> Result<(), ChatError> {
        self.archive(channel).await
    }

    async fn delete_channel(&self, channel: ChannelId) -> Result<(), ChatError> {
        self.delete(channel).await
    }

    async fn move_to_voice(&self, guild: GuildId, user: UserId, channel: ChannelId) -> Result<bool, ChatError> {
        self.move_member(guild, user, channel).await
    }

    async fn voice_members(&self, guild: GuildId, channel: ChannelId) -> Result<Vec<UserId>, ChatError> {
        self.members_in_voice(guild, channel).await
    }

    async fn grant_room(&self, channel: ChannelId, user: UserId, allow: bool) -> Result<(), ChatError> {
        self.grant(channel, user, allow).await
    }
}
