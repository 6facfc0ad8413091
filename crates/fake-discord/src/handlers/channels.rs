//! Channels: creating (within Discord's limits), modifying, deleting, permission overwrites.

use super::*;

pub(super) fn create_channel(s: &mut State, guild_id: u64, body: &Value) -> Reply {
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

pub(super) fn normalize_overwrite(o: &Value) -> Value {
    json!({
        "id": as_id(&o["id"]).unwrap_or(0).to_string(),
        "type": o["type"].as_u64().unwrap_or(0),
        "allow": bits(&o["allow"]).to_string(),
        "deny": bits(&o["deny"]).to_string(),
    })
}

pub(super) fn modify_channel(s: &mut State, channel_id: u64, body: &Value) -> Reply {
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

pub(super) fn delete_channel(s: &mut State, channel_id: u64) -> Reply {
    let Some(channel) = s.channels.remove(&channel_id) else {
        return unknown_channel();
    };
    s.messages.remove(&channel_id);
    if channel.get("guild_id").is_some() {
        s.dispatch_with_intent(intents::GUILDS, "CHANNEL_DELETE", channel.clone());
    }
    Reply::ok(channel)
}

pub(super) fn set_overwrite(s: &mut State, channel_id: u64, overwrite_id: u64, body: Option<&Value>) -> Reply {
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
