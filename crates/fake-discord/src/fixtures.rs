//! Builders for the JSON payloads the fake sends: users, roles, channels, members, voice states,
//! guilds (GUILD_CREATE) and interactions (INTERACTION_CREATE).
//!
//! serenity silently drops gateway events it cannot parse, so every builder here has a parse
//! test against serenity's models in `tests/fixtures_parse.rs`. Ids are `u64`, sent as strings.

use serde_json::{json, Value};

/// Permission bits used by the fixtures (a subset of Discord's).
pub mod perms {
    pub const VIEW_CHANNEL: u64 = 1 << 10;
    pub const SEND_MESSAGES: u64 = 1 << 11;
    pub const CONNECT: u64 = 1 << 20;
    pub const SPEAK: u64 = 1 << 21;
    pub const MOVE_MEMBERS: u64 = 1 << 24;
    pub const MANAGE_CHANNELS: u64 = 1 << 4;
    pub const MANAGE_ROLES: u64 = 1 << 28;
    pub const ADMINISTRATOR: u64 = 1 << 3;
    /// What an ordinary member gets from @everyone in the fixtures.
    pub const DEFAULT_EVERYONE: u64 = VIEW_CHANNEL | SEND_MESSAGES | CONNECT | SPEAK | (1 << 16);
}

/// A fixed, parseable ISO-8601 timestamp used wherever Discord sends one.
pub const FIXTURE_TIMESTAMP: &str = "2025-01-01T12:00:00.000000+00:00";

/// A Discord user.
#[derive(Clone, Debug)]
pub struct UserFixture {
    pub id: u64,
    pub username: String,
    pub global_name: Option<String>,
    pub bot: bool,
}

impl UserFixture {
    pub fn new(id: u64, username: impl Into<String>) -> Self {
        Self { id, username: username.into(), global_name: None, bot: false }
    }

    pub fn bot(id: u64, username: impl Into<String>) -> Self {
        Self { bot: true, ..Self::new(id, username) }
    }

    pub fn global_name(mut self, name: impl Into<String>) -> Self {
        self.global_name = Some(name.into());
        self
    }

    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id.to_string(),
            "username": self.username,
            "discriminator": "0",
            "global_name": self.global_name,
            "avatar": null,
            "bot": self.bot,
            "system": false,
            "public_flags": 0,
            "flags": 0,
            "banner": null,
            "accent_color": null,
            "avatar_decoration_data": null,
        })
    }
}

/// A guild role. The fixture always sends `colors` (serenity 0.12.5 drops a GUILD_CREATE whose
/// roles lack it).
#[derive(Clone, Debug)]
pub struct RoleFixture {
    pub id: u64,
    pub name: String,
    pub permissions: u64,
    pub position: u16,
    pub color: u32,
    pub hoist: bool,
    pub mentionable: bool,
}

impl RoleFixture {
    pub fn new(id: u64, name: impl Into<String>) -> Self {
        Self { id, name: name.into(), permissions: 0, position: 1, color: 0, hoist: false, mentionable: false }
    }

    /// The @everyone role of a guild (its id is the guild id).
    pub fn everyone(guild_id: u64) -> Self {
        Self { position: 0, permissions: perms::DEFAULT_EVERYONE, ..Self::new(guild_id, "@everyone") }
    }

    pub fn permissions(mut self, bits: u64) -> Self {
        self.permissions = bits;
        self
    }

    pub fn position(mut self, position: u16) -> Self {
        self.position = position;
        self
    }

    pub fn color(mut self, color: u32) -> Self {
        self.color = color;
        self
    }

    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id.to_string(),
            "name": self.name,
            "color": self.color,
            "colors": { "primary_color": self.color, "secondary_color": null, "tertiary_color": null },
            "hoist": self.hoist,
            "icon": null,
            "unicode_emoji": null,
            "position": self.position,
            "permissions": self.permissions.to_string(),
            "managed": false,
            "mentionable": self.mentionable,
            "flags": 0,
        })
    }
}

/// Discord channel types the fixtures know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChannelKind {
    Text = 0,
    Dm = 1,
    Voice = 2,
    Category = 4,
}

/// A permission overwrite (`kind` 0 = role, 1 = member).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overwrite {
    pub id: u64,
    pub kind: u8,
    pub allow: u64,
    pub deny: u64,
}

impl Overwrite {
    pub fn role(id: u64, allow: u64, deny: u64) -> Self {
        Self { id, kind: 0, allow, deny }
    }

    pub fn member(id: u64, allow: u64, deny: u64) -> Self {
        Self { id, kind: 1, allow, deny }
    }

    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id.to_string(),
            "type": self.kind,
            "allow": self.allow.to_string(),
            "deny": self.deny.to_string(),
        })
    }
}

/// A guild channel (text, voice or category).
#[derive(Clone, Debug)]
pub struct ChannelFixture {
    pub id: u64,
    pub kind: ChannelKind,
    pub name: String,
    pub parent_id: Option<u64>,
    pub position: u32,
    pub topic: Option<String>,
    pub overwrites: Vec<Overwrite>,
}

impl ChannelFixture {
    pub fn new(id: u64, kind: ChannelKind, name: impl Into<String>) -> Self {
        Self { id, kind, name: name.into(), parent_id: None, position: 0, topic: None, overwrites: Vec::new() }
    }

    pub fn text(id: u64, name: impl Into<String>) -> Self {
        Self::new(id, ChannelKind::Text, name)
    }

    pub fn voice(id: u64, name: impl Into<String>) -> Self {
        Self::new(id, ChannelKind::Voice, name)
    }

    pub fn category(id: u64, name: impl Into<String>) -> Self {
        Self::new(id, ChannelKind::Category, name)
    }

    pub fn parent(mut self, parent_id: u64) -> Self {
        self.parent_id = Some(parent_id);
        self
    }

    pub fn position(mut self, position: u32) -> Self {
        self.position = position;
        self
    }

    pub fn overwrite(mut self, overwrite: Overwrite) -> Self {
        self.overwrites.push(overwrite);
        self
    }

    /// The channel object as Discord returns it for `guild_id`.
    pub fn to_json(&self, guild_id: u64) -> Value {
        let mut channel = json!({
            "id": self.id.to_string(),
            "type": self.kind as u8,
            "guild_id": guild_id.to_string(),
            "name": self.name,
            "position": self.position,
            "permission_overwrites": self.overwrites.iter().map(Overwrite::to_json).collect::<Vec<_>>(),
            "parent_id": self.parent_id.map(|p| p.to_string()),
            "nsfw": false,
            "flags": 0,
        });
        let extra = match self.kind {
            ChannelKind::Text => json!({
                "topic": self.topic,
                "last_message_id": null,
                "rate_limit_per_user": 0,
            }),
            ChannelKind::Voice => json!({
                "bitrate": 64000,
                "user_limit": 0,
                "rtc_region": null,
                "last_message_id": null,
                "rate_limit_per_user": 0,
            }),
            ChannelKind::Category | ChannelKind::Dm => json!({}),
        };
        merge(&mut channel, extra);
        channel
    }
}

/// A guild member.
#[derive(Clone, Debug)]
pub struct MemberFixture {
    pub user: UserFixture,
    pub nick: Option<String>,
    pub roles: Vec<u64>,
}

impl MemberFixture {
    pub fn new(user: UserFixture) -> Self {
        Self { user, nick: None, roles: Vec::new() }
    }

    pub fn nick(mut self, nick: impl Into<String>) -> Self {
        self.nick = Some(nick.into());
        self
    }

    pub fn role(mut self, role_id: u64) -> Self {
        self.roles.push(role_id);
        self
    }

    /// The member object (as in GUILD_CREATE and `GET /guilds/{id}/members/{user}`).
    pub fn to_json(&self) -> Value {
        json!({
            "user": self.user.to_json(),
            "nick": self.nick,
            "avatar": null,
            "banner": null,
            "roles": self.roles.iter().map(u64::to_string).collect::<Vec<_>>(),
            "joined_at": FIXTURE_TIMESTAMP,
            "premium_since": null,
            "deaf": false,
            "mute": false,
            "flags": 0,
            "pending": false,
            "communication_disabled_until": null,
        })
    }

    /// The member as it appears inside an interaction (with computed `permissions`).
    pub fn to_interaction_json(&self, permissions: u64) -> Value {
        let mut member = self.to_json();
        member["permissions"] = json!(permissions.to_string());
        member
    }
}

/// A member sitting in a voice channel.
#[derive(Clone, Debug)]
pub struct VoiceStateFixture {
    pub user_id: u64,
    pub channel_id: Option<u64>,
    pub session_id: String,
}

impl VoiceStateFixture {
    pub fn new(user_id: u64, channel_id: u64) -> Self {
        Self { user_id, channel_id: Some(channel_id), session_id: format!("voice-{user_id}") }
    }

    pub fn to_json(&self, guild_id: Option<u64>) -> Value {
        let mut state = json!({
            "channel_id": self.channel_id.map(|c| c.to_string()),
            "user_id": self.user_id.to_string(),
            "session_id": self.session_id,
            "deaf": false,
            "mute": false,
            "self_deaf": false,
            "self_mute": false,
            "self_stream": false,
            "self_video": false,
            "suppress": false,
            "request_to_speak_timestamp": null,
        });
        if let Some(guild_id) = guild_id {
            state["guild_id"] = json!(guild_id.to_string());
        }
        state
    }
}

/// A guild as sent in GUILD_CREATE. `new` adds the @everyone role.
#[derive(Clone, Debug)]
pub struct GuildFixture {
    pub id: u64,
    pub name: String,
    pub owner_id: u64,
    pub channels: Vec<ChannelFixture>,
    pub roles: Vec<RoleFixture>,
    pub members: Vec<MemberFixture>,
    pub voice_states: Vec<VoiceStateFixture>,
}

impl GuildFixture {
    pub fn new(id: u64) -> Self {
        Self {
            id,
            name: format!("guild-{id}"),
            owner_id: 1,
            channels: Vec::new(),
            roles: vec![RoleFixture::everyone(id)],
            members: Vec::new(),
            voice_states: Vec::new(),
        }
    }

    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    pub fn owner(mut self, owner_id: u64) -> Self {
        self.owner_id = owner_id;
        self
    }

    pub fn channel(mut self, channel: ChannelFixture) -> Self {
        self.channels.push(channel);
        self
    }

    pub fn role(mut self, role: RoleFixture) -> Self {
        self.roles.push(role);
        self
    }

    pub fn member(mut self, member: MemberFixture) -> Self {
        self.members.push(member);
        self
    }

    pub fn voice_state(mut self, state: VoiceStateFixture) -> Self {
        self.voice_states.push(state);
        self
    }

    /// The guild object without the GUILD_CREATE extras (as `GET /guilds/{id}` returns it).
    pub fn base_json(&self) -> Value {
        json!({
            "id": self.id.to_string(),
            "name": self.name,
            "icon": null,
            "icon_hash": null,
            "splash": null,
            "discovery_splash": null,
            "owner_id": self.owner_id.to_string(),
            "afk_channel_id": null,
            "afk_timeout": 300,
            "widget_enabled": false,
            "widget_channel_id": null,
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "roles": self.roles.iter().map(RoleFixture::to_json).collect::<Vec<_>>(),
            "emojis": [],
            "features": [],
            "mfa_level": 0,
            "application_id": null,
            "system_channel_id": null,
            "system_channel_flags": 0,
            "rules_channel_id": null,
            "max_presences": null,
            "max_members": 500000,
            "vanity_url_code": null,
            "description": null,
            "banner": null,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": null,
            "max_video_channel_users": 25,
            "max_stage_video_channel_users": 50,
            "nsfw_level": 0,
            "stickers": [],
            "premium_progress_bar_enabled": false,
            "safety_alerts_channel_id": null,
            "incidents_data": null,
        })
    }

    /// The full GUILD_CREATE payload (`d`), given the guild's current channels, members and
    /// voice states as JSON (the fake keeps those as live state).
    pub fn create_json(&self, channels: Vec<Value>, members: Vec<Value>, voice: Vec<Value>) -> Value {
        let mut guild = self.base_json();
        merge(
            &mut guild,
            json!({
                "joined_at": FIXTURE_TIMESTAMP,
                "large": false,
                "unavailable": false,
                "member_count": members.len(),
                "voice_states": voice,
                "members": members,
                "channels": channels,
                "threads": [],
                "presences": [],
                "stage_instances": [],
                "guild_scheduled_events": [],
                "soundboard_sounds": [],
            }),
        );
        guild
    }

    /// GUILD_CREATE payload from this fixture alone.
    pub fn to_create_json(&self) -> Value {
        self.create_json(
            self.channels.iter().map(|c| c.to_json(self.id)).collect(),
            self.members.iter().map(MemberFixture::to_json).collect(),
            self.voice_states.iter().map(|v| v.to_json(None)).collect(),
        )
    }
}

/// Where an interaction happens and who triggers it.
#[derive(Clone, Debug)]
pub struct InteractionContext {
    pub guild_id: u64,
    pub channel_id: u64,
    pub member: MemberFixture,
    /// Permissions Discord computes for the member in the channel.
    pub permissions: u64,
    /// A direct message with the bot: no guild, no member, the user at the top level.
    pub dm: bool,
}

impl InteractionContext {
    pub fn new(guild_id: u64, channel_id: u64, member: MemberFixture) -> Self {
        Self { guild_id, channel_id, member, permissions: perms::DEFAULT_EVERYONE, dm: false }
    }

    /// An interaction in the DM channel `channel_id` between the bot and `member`'s user.
    pub fn dm(channel_id: u64, member: MemberFixture) -> Self {
        Self { dm: true, ..Self::new(0, channel_id, member) }
    }

    pub fn permissions(mut self, bits: u64) -> Self {
        self.permissions = bits;
        self
    }
}

/// One option of a slash command (`type`: 3 string, 4 integer, 5 boolean, 6 user, 7 channel,
/// 8 role, 10 number, 1 subcommand, 2 subcommand group).
#[derive(Clone, Debug)]
pub struct CommandOption {
    pub name: String,
    pub kind: u8,
    pub value: Option<Value>,
    pub options: Vec<CommandOption>,
    pub focused: bool,
}

impl CommandOption {
    pub fn string(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self::value(name, 3, Value::String(value.into()))
    }

    pub fn integer(name: impl Into<String>, value: i64) -> Self {
        Self::value(name, 4, json!(value))
    }

    pub fn boolean(name: impl Into<String>, value: bool) -> Self {
        Self::value(name, 5, json!(value))
    }

    pub fn number(name: impl Into<String>, value: f64) -> Self {
        Self::value(name, 10, json!(value))
    }

    pub fn user(name: impl Into<String>, id: u64) -> Self {
        Self::value(name, 6, json!(id.to_string()))
    }

    pub fn channel(name: impl Into<String>, id: u64) -> Self {
        Self::value(name, 7, json!(id.to_string()))
    }

    pub fn role(name: impl Into<String>, id: u64) -> Self {
        Self::value(name, 8, json!(id.to_string()))
    }

    /// An attachment option; the file comes from [`crate::FakeDiscord::add_file`].
    pub fn attachment(name: impl Into<String>, file: &crate::FileFixture) -> Self {
        Self::value(name, 11, json!(file.id.to_string()))
    }

    pub fn value(name: impl Into<String>, kind: u8, value: Value) -> Self {
        Self { name: name.into(), kind, value: Some(value), options: Vec::new(), focused: false }
    }

    pub fn subcommand(name: impl Into<String>, options: Vec<CommandOption>) -> Self {
        Self { name: name.into(), kind: 1, value: None, options, focused: false }
    }

    pub fn subcommand_group(name: impl Into<String>, subcommands: Vec<CommandOption>) -> Self {
        Self { kind: 2, ..Self::subcommand(name, subcommands) }
    }

    /// Marks the option as the one being typed (autocomplete).
    pub fn focused(mut self) -> Self {
        self.focused = true;
        self
    }

    pub fn to_json(&self) -> Value {
        let mut option = json!({ "name": self.name, "type": self.kind });
        if let Some(value) = &self.value {
            option["value"] = value.clone();
        }
        if !self.options.is_empty() || self.kind <= 2 {
            option["options"] = Value::Array(self.options.iter().map(Self::to_json).collect());
        }
        if self.focused {
            option["focused"] = json!(true);
        }
        option
    }
}

/// What kind of interaction a fixture describes.
#[derive(Clone, Debug)]
pub enum InteractionKind {
    SlashCommand { name: String, command_id: u64, options: Vec<CommandOption> },
    Autocomplete { name: String, command_id: u64, options: Vec<CommandOption> },
    Button { custom_id: String, message_id: u64 },
    Select { custom_id: String, values: Vec<String>, message_id: u64 },
    ModalSubmit { custom_id: String, fields: Vec<(String, String)> },
}

/// An INTERACTION_CREATE payload. `id`, `token` and `application_id` are filled in by
/// [`crate::FakeDiscord::send_interaction`] unless set.
#[derive(Clone, Debug)]
pub struct InteractionFixture {
    pub kind: InteractionKind,
    pub ctx: InteractionContext,
    pub id: Option<u64>,
    pub token: Option<String>,
    pub locale: String,
}

impl InteractionFixture {
    fn with(kind: InteractionKind, ctx: InteractionContext) -> Self {
        Self { kind, ctx, id: None, token: None, locale: "en-US".into() }
    }

    pub fn slash_command(name: impl Into<String>, options: Vec<CommandOption>, ctx: InteractionContext) -> Self {
        let name = name.into();
        let command_id = command_id_for(&name);
        Self::with(InteractionKind::SlashCommand { name, command_id, options }, ctx)
    }

    /// `options` should contain one option marked [`CommandOption::focused`].
    pub fn autocomplete(name: impl Into<String>, options: Vec<CommandOption>, ctx: InteractionContext) -> Self {
        let name = name.into();
        let command_id = command_id_for(&name);
        Self::with(InteractionKind::Autocomplete { name, command_id, options }, ctx)
    }

    /// A button press on message `message_id` (which should exist in the fake, e.g. one the bot
    /// posted; otherwise a stub message is attached).
    pub fn button(custom_id: impl Into<String>, message_id: u64, ctx: InteractionContext) -> Self {
        Self::with(InteractionKind::Button { custom_id: custom_id.into(), message_id }, ctx)
    }

    pub fn select(custom_id: impl Into<String>, values: Vec<String>, message_id: u64, ctx: InteractionContext) -> Self {
        Self::with(InteractionKind::Select { custom_id: custom_id.into(), values, message_id }, ctx)
    }

    /// A modal submitted with `(text input custom_id, value)` pairs.
    pub fn modal_submit(custom_id: impl Into<String>, fields: Vec<(String, String)>, ctx: InteractionContext) -> Self {
        Self::with(InteractionKind::ModalSubmit { custom_id: custom_id.into(), fields }, ctx)
    }

    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = locale.into();
        self
    }

    /// The message a component interaction refers to, if any.
    pub fn message_id(&self) -> Option<u64> {
        match &self.kind {
            InteractionKind::Button { message_id, .. } | InteractionKind::Select { message_id, .. } => {
                Some(*message_id)
            }
            _ => None,
        }
    }

    /// The INTERACTION_CREATE payload. `message` is the full message object a component
    /// interaction refers to (use [`message_json`] for a stub).
    pub fn to_json(&self, id: u64, token: &str, application_id: u64, message: Option<Value>) -> Value {
        let (kind, data) = match &self.kind {
            InteractionKind::SlashCommand { name, command_id, options }
            | InteractionKind::Autocomplete { name, command_id, options } => {
                let kind = if matches!(self.kind, InteractionKind::SlashCommand { .. }) { 2 } else { 4 };
                let data = json!({
                    "id": command_id.to_string(),
                    "name": name,
                    "type": 1,
                    "guild_id": self.ctx.guild_id.to_string(),
                    "options": options.iter().map(CommandOption::to_json).collect::<Vec<_>>(),
                });
                (kind, data)
            }
            InteractionKind::Button { custom_id, .. } => (3, json!({ "custom_id": custom_id, "component_type": 2 })),
            InteractionKind::Select { custom_id, values, .. } => {
                (3, json!({ "custom_id": custom_id, "component_type": 3, "values": values }))
            }
            InteractionKind::ModalSubmit { custom_id, fields } => {
                let rows: Vec<Value> = fields
                    .iter()
                    .map(|(field, value)| {
                        json!({ "type": 1, "components": [
                            { "type": 4, "custom_id": field, "value": value }
                        ]})
                    })
                    .collect();
                (5, json!({ "custom_id": custom_id, "components": rows }))
            }
        };
        let mut interaction = json!({
            "id": id.to_string(),
            "application_id": application_id.to_string(),
            "type": kind,
            "data": data,
            "guild_id": self.ctx.guild_id.to_string(),
            "channel": {
                "id": self.ctx.channel_id.to_string(),
                "type": 0,
                "guild_id": self.ctx.guild_id.to_string(),
                "name": "channel",
                "permissions": self.ctx.permissions.to_string(),
            },
            "channel_id": self.ctx.channel_id.to_string(),
            "member": self.ctx.member.to_interaction_json(self.ctx.permissions),
            "token": token,
            "version": 1,
            "app_permissions": (perms::ADMINISTRATOR | perms::DEFAULT_EVERYONE).to_string(),
            "locale": self.locale,
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": { "0": self.ctx.guild_id.to_string() },
            "context": 0,
            "attachment_size_limit": 26_214_400,
        });
        if self.ctx.dm {
            // As Discord sends it from a DM: the user instead of a member, a DM channel, context 1.
            let fields = interaction.as_object_mut().expect("object");
            fields.remove("guild_id");
            fields.remove("guild_locale");
            let member = fields.remove("member").unwrap_or_default();
            fields.insert("user".into(), member["user"].clone());
            fields.insert("channel".into(), json!({ "id": self.ctx.channel_id.to_string(), "type": 1 }));
            fields.insert("context".into(), json!(1));
            fields.insert("authorizing_integration_owners".into(), json!({ "0": "0" }));
        }
        if let Some(message) = message {
            interaction["message"] = message;
        }
        interaction
    }
}

/// A deterministic command id for a command name (the fake also assigns ids on registration).
pub fn command_id_for(name: &str) -> u64 {
    let hash = name.bytes().fold(1_469_598_103_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(1_099_511_628_211));
    1_000_000_000_000_000_000 + hash % 100_000_000_000_000
}

/// A full message object serenity's `Message` parses.
pub fn message_json(id: u64, channel_id: u64, guild_id: Option<u64>, author: &Value, content: &str) -> Value {
    let mut message = json!({
        "id": id.to_string(),
        "channel_id": channel_id.to_string(),
        "author": author,
        "content": content,
        "timestamp": FIXTURE_TIMESTAMP,
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "mention_channels": [],
        "attachments": [],
        "embeds": [],
        "reactions": [],
        "pinned": false,
        "type": 0,
        "flags": 0,
        "components": [],
    });
    if let Some(guild_id) = guild_id {
        message["guild_id"] = json!(guild_id.to_string());
    }
    message
}

/// Shallow-merges the fields of `extra` (an object) into `target` (an object).
pub(crate) fn merge(target: &mut Value, extra: Value) {
    if let (Some(target), Value::Object(extra)) = (target.as_object_mut(), extra) {
        target.extend(extra);
    }
}

/// The READY payload (`d`): guilds start unavailable and arrive as GUILD_CREATE.
pub fn ready_json(
    bot: &UserFixture,
    application_id: u64,
    guild_ids: &[u64],
    session_id: &str,
    resume_url: &str,
    shard: Value,
) -> Value {
    json!({
        "v": 10,
        "user": bot.to_json(),
        "guilds": guild_ids.iter().map(|id| json!({ "id": id.to_string(), "unavailable": true })).collect::<Vec<_>>(),
        "session_id": session_id,
        "resume_gateway_url": resume_url,
        "shard": shard,
        "application": { "id": application_id.to_string(), "flags": 0 },
        "private_channels": [],
    })
}
