//! Request-body validation against hand-written JSON schemas for Discord API v10
//! (`schemas/*.json`, written from Discord's developer documentation), plus the checks a
//! schema cannot express (an embed's 6000-character total).

use std::collections::HashMap;

use jsonschema::{Resource, Validator};
use serde_json::Value;

const BASE: &str = "https://fake-discord.invalid/schemas/";

/// The schema files, by name.
pub const SCHEMAS: &[(&str, &str)] = &[
    ("common.json", include_str!("../schemas/common.json")),
    ("message_create.json", include_str!("../schemas/message_create.json")),
    ("message_edit.json", include_str!("../schemas/message_edit.json")),
    ("webhook_execute.json", include_str!("../schemas/webhook_execute.json")),
    ("interaction_callback.json", include_str!("../schemas/interaction_callback.json")),
    ("guild_channel_create.json", include_str!("../schemas/guild_channel_create.json")),
    ("channel_modify.json", include_str!("../schemas/channel_modify.json")),
    ("channel_permission_put.json", include_str!("../schemas/channel_permission_put.json")),
    ("guild_member_modify.json", include_str!("../schemas/guild_member_modify.json")),
    ("dm_create.json", include_str!("../schemas/dm_create.json")),
    ("application_command.json", include_str!("../schemas/application_command.json")),
    ("application_commands_put.json", include_str!("../schemas/application_commands_put.json")),
];

/// Which schema validates which route's body.
const ROUTE_SCHEMAS: &[(&str, &str, &str)] = &[
    ("POST", "/channels/{channel}/messages", "message_create.json"),
    ("PATCH", "/channels/{channel}/messages/{message}", "message_edit.json"),
    ("PATCH", "/webhooks/{app}/{token}/messages/{message}", "message_edit.json"),
    ("POST", "/webhooks/{app}/{token}", "webhook_execute.json"),
    ("POST", "/interactions/{interaction}/{token}/callback", "interaction_callback.json"),
    ("POST", "/guilds/{guild}/channels", "guild_channel_create.json"),
    ("PATCH", "/channels/{channel}", "channel_modify.json"),
    ("PUT", "/channels/{channel}/permissions/{overwrite}", "channel_permission_put.json"),
    ("PATCH", "/guilds/{guild}/members/{user}", "guild_member_modify.json"),
    ("POST", "/users/@me/channels", "dm_create.json"),
    ("POST", "/applications/{app}/commands", "application_command.json"),
    ("POST", "/applications/{app}/guilds/{guild}/commands", "application_command.json"),
    ("PUT", "/applications/{app}/commands", "application_commands_put.json"),
    ("PUT", "/applications/{app}/guilds/{guild}/commands", "application_commands_put.json"),
];

/// Compiled validators per schema file.
pub struct Validators {
    by_schema: HashMap<&'static str, Validator>,
}

impl Validators {
    /// Compiles every schema. Panics if one is broken (a bug in this crate, caught by its tests).
    pub fn new() -> Self {
        let parsed: Vec<(&str, Value)> = SCHEMAS
            .iter()
            .map(|(name, text)| {
                let value = serde_json::from_str(text).unwrap_or_else(|e| panic!("schema {name}: {e}"));
                (*name, value)
            })
            .collect();
        let mut by_schema = HashMap::new();
        for (name, schema) in &parsed {
            let mut options = jsonschema::options();
            for (other, value) in &parsed {
                let resource = Resource::from_contents(value.clone()).unwrap_or_else(|e| panic!("schema {other}: {e}"));
                options = options.with_resource(format!("{BASE}{other}"), resource);
            }
            let validator = options.build(schema).unwrap_or_else(|e| panic!("schema {name}: {e}"));
            by_schema.insert(*name, validator);
        }
        Self { by_schema }
    }

    /// One compiled set per process (compiling takes a moment; every fake shares it).
    pub fn shared() -> &'static Validators {
        static SHARED: std::sync::OnceLock<Validators> = std::sync::OnceLock::new();
        SHARED.get_or_init(Validators::new)
    }

    /// The schema file validating `method template`, if any.
    pub fn schema_for(method: &str, template: &str) -> Option<&'static str> {
        ROUTE_SCHEMAS.iter().find(|(m, t, _)| *m == method && *t == template).map(|(_, _, s)| *s)
    }

    /// Errors for `body` sent to `method template` (empty when valid or unchecked).
    pub fn validate(&self, method: &str, template: &str, body: &Value) -> Vec<String> {
        let Some(schema) = Self::schema_for(method, template) else {
            return Vec::new();
        };
        self.validate_with(schema, body)
    }

    /// Errors for `body` against schema file `schema` (e.g. `"message_create.json"`).
    pub fn validate_with(&self, schema: &str, body: &Value) -> Vec<String> {
        let Some(validator) = self.by_schema.get(schema) else {
            return vec![format!("no schema named {schema}")];
        };
        let mut errors: Vec<String> =
            validator.iter_errors(body).map(|e| format!("{schema}: at '{}': {e}", e.instance_path)).collect();
        errors.extend(embed_totals(body));
        errors
    }
}

impl Default for Validators {
    fn default() -> Self {
        Self::new()
    }
}

/// Discord's limit on the sum of all embed text in one message: 6000 characters.
fn embed_totals(body: &Value) -> Vec<String> {
    let embeds = body.get("embeds").or_else(|| body.pointer("/data/embeds"));
    let Some(embeds) = embeds.and_then(Value::as_array) else {
        return Vec::new();
    };
    let len = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
    let total: usize = embeds
        .iter()
        .map(|e| {
            len(&e["title"])
                + len(&e["description"])
                + len(&e["footer"]["text"])
                + len(&e["author"]["name"])
                + e["fields"]
                    .as_array()
                    .map_or(0, |fields| fields.iter().map(|f| len(&f["name"]) + len(&f["value"])).sum())
        })
        .sum();
    if total > 6000 {
        vec![format!("embeds: total text is {total} characters, Discord allows 6000")]
    } else {
        Vec::new()
    }
}
