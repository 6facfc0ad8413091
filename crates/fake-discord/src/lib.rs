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
//!
//! The [`FakeDiscord`] handle's methods live by concept: `server` (builder, start, routes),
//! `world` (changing guilds, voice, interactions, files), `control` (faults, rate limits,
//! the gateway connection), `wait` (waiting for the bot), `recorded` (REST calls made) and
//! `views` (reading the world).

mod control;
mod fault;
pub mod fixtures;
mod gateway;
mod handlers;
mod limits;
mod recorded;
mod rest;
mod server;
mod state;
pub mod validate;
mod views;
mod wait;
mod world;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::Notify;

pub use fault::Fault;
pub use fixtures::{
    perms, ChannelFixture, ChannelKind, CommandOption, GuildFixture, InteractionContext, InteractionFixture,
    MemberFixture, Overwrite, RoleFixture, UserFixture, VoiceStateFixture,
};
pub use limits::{BucketRule, RateLimits};
pub use server::FakeDiscordBuilder;
pub use state::{FileFixture, GatewayFrame, RecordedAttachment, RecordedRequest};
use state::{Outgoing, State};
pub use validate::Validators;
pub use wait::WaitTimeout;
pub use world::SentInteraction;

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
}
