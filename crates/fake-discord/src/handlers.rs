//! What each REST route does to the fake's state and answers. Answers are shaped like
//! Discord's so serenity parses them; changes are echoed on the gateway where Discord would.

use serde_json::{json, Value};

use crate::fixtures::{message_json, MemberFixture, UserFixture, VoiceStateFixture, FIXTURE_TIMESTAMP};
use crate::rest::{Matched, Reply};
use crate::state::{intents, RecordedAttachment, State};
use crate::Inner;

const EPHEMERAL: u64 = 1 << 6;
const LOADING: u64 = 1 << 7;
const MAX_GUILD_CHANNELS: usize = 500;
const MAX_CATEGORY_CHANNELS: usize = 50;

pub(crate) fn route(
    inner: &Inner,
    method: &str,
    m: &Matched,
    _query: &str,
    body: &Value,
    files: &[RecordedAttachment],
) -> Reply {
    let mut s = inner.lock();
    let s = &mut *s;
    match (method, m.template) {
        ("GET", "/gateway") => Reply::ok(json!({ "url": inner.ws_url() })),
        ("GET", "/gateway/bot") => Reply::ok(json!({
            "url": inner.ws_url(),
            "shards": s.recommended_shards,
            "session_start_limit": { "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1 },
        })),
        ("GET", "/oauth2/applications/@me" | "/applications/@me") => Reply::ok(application_json(inner, s)),
        ("GET", "/users/@me") => Reply::ok(s.bot.to_json()),
        ("GET", "/users/{user}") => match find_user(s, m.id(0)) {
            Some(user) => Reply::ok(user),
            None => Reply::error(404, 10013, "Unknown User"),
        },
        ("POST", "/users/@me/channels") => create_dm(s, body),
        ("GET", "/applications/{app}/commands") => Reply::ok(json!(s.global_commands)),
        ("PUT", "/applications/{app}/commands") => {
            let commands = register_commands(s, None, body);
            s.global_commands = commands.clone();
            Reply::ok(json!(commands))
        }
        ("POST", "/applications/{app}/commands") => upsert_command(s, None, body),
        ("GET", "/applications/{app}/guilds/{guild}/commands") => {
            Reply::ok(json!(s.guild_commands.get(&m.id(1)).cloned().unwrap_or_default()))
        }
        ("PUT", "/applications/{app}/guilds/{guild}/commands") => {
            let commands = register_commands(s, Some(m.id(1)), body);
            s.guild_commands.insert(m.id(1), commands.clone());
            Reply::ok(json!(commands))
        }
        ("POST", "/applications/{app}/guilds/{guild}/commands") => upsert_command(s, Some(m.id(1)), body),
        ("POST", "/interactions/{interaction}/{token}/callback") => {
            interaction_callback(s, m.id(0), m.param(1), body, files)
        }
        ("POST", "/webhooks/{app}/{token}") => followup(s, m.param(1), body, files),
        (_, "/webhooks/{app}/{token}/messages/{message}") => webhook_message(s, method, m, body, files),
        ("GET", "/channels/{channel}") => match s.channels.get(&m.id(0)) {
            Some(channel) => Reply::ok(channel.clone()),
            None => unknown_channel(),
        },
        ("PATCH", "/channels/{channel}") => modify_channel(s, m.id(0), body),
        ("DELETE", "/channels/{channel}") => delete_channel(s, m.id(0)),
        ("GET", "/channels/{channel}/messages") => match s.messages.get(&m.id(0)) {
            Some(list) => Reply::ok(json!(list.iter().rev().cloned().collect::<Vec<_>>())),
            None if s.channels.contains_key(&m.id(0)) => Reply::ok(json!([])),
            None => unknown_channel(),
        },
        ("POST", "/channels/{channel}/messages") => {
            let channel_id = m.id(0);
            if !s.channels.contains_key(&channel_id) {
                return unknown_channel();
            }
            // Discord's enforced nonce: a repeat of a create that already succeeded returns the
            // message made the first time (Discord keeps nonces a few minutes; the fake, always).
            if body["enforce_nonce"] == json!(true) && !body["nonce"].is_null() {
                let bot = s.bot.id.to_string();
                let earlier = s.messages.get(&channel_id).and_then(|list| {
                    list.iter().find(|m| m["nonce"] == body["nonce"] && m["author"]["id"] == bot.as_str())
                });
                if let Some(message) = earlier {
                    return Reply::ok(message.clone());
                }
            }
            let author = s.bot.to_json();
            let mut message = post_message(s, channel_id, author, body, files, None);
            if !body["nonce"].is_null() {
                message["nonce"] = body["nonce"].clone();
                if let Some(stored) = s.messages.get_mut(&channel_id).and_then(|list| list.last_mut()) {
                    stored["nonce"] = body["nonce"].clone();
                }
            }
            Reply::ok(message)
        }
        ("GET", "/channels/{channel}/messages/{message}") => match s.find_message_mut(m.id(0), m.id(1)) {
            Some(message) => Reply::ok(message.clone()),
            None => unknown_message(),
        },
        ("PATCH", "/channels/{channel}/messages/{message}") => edit_message(s, m.id(0), m.id(1), body, files),
        ("DELETE", "/channels/{channel}/messages/{message}") => delete_message(s, m.id(0), m.id(1)),
        ("PUT", "/channels/{channel}/permissions/{overwrite}") => set_overwrite(s, m.id(0), m.id(1), Some(body)),
        ("DELETE", "/channels/{channel}/permissions/{overwrite}") => set_overwrite(s, m.id(0), m.id(1), None),
        ("GET", "/guilds/{guild}") => match s.guilds.get(&m.id(0)) {
            Some(guild) => Reply::ok(guild.fixture.base_json()),
            None => unknown_guild(),
        },
        ("GET", "/guilds/{guild}/roles") => match s.guilds.get(&m.id(0)) {
            Some(guild) => Reply::ok(guild.fixture.base_json()["roles"].clone()),
            None => unknown_guild(),
        },
        ("GET", "/guilds/{guild}/channels") => match s.guilds.contains_key(&m.id(0)) {
            true => Reply::ok(json!(s.guild_channels(m.id(0)))),
            false => unknown_guild(),
        },
        ("POST", "/guilds/{guild}/channels") => create_channel(s, m.id(0), body),
        ("GET", "/guilds/{guild}/members") => match s.guilds.get(&m.id(0)) {
            Some(guild) => Reply::ok(json!(guild.members.values().map(MemberFixture::to_json).collect::<Vec<_>>())),
            None => unknown_guild(),
        },
        ("GET", "/guilds/{guild}/members/{user}") => {
            match s.guilds.get(&m.id(0)).and_then(|g| g.members.get(&m.id(1))) {
                Some(member) => Reply::ok(member.to_json()),
                None => Reply::error(404, 10007, "Unknown Member"),
            }
        }
        ("PATCH", "/guilds/{guild}/members/{user}") => modify_member(s, m.id(0), m.id(1), body),
        ("PUT" | "DELETE", "/guilds/{guild}/members/{user}/roles/{role}") => {
            let (guild_id, user_id, role_id) = (m.id(0), m.id(1), m.id(2));
            let Some(member) = s.guilds.get_mut(&guild_id).and_then(|g| g.members.get_mut(&user_id)) else {
                return Reply::error(404, 10007, "Unknown Member");
            };
            member.roles.retain(|r| *r != role_id);
            if method == "PUT" {
                member.roles.push(role_id);
            }
            let mut d = member.to_json();
            d["guild_id"] = json!(guild_id.to_string());
            s.dispatch_with_intent(intents::GUILD_MEMBERS, "GUILD_MEMBER_UPDATE", d);
            Reply::no_content()
        }
        _ => Reply::error(404, 0, "404: Not Found"),
    }
}

fn unknown_channel() -> Reply {
    Reply::error(404, 10003, "Unknown Channel")
}

fn unknown_message() -> Reply {
    Reply::error(404, 10008, "Unknown Message")
}

fn unknown_guild() -> Reply {
    Reply::error(404, 10004, "Unknown Guild")
}

fn application_json(inner: &Inner, s: &State) -> Value {
    json!({
        "id": s.application_id.to_string(),
        "name": s.bot.username,
        "icon": null,
        "description": "",
        "rpc_origins": [],
        "bot_public": false,
        "bot_require_code_grant": false,
        "owner": inner.owner.to_json(),
        "verify_key": "0".repeat(64),
        "team": null,
        "flags": 0,
        "bot": s.bot.to_json(),
    })
}

fn find_user(s: &State, user_id: u64) -> Option<Value> {
    if user_id == s.bot.id {
        return Some(s.bot.to_json());
    }
    s.guilds.values().find_map(|g| g.members.get(&user_id)).map(|m| m.user.to_json())
}

fn create_dm(s: &mut State, body: &Value) -> Reply {
    let Some(user_id) = as_id(&body["recipient_id"]) else {
        return Reply::error(400, 50035, "Invalid Form Body");
    };
    let existing =
        s.channels.values().find(|c| c["type"] == 1 && c["recipients"][0]["id"] == user_id.to_string().as_str());
    if let Some(channel) = existing {
        return Reply::ok(channel.clone());
    }
    let user = find_user(s, user_id).unwrap_or_else(|| UserFixture::new(user_id, format!("user-{user_id}")).to_json());
    let id = s.snowflake();
    let channel = json!({ "id": id.to_string(), "type": 1, "last_message_id": null, "recipients": [user], "flags": 0 });
    s.channels.insert(id, channel.clone());
    Reply::ok(channel)
}

/// Gives each command an id, application id and version, keeping ids of known names.
fn register_commands(s: &mut State, guild_id: Option<u64>, body: &Value) -> Vec<Value> {
    let commands = body.as_array().cloned().unwrap_or_default();
    commands.into_iter().map(|c| complete_command(s, guild_id, c)).collect()
}

fn complete_command(s: &mut State, guild_id: Option<u64>, mut command: Value) -> Value {
    let name = command["name"].as_str().unwrap_or("").to_string();
    let known = match guild_id {
        Some(g) => s.guild_commands.get(&g).cloned().unwrap_or_default(),
        None => s.global_commands.clone(),
    };
    let id = known
        .iter()
        .find(|c| c["name"] == name.as_str())
        .and_then(|c| as_id(&c["id"]))
        .unwrap_or_else(|| crate::fixtures::command_id_for(&name));
    let version = s.snowflake();
    let defaults = json!({
        "type": 1,
        "description": "",
        "options": [],
        "default_member_permissions": null,
        "dm_permission": true,
        "nsfw": false,
    });
    for (key, value) in defaults.as_object().into_iter().flatten() {
        if command.get(key).is_none_or(Value::is_null) && key != "default_member_permissions" {
            command[key] = value.clone();
        }
    }
    command["id"] = json!(id.to_string());
    command["application_id"] = json!(s.application_id.to_string());
    command["version"] = json!(version.to_string());
    if let Some(g) = guild_id {
        command["guild_id"] = json!(g.to_string());
    }
    command
}

fn upsert_command(s: &mut State, guild_id: Option<u64>, body: &Value) -> Reply {
    let command = complete_command(s, guild_id, body.clone());
    let list = match guild_id {
        Some(g) => s.guild_commands.entry(g).or_default(),
        None => &mut s.global_commands,
    };
    list.retain(|c| c["name"] != command["name"]);
    list.push(command.clone());
    Reply::created(command)
}

/// Builds a message from a create body and stores it in `channel_id`.
fn post_message(
    s: &mut State,
    channel_id: u64,
    author: Value,
    body: &Value,
    files: &[RecordedAttachment],
    webhook_id: Option<u64>,
) -> Value {
    let id = s.snowflake();
    let guild_id = s.guild_of_channel(channel_id);
    let mut message = message_json(id, channel_id, guild_id, &author, "");
    apply_message_fields(s, &mut message, body, files);
    if let Some(webhook_id) = webhook_id {
        message["webhook_id"] = json!(webhook_id.to_string());
        message["application_id"] = json!(webhook_id.to_string());
    }
    s.messages.entry(channel_id).or_default().push(message.clone());
    if let Some(channel) = s.channels.get_mut(&channel_id) {
        channel["last_message_id"] = json!(id.to_string());
    }
    let intent = if guild_id.is_some() { intents::GUILD_MESSAGES } else { intents::DIRECT_MESSAGES };
    if message["flags"].as_u64().unwrap_or(0) & EPHEMERAL == 0 {
        s.dispatch_with_intent(intent, "MESSAGE_CREATE", message.clone());
    }
    message
}

/// Copies the message fields of a create/edit body into `message`.
fn apply_message_fields(s: &mut State, message: &mut Value, body: &Value, files: &[RecordedAttachment]) {
    for key in ["content", "embeds", "components", "tts", "poll"] {
        if let Some(value) = body.get(key) {
            message[key] = if value.is_null() && key != "poll" { empty_for(key) } else { value.clone() };
        }
    }
    if let Some(flags) = body.get("flags").and_then(Value::as_u64) {
        message["flags"] = json!(flags);
    }
    if let Some(reference) = body.get("message_reference").filter(|r| !r.is_null()) {
        message["message_reference"] = reference.clone();
        message["type"] = json!(19);
    }
    if body.get("attachments").is_some() || !files.is_empty() {
        let kept: Vec<Value> = message["attachments"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|a| body["attachments"].as_array().is_none_or(|keep| keep.iter().any(|k| k["id"] == a["id"])))
            .collect();
        let mut attachments = kept;
        for file in files {
            let id = s.snowflake();
            let filename = file.filename.clone().unwrap_or_else(|| "file".into());
            attachments.push(json!({
                "id": id.to_string(),
                "filename": filename,
                "size": file.size,
                "url": format!("https://cdn.fake-discord.invalid/attachments/{id}/{filename}"),
                "proxy_url": format!("https://media.fake-discord.invalid/attachments/{id}/{filename}"),
                "content_type": file.content_type,
            }));
        }
        message["attachments"] = json!(attachments);
    }
}

fn empty_for(key: &str) -> Value {
    match key {
        "content" => json!(""),
        "tts" => json!(false),
        _ => json!([]),
    }
}

fn edit_message(s: &mut State, channel_id: u64, message_id: u64, body: &Value, files: &[RecordedAttachment]) -> Reply {
    let Some(mut message) = s.find_message_mut(channel_id, message_id).map(|m| m.clone()) else {
        return unknown_message();
    };
    apply_message_fields(s, &mut message, body, files);
    message["edited_timestamp"] = json!(FIXTURE_TIMESTAMP);
    if let Some(stored) = s.find_message_mut(channel_id, message_id) {
        *stored = message.clone();
    }
    let intent = if message.get("guild_id").is_some() { intents::GUILD_MESSAGES } else { intents::DIRECT_MESSAGES };
    // Ephemeral messages live only in the interaction's client; no gateway event (as at create).
    if message["flags"].as_u64().unwrap_or(0) & EPHEMERAL == 0 {
        s.dispatch_with_intent(intent, "MESSAGE_UPDATE", message.clone());
    }
    Reply::ok(message)
}

fn delete_message(s: &mut State, channel_id: u64, message_id: u64) -> Reply {
    let id = message_id.to_string();
    let Some(list) = s.messages.get_mut(&channel_id) else {
        return unknown_message();
    };
    let before = list.len();
    list.retain(|m| m["id"] != id.as_str());
    if list.len() == before {
        return unknown_message();
    }
    let mut d = json!({ "id": id, "channel_id": channel_id.to_string() });
    if let Some(guild_id) = s.guild_of_channel(channel_id) {
        d["guild_id"] = json!(guild_id.to_string());
    }
    s.dispatch_with_intent(intents::GUILD_MESSAGES, "MESSAGE_DELETE", d);
    Reply::no_content()
}

fn interaction_callback(s: &mut State, id: u64, token: &str, body: &Value, files: &[RecordedAttachment]) -> Reply {
    let Some(record) = s.interactions.get(token).cloned().filter(|r| r.id == id) else {
        return Reply::error(404, 10062, "Unknown interaction");
    };
    if record.acknowledged {
        return Reply::error(400, 40060, "Interaction has already been acknowledged.");
    }
    let kind = body["type"].as_u64().unwrap_or(0);
    let data = body.get("data").cloned().unwrap_or(Value::Null);
    let flags = data["flags"].as_u64().unwrap_or(0);
    let author = s.bot.to_json();
    let app = s.application_id;
    let original = match kind {
        4 => Some(as_id(&post_message(s, record.channel_id, author, &data, files, Some(app))["id"])),
        5 => {
            let loading = json!({ "content": "", "flags": LOADING | (flags & EPHEMERAL) });
            Some(as_id(&post_message(s, record.channel_id, author, &loading, &[], Some(app))["id"]))
        }
        6 => record.message_id.map(Some),
        7 => {
            if let Some(message_id) = record.message_id {
                let _ = edit_message(s, record.channel_id, message_id, &data, files);
            }
            record.message_id.map(Some)
        }
        1 | 8 | 9 | 10 | 12 => None,
        _ => return Reply::error(400, 50035, "Invalid Form Body: unknown interaction callback type"),
    };
    if let Some(stored) = s.interactions.get_mut(token) {
        stored.acknowledged = true;
        stored.response_type = Some(kind);
        stored.original = original.flatten();
    }
    Reply::no_content()
}

fn followup(s: &mut State, token: &str, body: &Value, files: &[RecordedAttachment]) -> Reply {
    let Some(record) = s.interactions.get(token).cloned().filter(|r| r.acknowledged) else {
        return Reply::error(404, 10015, "Unknown Webhook");
    };
    // The first follow-up after a deferred response (type 5) fills the "thinking" message.
    if record.response_type == Some(5) {
        if let Some(original) = record.original {
            let loading = s
                .find_message_mut(record.channel_id, original)
                .is_some_and(|m| m["flags"].as_u64().unwrap_or(0) & LOADING != 0);
            if loading {
                let mut edit = body.clone();
                let flags =
                    s.find_message_mut(record.channel_id, original).map_or(0, |m| m["flags"].as_u64().unwrap_or(0));
                edit["flags"] = json!((flags & !LOADING) | body["flags"].as_u64().unwrap_or(0));
                return edit_message(s, record.channel_id, original, &edit, files);
            }
        }
    }
    let author = s.bot.to_json();
    let app = s.application_id;
    Reply::ok(post_message(s, record.channel_id, author, body, files, Some(app)))
}

fn webhook_message(s: &mut State, method: &str, m: &Matched, body: &Value, files: &[RecordedAttachment]) -> Reply {
    let Some(record) = s.interactions.get(m.param(1)).cloned() else {
        return Reply::error(404, 10015, "Unknown Webhook");
    };
    let message_id = match m.param(2) {
        "@original" => match record.original {
            Some(id) => id,
            None => return unknown_message(),
        },
        other => other.parse().unwrap_or(0),
    };
    match method {
        "GET" => match s.find_message_mut(record.channel_id, message_id) {
            Some(message) => Reply::ok(message.clone()),
            None => unknown_message(),
        },
        "PATCH" => {
            let mut edit = body.clone();
            if let Some(flags) =
                s.find_message_mut(record.channel_id, message_id).map(|m| m["flags"].as_u64().unwrap_or(0))
            {
                if flags & LOADING != 0 {
                    edit["flags"] = json!(flags & !LOADING);
                }
            }
            edit_message(s, record.channel_id, message_id, &edit, files)
        }
        _ => delete_message(s, record.channel_id, message_id),
    }
}

fn create_channel(s: &mut State, guild_id: u64, body: &Value) -> Reply {
    if !s.guilds.contains_key(&guild_id) {
        return unknown_guild();
    }
    let existing = s.guild_channels(guild_id);
    if existing.len() >= MAX_GUILD_CHANNELS {
        return Reply::error(400, 30013, "Maximum number of guild channels reached (500)");
    }
    let parent = body.get("parent_id").and_then(as_id);
    if let Some(parent) = parent {
        let siblings = existing.iter().filter(|c| as_id(&c["parent_id"]) == Some(parent)).count();
        if siblings >= MAX_CATEGORY_CHANNELS {
            return Reply {
                status: 400,
                body: Some(json!({
                    "code": 50035,
                    "message": "Invalid Form Body",
                    "errors": { "parent_id": { "_errors": [{
                        "code": "CHANNEL_PARENT_MAX_CHANNELS",
                        "message": "Maximum number of channels in category reached (50)",
                    }]}},
                })),
            };
        }
    }
    let id = s.snowflake();
    let kind = body["type"].as_u64().unwrap_or(0);
    let mut channel = json!({
        "id": id.to_string(),
        "type": kind,
        "guild_id": guild_id.to_string(),
        "name": body["name"].as_str().unwrap_or(""),
        "position": body["position"].as_u64().unwrap_or(existing.len() as u64),
        "permission_overwrites": [],
        "parent_id": parent.map(|p| p.to_string()),
        "nsfw": body["nsfw"].as_bool().unwrap_or(false),
        "flags": 0,
    });
    if kind == 0 || kind == 2 {
        channel["last_message_id"] = Value::Null;
        channel["rate_limit_per_user"] = json!(body["rate_limit_per_user"].as_u64().unwrap_or(0));
    }
    if kind == 0 {
        channel["topic"] = body.get("topic").cloned().unwrap_or(Value::Null);
    }
    if kind == 2 {
        channel["bitrate"] = json!(body["bitrate"].as_u64().unwrap_or(64000));
        channel["user_limit"] = json!(body["user_limit"].as_u64().unwrap_or(0));
        channel["rtc_region"] = Value::Null;
    }
    if let Some(overwrites) = body.get("permission_overwrites").and_then(Value::as_array) {
        channel["permission_overwrites"] = json!(overwrites.iter().map(normalize_overwrite).collect::<Vec<_>>());
    }
    s.channels.insert(id, channel.clone());
    s.dispatch_with_intent(intents::GUILDS, "CHANNEL_CREATE", channel.clone());
    Reply::created(channel)
}

fn normalize_overwrite(o: &Value) -> Value {
    json!({
        "id": as_id(&o["id"]).unwrap_or(0).to_string(),
        "type": o["type"].as_u64().unwrap_or(0),
        "allow": bits(&o["allow"]).to_string(),
        "deny": bits(&o["deny"]).to_string(),
    })
}

fn modify_channel(s: &mut State, channel_id: u64, body: &Value) -> Reply {
    let Some(channel) = s.channels.get_mut(&channel_id) else {
        return unknown_channel();
    };
    let keys = ["name", "topic", "position", "nsfw", "rate_limit_per_user", "bitrate", "user_limit", "rtc_region"];
    for key in keys {
        if let Some(value) = body.get(key) {
            channel[key] = value.clone();
        }
    }
    if let Some(parent) = body.get("parent_id") {
        channel["parent_id"] = as_id(parent).map_or(Value::Null, |p| json!(p.to_string()));
    }
    if let Some(overwrites) = body.get("permission_overwrites").and_then(Value::as_array) {
        channel["permission_overwrites"] = json!(overwrites.iter().map(normalize_overwrite).collect::<Vec<_>>());
    }
    let channel = channel.clone();
    if channel.get("guild_id").is_some() {
        s.dispatch_with_intent(intents::GUILDS, "CHANNEL_UPDATE", channel.clone());
    }
    Reply::ok(channel)
}

fn delete_channel(s: &mut State, channel_id: u64) -> Reply {
    let Some(channel) = s.channels.remove(&channel_id) else {
        return unknown_channel();
    };
    s.messages.remove(&channel_id);
    if channel.get("guild_id").is_some() {
        s.dispatch_with_intent(intents::GUILDS, "CHANNEL_DELETE", channel.clone());
    }
    Reply::ok(channel)
}

fn set_overwrite(s: &mut State, channel_id: u64, overwrite_id: u64, body: Option<&Value>) -> Reply {
    let Some(channel) = s.channels.get_mut(&channel_id) else {
        return unknown_channel();
    };
    let id = overwrite_id.to_string();
    let mut overwrites = channel["permission_overwrites"].as_array().cloned().unwrap_or_default();
    overwrites.retain(|o| o["id"] != id.as_str());
    if let Some(body) = body {
        let mut o = body.clone();
        o["id"] = json!(id);
        overwrites.push(normalize_overwrite(&o));
    }
    channel["permission_overwrites"] = json!(overwrites);
    let channel = channel.clone();
    s.dispatch_with_intent(intents::GUILDS, "CHANNEL_UPDATE", channel);
    Reply::no_content()
}

fn modify_member(s: &mut State, guild_id: u64, user_id: u64, body: &Value) -> Reply {
    let Some(guild) = s.guilds.get_mut(&guild_id) else {
        return unknown_guild();
    };
    let Some(member) = guild.members.get_mut(&user_id) else {
        return Reply::error(404, 10007, "Unknown Member");
    };
    if let Some(nick) = body.get("nick") {
        member.nick = nick.as_str().map(str::to_string);
    }
    if let Some(roles) = body.get("roles").and_then(Value::as_array) {
        member.roles = roles.iter().filter_map(as_id).collect();
    }
    let mut member_json = member.to_json();
    let mut voice_event = None;
    if let Some(target) = body.get("channel_id") {
        let Some(state) = guild.voice.get_mut(&user_id) else {
            return Reply::error(400, 40032, "Target user is not connected to voice.");
        };
        state.channel_id = as_id(target);
        let mut d = state.to_json(Some(guild_id));
        d["member"] = member_json.clone();
        if state.channel_id.is_none() {
            guild.voice.remove(&user_id);
        }
        voice_event = Some(d);
    }
    member_json["guild_id"] = json!(guild_id.to_string());
    s.dispatch_with_intent(intents::GUILD_MEMBERS, "GUILD_MEMBER_UPDATE", member_json.clone());
    if let Some(d) = voice_event {
        s.dispatch_with_intent(intents::GUILD_VOICE_STATES, "VOICE_STATE_UPDATE", d);
    }
    member_json.as_object_mut().map(|o| o.remove("guild_id"));
    Reply::ok(member_json)
}

/// Adds a voice state (a member joining voice) — used by [`crate::FakeDiscord::join_voice`].
pub(crate) fn join_voice(s: &mut State, guild_id: u64, user_id: u64, channel_id: u64) {
    let Some(guild) = s.guilds.get_mut(&guild_id) else {
        return;
    };
    let state = VoiceStateFixture::new(user_id, channel_id);
    let mut d = state.to_json(Some(guild_id));
    if let Some(member) = guild.members.get(&user_id) {
        d["member"] = member.to_json();
    }
    guild.voice.insert(user_id, state);
    s.dispatch_with_intent(intents::GUILD_VOICE_STATES, "VOICE_STATE_UPDATE", d);
}

/// Fills `data.resolved` for the user (6), channel (7) and role (8) options of a command, as
/// Discord does; serenity and poise read those objects from there, not from the option value.
pub(crate) fn resolve_options(s: &State, guild_id: u64, data: &mut Value) {
    fn walk(options: &Value, out: &mut Vec<(u64, u64)>) {
        for o in options.as_array().into_iter().flatten() {
            if let (Some(kind @ (6..=8 | 11)), Some(id)) = (o["type"].as_u64(), as_id(&o["value"])) {
                out.push((kind, id));
            }
            walk(&o["options"], out);
        }
    }
    let mut wanted = Vec::new();
    walk(&data["options"], &mut wanted);
    if wanted.is_empty() {
        return;
    }
    let guild = s.guilds.get(&guild_id);
    let mut resolved = json!({});
    for (kind, id) in wanted {
        let key = id.to_string();
        match kind {
            6 => {
                let user = find_user(s, id).unwrap_or_else(|| UserFixture::new(id, format!("user-{id}")).to_json());
                resolved["users"][&key] = user;
                if let Some(member) = guild.and_then(|g| g.members.get(&id)) {
                    let mut m = member.to_json();
                    m.as_object_mut().map(|o| o.remove("user"));
                    m["permissions"] = json!(crate::fixtures::perms::DEFAULT_EVERYONE.to_string());
                    resolved["members"][&key] = m;
                }
            }
            7 => {
                if let Some(c) = s.channels.get(&id) {
                    resolved["channels"][&key] = json!({
                        "id": key,
                        "name": c["name"],
                        "type": c["type"],
                        "permissions": crate::fixtures::perms::DEFAULT_EVERYONE.to_string(),
                    });
                }
            }
            11 => {
                if let Some((file, _)) = s.files.get(&id) {
                    resolved["attachments"][&key] = file.to_json();
                }
            }
            _ => {
                if let Some(role) = guild.and_then(|g| g.fixture.roles.iter().find(|r| r.id == id)) {
                    resolved["roles"][&key] = role.to_json();
                }
            }
        }
    }
    data["resolved"] = resolved;
}

/// A snowflake sent as a string or a number.
pub(crate) fn as_id(value: &Value) -> Option<u64> {
    match value {
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

/// A permission bitset sent as a string (serenity) or a number.
fn bits(value: &Value) -> u64 {
    as_id(value).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{CommandOption, GuildFixture, InteractionContext, InteractionFixture, RoleFixture};

    #[test]
    fn user_and_role_options_are_resolved_and_serenity_reads_them() {
        let mut s = State::new(1, UserFixture::bot(1, "bot"));
        s.add_guild(
            GuildFixture::new(10)
                .role(RoleFixture::new(12, "facilitator"))
                .member(MemberFixture::new(UserFixture::new(7, "ada")).nick("Ada")),
        );
        let ctx = InteractionContext::new(10, 11, MemberFixture::new(UserFixture::new(8, "bo")));
        let options = vec![CommandOption::subcommand(
            "move",
            vec![CommandOption::user("member", 7), CommandOption::role("role", 12), CommandOption::integer("room", 2)],
        )];
        let mut payload = InteractionFixture::slash_command("breakout", options, ctx).to_json(5, "tok", 1, None);
        resolve_options(&s, 10, &mut payload["data"]);
        assert_eq!(payload["data"]["resolved"]["users"]["7"]["username"], "ada");
        assert_eq!(payload["data"]["resolved"]["members"]["7"]["nick"], "Ada");
        let interaction: serenity::all::Interaction = serde_json::from_value(payload).expect("serenity parses it");
        let command = interaction.command().expect("a command");
        let user = serenity::all::UserId::new(7);
        assert_eq!(command.data.resolved.users[&user].name, "ada");
        assert!(command.data.resolved.members.contains_key(&user));
        assert!(command.data.resolved.roles.contains_key(&serenity::all::RoleId::new(12)));
    }
}
