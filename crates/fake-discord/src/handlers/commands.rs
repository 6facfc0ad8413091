//! The application and its commands: registering, completing and upserting them.

use super::*;

pub(super) fn application_json(inner: &Inner, s: &State) -> Value {
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

/// Gives each command an id, application id and version, keeping ids of known names.
pub(super) fn register_commands(s: &mut State, guild_id: Option<u64>, body: &Value) -> Vec<Value> {
    let commands = body.as_array().cloned().unwrap_or_default();
    commands.into_iter().map(|c| complete_command(s, guild_id, c)).collect()
}

pub(super) fn complete_command(s: &mut State, guild_id: Option<u64>, mut command: Value) -> Value {
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

pub(super) fn upsert_command(s: &mut State, guild_id: Option<u64>, body: &Value) -> Reply {
    let command = complete_command(s, guild_id, body.clone());
    let list = match guild_id {
        Some(g) => s.guild_commands.entry(g).or_default(),
        None => &mut s.global_commands,
    };
    list.retain(|c| c["name"] != command["name"]);
    list.push(command.clone());
    Reply::created(command)
}
