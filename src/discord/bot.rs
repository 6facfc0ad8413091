//! Starting and stopping the bot: serenity client, poise framework, the scheduler task.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serenity::all::{ClientBuilder, GatewayIntents, HttpBuilder};
use tokio::sync::watch;
use tracing::{info, info_span, warn, Instrument};

use super::ShardPlan;
use super::{commands, components, errors, lifecycle, DiscordChat};
use crate::app::ports::{Clock, Kits, Store, StoreError};
use crate::app::summarise::Summariser;
use crate::domain::privacy::AuthorSecret;

pub struct BotSettings {
    pub token: SecretString,
    /// Another Discord-compatible server (`http://127.0.0.1:PORT`); serenity's ratelimiter is
    /// then off, since it would ignore the proxy (serenity #1739).
    pub api_base: Option<String>,
    /// The store `main` opened (the bot never opens one itself).
    pub store: Arc<dyn Store>,
    /// Room and digest summaries (`summarise::from_config`: offline, or an LLM).
    pub summariser: Arc<dyn Summariser>,
    /// The kits each guild can load (`app::kit_library::KitLibrary`: its uploads over the
    /// shipped kits).
    pub kits: Arc<dyn Kits>,
    /// How often the scheduler looks for due work (it also runs once at start: catch-up).
    pub tick_every: Duration,
    /// What time it is (`SystemClock`; tests pass a `ManualClock` to make schedules due).
    pub clock: Arc<dyn Clock>,
    /// The gateway shards this process runs (`None`: one process, one shard).
    pub shards: Option<ShardPlan>,
    /// The key of anonymous answers' author keys (`secret::author_secret`).
    pub secret: AuthorSecret,
    /// Counts the scheduler's ticks (tests wait for a few more instead of sleeping).
    pub ticks: Ticks,
}

/// The number of scheduler ticks finished so far. A test proves that nothing more happens by
/// waiting for a few more ticks, not by sleeping for a guessed while.
#[derive(Clone, Debug)]
pub struct Ticks(Arc<watch::Sender<u64>>);

impl Default for Ticks {
    fn default() -> Self {
        Ticks(Arc::new(watch::channel(0).0))
    }
}

impl Ticks {
    fn finished(&self) {
        self.0.send_modify(|n| *n += 1);
    }

    /// Waits until `n` more ticks have finished; false when `limit` passes first.
    pub async fn wait_more(&self, n: u64, limit: Duration) -> bool {
        let mut seen = self.0.subscribe();
        let target = *seen.borrow_and_update() + n;
        let reached = tokio::time::timeout(limit, seen.wait_for(|done| *done >= target)).await;
        matches!(reached, Ok(Ok(_)))
    }
}

impl std::fmt::Debug for BotSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BotSettings")
            .field("token", &"[redacted]")
            .field("api_base", &self.api_base)
            .field("tick_every", &self.tick_every)
            .field("shards", &self.shards)
            .finish()
    }
}

/// What every command and component handler can reach.
pub struct Data {
    pub store: Arc<dyn Store>,
    pub chat: Arc<DiscordChat>,
    pub clock: Arc<dyn Clock>,
    pub summariser: Arc<dyn Summariser>,
    pub kits: Arc<dyn Kits>,
    pub secret: AuthorSecret,
    /// The breakout rounds open when this process started, by guild once it is seen; only
    /// these can have been left half-done by a process that died (`components::recover_once`).
    pub inherited: std::sync::Mutex<Vec<i64>>,
    /// Guilds whose inherited rounds have been settled.
    pub recovered: std::sync::Mutex<std::collections::HashSet<u64>>,
}

#[derive(Debug, thiserror::Error)]
pub enum BotError {
    #[error(transparent)]
    Discord(#[from] serenity::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("this only works in a server")]
    NotInGuild,
}

pub type Context<'a> = poise::Context<'a, Data, BotError>;

/// Non-privileged intents only: guilds (and their channels and roles), voice states (who is
/// in voice, for moves), messages in guilds and DMs.
pub fn intents() -> GatewayIntents {
    GatewayIntents::GUILDS
        | GatewayIntents::GUILD_VOICE_STATES
        | GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::DIRECT_MESSAGES
}

/// Runs the bot until SIGTERM or ctrl-c.
pub async fn run(settings: BotSettings) -> Result<(), BotError> {
    run_until(settings, crate::ops::shutdown::signal()).await
}

/// How long shutdown waits for interactions in flight, then for the scheduler's running jobs
/// (past that their claims run out and another process takes them over).
const DRAIN_LIMIT: Duration = Duration::from_secs(20);
const JOBS_LIMIT: Duration = Duration::from_secs(30);

/// Runs the bot until `shutdown` completes (tests pass a oneshot receiver), then stops
/// gracefully: no new interactions, the ones in flight finish, the scheduler finishes its
/// running jobs and hands its lease back, and the gateway closes.
pub async fn run_until(
    settings: BotSettings,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), BotError> {
    info!(settings = ?settings, "starting");
    let (store, summariser) = (settings.store.clone(), settings.summariser.clone());
    let shard_plan = settings.shards.clone();
    let mut http = HttpBuilder::new(settings.token.expose_secret());
    if let Some(base) = &settings.api_base {
        http = http.proxy(base.trim_end_matches('/')).ratelimiter_disabled(true);
    }
    let http = http.build();
    let (stop_tx, stop_rx) = watch::channel(false);

    let (kits, tick_every) = (settings.kits.clone(), settings.tick_every);
    let clock = settings.clock.clone();
    let (store_at_stop, clock_at_stop) = (store.clone(), clock.clone());
    let scheduler_task = Arc::new(std::sync::Mutex::new(None));
    let scheduler_slot = scheduler_task.clone();
    let secret = settings.secret.clone();
    let ticks = settings.ticks.clone();
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: commands::commands(),
            event_handler: |ctx, event| Box::pin(components::on_event(ctx, event)),
            pre_command: |ctx| {
                Box::pin(async move {
                    info!(command = %ctx.command().qualified_name, user = %ctx.author().id, guild = ?ctx.guild_id(), id = %ctx.id(), "command");
                })
            },
            on_error: |err| Box::pin(errors::on_error(err)),
            ..Default::default()
        })
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                info!(user = %ready.user.name, guilds = ready.guilds.len(), "ready");
                poise::builtins::register_globally(ctx, &framework.options().commands).await?;
                let chat = Arc::new(DiscordChat::new(ctx.http.clone(), Some(ctx.cache.clone())));
                // Read before any interaction is handled: rounds this process opens are its own.
                let inherited = store.open_rounds().await?.iter().map(|r| r.id).collect();
                let task = tokio::spawn(scheduler(
                    store.clone(),
                    chat.clone(),
                    clock.clone(),
                    summariser.clone(),
                    tick_every,
                    ticks,
                    stop_rx,
                ));
                *scheduler_slot.lock().unwrap_or_else(|p| p.into_inner()) = Some(task);
                Ok(Data {
                    store,
                    chat,
                    clock,
                    summariser,
                    kits,
                    secret,
                    inherited: std::sync::Mutex::new(inherited),
                    recovered: Default::default(),
                })
            })
        })
        .build();

    let life = lifecycle::Lifecycle::new();
    let mut client = ClientBuilder::new_with_http(http, intents())
        .framework(lifecycle::Tracked::new(framework, life.clone()))
        .event_handler(lifecycle::GatewayWatch)
        .await?;
    let shards = client.shard_manager.clone();
    let stopper = tokio::spawn(async move {
        shutdown.await;
        info!("shutting down: taking no new interactions");
        life.drain();
        if !life.wait_idle(DRAIN_LIMIT).await {
            warn!("interactions still in flight after {DRAIN_LIMIT:?}; stopping anyway");
        }
        let _ = stop_tx.send(true);
        let task = scheduler_task.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(task) = task {
            if tokio::time::timeout(JOBS_LIMIT, task).await.is_err() {
                warn!("scheduled jobs still running; their claims run out and another process takes them over");
            }
        }
        release_leases(&*store_at_stop, &*clock_at_stop).await;
        info!("closing the gateway");
        shards.shutdown_all().await;
    });
    // Every process runs the scheduler; jobs are claimed in the database, so each runs once.
    let result = match shard_plan {
        None => client.start().await,
        Some(plan) => {
            info!(total = plan.total, range = ?plan.range, "starting shards");
            client.start_shard_range(plan.range, plan.total).await
        }
    };
    stopper.abort();
    result.map_err(BotError::from)
}

/// Hands back this process's lease on the breakout timers, so another process takes them at
/// once instead of when the lease runs out.
async fn release_leases(store: &dyn Store, clock: &dyn Clock) {
    let (worker, now) = (crate::app::worker::Worker::process(), clock.now());
    if let Err(e) = store.try_lease(crate::app::tick::TIMERS_LEASE, &worker.id, now, now).await {
        warn!(error = %e, "could not release the timers lease; it runs out by itself");
    }
}

/// Calls `app::tick::tick` now (catch-up) and then every `every` until told to stop.
async fn scheduler(
    store: Arc<dyn Store>,
    chat: Arc<DiscordChat>,
    clock: Arc<dyn Clock>,
    summariser: Arc<dyn Summariser>,
    every: Duration,
    ticks: Ticks,
    mut stop: watch::Receiver<bool>,
) {
    let mut interval = tokio::time::interval(every.max(Duration::from_millis(10)));
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = interval.tick() => {}
            _ = stop.changed() => return,
        }
        if *stop.borrow() {
            return;
        }
        let span = info_span!("tick");
        match crate::app::tick::tick_as(crate::app::worker::Worker::process(), &*store, &*chat, &*clock, &*summariser)
            .instrument(span)
            .await
        {
            Ok(report) if report.done.is_empty() && report.failed.is_empty() => {}
            Ok(report) => info!(done = ?report.done, skipped = ?report.skipped, failed = ?report.failed, "tick"),
            Err(e) => warn!(error = %e, "tick failed"),
        }
        ticks.finished();
    }
}
