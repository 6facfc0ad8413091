//! Interaction callbacks, follow-ups and the webhook routes of an interaction's token, and
//! the resolved data of slash-command options.

use super::*;

pub(super) fn interaction_callback(
    s: &mut State,
    id: u64,
    token: &str,
    body: &Value,
    files: &[RecordedAttachment],
) -> Reply {
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

pub(super) fn followup(s: &mut State, token: &str, body: &Value, files: &[RecordedAttachment]) -> Reply {
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

pub(super) fn webhook_message(
    s: &mut State,
    method: &str,
    m: &Matched,
    body: &Value,
    files: &[RecordedAttachment],
) -> Reply {
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
