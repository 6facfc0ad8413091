//! Voice: who is in which voice channel (from serenity's cache of voice states; without a
//! cache nobody is) and moving a member who is in voice to a room's voice channel.

use serenity::all::{LightMethod, Request, Route};

use super::rest::json;
use super::DiscordChat;
use crate::app::ports::ChatError;
use crate::discord::retry;
use crate::domain::{ChannelId, GuildId, UserId};

impl DiscordChat {
    pub(super) async fn move_member(
        &self,
        guild: GuildId,
        user: UserId,
        channel: ChannelId,
    ) -> Result<bool, ChatError> {
        if self.in_voice(guild, user).is_none() {
            return Ok(false);
        }
        let body = json(&serde_json::json!({ "channel_id": channel.0.to_string() }))?;
        let (guild_id, user_id) = (serenity::all::GuildId::new(guild.0), serenity::all::UserId::new(user.0));
        let result = self
            .call("move to voice", || {
                Request::new(Route::GuildMember { guild_id, user_id }, LightMethod::Patch).body(Some(body.clone()))
            })
            .await;
        match result {
            Ok(_) => Ok(true),
            // Left voice between the cache update and the call.
            Err(ChatError::Refused(detail)) if detail.contains(&format!("code {}", retry::NOT_IN_VOICE)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    pub(super) async fn members_in_voice(&self, guild: GuildId, channel: ChannelId) -> Result<Vec<UserId>, ChatError> {
        let Some(cache) = &self.cache else { return Ok(Vec::new()) };
        let Some(g) = cache.guild(guild.0) else { return Err(ChatError::NotFound(format!("guild {guild}"))) };
        let mut users: Vec<UserId> = g
            .voice_states
            .values()
            .filter(|v| v.channel_id.is_some_and(|c| c.get() == channel.0))
            .map(|v| UserId(v.user_id.get()))
            .collect();
        users.sort();
        Ok(users)
    }

    fn in_voice(&self, guild: GuildId, user: UserId) -> Option<u64> {
        let cache = self.cache.as_ref()?;
        let g = cache.guild(guild.0)?;
        g.voice_states.get(&serenity::all::UserId::new(user.0)).and_then(|v| v.channel_id).map(|c| c.get())
    }
}
