//! Reading the fake's world: messages, channels, DMs, members, voice, registered commands
//! and how interactions were answered.

use serde_json::Value;

use crate::fixtures::MemberFixture;
use crate::FakeDiscord;

impl FakeDiscord {
    /// Messages in a channel, oldest first (including ephemeral interaction responses, which
    /// carry flag 64).
    pub fn messages_in(&self, channel_id: u64) -> Vec<Value> {
        self.inner.lock().messages.get(&channel_id).cloned().unwrap_or_default()
    }

    pub fn message(&self, message_id: u64) -> Option<Value> {
        self.inner.lock().find_message(message_id).cloned()
    }

    /// Every channel (guild channels and DMs).
    pub fn channels(&self) -> Vec<Value> {
        self.inner.lock().channels.values().cloned().collect()
    }

    pub fn channel(&self, channel_id: u64) -> Option<Value> {
        self.inner.lock().channels.get(&channel_id).cloned()
    }

    pub fn guild_channels(&self, guild_id: u64) -> Vec<Value> {
        self.inner.lock().guild_channels(guild_id)
    }

    /// Channels named `name` (any guild).
    pub fn channels_named(&self, name: &str) -> Vec<Value> {
        self.channels().into_iter().filter(|c| c["name"] == name).collect()
    }

    /// Messages sent to `user_id` by DM, oldest first.
    pub fn dms(&self, user_id: u64) -> Vec<Value> {
        let s = self.inner.lock();
        let uid = user_id.to_string();
        s.channels
            .iter()
            .filter(|(_, c)| c["type"] == 1 && c["recipients"][0]["id"] == uid.as_str())
            .flat_map(|(id, _)| s.messages.get(id).cloned().unwrap_or_default())
            .collect()
    }

    /// The member object as the fake holds it now.
    pub fn member(&self, guild_id: u64, user_id: u64) -> Option<Value> {
        self.inner.lock().guilds.get(&guild_id)?.members.get(&user_id).map(MemberFixture::to_json)
    }

    /// The voice channel a member is in.
    pub fn voice_channel_of(&self, guild_id: u64, user_id: u64) -> Option<u64> {
        self.inner.lock().guilds.get(&guild_id)?.voice.get(&user_id)?.channel_id
    }

    /// Global commands as last registered.
    pub fn commands(&self) -> Vec<Value> {
        self.inner.lock().global_commands.clone()
    }

    pub fn guild_commands(&self, guild_id: u64) -> Vec<Value> {
        self.inner.lock().guild_commands.get(&guild_id).cloned().unwrap_or_default()
    }

    /// The callback type the interaction was answered with (4, 5, 6, 7, 8, 9…), if any.
    pub fn interaction_response_type(&self, token: &str) -> Option<u64> {
        self.inner.lock().interactions.get(token)?.response_type
    }

    /// The original response message of an interaction (type 4/5, or the message a type 6/7
    /// response updated).
    pub fn original_response(&self, token: &str) -> Option<Value> {
        let s = self.inner.lock();
        let original = s.interactions.get(token)?.original?;
        s.find_message(original).cloned()
    }

    /// The guild a channel belongs to.
    pub fn guild_of_channel(&self, channel_id: u64) -> Option<u64> {
        self.inner.lock().guild_of_channel(channel_id)
    }

    /// Ids of the interactions sent so far, by token.
    pub fn interaction_guild(&self, token: &str) -> Option<u64> {
        self.inner.lock().interactions.get(token).map(|i| i.guild_id)
    }
}
