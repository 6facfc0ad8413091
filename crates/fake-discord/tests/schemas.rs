//! The hand-written Discord v10 schemas compile, accept what Discord documents (and the
//! permission-as-string mismatch serenity relies on), and reject what Discord would refuse.

use fake_discord::Validators;
use serde_json::{json, Value};

fn errors(schema: &str, body: Value) -> Vec<String> {
    Validators::shared().validate_with(schema, &body)
}

fn assert_valid(schema: &str, body: Value) {
    let errors = errors(schema, body);
    assert!(errors.is_empty(), "{errors:#?}");
}

fn assert_invalid(schema: &str, body: Value, needle: &str) {
    let errors = errors(schema, body);
    assert!(errors.iter().any(|e| e.contains(needle)), "expected an error about {needle}: {errors:#?}");
}

#[test]
fn every_schema_compiles() {
    for (name, _) in fake_discord::validate::SCHEMAS {
        let _ = Validators::shared().validate_with(name, &json!({}));
    }
}

#[test]
fn message_create_limits() {
    assert_valid(
        "message_create.json",
        json!({ "content": "hi", "tts": false, "embeds": [], "sticker_ids": [], "enforce_nonce": false }),
    );
    assert_invalid("message_create.json", json!({ "content": "x".repeat(2001) }), "content");
    assert_invalid("message_create.json", json!({ "contnet": "typo" }), "contnet");
    let embed = json!({ "title": "t", "fields": (0..26).map(|i| json!({ "name": i.to_string(), "value": "v" })).collect::<Vec<_>>() });
    assert_invalid("message_create.json", json!({ "embeds": [embed] }), "fields");
    let big = json!({ "description": "d".repeat(4000) });
    assert_invalid("message_create.json", json!({ "embeds": [big.clone(), big] }), "6000");
    let six_buttons: Vec<Value> =
        (0..6).map(|i| json!({ "type": 2, "style": 1, "custom_id": i.to_string() })).collect();
    assert_invalid(
        "message_create.json",
        json!({ "components": [{ "type": 1, "components": six_buttons }] }),
        "components",
    );
}

#[test]
fn interaction_callbacks_by_type() {
    assert_valid("interaction_callback.json", json!({ "type": 5, "data": { "flags": 64 } }));
    assert_valid("interaction_callback.json", json!({ "type": 6 }));
    assert_valid(
        "interaction_callback.json",
        json!({ "type": 8, "data": { "choices": [{ "name": "UiO", "value": "uio" }] } }),
    );
    let input = json!({ "type": 4, "custom_id": "q1", "style": 2, "label": "What works?" });
    assert_valid(
        "interaction_callback.json",
        json!({ "type": 9, "data": { "custom_id": "m", "title": "Answers", "components": [{ "type": 1, "components": [input] }] } }),
    );
    assert_invalid(
        "interaction_callback.json",
        json!({ "type": 9, "data": { "custom_id": "m", "title": "x".repeat(46), "components": [] } }),
        "title",
    );
    assert_invalid("interaction_callback.json", json!({ "type": 3 }), "type");
    let choices: Vec<Value> = (0..26).map(|i| json!({ "name": i.to_string(), "value": i })).collect();
    assert_invalid("interaction_callback.json", json!({ "type": 8, "data": { "choices": choices } }), "choices");
}

#[test]
fn channel_create_accepts_string_permissions_and_checks_limits() {
    let overwrites = json!([
        { "id": "1", "type": 0, "allow": "0", "deny": "1024" },
        { "id": "2", "type": 1, "allow": 3072, "deny": 0 }
    ]);
    assert_valid(
        "guild_channel_create.json",
        json!({ "name": "room-1", "type": 0, "parent_id": "3", "permission_overwrites": overwrites }),
    );
    assert_invalid("guild_channel_create.json", json!({ "name": "" }), "name");
    assert_invalid("guild_channel_create.json", json!({ "name": "v", "type": 2, "user_limit": 100 }), "user_limit");
    assert_invalid(
        "guild_channel_create.json",
        json!({ "name": "r", "permission_overwrites": [{ "id": 5, "type": 0 }] }),
        "permission_overwrites",
    );
}

#[test]
fn member_move_and_dm() {
    assert_valid("guild_member_modify.json", json!({ "channel_id": "42" }));
    assert_valid("guild_member_modify.json", json!({ "channel_id": null }));
    assert_invalid("guild_member_modify.json", json!({ "channel": "42" }), "channel");
    assert_valid("dm_create.json", json!({ "recipient_id": "5" }));
    assert_invalid("dm_create.json", json!({}), "recipient_id");
}

#[test]
fn command_registration() {
    let command = json!({
        "name": "breakout", "description": "Breakout rooms", "name_localizations": {}, "description_localizations": {},
        "options": [{ "type": 4, "name": "mode", "description": "How", "required": false,
                      "choices": [{ "name": "random", "value": 0 }] }],
        "nsfw": false
    });
    assert_valid("application_commands_put.json", json!([command]));
    assert_invalid("application_command.json", json!({ "name": "Breakout", "description": "d" }), "name");
    assert_invalid("application_command.json", json!({ "name": "x" }), "description");
}
