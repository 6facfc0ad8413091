//! Starting the fake: the [`FakeDiscordBuilder`] and its options, the listener on loopback,
//! and the routes (gateway websocket, attachment downloads, everything else to `rest`).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Path, Request, State as AxState, WebSocketUpgrade};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::sync::Notify;

use crate::fixtures::UserFixture;
use crate::state::State;
use crate::{gateway, limits, rest, FakeDiscord, Inner, RateLimits, Validators, DEFAULT_APPLICATION_ID};

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
}
