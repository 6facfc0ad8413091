//! The guild's channels: listing them, creating a category, deleting a channel, and finding
//! again a channel whose create failed after Discord had made it (so a retry makes no second).

use serenity::all::{ChannelType, CreateChannel, LightMethod, Request, Route};

use super::message::cut;
use super::rest::{created_id, json};
use super::DiscordChat;
use crate::app::ports::{ChatError, GuildChannel};
use crate::domain::{ChannelId, GuildId};

impl DiscordChat {
    pub(super) async fn make_category(&self, guild: GuildId, name: &str) -> Result<ChannelId, ChatError> {
        let name = cut(name, 100);
        let body = json(&CreateChannel::new(name.clone()).kind(ChannelType::Category))?;
        let guild_id = serenity::all::GuildId::new(guild.0);
        let expected = Expected { guild: guild.0, name, kind: ChannelType::Category, parent: None };
        let make = || Request::new(Route::GuildChannels { guild_id }, LightMethod::Post).body(Some(body.clone()));
        let created = self.call_creating("create category", make, Some(&expected)).await?;
        Ok(ChannelId(created_id(&created)?))
    }

    pub(super) async fn guild_channels(&self, guild: GuildId) -> Result<Vec<GuildChannel>, ChatError> {
        let number = |v: &serde_json::Value| v.as_str().and_then(|i| i.parse::<u64>().ok());
        let category = u64::from(u8::from(ChannelType::Category));
        Ok(self
            .list_channels(guild.0)
            .await?
            .iter()
            .filter_map(|c| {
                Some(GuildChannel {
                    id: ChannelId(number(&c["id"])?),
                    name: c["name"].as_str().unwrap_or_default().to_owned(),
                    category: c["type"] == category,
                    parent: number(&c["parent_id"]).map(ChannelId),
                })
            })
            .collect())
    }

    pub(super) async fn delete(&self, channel: ChannelId) -> Result<(), ChatError> {
        let channel_id = serenity::all::ChannelId::new(channel.0);
        self.overwrites.lock().unwrap_or_else(|p| p.into_inner()).remove(&channel.0);
        match self.call("delete channel", || Request::new(Route::Channel { channel_id }, LightMethod::Delete)).await {
            Ok(_) | Err(ChatError::NotFound(_)) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// The newest channel of the guild that matches what a failed create asked for: its name,
    /// type and category (for a category: one still empty, as a just-made one is).
    pub(super) async fn find_created(&self, expected: &Expected) -> Result<Option<Vec<u8>>, ChatError> {
        // Boxed: `call` may come back here (through `call_creating`), a recursive future.
        let channels = Box::pin(self.list_channels(expected.guild)).await?;
        Ok(find_expected(&channels, expected).map(|c| c.to_string().into_bytes()))
    }

    /// `GET /guilds/{guild}/channels`, as JSON values.
    pub(super) async fn list_channels(&self, guild: u64) -> Result<Vec<serde_json::Value>, ChatError> {
        let guild_id = serenity::all::GuildId::new(guild);
        let list = || Request::new(Route::GuildChannels { guild_id }, LightMethod::Get);
        let body = self.call("list channels", list).await?;
        serde_json::from_slice(&body)
            .map_err(|e| ChatError::Unavailable(format!("unexpected channel list from Discord: {e}")))
    }
}

/// What a channel create asked for, to recognise the channel if the create's answer was lost.
pub(super) struct Expected {
    pub(super) guild: u64,
    pub(super) name: String,
    pub(super) kind: ChannelType,
    pub(super) parent: Option<u64>,
}

fn find_expected<'c>(channels: &'c [serde_json::Value], expected: &Expected) -> Option<&'c serde_json::Value> {
    let id = |c: &serde_json::Value| c["id"].as_str().and_then(|i| i.parse::<u64>().ok());
    let parent = |c: &serde_json::Value| c["parent_id"].as_str().and_then(|i| i.parse::<u64>().ok());
    let kind = u64::from(u8::from(expected.kind));
    channels
        .iter()
        .filter(|c| c["name"] == expected.name.as_str() && c["type"] == kind && parent(c) == expected.parent)
        .filter(|c| expected.kind != ChannelType::Category || !channels.iter().any(|child| parent(child) == id(c)))
        .max_by_key(|c| id(c))
}
