//! Messages and DMs: posting (with attachments and components), editing and deleting.

use super::*;

pub(super) fn find_user(s: &State, user_id: u64) -> Option<Value> {
    if user_id == s.bot.id {
        return Some(s.bot.to_json());
    }
    s.guilds.values().find_map(|g| g.members.get(&user_id)).map(|m| m.user.to_json())
}

pub(super) fn create_dm(s: &mut State, body: &Value) -> Reply {
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

/// Builds a message from a create body and stores it in `channel_id`.
pub(super) fn post_message(
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
pub(super) fn apply_message_fields(s: &mut State, message: &mut Value, body: &Value, files: &[RecordedAttachment]) {
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

pub(super) fn empty_for(key: &str) -> Value {
    match key {
        "content" => json!(""),
        "tts" => json!(false),
        _ => json!([]),
    }
}

pub(super) fn edit_message(
    s: &mut State,
    channel_id: u64,
    message_id: u64,
    body: &Value,
    files: &[RecordedAttachment],
) -> Reply {
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

pub(super) fn delete_message(s: &mut State, channel_id: u64, message_id: u64) -> Reply {
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
