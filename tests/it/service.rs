//! samrad as a service, from the command line: the invite link (asking the fake Discord for
//! the application id), upgrades listed before they run.

use fake_discord::FakeDiscord;

fn samrad(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_samrad"));
    cmd.args(args).env_remove("SAMRAD_DISCORD_TOKEN").env("SAMRAD_DB", "sqlite::memory:");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("samrad runs")
}

const PERMISSIONS: &str = "permissions=288476176";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invite_asks_discord_for_the_application_id_with_the_token() {
    let fake = FakeDiscord::builder().application_id(123_456_789).start().await;
    let base = fake.base_url();
    let out = tokio::task::spawn_blocking(move || {
        samrad(&["invite"], &[("SAMRAD_DISCORD_TOKEN", "MTAw.fake.token"), ("SAMRAD_DISCORD_API_BASE", &base)])
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        stdout.trim(),
        format!(
            "https://discord.com/oauth2/authorize?client_id=123456789&scope=bot%20applications.commands&{PERMISSIONS}"
        )
    );
    let asked = fake.requests_matching("GET /oauth2/applications/@me");
    assert_eq!(asked.len(), 1);
}

#[test]
fn invite_with_an_application_id_needs_no_token_and_without_either_says_what_to_do() {
    let out = samrad(&["invite", "--application-id", "42"], &[]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains(&format!("client_id=42&scope=bot%20applications.commands&{PERMISSIONS}")));
    let out = samrad(&["invite"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("SAMRAD_DISCORD_TOKEN"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn migrate_dry_run_lists_what_would_run_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("samrad.db");
    let url = format!("sqlite:{}", db.display());
    let out = samrad(&["migrate", "--dry-run", "--db", &url], &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    let all = samrad::storage::sqlite::MIGRATOR.iter().count();
    assert!(stdout.contains("20261126000001 initial (would run)"), "{stdout}");
    assert!(stdout.contains(&format!("{all} migrations would run; nothing was changed")), "{stdout}");
    assert!(!db.exists(), "a dry run creates no database");
    let out = samrad(&["migrate", "--db", &url], &[]);
    assert!(out.status.success());
    let out = samrad(&["migrate", "--dry-run", "--db", &url], &[]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("0 migrations would run"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

// ---------------------------------------------------------------- `samrad run` as a process

use std::io::BufRead;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{Days, Utc};
use fake_discord::{perms, CommandOption, Fault};
use samrad::app::ports::prelude::*;
use samrad::app::ports::{GuildSettings, SystemClock};
use samrad::app::{meetings, membership, Actor, Staff};
use samrad::domain::{ChannelId, GuildId, UserId};
use samrad::i18n::Lang;
use samrad::storage::SqliteStore;

use crate::wire::ops::{check, with_bot};
use crate::wire::{breakout, facilitator, guild, member_id, organiser, reply_containing, GUILD, PLENARY, T, VOICE};

/// A `samrad run` process against the fake, logging JSON, serving metrics on a free port.
struct Service {
    child: Child,
    logs: Arc<Mutex<Vec<String>>>,
    metrics: String,
}

impl Service {
    async fn start(fake: &FakeDiscord, db_url: &str) -> Service {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_samrad"))
            .args(["run", "--metrics-addr", "127.0.0.1:0"])
            .env("SAMRAD_DISCORD_TOKEN", "MTAw.fake.token")
            .env("SAMRAD_DISCORD_API_BASE", fake.base_url())
            .env("SAMRAD_DB", db_url)
            .env("SAMRAD_KITS", crate::wire::prompts())
            .env("SAMRAD_TICK_SECONDS", "1")
            .env("SAMRAD_LOG_FORMAT", "json")
            .env("RUST_LOG", "samrad=info,warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("samrad run starts");
        let logs = Arc::new(Mutex::new(Vec::new()));
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        let sink = logs.clone();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr).lines().map_while(Result::ok) {
                let json: serde_json::Value =
                    serde_json::from_str(&line).unwrap_or_else(|e| panic!("a log line that is not JSON ({e}): {line}"));
                if json["fields"]["message"] == "serving metrics" {
                    let _ = addr_tx.send(json["fields"]["addr"].as_str().unwrap().to_owned());
                }
                sink.lock().unwrap().push(line);
            }
        });
        let addr = tokio::task::spawn_blocking(move || addr_rx.recv_timeout(T).expect("metrics address logged"))
            .await
            .unwrap();
        Service { child, logs, metrics: format!("http://{addr}") }
    }

    async fn get(&self, path: &str) -> (u16, String) {
        let resp = reqwest::get(format!("{}{path}", self.metrics)).await.expect("the endpoint answers");
        (resp.status().as_u16(), resp.text().await.unwrap())
    }

    /// Polls `/healthz` until it answers `status` (bounded).
    async fn health_becomes(&self, status: u16) -> String {
        let deadline = tokio::time::Instant::now() + T;
        loop {
            let (got, body) = self.get("/healthz").await;
            if got == status {
                return body;
            }
            assert!(tokio::time::Instant::now() < deadline, "/healthz stayed {got}: {body}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    fn logged(&self, message: &str) -> bool {
        self.logs.lock().unwrap().iter().any(|l| l.contains(message))
    }

    fn sigterm(&self) {
        let pid = self.child.id().to_string();
        let sent = std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(sent.success(), "kill -TERM {pid}");
    }

    /// The exit status (bounded) and every log line.
    async fn wait_exit(mut self) -> (std::process::ExitStatus, Vec<String>) {
        let status = tokio::task::spawn_blocking(move || {
            let deadline = std::time::Instant::now() + T * 3;
            loop {
                if let Some(status) = self.child.try_wait().unwrap() {
                    return status;
                }
                if std::time::Instant::now() > deadline {
                    let _ = self.child.kill();
                    panic!("samrad did not stop after SIGTERM");
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        })
        .await
        .unwrap();
        let logs = self.logs.lock().unwrap().clone();
        (status, logs)
    }
}

/// The value of the sample of `name` whose labels include all of `labels` (`k="v"`).
fn sample(metrics: &str, name: &str, labels: &[&str]) -> Option<f64> {
    metrics
        .lines()
        .filter(|l| l.starts_with(&format!("{name} ")) || l.starts_with(&format!("{name}{{")))
        .find(|l| labels.iter().all(|want| l.contains(want)))
        .and_then(|l| l.rsplit(' ').next()?.parse().ok())
}

/// Configured guild, a meeting whose questions are due (opened 14 days before a meeting in
/// 10 days), six members seated in two units.
async fn prepared_database(url: &str) {
    let store = SqliteStore::open(url).await.unwrap();
    let settings = GuildSettings {
        plenary_channel: Some(ChannelId(PLENARY)),
        plenary_voice: Some(ChannelId(VOICE)),
        facilitator_role: Some(crate::wire::FACILITATOR_ROLE),
        locale: "en".into(),
        ..GuildSettings::default()
    };
    store.ensure_guild(GuildId(GUILD), "Coordination group").await.unwrap();
    store.save_guild_settings(GuildId(GUILD), &settings).await.unwrap();
    let actor =
        |user: u64, staff| Actor { guild: GuildId(GUILD), user: UserId(user), name: "x".into(), staff, lang: Lang::En };
    let kit = samrad::kit::find_kit(&crate::wire::prompts(), "example-en").unwrap();
    let date = Utc::now().date_naive().checked_add_days(Days::new(10));
    let organiser = actor(crate::wire::ORGANISER, Staff::Organiser);
    meetings::load_meeting(&store, &SystemClock, &organiser, &kit, date, ChannelId(PLENARY)).await.unwrap();
    for i in 0..6 {
        let unit = ["Faculty of Law", "Faculty of Humanities"][i % 2];
        membership::join_unit(&store, &actor(member_id(i), Staff::Member), unit, None).await.unwrap();
    }
    store.pool().close().await;
}

fn everything() -> u64 {
    perms::MANAGE_CHANNELS | perms::MANAGE_ROLES | perms::MOVE_MEMBERS | (1 << 14) | (1 << 15)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_running_service_exports_metrics_and_health_and_stops_on_sigterm_without_losing_work() {
    let dir = tempfile::tempdir().unwrap();
    let db_url = format!("sqlite:{}", dir.path().join("samrad.db").display());
    prepared_database(&db_url).await;
    let fake = FakeDiscord::builder().heartbeat_interval(Duration::from_millis(500)).start().await;
    fake.add_guild(with_bot(guild(6, true), everything(), None));
    // The questions post meets one rate limit first.
    fake.inject(Fault::rate_limit("POST /channels/{c}/messages", 0.2));
    let service = Service::start(&fake, &db_url).await;
    fake.wait_ready(T).await.expect("bot identified");
    let body = service.health_becomes(200).await;
    assert_eq!(body, "gateway: connected\ndatabase: answers\n");
    // The container's HEALTHCHECK command agrees.
    let addr = service.metrics.trim_start_matches("http://").to_owned();
    let out = tokio::task::spawn_blocking(move || samrad(&["health", "--addr", &addr], &[])).await.unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("gateway: connected"));

    // An interaction and the scheduled questions post.
    let sent = fake.send_interaction(check(organiser())).await;
    reply_containing(&fake, &sent, "samrad has every permission it needs").await;
    let questions =
        fake.wait_for(|r| r.method == "POST" && r.path == format!("/channels/{PLENARY}/messages") && r.status < 300, T);
    questions.await.expect("the due questions are posted");
    let deadline = tokio::time::Instant::now() + T;
    let metrics = loop {
        let (status, metrics) = service.get("/metrics").await;
        assert_eq!(status, 200);
        if sample(&metrics, "samrad_jobs_total", &[r#"state="done""#]).is_some_and(|n| n >= 1.0) {
            break metrics;
        }
        assert!(tokio::time::Instant::now() < deadline, "no job done in:\n{metrics}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let has = |name: &str, labels: &[&str]| {
        sample(&metrics, name, labels).unwrap_or_else(|| panic!("{name}{labels:?} missing from:\n{metrics}"))
    };
    assert_eq!(has("samrad_interactions_total", &[r#"command="meeting check""#, r#"outcome="ok""#]), 1.0);
    assert_eq!(has("samrad_interaction_ack_seconds_count", &[]), 1.0);
    assert_eq!(has("samrad_discord_requests_total", &[r#"route="post""#, r#"status="429""#]), 1.0);
    assert!(has("samrad_discord_requests_total", &[r#"route="post""#, r#"status="2xx""#]) >= 1.0);
    assert_eq!(has("samrad_discord_rate_limited_total", &[r#"route="post""#]), 1.0);
    assert_eq!(has("samrad_discord_retries_total", &[r#"route="post""#]), 1.0);
    assert!(has("samrad_jobs_total", &[r#"state="claimed""#]) >= 1.0);
    assert!(has("samrad_job_claim_lag_seconds_count", &[]) >= 1.0);
    assert!(has("samrad_job_claim_lag_seconds_sum", &[]) > 86_400.0, "the questions were due days ago");
    has("samrad_jobs_due", &[]);
    has("samrad_db_pool_connections_in_use", &[]);
    assert_eq!(has("samrad_gateway_connected", &[]), 1.0);
    assert_eq!(service.get("/nothing").await.0, 404);

    // SIGTERM while a split waits out a rate limit: it still finishes, a later interaction is
    // not taken, and the process exits cleanly with nothing left claimed.
    fake.inject(Fault::rate_limit("POST /guilds/{g}/channels", 1.5));
    let split =
        breakout("split", vec![CommandOption::integer("mode", 0), CommandOption::integer("size", 3)], facilitator());
    let sent = fake.send_interaction(split).await;
    assert_eq!(fake.wait_acknowledged(&sent.token, T).await.unwrap(), 5, "deferred");
    fake.wait_for(|r| r.status == 429, T).await.expect("the split meets the rate limit");
    service.sigterm();
    let deadline = tokio::time::Instant::now() + T;
    while !service.logged("shutting down: taking no new interactions") {
        assert!(tokio::time::Instant::now() < deadline, "SIGTERM not logged");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let late = fake.send_interaction(check(organiser())).await;
    let (status, logs) = service.wait_exit().await;
    assert!(status.success(), "exit status {status:?}");
    reply_containing(&fake, &sent, "Round 1: 2 rooms for 6 people").await;
    let created = fake.requests_matching("POST /guilds/{g}/channels").iter().filter(|r| r.status < 300).count();
    assert_eq!(created, 3, "the category and both rooms were made before the process exited");
    assert!(fake.requests().iter().all(|r| !r.path.contains(&late.token)), "no interaction taken after SIGTERM");
    let order: Vec<usize> =
        ["SIGTERM: shutting down", "shutting down: taking no new interactions", "closing the gateway"]
            .iter()
            .map(|m| logs.iter().position(|l| l.contains(m)).unwrap_or_else(|| panic!("{m} not logged")))
            .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    let store = SqliteStore::open(&db_url).await.unwrap();
    let claimed: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM schedules WHERE claimed_by IS NOT NULL AND state = 'pending'")
            .fetch_one(store.pool())
            .await
            .unwrap();
    assert_eq!(claimed, 0, "no job left claimed");
    let leases: Vec<chrono::DateTime<Utc>> =
        sqlx::query_scalar("SELECT until FROM leases").fetch_all(store.pool()).await.unwrap();
    assert!(!leases.is_empty(), "the timers ran under a lease");
    assert!(leases.iter().all(|until| *until <= Utc::now()), "the timers lease is handed back: {leases:?}");
    fake.assert_all_valid();
}
