//! Starting and stopping the bot: serenity client, poise framework, the scheduler task.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serenity::all::{ClientBuilder, GatewayIntents, HttpBuilder};
use tokio::sync::watch;
use tracing::{error, info, info_span, warn, Instrument};

use super::ShardPlan;
use super::{commands, components, errors, DiscordChat};
use crate::app::ports::{Clock, Store, StoreError};
use crate::domain::privacy::AuthorSecret;
use crate::kit::Kit;

/// Finds a kit by id in a kits directory (`kit::parse::find_kit` once it exists), with the
/// error as one readable line.
pub type KitLoader = Arc<dyn Fn(&Path, &str) -> Result<Kit, String> + Send + Sync>;

pub struct BotSettings {
    pub token: SecretString,
    /// Another Discord-compatible server (`http://127.0.0.1:PORT`); serenity's ratelimiter is
    /// then off, since it would ignore the proxy (serenity #1739).
    pub api_base: Option<String>,
    pub db_url: String,
    pub kits_dir: PathBuf,
    pub kits: KitLoader,
    /// How often the scheduler looks for due work (it also runs once at start: catch-up).
    pub tick_every: Duration,
    /// What time it is (`SystemClock`; tests pass a `ManualClock` to make schedules due).
    pub clock: Arc<dyn Clock>,
    /// The gateway shards this process runs (`None`: one process, one shard).
    pub shards: Option<ShardPlan>,
    /// The key of anonymous answers' author keys (`secret::author_secret`).
    pub secret: AuthorSecret,
}

impl std::fmt::Debug for BotSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BotSettings")
            .field("token", &"[redacted]")
            .field("api_base", &self.api_base)
            .field("db_url", &self.db_url)
            .field("kits_dir", &self.kits_dir)
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
    pub kits_dir: PathBuf,
    pub kits: KitLoader,
    pub secret: AuthorSecret,
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

/// Runs the bot until ctrl-c.
pub async fn run(settings: BotSettings) -> Result<(), BotError> {
    run_until(settings, async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            error!(error = %e, "cannot listen for ctrl-c");
            std::future::pending::<()>().await;
        }
    })
    .await
}

/// Runs the bot until `shutdown` completes (tests pass a oneshot receiver), then closes the
/// gateway and stops the scheduler.
pub async fn run_until(
    settings: BotSettings,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), BotError> {
    info!(settings = ?settings, "starting");
    let store = crate::storage::open(&settings.db_url).await?;
    let shard_plan = settings.shards.clone();
    let mut http = HttpBuilder::new(settings.token.expose_secret());
    if let Some(base) = &settings.api_base {
        http = http.proxy(base.trim_end_matches('/')).ratelimiter_disabled(true);
    }
    let http = http.build();
    let (stop_tx, stop_rx) = watch::channel(false);

    let (kits_dir, kits, tick_every) = (settings.kits_dir.clone(), settings.kits.clone(), settings.tick_every);
    let clock = settings.clock.clone();
    let secret = settings.secret.clone();
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
                tokio::spawn(scheduler(store.clone(), chat.clone(), clock.clone(), tick_every, stop_rx));
                Ok(Data { store, chat, clock, kits_dir, kits, secret })
            })
        })
        .build();

    let mut client = ClientBuilder::new_with_http(http, intents()).framework(framework).await?;
    let shards = client.shard_manager.clone();
    let stopper = tokio::spawn(async move {
        shutdown.await;
        info!("shutting down");
        let _ = stop_tx.send(true);
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

/// Calls `app::tick::tick` now (catch-up) and then every `every` until told to stop.
async fn scheduler(
    store: Arc<dyn Store>,
    chat: Arc<DiscordChat>,
    clock: Arc<dyn Clock>,
    every: Duration,
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
        match crate::app::tick::tick(&*store, &*chat, &*clock).instrument(span).await {
            Ok(report) if report.done.is_empty() && report.failed.is_empty() => {}
            Ok(report) => info!(done = ?report.done, skipped = ?report.skipped, failed = ?report.failed, "tick"),
            Err(e) => warn!(error = %e, "tick failed"),
        }
    }
}
