//! The fake's world: guilds, channels, messages, interactions, commands, recorded requests,
//! pending faults and the gateway session. One `State` behind a mutex; every change wakes
//! waiters through a `Notify`.

use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

use serde_json::{json, Value};
use tokio::sync::mpsc;

use crate::fixtures::{GuildFixture, MemberFixture, UserFixture, VoiceStateFixture};
use crate::limits::Limiter;
use crate::Fault;

/// One REST call the bot made, as the fake saw it.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    pub method: String,
    /// Path without the `/api/v10` prefix, e.g. `/channels/5/messages`.
    pub path: String,
    /// Raw query string (without `?`), empty when none.
    pub query: String,
    /// The route template it matched (`/channels/{channel}/messages`), `None` when unknown.
    pub route: Option<&'static str>,
    /// JSON body, or the `payload_json` part of a multipart body; `Null` when empty.
    pub body: Value,
    /// Files of a multipart body.
    pub attachments: Vec<RecordedAttachment>,
    /// `X-Audit-Log-Reason`, if sent.
    pub audit_reason: Option<String>,
    /// Status the fake answered with.
    pub status: u16,
    /// Schema violations of the body (empty when valid or when the route has no schema).
    pub validation_errors: Vec<String>,
    /// When the request's head arrived, before its body was read and answered.
    pub received_at: Instant,
    /// When it was answered and recorded.
    pub at: Instant,
}

impl RecordedRequest {
    /// `"POST /channels/{channel}/messages"`-style key, or the raw path when unknown.
    pub fn route_key(&self) -> String {
        format!("{} {}", self.method, self.route.unwrap_or(&self.path))
    }
}

/// A file uploaded in a multipart body.
#[derive(Clone, Debug)]
pub struct RecordedAttachment {
    /// Form field name, e.g. `files[0]`.
    pub field: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub size: usize,
    /// The file's bytes (a test reads back what the bot sent, e.g. a downloaded kit).
    pub data: Vec<u8>,
}

/// A file a user attached to a slash command, served by the fake at its `url` (loopback).
#[derive(Clone, Debug)]
pub struct FileFixture {
    pub id: u64,
    pub filename: String,
    pub content_type: Option<String>,
    /// The size Discord reports in the interaction (normally the length of the bytes).
    pub size: usize,
    /// `http://127.0.0.1:PORT/attachments/{id}/{filename}`.
    pub url: String,
}

impl FileFixture {
    /// The attachment object of an interaction's `resolved.attachments`.
    pub fn to_json(&self) -> Value {
        let mut a = json!({
            "id": self.id.to_string(),
            "filename": self.filename,
            "size": self.size,
            "url": self.url,
            "proxy_url": self.url,
            "ephemeral": true,
        });
        if let Some(ct) = &self.content_type {
            a["content_type"] = json!(ct);
        }
        a
    }
}

/// A frame the bot sent on the gateway.
#[derive(Clone, Debug)]
pub struct GatewayFrame {
    pub op: u64,
    pub d: Value,
    pub at: Instant,
}

pub(crate) enum Outgoing {
    Text(String),
    Close(u16, &'static str),
}

pub(crate) struct Connection {
    pub id: u64,
    pub tx: mpsc::UnboundedSender<Outgoing>,
}

/// One shard's gateway session, as Discord keeps it: its own sequence numbers and the
/// dispatches it was sent (for RESUME), and the connection it is live on, if any.
#[derive(Default)]
pub(crate) struct ShardSession {
    pub connection: Option<Connection>,
    pub session_id: Option<String>,
    pub seq: u64,
    pub sent: Vec<(u64, Value)>,
}

/// What the fake knows about an interaction it sent.
#[derive(Clone, Debug)]
pub(crate) struct InteractionRecord {
    pub id: u64,
    pub channel_id: u64,
    pub guild_id: u64,
    pub message_id: Option<u64>,
    pub acknowledged: bool,
    /// Callback type of the first response.
    pub response_type: Option<u64>,
    /// Message ids made from the original response and follow-ups.
    pub original: Option<u64>,
}

pub(crate) struct Guild {
    pub fixture: GuildFixture,
    pub members: BTreeMap<u64, MemberFixture>,
    pub voice: BTreeMap<u64, VoiceStateFixture>,
}

pub(crate) struct State {
    pub application_id: u64,
    pub bot: UserFixture,
    pub next_id: u64,
    pub guilds: BTreeMap<u64, Guild>,
    /// Every channel (guild channels carry `guild_id`; DMs have `recipients`).
    pub channels: BTreeMap<u64, Value>,
    /// Messages per channel, oldest first.
    pub messages: BTreeMap<u64, Vec<Value>>,
    pub interactions: HashMap<String, InteractionRecord>,
    pub global_commands: Vec<Value>,
    pub guild_commands: BTreeMap<u64, Vec<Value>>,
    pub requests: Vec<RecordedRequest>,
    pub faults: Vec<Fault>,
    /// Files users attached to commands, with their bytes, by attachment id.
    pub files: BTreeMap<u64, (FileFixture, Vec<u8>)>,
    /// How many times each file was downloaded.
    pub file_downloads: BTreeMap<u64, u32>,
    /// Discord's rate limits, when the fake enforces them.
    pub limiter: Option<Limiter>,
    // Gateway.
    pub gateway_frames: Vec<GatewayFrame>,
    pub next_connection: u64,
    /// Sessions by shard id. Guild events go to the shard `(guild_id >> 22) % shard_total`,
    /// everything else (DMs) to shard 0, as on Discord.
    pub shards: BTreeMap<u32, ShardSession>,
    /// The shard count the bot identified with (1 until it says otherwise).
    pub shard_total: u32,
    /// What `GET /gateway/bot` recommends.
    pub recommended_shards: u32,
    pub intents: u64,
    pub identifies: u32,
    pub resumes: u32,
    pub connects: u32,
}

impl State {
    pub fn new(application_id: u64, bot: UserFixture) -> Self {
        Self {
            application_id,
            bot,
            next_id: 1_400_000_000_000_000_000,
            guilds: BTreeMap::new(),
            channels: BTreeMap::new(),
            messages: BTreeMap::new(),
            interactions: HashMap::new(),
            global_commands: Vec::new(),
            guild_commands: BTreeMap::new(),
            requests: Vec::new(),
            faults: Vec::new(),
            files: BTreeMap::new(),
            file_downloads: BTreeMap::new(),
            limiter: None,
            gateway_frames: Vec::new(),
            next_connection: 0,
            shards: BTreeMap::new(),
            shard_total: 1,
            recommended_shards: 1,
            intents: 0,
            identifies: 0,
            resumes: 0,
            connects: 0,
        }
    }

    pub fn snowflake(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    pub fn add_guild(&mut self, fixture: GuildFixture) {
        for channel in &fixture.channels {
            self.channels.insert(channel.id, channel.to_json(fixture.id));
        }
        let members = fixture.members.iter().map(|m| (m.user.id, m.clone())).collect();
        let voice = fixture.voice_states.iter().map(|v| (v.user_id, v.clone())).collect();
        self.guilds.insert(fixture.id, Guild { fixture, members, voice });
    }

    pub fn guild_channels(&self, guild_id: u64) -> Vec<Value> {
        let gid = guild_id.to_string();
        self.channels.values().filter(|c| c["guild_id"] == gid.as_str()).cloned().collect()
    }

    /// The GUILD_CREATE payload from current state.
    pub fn guild_create(&self, guild_id: u64) -> Option<Value> {
        let guild = self.guilds.get(&guild_id)?;
        Some(guild.fixture.create_json(
            self.guild_channels(guild_id),
            guild.members.values().map(MemberFixture::to_json).collect(),
            guild.voice.values().map(|v| v.to_json(None)).collect(),
        ))
    }

    pub fn guild_of_channel(&self, channel_id: u64) -> Option<u64> {
        self.channels.get(&channel_id)?["guild_id"].as_str()?.parse().ok()
    }

    pub fn find_message_mut(&mut self, channel_id: u64, message_id: u64) -> Option<&mut Value> {
        let id = message_id.to_string();
        self.messages.get_mut(&channel_id)?.iter_mut().find(|m| m["id"] == id.as_str())
    }

    pub fn find_message(&self, message_id: u64) -> Option<&Value> {
        let id = message_id.to_string();
        self.messages.values().flatten().find(|m| m["id"] == id.as_str())
    }

    /// The shard a guild's events go to.
    pub fn shard_of(&self, guild_id: u64) -> u32 {
        ((guild_id >> 22) % u64::from(self.shard_total.max(1))) as u32
    }

    /// The shard an event goes to: its guild's (`guild_id`, or `id` for GUILD_CREATE), else 0.
    fn route(&self, event: &str, d: &Value) -> u32 {
        let guild = match event {
            "GUILD_CREATE" | "GUILD_UPDATE" => d["id"].as_str(),
            _ => d["guild_id"].as_str(),
        };
        guild.and_then(|g| g.parse().ok()).map_or(0, |g| self.shard_of(g))
    }

    /// Queues a dispatch event on its guild's shard: sequenced, kept for RESUME, sent when
    /// that shard's session is live. Returns its sequence number (per shard, as on Discord).
    pub fn dispatch(&mut self, event: &str, d: Value) -> u64 {
        let shard = self.route(event, &d);
        self.dispatch_to(shard, event, d)
    }

    pub fn dispatch_to(&mut self, shard: u32, event: &str, d: Value) -> u64 {
        let session = self.shards.entry(shard).or_default();
        session.seq += 1;
        let frame = json!({ "op": 0, "s": session.seq, "t": event, "d": d });
        session.sent.push((session.seq, frame.clone()));
        if let Some(conn) = &session.connection {
            let _ = conn.tx.send(Outgoing::Text(frame.to_string()));
        }
        session.seq
    }

    /// Dispatches only if the bot identified with `intent` (a bit of Discord's intents).
    pub fn dispatch_with_intent(&mut self, intent: u64, event: &str, d: Value) {
        if self.intents & intent != 0 {
            self.dispatch(event, d);
        }
    }

    /// Sends a frame on every live shard connection (RECONNECT, INVALID_SESSION).
    pub fn send_frame_all(&mut self, frame: &Value) {
        for conn in self.shards.values().filter_map(|s| s.connection.as_ref()) {
            let _ = conn.tx.send(Outgoing::Text(frame.to_string()));
        }
    }

    /// Whether the bot identified and every shard of its count has a live connection.
    pub fn all_live(&self) -> bool {
        self.identifies > 0
            && (0..self.shard_total).all(|id| self.shards.get(&id).is_some_and(|s| s.connection.is_some()))
    }

    /// Takes every shard's connection (to close them).
    pub fn take_connections(&mut self) -> Vec<Connection> {
        self.shards.values_mut().filter_map(|s| s.connection.take()).collect()
    }

    /// Takes one pending fault matching `route_key` (`"POST /guilds/{}/channels"`).
    pub fn take_fault(&mut self, method: &str, template: Option<&str>, path: &str) -> Option<Fault> {
        let index = self.faults.iter().position(|f| f.matches(method, template, path))?;
        let fault = &mut self.faults[index];
        let taken = fault.clone();
        if fault.consume() {
            self.faults.remove(index);
        }
        Some(taken)
    }
}

/// Gateway intents (bits) the fake honours when echoing events.
pub(crate) mod intents {
    pub const GUILDS: u64 = 1;
    pub const GUILD_MEMBERS: u64 = 1 << 1;
    pub const GUILD_VOICE_STATES: u64 = 1 << 7;
    pub const GUILD_MESSAGES: u64 = 1 << 9;
    pub const DIRECT_MESSAGES: u64 = 1 << 12;
}
