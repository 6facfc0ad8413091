//! A fake Discord on loopback: REST routes under `/api/v10` and a gateway websocket, recording
//! every call, validating request bodies against Discord v10 schemas, with fault injection and, as an option,
//! Discord's rate limits ([`RateLimits`]).
//!
//! ```no_run
//! # async fn demo() {
//! use std::time::Duration;
//! use fake_discord::{FakeDiscord, GuildFixture, ChannelFixture};
//! let fake = FakeDiscord::start().await;
//! fake.add_guild(GuildFixture::new(10).channel(ChannelFixture::text(11, "plenary")));
//! // serenity: HttpBuilder::new(token).proxy(fake.base_url()).ratelimiter_disabled(true)
//! fake.wait_ready(Duration::from_secs(10)).await.expect("bot identified");
//! # }
//! ```

mod fault;
pub mod fixtures;
mod gateway;
mod handlers;
mod limits;
mod rest;
mod state;
pub mod validate;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::extract::{Path, Request, State as AxState, WebSocketUpgrade};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::Value;
use tokio::sync::Notify;

pub use fault::Fault;
pub use fixtures::{
    perms, ChannelFixture, ChannelKind, CommandOption, GuildFixture, InteractionContext, InteractionFixture,
    MemberFixture, Overwrite, RoleFixture, UserFixture, VoiceStateFixture,
};
pub use limits::{BucketRule, RateLimits};
pub use state::{FileFixture, GatewayFrame, RecordedAttachment, RecordedRequest};
use state::{InteractionRecord, Outgoing, State};
pub use validate::Validators;

/// Default application id (also the bot user's id unless set otherwise).
pub const DEFAULT_APPLICATION_ID: u64 = 900_000_000_000_000_001;

pub(crate) struct Inner {
    state: Mutex<State>,
    pub(crate) notify: Notify,
    addr: SocketAddr,
    pub(crate) validators: &'static Validators,
    pub(crate) owner: UserFixture,
    pub(crate) heartbeat_interval_ms: u64,
}

impl Inner {
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn ws_url(&self) -> String {
        format!("ws://{}/ws", self.addr)
    }
}

/// A wait ran out of time; says what it waited for.
#[derive(Debug, Clone)]
pub struct WaitTimeout(pub String);

impl std::fmt::Display for WaitTimeout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "fake-discord: timed out waiting for {}", self.0)
    }
}

impl std::error::Error for WaitTimeout {}

/// An interaction the fake sent: what the bot must answer to.
#[derive(Clone, Debug)]
pub struct SentInteraction {
    pub id: u64,
    pub token: String,
    /// Gateway sequence number of the INTERACTION_CREATE.
    pub seq: u64,
    /// When the INTERACTION_CREATE was queued on the gateway; with the callback's
    /// [`RecordedRequest::received_at`] it gives the bot's answer time (loopback included).
    pub sent_at: Instant,
}

/// Configures a [`FakeDiscord`] before it starts.
pub struct FakeDiscordBuilder {
    application_id: u64,
    bot: UserFixture,
    owner: UserFixture,
    heartbeat_interval: Duration,
    shards: u32,
    rate_limits: Option<RateLimits>,
}

impl FakeDiscordBuilder {
    /// The shard count `GET /gateway/bot` recommends (default 1).
    pub fn recommended_shards(mut self, shards: u32) -> Self {
        self.shards = shards.max(1);
        self
    }

    pub fn application_id(mut self, id: u64) -> Self {
        self.application_id = id;
        self
    }

    pub fn bot_user(mut self, bot: UserFixture) -> Self {
        self.bot = bot;
        self
    }

    /// The application owner (`GET /oauth2/applications/@me`), poise's default owner.
    pub fn owner(mut self, owner: UserFixture) -> Self {
        self.owner = owner;
        self
    }

    /// HELLO's heartbeat interval (default 5 s; Discord sends ~41 s).
    pub fn heartbeat_interval(mut self, interval: Duration) -> Self {
        self.heartbeat_interval = interval;
        self
    }

    /// Enforce Discord's rate limits (off by default): e.g. [`RateLimits::discord`].
    pub fn rate_limits(mut self, limits: RateLimits) -> Self {
        self.rate_limits = Some(limits);
        self
    }

    /// Binds `127.0.0.1:0` and serves until the [`FakeDiscord`] is dropped.
    pub async fn start(self) -> FakeDiscord {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        let inner = Arc::new(Inner {
            state: Mutex::new({
                let mut state = State::new(self.application_id, self.bot);
                state.recommended_shards = self.shards;
                state.limiter = self.rate_limits.map(limits::Limiter::new);
                state
            }),
            notify: Notify::new(),
            addr,
            validators: Validators::shared(),
            owner: self.owner,
            heartbeat_interval_ms: self.heartbeat_interval.as_millis() as u64,
        });
        let app = Router::new()
            .route("/ws", get(ws_upgrade))
            .route("/attachments/{id}/{filename}", get(serve_file))
            .fallback(rest_fallback)
            .with_state(inner.clone());
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeDiscord { inner, server }
    }
}

async fn ws_upgrade(AxState(inner): AxState<Arc<Inner>>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| gateway::serve(inner, socket))
}

/// Discord's CDN for attachments, on loopback: the bytes of a file added with `add_file`.
async fn serve_file(AxState(inner): AxState<Arc<Inner>>, Path((id, filename)): Path<(u64, String)>) -> Response {
    let mut s = inner.lock();
    let Some((file, bytes)) = s.files.get(&id).filter(|(f, _)| f.filename == filename).cloned() else {
        return (StatusCode::NOT_FOUND, "404: Not Found").into_response();
    };
    *s.file_downloads.entry(id).or_default() += 1;
    drop(s);
    inner.notify.notify_waiters();
    let content_type = file.content_type.unwrap_or_else(|| "application/octet-stream".into());
    ([(header::CONTENT_TYPE, content_type)], bytes).into_response()
}

async fn rest_fallback(AxState(inner): AxState<Arc<Inner>>, req: Request) -> Response {
    rest::handle(inner, req).await
}

/// The fake Discord server. Dropping it stops the server.
pub struct FakeDiscord {
    inner: Arc<Inner>,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        self.server.abort();
        for conn in self.inner.lock().take_connections() {
            let _ = conn.tx.send(Outgoing::Close(1001, "fake-discord stopped"));
        }
    }
}

impl FakeDiscord {
    /// Starts with defaults: application and bot user id [`DEFAULT_APPLICATION_ID`].
    pub async fn start() -> Self {
        Self::builder().start().await
    }

    pub fn builder() -> FakeDiscordBuilder {
        FakeDiscordBuilder {
            application_id: DEFAULT_APPLICATION_ID,
            bot: UserFixture::bot(DEFAULT_APPLICATION_ID, "samrad"),
            owner: UserFixture::new(1, "owner"),
            heartbeat_interval: Duration::from_secs(5),
            shards: 1,
            rate_limits: None,
        }
    }

    // ---- addresses -------------------------------------------------------------------------

    /// `http://127.0.0.1:PORT`: give this to serenity's `HttpBuilder::proxy`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.inner.addr)
    }

    /// `http://127.0.0.1:PORT/api/v10`.
    pub fn api_url(&self) -> String {
        format!("{}/api/v10", self.base_url())
    }

    /// `ws://127.0.0.1:PORT/ws`, as returned by `GET /gateway`.
    pub fn gateway_url(&self) -> String {
        self.inner.ws_url()
    }

    pub fn application_id(&self) -> u64 {
        self.inner.lock().application_id
    }

    pub fn bot_user_id(&self) -> u64 {
        self.inner.lock().bot.id
    }

    // ---- world -----------------------------------------------------------------------------

    /// Adds a guild. If the bot is connected, it gets a GUILD_CREATE (as when joining).
    pub fn add_guild(&self, guild: GuildFixture) {
        let id = guild.id;
        let mut s = self.inner.lock();
        s.add_guild(guild);
        let shard = s.shard_of(id);
        if s.shards.get(&shard).is_some_and(|x| x.connection.is_some()) {
            if let Some(d) = s.guild_create(id) {
                s.dispatch("GUILD_CREATE", d);
            }
        }
        drop(s);
        self.inner.notify.notify_waiters();
    }

    /// A member joins (or moves to) voice channel `channel_id`: VOICE_STATE_UPDATE.
    pub fn join_voice(&self, guild_id: u64, user_id: u64, channel_id: u64) {
        handlers::join_voice(&mut self.inner.lock(), guild_id, user_id, channel_id);
        self.inner.notify.notify_waiters();
    }

    /// Sends any dispatch event (`t`, `d`) on the gateway; returns its sequence number.
    pub fn send_event(&self, event: &str, d: Value) -> u64 {
        let seq = self.inner.lock().dispatch(event, d);
        self.inner.notify.notify_waiters();
        seq
    }

    /// Sends an INTERACTION_CREATE. Component interactions carry the stored message they name
    /// (or a stub authored by the bot). Returns the id and token the bot must answer with.
    pub async fn send_interaction(&self, fixture: InteractionFixture) -> SentInteraction {
        let mut s = self.inner.lock();
        let id = fixture.id.unwrap_or_else(|| s.snowflake());
        let token = fixture.token.clone().unwrap_or_else(|| format!("fake-token-{id}"));
        let message = fixture.message_id().map(|mid| {
            s.find_message(mid).cloned().unwrap_or_else(|| {
                let author = s.bot.to_json();
                let guild = (!fixture.ctx.dm).then_some(fixture.ctx.guild_id);
                fixtures::message_json(mid, fixture.ctx.channel_id, guild, &author, "")
            })
        });
        let mut payload = fixture.to_json(id, &token, s.application_id, message);
        handlers::resolve_options(&s, fixture.ctx.guild_id, &mut payload["data"]);
        s.interactions.insert(
            token.clone(),
            InteractionRecord {
                id,
                channel_id: fixture.ctx.channel_id,
                guild_id: fixture.ctx.guild_id,
                message_id: fixture.message_id(),
                acknowledged: false,
                response_type: None,
                original: None,
            },
        );
        let sent_at = Instant::now();
        let seq = s.dispatch("INTERACTION_CREATE", payload);
        drop(s);
        self.inner.notify.notify_waiters();
        SentInteraction { id, token, seq, sent_at }
    }

    /// A file a user attaches to a command: served at the returned fixture's `url`; pass it to
    /// [`CommandOption::attachment`]. `content_type` is what Discord guessed (may be `None`).
    pub fn add_file(&self, filename: &str, content_type: Option<&str>, bytes: Vec<u8>) -> FileFixture {
        let mut s = self.inner.lock();
        let id = s.snowflake();
        let file = FileFixture {
            id,
            filename: filename.to_owned(),
            content_type: content_type.map(str::to_owned),
            size: bytes.len(),
            url: format!("http://{}/attachments/{id}/{filename}", self.inner.addr),
        };
        s.files.insert(id, (file.clone(), bytes));
        file
    }

    /// How many times the file with this attachment id was downloaded.
    pub fn file_downloads(&self, id: u64) -> u32 {
        self.inner.lock().file_downloads.get(&id).copied().unwrap_or(0)
    }

    // ---- faults and gateway control ---------------------------------------------------------

    /// Queues a fault for matching REST calls.
    pub fn inject(&self, fault: Fault) {
        self.inner.lock().faults.push(fault);
    }

    /// Starts (or, with `None`, stops) enforcing rate limits, with fresh windows.
    pub fn set_rate_limits(&self, limits: Option<RateLimits>) {
        self.inner.lock().limiter = limits.map(limits::Limiter::new);
    }

    /// Faults not yet used up.
    pub fn pending_faults(&self) -> Vec<Fault> {
        self.inner.lock().faults.clone()
    }

    /// Closes every shard's gateway connection with code 4000 (resumable): the bot should RESUME.
    pub async fn drop_gateway(&self) {
        self.close_gateway(4000, "fake-discord: connection dropped").await;
    }

    /// Closes every shard's gateway connection with `code` (e.g. 4009 session timed out).
    pub async fn close_gateway(&self, code: u16, reason: &'static str) {
        let connections = self.inner.lock().take_connections();
        for conn in connections {
            let _ = conn.tx.send(Outgoing::Close(code, reason));
        }
        self.inner.notify.notify_waiters();
    }

    /// Sends op 7 RECONNECT: the bot should reconnect and RESUME.
    pub fn request_reconnect(&self) {
        let frame = serde_json::json!({ "op": 7, "d": null, "s": null, "t": null });
        self.inner.lock().send_frame_all(&frame);
    }

    /// Sends op 9 INVALID_SESSION (`resumable` false: the bot must IDENTIFY again).
    pub fn invalidate_session(&self, resumable: bool) {
        let mut s = self.inner.lock();
        if !resumable {
            s.shards.values_mut().for_each(|x| x.session_id = None);
        }
        let frame = serde_json::json!({ "op": 9, "d": resumable, "s": null, "t": null });
        s.send_frame_all(&frame);
    }

    /// Every shard of the bot's shard count has a live session.
    pub fn is_connected(&self) -> bool {
        self.inner.lock().all_live()
    }

    /// The shards that identified, as `[id, total]`, in order of their IDENTIFYs.
    pub fn identified_shards(&self) -> Vec<[u64; 2]> {
        let s = self.inner.lock();
        let frames = s.gateway_frames.iter().filter(|f| f.op == 2);
        frames.map(|f| [f.d["shard"][0].as_u64().unwrap_or(0), f.d["shard"][1].as_u64().unwrap_or(1)]).collect()
    }

    /// The shard a guild's events go to under the bot's current shard count.
    pub fn shard_of(&self, guild_id: u64) -> u32 {
        self.inner.lock().shard_of(guild_id)
    }

    /// Number of IDENTIFYs answered with READY.
    pub fn identifies(&self) -> u32 {
        self.inner.lock().identifies
    }

    /// Number of successful RESUMEs.
    pub fn resumes(&self) -> u32 {
        self.inner.lock().resumes
    }

    /// Number of websocket connections accepted.
    pub fn connects(&self) -> u32 {
        self.inner.lock().connects
    }

    /// Intents the bot identified with.
    pub fn intents(&self) -> u64 {
        self.inner.lock().intents
    }

    /// Frames the bot sent on the gateway (IDENTIFY, heartbeats, RESUME…).
    pub fn gateway_frames(&self) -> Vec<GatewayFrame> {
        self.inner.lock().gateway_frames.clone()
    }

    // ---- waiting ----------------------------------------------------------------------------

    async fn wait_state<T>(
        &self,
        timeout: Duration,
        what: &str,
        mut check: impl FnMut(&State) -> Option<T>,
    ) -> Result<T, WaitTimeout> {
        let deadline = Instant::now() + timeout;
        loop {
            let notified = self.inner.notify.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if let Some(found) = check(&self.inner.lock()) {
                return Ok(found);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(WaitTimeout(what.to_string()));
            }
            // Wake on any change, and poll now and then in case a change raced the enable.
            let _ = tokio::time::timeout(left.min(Duration::from_millis(100)), notified).await;
        }
    }

    /// Waits until the bot identified and got READY and every GUILD_CREATE, on every shard.
    pub async fn wait_ready(&self, timeout: Duration) -> Result<(), WaitTimeout> {
        self.wait_state(timeout, "READY (bot IDENTIFY)", |s| s.all_live().then_some(())).await
    }

    /// Waits until the bot has RESUMEd more than `after` times (pass `fake.resumes()` taken
    /// before the disconnect).
    pub async fn wait_resumed(&self, after: u32, timeout: Duration) -> Result<(), WaitTimeout> {
        self.wait_state(timeout, "RESUME", |s| (s.resumes > after && s.all_live()).then_some(())).await
    }

    /// Waits for a recorded request (earlier ones count) matching `pred`; returns the first.
    pub async fn wait_for(
        &self,
        pred: impl Fn(&RecordedRequest) -> bool,
        timeout: Duration,
    ) -> Result<RecordedRequest, WaitTimeout> {
        self.wait_state(timeout, "a matching request", |s| s.requests.iter().find(|r| pred(r)).cloned()).await
    }

    /// Waits until `n` recorded requests match `pred`; returns them.
    pub async fn wait_for_n(
        &self,
        n: usize,
        pred: impl Fn(&RecordedRequest) -> bool,
        timeout: Duration,
    ) -> Result<Vec<RecordedRequest>, WaitTimeout> {
        self.wait_state(timeout, &format!("{n} matching requests"), |s| {
            let found: Vec<_> = s.requests.iter().filter(|r| pred(r)).cloned().collect();
            (found.len() >= n).then_some(found)
        })
        .await
    }

    /// Waits for a request on `route` (`"POST /channels/{id}/messages"`, as for faults).
    pub async fn wait_for_route(&self, route: &str, timeout: Duration) -> Result<RecordedRequest, WaitTimeout> {
        let pattern = Fault::server_error(route, 0);
        self.wait_for(move |r| pattern.matches(&r.method, r.route, &r.path), timeout).await
    }

    /// Waits until the interaction with `token` has been answered with a callback.
    pub async fn wait_acknowledged(&self, token: &str, timeout: Duration) -> Result<u64, WaitTimeout> {
        self.wait_state(timeout, "interaction callback", |s| s.interactions.get(token).and_then(|i| i.response_type))
            .await
    }

    /// Waits until `check` holds for the fake (polled on every change).
    pub async fn wait_until(&self, timeout: Duration, check: impl Fn(&FakeDiscord) -> bool) -> Result<(), WaitTimeout> {
        let deadline = Instant::now() + timeout;
        loop {
            let notified = self.inner.notify.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if check(self) {
                return Ok(());
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(WaitTimeout("a condition".into()));
            }
            let _ = tokio::time::timeout(left.min(Duration::from_millis(100)), notified).await;
        }
    }

    // ---- recorded calls ---------------------------------------------------------------------

    /// Every REST call so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.inner.lock().requests.clone()
    }

    /// Calls on `route` (`"METHOD /path"`, `{x}` matches a segment, `*` anything).
    pub fn requests_matching(&self, route: &str) -> Vec<RecordedRequest> {
        let pattern = Fault::server_error(route, 0);
        self.requests().into_iter().filter(|r| pattern.matches(&r.method, r.route, &r.path)).collect()
    }

    /// Calls to routes the fake does not serve (answered 404).
    pub fn unknown_requests(&self) -> Vec<RecordedRequest> {
        self.requests().into_iter().filter(|r| r.route.is_none()).collect()
    }

    /// Calls whose body failed validation.
    pub fn invalid_requests(&self) -> Vec<RecordedRequest> {
        self.requests().into_iter().filter(|r| !r.validation_errors.is_empty()).collect()
    }

    pub fn clear_requests(&self) {
        self.inner.lock().requests.clear();
    }

    /// Panics listing every request whose body broke Discord's schema.
    pub fn assert_all_valid(&self) {
        let invalid = self.invalid_requests();
        if !invalid.is_empty() {
            let list: Vec<String> = invalid
                .iter()
                .map(|r| {
                    format!("{} {}\n    body: {}\n    {}", r.method, r.path, r.body, r.validation_errors.join("\n    "))
                })
                .collect();
            panic!("{} request(s) with invalid bodies:\n{}", invalid.len(), list.join("\n"));
        }
    }

    /// Panics listing every call to a route the fake does not know.
    pub fn assert_no_unknown_routes(&self) {
        let unknown = self.unknown_requests();
        if !unknown.is_empty() {
            let list: Vec<String> = unknown.iter().map(|r| format!("{} {}", r.method, r.path)).collect();
            panic!("{} request(s) to unknown routes:\n{}", unknown.len(), list.join("\n"));
        }
    }

    // ---- state views ------------------------------------------------------------------------

    /// Messages in a channel, oldest first (including ephemeral interaction responses, which
    /// carry flag 64).
    pub fn messages_in(&self, channel_id: u64) -> Vec<Value> {
        self.inner.lock().messages.get(&channel_id).cloned().unwrap_or_default()
    }

    pub fn message(&self, message_id: u64) -> Option<Value> {
        self.inner.lock().find_message(message_id).cloned()
    }

    /// Every channel (guild channels and DMs).
    pub fn channels(&self) -> Vec<Value> {
        self.inner.lock().channels.values().cloned().collect()
    }

    pub fn channel(&self, channel_id: u64) -> Option<Value> {
        self.inner.lock().channels.get(&channel_id).cloned()
    }

    pub fn guild_channels(&self, guild_id: u64) -> Vec<Value> {
        self.inner.lock().guild_channels(guild_id)
    }

    /// Channels named `name` (any guild).
    pub fn channels_named(&self, name: &str) -> Vec<Value> {
        self.channels().into_iter().filter(|c| c["name"] == name).collect()
    }

    /// Messages sent to `user_id` by DM, oldest first.
    pub fn dms(&self, user_id: u64) -> Vec<Value> {
        let s = self.inner.lock();
        let uid = user_id.to_string();
        s.channels
            .iter()
            .filter(|(_, c)| c["type"] == 1 && c["recipients"][0]["id"] == uid.as_str())
            .flat_map(|(id, _)| s.messages.get(id).cloned().unwrap_or_default())
            .collect()
    }

    /// The member object as the fake holds it now.
    pub fn member(&self, guild_id: u64, user_id: u64) -> Option<Value> {
        self.inner.lock().guilds.get(&guild_id)?.members.get(&user_id).map(MemberFixture::to_json)
    }

    /// The voice channel a member is in.
    pub fn voice_channel_of(&self, guild_id: u64, user_id: u64) -> Option<u64> {
        self.inner.lock().guilds.get(&guild_id)?.voice.get(&user_id)?.channel_id
    }

    /// Global commands as last registered.
    pub fn commands(&self) -> Vec<Value> {
        self.inner.lock().global_commands.clone()
    }

    pub fn guild_commands(&self, guild_id: u64) -> Vec<Value> {
        self.inner.lock().guild_commands.get(&guild_id).cloned().unwrap_or_default()
    }

    /// The callback type the interaction was answered with (4, 5, 6, 7, 8, 9…), if any.
    pub fn interaction_response_type(&self, token: &str) -> Option<u64> {
        self.inner.lock().interactions.get(token)?.response_type
    }

    /// The original response message of an interaction (type 4/5, or the message a type 6/7
    /// response updated).
    pub fn original_response(&self, token: &str) -> Option<Value> {
        let s = self.inner.lock();
        let original = s.interactions.get(token)?.original?;
        s.find_message(original).cloned()
    }

    /// The guild a channel belongs to.
    pub fn guild_of_channel(&self, channel_id: u64) -> Option<u64> {
        self.inner.lock().guild_of_channel(channel_id)
    }

    /// Ids of the interactions sent so far, by token.
    pub fn interaction_guild(&self, token: &str) -> Option<u64> {
        self.inner.lock().interactions.get(token).map(|i| i.guild_id)
    }
}
