//! Changing the fake's world from a test: guilds, voice, gateway events, interactions the bot
//! must answer, and files a user attaches.

use std::time::Instant;

use serde_json::Value;

use crate::fixtures::{self, GuildFixture, InteractionFixture};
use crate::state::{FileFixture, InteractionRecord};
use crate::{handlers, FakeDiscord};

/// An interaction the fake sent: what the bot must answer to.
#[derive(Clone, Debug)]
pub struct SentInteraction {
    pub id: u64,
    pub token: String,
    /// Gateway sequence number of the INTERACTION_CREATE.
    pub seq: u64,
    /// When the INTERACTION_CREATE was queued on the gateway; with the callback's
    /// [`crate::RecordedRequest::received_at`] it gives the bot's answer time (loopback included).
    pub sent_at: Instant,
}

impl FakeDiscord {
    /// Adds a guild. If the bot is connected, it gets a GUILD_CREATE (as when joining).
    pub fn add_guild(&self, guild: GuildFixture) {
        let id = guild.id;
        let mut s = self.inner.lock();
        s.add_guild(guild);
        let shard = s.shard_of(id);
        if s.shards.get(&shard).is_some_and(|x| x.connection.is_some()) {
            if let Some(d) = s.guild_create(id) {
                s.dispatch("GUILD_CREATE", d);
            }
        }
        drop(s);
        self.inner.notify.notify_waiters();
    }

    /// A member joins (or moves to) voice channel `channel_id`: VOICE_STATE_UPDATE.
    pub fn join_voice(&self, guild_id: u64, user_id: u64, channel_id: u64) {
        handlers::join_voice(&mut self.inner.lock(), guild_id, user_id, channel_id);
        self.inner.notify.notify_waiters();
    }

    /// Sends any dispatch event (`t`, `d`) on the gateway; returns its sequence number.
    pub fn send_event(&self, event: &str, d: Value) -> u64 {
        let seq = self.inner.lock().dispatch(event, d);
        self.inner.notify.notify_waiters();
        seq
    }

    /// Sends an INTERACTION_CREATE. Component interactions carry the stored message they name
    /// (or a stub authored by the bot). Returns the id and token the bot must answer with.
    pub async fn send_interaction(&self, fixture: InteractionFixture) -> SentInteraction {
        let mut s = self.inner.lock();
        let id = fixture.id.unwrap_or_else(|| s.snowflake());
        let token = fixture.token.clone().unwrap_or_else(|| format!("fake-token-{id}"));
        let message = fixture.message_id().map(|mid| {
            s.find_message(mid).cloned().unwrap_or_else(|| {
                let author = s.bot.to_json();
                let guild = (!fixture.ctx.dm).then_some(fixture.ctx.guild_id);
                fixtures::message_json(mid, fixture.ctx.channel_id, guild, &author, "")
            })
        });
        let mut payload = fixture.to_json(id, &token, s.application_id, message);
        handlers::resolve_options(&s, fixture.ctx.guild_id, &mut payload["data"]);
        s.interactions.insert(
            token.clone(),
            InteractionRecord {
                id,
                channel_id: fixture.ctx.channel_id,
                guild_id: fixture.ctx.guild_id,
                message_id: fixture.message_id(),
                acknowledged: false,
                response_type: None,
                original: None,
            },
        );
        let sent_at = Instant::now();
        let seq = s.dispatch("INTERACTION_CREATE", payload);
        drop(s);
        self.inner.notify.notify_waiters();
        SentInteraction { id, token, seq, sent_at }
    }

    /// A file a user attaches to a command: served at the returned fixture's `url`; pass it to
    /// [`crate::CommandOption::attachment`]. `content_type` is what Discord guessed (may be `None`).
    pub fn add_file(&self, filename: &str, content_type: Option<&str>, bytes: Vec<u8>) -> FileFixture {
        let mut s = self.inner.lock();
        let id = s.snowflake();
        let file = FileFixture {
            id,
            filename: filename.to_owned(),
            content_type: content_type.map(str::to_owned),
            size: bytes.len(),
            url: format!("http://{}/attachments/{id}/{filename}", self.inner.addr),
        };
        s.files.insert(id, (file.clone(), bytes));
        file
    }

    /// How many times the file with this attachment id was downloaded.
    pub fn file_downloads(&self, id: u64) -> u32 {
        self.inner.lock().file_downloads.get(&id).copied().unwrap_or(0)
    }
}
