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

mod channels;
mod commands;
mod interactions;
mod members;
mod messages;

use channels::*;
use commands::*;
use interactions::*;
use members::*;
use messages::*;

pub(crate) use interactions::resolve_options;
pub(crate) use members::join_voice;

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
mod tests;
