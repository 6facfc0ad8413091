//! Guild members: nick, roles and voice moves.

use super::*;

pub(super) fn modify_member(s: &mut State, guild_id: u64, user_id: u64, body: &Value) -> Reply {
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
