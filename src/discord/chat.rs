//! `DiscordChat`: the `Chat` port over Discord's REST API (through serenity's `Http`), with a
//! bounded retry (see `retry`) and idempotent keyed posts (Discord's enforced nonce).

use std::sync::Arc;

use async_trait::async_trait;
use serde::Deserialize;
use serenity::all::{
    ButtonStyle, Cache, ChannelType, CreateActionRow, CreateAllowedMentions, CreateAttachment, CreateButton,
    CreateChannel, CreateMessage, EditChannel, Http, HttpError, LightMethod, Multipart, MultipartUpload, Nonce,
    PermissionOverwrite, PermissionOverwriteType, Request, Route, TargetId,
};
use tracing::{debug, warn};

use super::perms;
use super::ratelimit::{BucketState, RateLimits};
use super::retry::{self, Failure};
use crate::app::ports::{Chat, ChatError, GuildChannel, MessageId, OutMessage, RoomKind, RoomSpec};
use crate::domain::{ChannelId, GuildId, UserId};

/// Discord's limit of buttons in one action row, and of rows in one message.
pub const BUTTONS_PER_ROW: usize = 5;
pub const ROWS_PER_MESSAGE: usize = 5;
/// Discord's message length limit.
pub const MESSAGE_LIMIT: usize = 2000;

pub struct DiscordChat {
    http: Arc<Http>,
    cache: Option<Arc<Cache>>,
    /// Used when serenity's ratelimiter is off, to read 429 bodies (`retry_after`) that
    /// serenity's error type drops.
    client: reqwest::Client,
    /// Discord's rate limits as the answers' headers describe them (ratelimiter off only).
    limits: RateLimits,
    /// Overwrites of the rooms this process created, kept up to date by grants.
    overwrites: std::sync::Mutex<std::collections::HashMap<u64, Vec<PermissionOverwrite>>>,
}

#[derive(Deserialize)]
struct Created {
    id: serenity::all::GenericId,
}

#[derive(Deserialize)]
struct ChannelOverwrites {
    #[serde(default)]
    permission_overwrites: Vec<PermissionOverwrite>,
}

#[derive(Deserialize, Default)]
struct ErrorBody {
    code: Option<i64>,
    message: Option<String>,
    retry_after: Option<f64>,
    /// Per-field errors of a 50035 "Invalid Form Body" (e.g. a full category).
    errors: Option<serde_json::Value>,
}

/// The first nested `_errors[].message` of a form-body error.
fn first_field_error(errors: &serde_json::Value) -> Option<String> {
    match errors {
        serde_json::Value::Object(map) => {
            if let Some(list) = map.get("_errors").and_then(|e| e.as_array()) {
                return list.iter().find_map(|e| e["message"].as_str().map(str::to_owned));
            }
            map.values().find_map(first_field_error)
        }
        _ => None,
    }
}

impl DiscordChat {
    /// `cache` gives voice states (who is in voice); without it nobody is in voice.
    pub fn new(http: Arc<Http>, cache: Option<Arc<Cache>>) -> Self {
        Self {
            http,
            cache,
            client: reqwest::Client::new(),
            limits: RateLimits::default(),
            overwrites: Default::default(),
        }
    }

    /// Sends a request, retrying as `retry::retry_delay` says. `make` builds a fresh request
    /// for every attempt (same body, so a keyed post keeps its nonce).
    async fn call<'a>(&self, what: &str, make: impl Fn() -> Request<'a>) -> Result<Vec<u8>, ChatError> {
        self.call_creating(what, make, None).await
    }

    /// `call` for a request that creates a channel: when an attempt fails in a way that may
    /// have come after Discord made the channel (5xx, no answer), the guild's channels are
    /// searched for it before trying again, so a retry never makes a second one.
    async fn call_creating<'a>(
        &self,
        what: &str,
        make: impl Fn() -> Request<'a>,
        made: Option<&Expected>,
    ) -> Result<Vec<u8>, ChatError> {
        let mut attempt = 0;
        loop {
            let failure = match self.once(make()).await {
                Ok(body) => {
                    crate::ops::metrics::rest_call(what, Ok(()));
                    return Ok(body);
                }
                Err(f) => f,
            };
            crate::ops::metrics::rest_call(what, Err(failure.status));
            if let Some(expected) = made.filter(|_| failure.may_have_been_done()) {
                if let Some(found) = self.find_created(expected).await? {
                    warn!(what, status = ?failure.status, "discord call failed after it was carried out; found its channel");
                    return Ok(found);
                }
            }
            match retry::retry_delay(&failure, attempt) {
                Some(wait) => {
                    crate::ops::metrics::retry(what);
                    warn!(what, attempt, status = ?failure.status, wait_ms = wait.as_millis() as u64, "discord call failed, retrying");
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                None => {
                    debug!(what, status = ?failure.status, code = ?failure.code, "discord call failed");
                    return Err(retry::to_chat_error(what, &failure));
                }
            }
        }
    }

    async fn once(&self, req: Request<'_>) -> Result<Vec<u8>, Failure> {
        if self.http.ratelimiter.is_some() {
            return match self.http.request(req).await {
                Ok(resp) => resp.bytes().await.map(|b| b.to_vec()).map_err(|e| Failure::transport(e.to_string())),
                Err(serenity::Error::Http(HttpError::UnsuccessfulRequest(e))) => Err(Failure {
                    status: Some(e.status_code.as_u16()),
                    code: (e.error.code >= 0).then_some(e.error.code as i64),
                    retry_after: None,
                    message: e.error.message,
                }),
                Err(e) => Err(Failure::transport(e.to_string())),
            };
        }
        // Our own bucket keeping stands in for serenity's ratelimiter: wait out a bucket the
        // last answer said was empty, then send and note what this answer says.
        let key = format!("{:?} {:?}", req.method_ref(), req.route_ref().ratelimiting_bucket());
        let mut permit = self.limits.acquire(&key).await;
        let builder = req
            .build(&self.client, self.http.token(), self.http.proxy.as_deref())
            .map_err(|e| Failure::transport(e.to_string()))?;
        let resp = builder.send().await.map_err(|e| Failure::transport(e.to_string()))?;
        let status = resp.status();
        permit.update(BucketState::from_headers(resp.headers(), tokio::time::Instant::now()));
        drop(permit);
        let header_wait = resp
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<f64>().ok());
        let global = resp.headers().contains_key("x-ratelimit-global");
        let body = resp.bytes().await.map_err(|e| Failure::transport(e.to_string()))?.to_vec();
        if status.is_success() {
            return Ok(body);
        }
        let parsed: ErrorBody = serde_json::from_slice(&body).unwrap_or_default();
        if global {
            let wait = parsed.retry_after.or(header_wait).unwrap_or(1.0).clamp(0.0, retry::MAX_WAIT.as_secs_f64());
            self.limits.block_globally(std::time::Duration::from_secs_f64(wait)).await;
        }
        let mut message = parsed.message.unwrap_or_else(|| status.to_string());
        if let Some(detail) = parsed.errors.as_ref().and_then(first_field_error) {
            message = format!("{message}: {detail}");
        }
        Err(Failure {
            status: Some(status.as_u16()),
            code: parsed.code,
            retry_after: parsed.retry_after.or(header_wait),
            message,
        })
    }

    async fn send_to(&self, channel: u64, message: &OutMessage, key: Option<&str>) -> Result<MessageId, ChatError> {
        let builder = message_builder(message, key);
        let payload = serde_json::to_string(&builder).map_err(|e| ChatError::Refused(e.to_string()))?;
        let files = attachments(message);
        let channel_id = serenity::all::ChannelId::new(channel);
        let body = self
            .call("post", || {
                let req = Request::new(Route::ChannelMessages { channel_id }, LightMethod::Post);
                if files.is_empty() {
                    req.body(Some(payload.clone().into_bytes()))
                } else {
                    req.multipart(Some(Multipart {
                        upload: MultipartUpload::Attachments(files.clone()),
                        fields: vec![],
                        payload_json: Some(payload.clone()),
                    }))
                }
            })
            .await?;
        Ok(MessageId(created_id(&body)?))
    }

    /// The newest channel of the guild that matches what a failed create asked for: its name,
    /// type and category (for a category: one still empty, as a just-made one is).
    async fn find_created(&self, expected: &Expected) -> Result<Option<Vec<u8>>, ChatError> {
        // Boxed: `call` may come back here (through `call_creating`), a recursive future.
        let channels = Box::pin(self.list_channels(expected.guild)).await?;
        Ok(find_expected(&channels, expected).map(|c| c.to_string().into_bytes()))
    }

    /// `GET /guilds/{guild}/channels`, as JSON values.
    async fn list_channels(&self, guild: u64) -> Result<Vec<serde_json::Value>, ChatError> {
        let guild_id = serenity::all::GuildId::new(guild);
        let list = || Request::new(Route::GuildChannels { guild_id }, LightMethod::Get);
        let body = self.call("list channels", list).await?;
        serde_json::from_slice(&body)
            .map_err(|e| ChatError::Unavailable(format!("unexpected channel list from Discord: {e}")))
    }

    /// Remembers the overwrites samrad gave a room (or changed), so archiving needs no read.
    fn remember(&self, channel: u64, change: impl FnOnce(&mut Vec<PermissionOverwrite>)) {
        let mut known = self.overwrites.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(list) = known.get_mut(&channel) {
            change(list);
        }
    }

    fn in_voice(&self, guild: GuildId, user: UserId) -> Option<u64> {
        let cache = self.cache.as_ref()?;
        let g = cache.guild(guild.0)?;
        g.voice_states.get(&serenity::all::UserId::new(user.0)).and_then(|v| v.channel_id).map(|c| c.get())
    }
}

/// What a channel create asked for, to recognise the channel if the create's answer was lost.
struct Expected {
    guild: u64,
    name: String,
    kind: ChannelType,
    parent: Option<u64>,
}

fn find_expected<'c>(channels: &'c [serde_json::Value], expected: &Expected) -> Option<&'c serde_json::Value> {
    let id = |c: &serde_json::Value| c["id"].as_str().and_then(|i| i.parse::<u64>().ok());
    let parent = |c: &serde_json::Value| c["parent_id"].as_str().and_then(|i| i.parse::<u64>().ok());
    let kind = u64::from(u8::from(expected.kind));
    channels
        .iter()
        .filter(|c| c["name"] == expected.name.as_str() && c["type"] == kind && parent(c) == expected.parent)
        .filter(|c| expected.kind != ChannelType::Category || !channels.iter().any(|child| parent(child) == id(c)))
        .max_by_key(|c| id(c))
}

fn created_id(body: &[u8]) -> Result<u64, ChatError> {
    serde_json::from_slice::<Created>(body)
        .map(|c| c.id.get())
        .map_err(|e| ChatError::Unavailable(format!("unexpected response from Discord: {e}")))
}

/// A stable nonce (Discord allows at most 25 characters) for a post key: FNV-1a, so the same
/// key gives the same nonce after a restart.
pub fn nonce_for(key: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("s{hash:016x}")
}

/// The message body: text cut to Discord's limit, buttons in rows of five, mentions limited
/// to the named users (never @everyone or roles), and the key as an enforced nonce.
pub fn message_builder(message: &OutMessage, key: Option<&str>) -> CreateMessage {
    let mut builder = CreateMessage::new()
        .content(cut(&message.text, MESSAGE_LIMIT))
        .allowed_mentions(CreateAllowedMentions::new().users(message.mentions.iter().map(|u| u.0)));
    let rows = button_rows(&message.buttons);
    if !rows.is_empty() {
        builder = builder.components(rows);
    }
    if !message.attachments.is_empty() {
        builder = builder.add_files(attachments(message));
    }
    if let Some(key) = key {
        builder = builder.nonce(Nonce::String(nonce_for(key))).enforce_nonce(true);
    }
    builder
}

pub fn button_rows(buttons: &[crate::app::ports::Button]) -> Vec<CreateActionRow> {
    buttons
        .chunks(BUTTONS_PER_ROW)
        .take(ROWS_PER_MESSAGE)
        .map(|chunk| {
            CreateActionRow::Buttons(
                chunk
                    .iter()
                    .map(|b| {
                        CreateButton::new(super::ids::CustomId::from(&b.action).encode())
                            .label(cut(&b.label, 80))
                            .style(if b.primary { ButtonStyle::Primary } else { ButtonStyle::Secondary })
                    })
                    .collect(),
            )
        })
        .collect()
}

fn attachments(message: &OutMessage) -> Vec<CreateAttachment> {
    message.attachments.iter().map(|a| CreateAttachment::bytes(a.bytes.clone(), a.name.clone())).collect()
}

/// At most `limit` characters, with "…" when cut.
pub fn cut(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(limit.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn json(value: &impl serde::Serialize) -> Result<Vec<u8>, ChatError> {
    serde_json::to_vec(value).map_err(|e| ChatError::Refused(e.to_string()))
}

#[async_trait]
impl Chat for DiscordChat {
    async fn post(&self, channel: ChannelId, message: OutMessage, key: Option<&str>) -> Result<MessageId, ChatError> {
        self.send_to(channel.0, &message, key).await
    }

    async fn dm(&self, user: UserId, message: OutMessage, key: Option<&str>) -> Result<MessageId, ChatError> {
        let body = json(&serde_json::json!({ "recipient_id": user.0.to_string() }))?;
        let created = self
            .call("dm channel", || Request::new(Route::UserMeDmChannels, LightMethod::Post).body(Some(body.clone())))
            .await?;
        let channel = created_id(&created)?;
        self.send_to(channel, &message, key).await
    }

    async fn create_category(&self, guild: GuildId, name: &str) -> Result<ChannelId, ChatError> {
        let name = cut(name, 100);
        let body = json(&CreateChannel::new(name.clone()).kind(ChannelType::Category))?;
        let guild_id = serenity::all::GuildId::new(guild.0);
        let expected = Expected { guild: guild.0, name, kind: ChannelType::Category, parent: None };
        let make = || Request::new(Route::GuildChannels { guild_id }, LightMethod::Post).body(Some(body.clone()));
        let created = self.call_creating("create category", make, Some(&expected)).await?;
        Ok(ChannelId(created_id(&created)?))
    }

    async fn channel_count(&self, guild: GuildId) -> Result<usize, ChatError> {
        Ok(self.list_channels(guild.0).await?.len())
    }

    async fn channels(&self, guild: GuildId) -> Result<Vec<GuildChannel>, ChatError> {
        let number = |v: &serde_json::Value| v.as_str().and_then(|i| i.parse::<u64>().ok());
        let category = u64::from(u8::from(ChannelType::Category));
        Ok(self
            .list_channels(guild.0)
            .await?
            .iter()
            .filter_map(|c| {
                Some(GuildChannel {
                    id: ChannelId(number(&c["id"])?),
                    name: c["name"].as_str().unwrap_or_default().to_owned(),
                    category: c["type"] == category,
                    parent: number(&c["parent_id"]).map(ChannelId),
                })
            })
            .collect())
    }

    async fn create_room(&self, spec: &RoomSpec) -> Result<ChannelId, ChatError> {
        let kind = match spec.kind {
            RoomKind::Text => ChannelType::Text,
            RoomKind::Voice => ChannelType::Voice,
        };
        let name = cut(&spec.name, 100);
        let overwrites = perms::room_overwrites(spec);
        let mut builder = CreateChannel::new(name.clone()).kind(kind).permissions(overwrites.clone());
        if let Some(category) = spec.category {
            builder = builder.category(serenity::all::ChannelId::new(category.0));
        }
        let body = json(&builder)?;
        let guild_id = serenity::all::GuildId::new(spec.guild.0);
        // A room's name is unique within its round's category: that is the marker a lost
        // answer is reconciled by.
        let expected = Expected { guild: spec.guild.0, name, kind, parent: spec.category.map(|c| c.0) };
        let make = || Request::new(Route::GuildChannels { guild_id }, LightMethod::Post).body(Some(body.clone()));
        let created = created_id(&self.call_creating("create room", make, Some(&expected)).await?)?;
        self.overwrites.lock().unwrap_or_else(|p| p.into_inner()).insert(created, overwrites);
        Ok(ChannelId(created))
    }

    async fn archive_room(&self, channel: ChannelId) -> Result<(), ChatError> {
        let channel_id = serenity::all::ChannelId::new(channel.0);
        // The overwrites samrad set itself; read from Discord only for a room made before a restart.
        let known = self.overwrites.lock().unwrap_or_else(|p| p.into_inner()).get(&channel.0).cloned();
        let current = match known {
            Some(overwrites) => overwrites,
            None => {
                let read =
                    self.call("read room", || Request::new(Route::Channel { channel_id }, LightMethod::Get)).await?;
                serde_json::from_slice::<ChannelOverwrites>(&read)
                    .map_err(|e| ChatError::Unavailable(format!("unexpected channel from Discord: {e}")))?
                    .permission_overwrites
            }
        };
        let body = json(&EditChannel::new().permissions(perms::archived(current)))?;
        self.call("archive room", || {
            Request::new(Route::Channel { channel_id }, LightMethod::Patch).body(Some(body.clone()))
        })
        .await?;
        self.overwrites.lock().unwrap_or_else(|p| p.into_inner()).remove(&channel.0);
        Ok(())
    }

    async fn delete_channel(&self, channel: ChannelId) -> Result<(), ChatError> {
        let channel_id = serenity::all::ChannelId::new(channel.0);
        self.overwrites.lock().unwrap_or_else(|p| p.into_inner()).remove(&channel.0);
        match self.call("delete channel", || Request::new(Route::Channel { channel_id }, LightMethod::Delete)).await {
            Ok(_) | Err(ChatError::NotFound(_)) => Ok(()),
            Err(e) => Err(e),
        }
    }

    async fn move_to_voice(&self, guild: GuildId, user: UserId, channel: ChannelId) -> Result<bool, ChatError> {
        if self.in_voice(guild, user).is_none() {
            return Ok(false);
        }
        let body = json(&serde_json::json!({ "channel_id": channel.0.to_string() }))?;
        let (guild_id, user_id) = (serenity::all::GuildId::new(guild.0), serenity::all::UserId::new(user.0));
        let result = self
            .call("move to voice", || {
                Request::new(Route::GuildMember { guild_id, user_id }, LightMethod::Patch).body(Some(body.clone()))
            })
            .await;
        match result {
            Ok(_) => Ok(true),
            // Left voice between the cache update and the call.
            Err(ChatError::Refused(detail)) if detail.contains(&format!("code {}", retry::NOT_IN_VOICE)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    async fn voice_members(&self, guild: GuildId, channel: ChannelId) -> Result<Vec<UserId>, ChatError> {
        let Some(cache) = &self.cache else { return Ok(Vec::new()) };
        let Some(g) = cache.guild(guild.0) else { return Err(ChatError::NotFound(format!("guild {guild}"))) };
        let mut users: Vec<UserId> = g
            .voice_states
            .values()
            .filter(|v| v.channel_id.is_some_and(|c| c.get() == channel.0))
            .map(|v| UserId(v.user_id.get()))
            .collect();
        users.sort();
        Ok(users)
    }

    async fn grant_room(&self, channel: ChannelId, user: UserId, allow: bool) -> Result<(), ChatError> {
        let channel_id = serenity::all::ChannelId::new(channel.0);
        let target_id = TargetId::new(user.0);
        if !allow {
            let result = self
                .call("revoke room", || {
                    Request::new(Route::ChannelPermission { channel_id, target_id }, LightMethod::Delete)
                })
                .await;
            let member = PermissionOverwriteType::Member(serenity::all::UserId::new(user.0));
            self.remember(channel.0, |list| list.retain(|o| o.kind != member));
            return match result {
                Ok(_) | Err(ChatError::NotFound(_)) => Ok(()),
                Err(e) => Err(e),
            };
        }
        let body = json(&serde_json::json!({
            "type": 1,
            "allow": perms::room_access().bits().to_string(),
            "deny": "0",
        }))?;
        self.call("grant room", || {
            Request::new(Route::ChannelPermission { channel_id, target_id }, LightMethod::Put).body(Some(body.clone()))
        })
        .await?;
        let access = perms::member_access(user.0);
        self.remember(channel.0, |list| {
            list.retain(|o| o.kind != access.kind);
            list.push(access);
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::ports::Attachment;

    #[test]
    fn nonces_are_short_stable_and_differ_per_key() {
        let a = nonce_for("meeting 1 open-post");
        assert_eq!(a, nonce_for("meeting 1 open-post"));
        assert_ne!(a, nonce_for("meeting 2 open-post"));
        assert!(a.len() <= 25);
    }

    #[test]
    fn a_keyed_post_enforces_its_nonce_and_only_pings_the_named_members() {
        let msg = OutMessage { mentions: vec![UserId(42)], ..OutMessage::text("hei <@42> @everyone") };
        let v = serde_json::to_value(message_builder(&msg, Some("k"))).unwrap();
        assert_eq!(v["nonce"], nonce_for("k"));
        assert_eq!(v["enforce_nonce"], true);
        assert_eq!(v["allowed_mentions"]["users"], serde_json::json!(["42"]));
        assert!(v["allowed_mentions"]["parse"].as_array().is_none_or(|p| p.is_empty()));
        let v = serde_json::to_value(message_builder(&msg, None)).unwrap();
        assert!(v.get("nonce").is_none_or(|n| n.is_null()));
    }

    #[test]
    fn buttons_go_in_rows_of_five() {
        let mut msg = OutMessage::text("x");
        for i in 0..7 {
            msg = msg.with_button(crate::app::ports::Action::Choose { round: 1, room: i }, format!("B{i}"));
        }
        let v = serde_json::to_value(message_builder(&msg, None)).unwrap();
        let rows = v["components"].as_array().unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["components"].as_array().unwrap().len(), 5);
        assert_eq!(rows[1]["components"][1]["custom_id"], "samrad:choose:1:6", "the action, spelled by ids.rs");
        assert_eq!(rows[0]["components"][0]["style"], 1);
    }

    #[test]
    fn long_text_is_cut_to_discords_limit_and_files_are_listed() {
        let msg = OutMessage {
            attachments: vec![Attachment { name: "chart.png".into(), bytes: vec![1, 2, 3] }],
            ..OutMessage::text("a".repeat(3000))
        };
        let v = serde_json::to_value(message_builder(&msg, None)).unwrap();
        assert_eq!(v["content"].as_str().unwrap().chars().count(), MESSAGE_LIMIT);
        assert_eq!(v["attachments"][0]["filename"], "chart.png");
    }
}

/// The retry loop on the wire: a loopback server that answers 429, then 500, then 200.
#[cfg(test)]
mod wire_tests {
    use std::sync::{Arc, Mutex};

    use axum::extract::State;
    use axum::http::StatusCode;
    use axum::routing::post;
    use axum::{Json, Router};
    use serenity::all::HttpBuilder;

    use super::*;

    type Seen = Arc<Mutex<Vec<serde_json::Value>>>;
    type Replies = Arc<Mutex<std::vec::IntoIter<(u16, serde_json::Value)>>>;

    async fn serve(replies: Vec<(u16, serde_json::Value)>) -> (String, Seen) {
        let seen: Seen = Arc::default();
        let replies = Arc::new(Mutex::new(replies.into_iter()));
        let app = Router::new()
            .route(
                "/api/v10/channels/{id}/messages",
                post(
                    |State((seen, replies)): State<(Seen, Replies)>, Json(body): Json<serde_json::Value>| async move {
                        seen.lock().unwrap().push(body);
                        let (status, reply) = replies.lock().unwrap().next().unwrap_or((500, serde_json::json!({})));
                        (StatusCode::from_u16(status).unwrap(), Json(reply))
                    },
                ),
            )
            .with_state((seen.clone(), replies));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        (format!("http://{addr}"), seen)
    }

    fn chat(base: &str) -> DiscordChat {
        let http = HttpBuilder::new("Bot test-token").proxy(base).ratelimiter_disabled(true).build();
        DiscordChat::new(Arc::new(http), None)
    }

    #[tokio::test]
    async fn a_keyed_post_survives_429_and_500_with_one_nonce() {
        let (base, seen) = serve(vec![
            (429, serde_json::json!({"message": "You are being rate limited.", "retry_after": 0.05, "global": false})),
            (502, serde_json::json!({"message": "bad gateway", "code": 0})),
            (200, serde_json::json!({"id": "123"})),
        ])
        .await;
        let id = chat(&base).post(ChannelId(7), OutMessage::text("hei"), Some("meeting 1 open")).await.unwrap();
        assert_eq!(id, MessageId(123));
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 3);
        assert!(seen.iter().all(|b| b["nonce"] == nonce_for("meeting 1 open") && b["enforce_nonce"] == true));
    }

    #[tokio::test]
    async fn a_forbidden_post_is_refused_without_retrying() {
        let (base, seen) = serve(vec![(403, serde_json::json!({"message": "Missing Access", "code": 50001}))]).await;
        let err = chat(&base).post(ChannelId(7), OutMessage::text("hei"), None).await.unwrap_err();
        assert!(matches!(err, ChatError::Refused(_)), "{err:?}");
        assert_eq!(seen.lock().unwrap().len(), 1);
    }

    #[tokio::test]
    async fn persistent_server_errors_end_as_unavailable_after_three_retries() {
        let (base, seen) = serve(vec![]).await;
        let err = chat(&base).post(ChannelId(7), OutMessage::text("hei"), Some("k")).await.unwrap_err();
        assert!(matches!(err, ChatError::Unavailable(_)), "{err:?}");
        assert_eq!(seen.lock().unwrap().len(), 4);
    }
}
