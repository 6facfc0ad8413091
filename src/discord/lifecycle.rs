//! The bot as a service: every gateway event passes through `Tracked` on its way to poise,
//! which counts interactions (`samrad_interactions_total`, handling time), keeps track of the
//! ones in flight and, once shutdown begins, takes no new ones; `GatewayWatch` tells the health
//! check when shards connect and disconnect.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use async_trait::async_trait;
use serenity::all::{
    Client, CommandDataOptionValue, ConnectionStage, Context, EventHandler, FullEvent, Interaction, Ready,
    ResumedEvent, ShardStageUpdateEvent,
};
use serenity::framework::Framework;
use tokio::sync::Notify;
use tracing::info;

use crate::ops::{health, metrics};

tokio::task_local! {
    /// The outcome of the interaction being handled on this task; error handlers set it.
    static OUTCOME: Cell<&'static str>;
}

/// Marks the interaction handled on this task as failed (for `samrad_interactions_total`).
pub fn failed() {
    let _ = OUTCOME.try_with(|o| o.set("error"));
}

/// Interactions in flight, and whether new ones are still taken.
#[derive(Default)]
pub struct Lifecycle {
    draining: AtomicBool,
    in_flight: AtomicUsize,
    idle: Notify,
}

struct InFlight<'a>(&'a Lifecycle);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        if self.0.in_flight.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

impl Lifecycle {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// From now on interactions are not taken (Discord shows the member that it failed; a
    /// restarted process answers the next one).
    pub fn drain(&self) {
        self.draining.store(true, Ordering::SeqCst);
    }

    /// Waits until no interaction is in flight, at most `limit`; false when some still are.
    pub async fn wait_idle(&self, limit: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            let idle = self.idle.notified();
            if self.in_flight.load(Ordering::SeqCst) == 0 {
                return true;
            }
            if tokio::time::timeout_at(deadline, idle).await.is_err() {
                return self.in_flight.load(Ordering::SeqCst) == 0;
            }
        }
    }

    fn enter(&self) -> InFlight<'_> {
        self.in_flight.fetch_add(1, Ordering::SeqCst);
        InFlight(self)
    }
}

/// poise's framework, with interactions counted, tracked and refused while draining.
pub struct Tracked<F> {
    inner: F,
    life: Arc<Lifecycle>,
}

impl<F> Tracked<F> {
    pub fn new(inner: F, life: Arc<Lifecycle>) -> Self {
        Self { inner, life }
    }
}

/// The metrics label of an interaction: the slash command with its subcommands, or its kind.
fn label(interaction: &Interaction) -> String {
    match interaction {
        Interaction::Command(c) | Interaction::Autocomplete(c) => {
            let mut name = c.data.name.clone();
            let mut options = &c.data.options;
            while let Some(sub) = options.first() {
                match &sub.value {
                    CommandDataOptionValue::SubCommand(inner) | CommandDataOptionValue::SubCommandGroup(inner) => {
                        name.push(' ');
                        name.push_str(&sub.name);
                        options = inner;
                    }
                    _ => break,
                }
            }
            if matches!(interaction, Interaction::Autocomplete(_)) {
                name.push_str(" (autocomplete)");
            }
            name
        }
        Interaction::Component(_) => "component".into(),
        Interaction::Modal(_) => "modal".into(),
        _ => "other".into(),
    }
}

#[async_trait]
impl<F: Framework> Framework for Tracked<F> {
    async fn init(&mut self, client: &Client) {
        self.inner.init(client).await;
    }

    async fn dispatch(&self, ctx: Context, event: FullEvent) {
        let FullEvent::InteractionCreate { interaction } = &event else {
            return self.inner.dispatch(ctx, event).await;
        };
        let command = label(interaction);
        if self.life.draining.load(Ordering::SeqCst) {
            info!(%command, "shutting down: interaction not taken");
            metrics::interaction(command, "refused", Duration::ZERO);
            return;
        }
        let _in_flight = self.life.enter();
        let started = Instant::now();
        let outcome = OUTCOME
            .scope(Cell::new("ok"), async {
                self.inner.dispatch(ctx, event).await;
                OUTCOME.with(Cell::get)
            })
            .await;
        metrics::interaction(command, outcome, started.elapsed());
    }
}

/// Reports gateway sessions to the health check.
pub struct GatewayWatch;

#[async_trait]
impl EventHandler for GatewayWatch {
    async fn ready(&self, ctx: Context, _: Ready) {
        health::shard_connected(ctx.shard_id.0);
    }

    async fn resume(&self, ctx: Context, _: ResumedEvent) {
        health::shard_connected(ctx.shard_id.0);
    }

    async fn shard_stage_update(&self, _: Context, event: ShardStageUpdateEvent) {
        if event.new != ConnectionStage::Connected {
            health::shard_disconnected(event.shard_id.0);
        }
    }
}
