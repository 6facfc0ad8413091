//! The `samrad` command line: run the bot, run the demo, check kits, export a meeting.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use samrad::app::kit_library::KitLibrary;
use samrad::config::Config;
use samrad::console::demo::{self, SharedOut};
use samrad::kit;

#[derive(Parser)]
#[command(name = "samrad", version, about = "Reflection and breakout rooms for coordination-group meetings")]
struct Cli {
    /// Configuration file (optional; environment variables SAMRAD_* override it).
    #[arg(long, global = true, default_value = "samrad.toml")]
    config: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Connect to Discord and serve the guilds the bot is in (token: SAMRAD_DISCORD_TOKEN).
    Run {
        /// Total gateway shards across all processes (Discord routes each guild to one shard).
        #[arg(long)]
        shards: Option<u32>,
        /// The shards this process runs, A..B (default: all of --shards). Processes with
        /// different ranges share one Postgres database (database.url).
        #[arg(long, requires = "shards")]
        shard_range: Option<String>,
        /// Serve Prometheus metrics at /metrics and a health check at /healthz on this address
        /// (e.g. 127.0.0.1:9464); off unless given.
        #[arg(long, env = "SAMRAD_METRICS_ADDR")]
        metrics_addr: Option<std::net::SocketAddr>,
    },
    /// Run a whole simulated meeting in the terminal (no Discord token needed).
    Demo {
        /// Meeting kit: a file, or a kit id in the kits folder.
        #[arg(long, default_value = "uio-koordineringsgruppe")]
        kit: String,
        /// Seed for the simulated members' choices.
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// SQLite database file (default: samrad-demo.db in the user data folder).
        #[arg(long)]
        db: Option<PathBuf>,
        /// Run the meeting day (agenda, breakouts, plans, evaluation) instead of the weeks before it.
        #[arg(long)]
        day: bool,
    },
    /// Validate meeting kits; prints file:line:col errors and exits 1 when any is invalid.
    Check {
        #[arg(required = true)]
        kits: Vec<PathBuf>,
    },
    /// Write everything a meeting produced to stdout as CSV or Markdown.
    Export {
        /// The meeting's id (shown by /meeting status).
        #[arg(long)]
        meeting: i64,
        #[arg(long, value_parser = ["csv", "md"])]
        format: String,
        /// SQLite database file (default: the configured database).
        #[arg(long)]
        db: Option<PathBuf>,
    },
    /// Bring a database to the current schema and list its migrations (default: database.url).
    Migrate {
        /// `sqlite:PATH` or `postgres://…` (default: the configured database).
        #[arg(long)]
        db: Option<String>,
        /// Only list the migrations that would run; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Print the link that adds the bot to a server, with the permissions it needs.
    Invite {
        /// The application id (developer portal); without it, Discord is asked with the token.
        #[arg(long)]
        application_id: Option<u64>,
    },
    /// Ask a running `samrad run` whether it is healthy (its /healthz); exit 0 when it is.
    Health {
        /// The address it serves metrics on.
        #[arg(long, env = "SAMRAD_METRICS_ADDR", default_value = "127.0.0.1:9464")]
        addr: std::net::SocketAddr,
    },
    /// Write a consistent copy of the SQLite database to a new file, while the bot runs.
    Backup {
        /// The new backup file.
        #[arg(long)]
        to: PathBuf,
        /// The database to back up (default: the configured database).
        #[arg(long)]
        db: Option<String>,
    },
    /// Copy a backup into an empty database (as `samrad copy --from sqlite:FILE`). Stop the bot first.
    Restore {
        /// The backup file written by `samrad backup`.
        #[arg(long)]
        from: PathBuf,
        /// The empty database to restore into (default: the configured database).
        #[arg(long)]
        to: Option<String>,
    },
    /// Copy a whole deployment into an empty database (e.g. SQLite to Postgres), then compare
    /// row counts and checksums of every table. Stop the bot first.
    Copy {
        /// The database to copy from, e.g. `sqlite:/var/lib/samrad/samrad.db`.
        #[arg(long)]
        from: String,
        /// The empty database to copy into, e.g. `postgres://samrad@db/samrad`.
        #[arg(long)]
        to: String,
    },
}

fn resolve_kit(config: &Config, kit: &str) -> anyhow::Result<samrad::domain::kit::Kit> {
    let path = PathBuf::from(kit);
    let found = if path.extension().is_some_and(|e| e == "toml") || path.is_file() {
        kit::load_kit(&path)
    } else {
        kit::find_kit(&config.kits.dir, kit)
    };
    found.map_err(|errors| anyhow::anyhow!("{errors}"))
}

/// The bot's settings from the layered configuration. Fails with one clear line when the
/// token is missing.
async fn bot_settings(
    config: &Config,
    shards: Option<samrad::discord::ShardPlan>,
) -> anyhow::Result<samrad::discord::BotSettings> {
    let token = config.token()?;
    let db = config.database.url.clone();
    if let Some(path) = db.strip_prefix("sqlite:").map(|p| p.trim_start_matches("//")) {
        if let Some(dir) = std::path::Path::new(path).parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
    }
    // The composition root: the store, the health probe on its pool, the kits and the summariser.
    let (store, probe) = samrad::storage::open_with_probe(&db).await.with_context(|| format!("opening {db}"))?;
    samrad::ops::health::set_probe(probe);
    Ok(samrad::discord::BotSettings {
        token,
        api_base: config.discord.api_base.clone(),
        kits: std::sync::Arc::new(KitLibrary::from_folder(store.clone(), config.kits.dir.clone())),
        store,
        summariser: samrad::app::summarise::from_config(config.summary.llm_url.as_deref()),
        tick_every: std::time::Duration::from_secs(config.scheduler.tick_seconds),
        clock: std::sync::Arc::new(samrad::app::ports::SystemClock),
        shards,
        secret: samrad::secret::author_secret(config)?,
        ticks: samrad::discord::Ticks::default(),
    })
}

fn default_demo_db() -> PathBuf {
    samrad::config::default_db_path().with_file_name("samrad-demo.db")
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("samrad: {e:#}");
            ExitCode::from(2)
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let log_format = std::env::var("SAMRAD_LOG_FORMAT").ok();
    samrad::ops::logs::init(samrad::ops::logs::LogFormat::parse(log_format.as_deref()));
    let config = Config::load(&cli.config)?;
    match cli.command {
        Command::Run { shards, shard_range, metrics_addr } => {
            let plan = samrad::discord::ShardPlan::from_args(shards, shard_range.as_deref())?;
            let settings = bot_settings(&config, plan).await?;
            if let Some(addr) = metrics_addr {
                samrad::ops::metrics::install().context("installing the metrics recorder")?;
                samrad::ops::http::serve(addr).await.with_context(|| format!("serving metrics on {addr}"))?;
            }
            tracing::info!(?settings, "starting the bot");
            samrad::discord::run(settings).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo { kit, seed, db, day } => {
            let kit = resolve_kit(&config, &kit)?;
            let db = db.unwrap_or_else(default_demo_db);
            if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            }
            let out = SharedOut::new(Box::new(std::io::stdout()));
            let url = db.display().to_string();
            let store = samrad::storage::open(&url).await.with_context(|| format!("opening {url}"))?;
            let files = demo::files_dir(&url);
            if day {
                samrad::console::demo_day::run(kit, seed, store, files, out).await?;
            } else {
                demo::run(kit, seed, store, files, out).await?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { kits } => {
            let ok = kit::check_paths(&kits, &mut std::io::stdout());
            Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Export { meeting, format, db } => {
            use samrad::app::export::{export_meeting, ExportFormat};
            if let Some(p) = &db {
                anyhow::ensure!(p.is_file(), "no database at {}", p.display());
            }
            let url = db.map_or_else(|| config.database.url.clone(), |p| format!("sqlite:{}", p.display()));
            let store = samrad::storage::open(&url).await.with_context(|| format!("opening {url}"))?;
            let format = ExportFormat::parse(&format).context("format is csv or md")?;
            let text = export_meeting(&*store, samrad::domain::MeetingId(meeting), format).await?;
            print!("{text}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Migrate { db, dry_run: true } => {
            let url = db.unwrap_or_else(|| config.database.url.clone());
            let pending = samrad::storage::upgrade::pending_migrations(&url)
                .await
                .with_context(|| format!("reading the migrations of {url}"))?;
            for (version, description) in &pending {
                println!("{version} {description} (would run)");
            }
            println!("{} migrations would run; nothing was changed", pending.len());
            Ok(ExitCode::SUCCESS)
        }
        Command::Migrate { db, dry_run: false } => {
            let url = db.unwrap_or_else(|| config.database.url.clone());
            let applied = samrad::storage::migrate(&url).await.with_context(|| format!("migrating {url}"))?;
            for (version, description) in &applied {
                println!("{version} {description}");
            }
            println!("{} migrations applied; the schema is current", applied.len());
            Ok(ExitCode::SUCCESS)
        }
        Command::Invite { application_id } => {
            let id = match application_id {
                Some(id) => id,
                None => {
                    let token = config.token().context("asking Discord for the application id")?;
                    samrad::discord::invite::application_id(&token, config.discord.api_base.as_deref()).await?
                }
            };
            println!("{}", samrad::discord::invite::invite_url(id));
            Ok(ExitCode::SUCCESS)
        }
        Command::Health { addr } => {
            let (healthy, body) =
                samrad::ops::http::ask_health(addr).await.with_context(|| format!("asking {addr}/healthz"))?;
            print!("{body}");
            Ok(if healthy { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Backup { to, db } => {
            let url = db.unwrap_or_else(|| config.database.url.clone());
            let bytes = samrad::storage::backup::backup(&url, &to).await?;
            println!("backed up {url} to {} ({bytes} bytes, integrity ok)", to.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Restore { from, to } => {
            anyhow::ensure!(from.is_file(), "no backup at {}", from.display());
            let to = to.unwrap_or_else(|| config.database.url.clone());
            copy(&format!("sqlite:{}", from.display()), &to).await
        }
        Command::Copy { from, to } => copy(&from, &to).await,
    }
}

/// `samrad copy` (and `restore`): copies, then prints each table's counts and checksum.
async fn copy(from: &str, to: &str) -> anyhow::Result<ExitCode> {
    let report = samrad::storage::copy::copy(from, to, |table, rows| eprintln!("copied {table}: {rows} rows"))
        .await
        .with_context(|| format!("copying {from} to {to}"))?;
    println!("{:<18} {:>9} {:>9}  checksum (sha256)", "table", "source", "target");
    for t in &report {
        let verdict = if t.matches() { "ok" } else { "MISMATCH" };
        println!("{:<18} {:>9} {:>9}  {} {verdict}", t.table, t.source_rows, t.target_rows, &t.source_checksum[..16]);
        if !t.matches() {
            println!("{:<18} {:>9} {:>9}  {} (target)", "", "", "", &t.target_checksum[..16]);
        }
    }
    let bad = report.iter().filter(|t| !t.matches()).count();
    if bad == 0 {
        println!("copied {} tables; every row count and checksum matches", report.len());
        Ok(ExitCode::SUCCESS)
    } else {
        println!("{bad} tables differ: the copy is not faithful; keep using the source");
        Ok(ExitCode::from(1))
    }
}
