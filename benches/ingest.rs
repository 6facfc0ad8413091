//! Answer ingest: N members × Q questions answered concurrently through the app layer into
//! SQLite (WAL, synchronous=NORMAL, pooled), against a reference in the same run: a bare sqlx
//! insert loop of the same rows, one transaction per answer. Target: ≥ 0.5× the reference.
//!
//! The two paths run alternately for a few rounds (fresh databases each time) and the verdict
//! is on the median ratio, since one round lasts well under a second and swings with machine
//! load. Writes `target/bench/ingest.md` (read by scripts/bench.sh into BENCHMARKS.md).
//!
//! Environment: `SAMRAD_INGEST_MEMBERS` (default 400), `SAMRAD_INGEST_ROUNDS` (default 5), and
//! for profiling `SAMRAD_INGEST_ONLY=prep|app|bare`: prepare one database and run only that
//! path once, no report (under `valgrind --tool=callgrind`, app − prep and bare − prep are the
//! instructions of each path).

use std::sync::Arc;
use std::time::Instant;

use samrad::app::ports::prelude::*;
use samrad::app::ports::{Clock, ManualClock};
use samrad::app::{answers, meetings, membership, tick, Actor, Staff};
use samrad::console::MemoryChat;
use samrad::domain::{ChannelId, GuildId, UserId};
use samrad::i18n::Lang;
use samrad::storage::SqliteStore;

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn members() -> usize {
    env_or("SAMRAD_INGEST_MEMBERS", 400)
}
#[path = "support/postgres.rs"]
mod postgres;

const GUILD: GuildId = GuildId(1);

fn kit() -> samrad::domain::kit::Kit {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts/uio-koordineringsgruppe.toml");
    samrad::kit::load_kit(&path).expect("kit")
}

type Prepared = (Arc<dyn Store>, ManualClock, Vec<Actor>, Vec<(String, String)>);

fn sqlite(dir: &std::path::Path, name: &str) -> String {
    format!("sqlite:{}", dir.join(name).display())
}

/// A meeting open for answers with every member seated, on the database at `url`.
async fn prepared(url: &str) -> Prepared {
    let store = samrad::storage::open(url).await.expect("store");
    let store_ref: &dyn Store = &*store;
    let kit = kit();
    let clock = ManualClock::new("2027-01-01T00:00:00Z".parse().unwrap());
    let org = Actor { guild: GUILD, user: UserId(1), name: "org".into(), staff: Staff::Organiser, lang: Lang::En };
    meetings::load_meeting(store_ref, &clock, &org, &kit, None, ChannelId(10)).await.expect("load");
    let meeting = store.current_meeting(GUILD).await.unwrap().unwrap();
    let open = store.pending_jobs(meeting.id).await.unwrap()[0].due_at;
    clock.set(open);
    tick::tick(store_ref, &MemoryChat::new(), &clock).await.unwrap();
    let mut people = Vec::new();
    for i in 0..members() {
        let a = Actor {
            guild: GUILD,
            user: UserId(1000 + i as u64),
            name: format!("m{i}"),
            staff: Staff::Member,
            lang: Lang::Nb,
        };
        membership::join_unit(store_ref, &a, kit.units[i % kit.units.len()].as_str(), None).await.unwrap();
        people.push(a);
    }
    let raw = kit
        .questions
        .iter()
        .filter(|q| q.phase == samrad::domain::Phase::Reflection)
        .map(|q| (q.id.to_string(), format!("Et svar på {} med litt tekst om rekruttering og oppfølging.", q.id)))
        .collect();
    (store, clock, people, raw)
}

/// All members submit their answers at once through the use case.
async fn through_app(url: &str) -> (usize, f64) {
    let (store, clock, people, raw) = prepared(url).await;
    let clock: Arc<dyn Clock> = Arc::new(ManualClock::new(clock.now()));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for p in people {
        let (store, clock, raw) = (store.clone(), clock.clone(), raw.clone());
        tasks.push(tokio::spawn(async move {
            answers::submit_answers(&*store, &*clock, &p, &raw).await.expect("submit").saved.len()
        }));
    }
    let mut n = 0;
    for t in tasks {
        n += t.await.unwrap();
    }
    (n, start.elapsed().as_secs_f64())
}

/// The same rows with plain sqlx: one transaction per answer, no reads, no validation.
async fn bare_sqlx(url: &str) -> (usize, f64) {
    let (store, _clock, people, raw) = prepared(url).await;
    let meeting = store.current_meeting(GUILD).await.unwrap().unwrap();
    let pool = SqliteStore::connect(url).await.expect("sqlite pool").pool().clone();
    let start = Instant::now();
    let mut n = 0;
    for p in &people {
        for (q, v) in &raw {
            let mut tx = pool.begin().await.unwrap();
            sqlx::query(
                "INSERT INTO answers (meeting_id, question_id, guild_id, user_id, unit_id, value, answered_at, updated_at)
                 VALUES (?, ?, ?, ?, NULL, ?, '2027-01-01T00:00:00.000000Z', '2027-01-01T00:00:00.000000Z')",
            )
            .bind(meeting.id.0)
            .bind(q)
            .bind(GUILD.0 as i64)
            .bind(p.user.0 as i64)
            .bind(v)
            .execute(&mut *tx)
            .await
            .unwrap();
            tx.commit().await.unwrap();
            n += 1;
        }
    }
    (n, start.elapsed().as_secs_f64())
}

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

fn main() {
    // `cargo test --benches` runs bench targets with --bench absent; only measure under `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    match std::env::var("SAMRAD_INGEST_ONLY").as_deref() {
        Ok("prep") => {
            rt.block_on(prepared(&sqlite(dir.path(), "prep.db")));
            return;
        }
        Ok("app") => {
            rt.block_on(through_app(&sqlite(dir.path(), "app.db")));
            return;
        }
        Ok("bare") => {
            rt.block_on(bare_sqlx(&sqlite(dir.path(), "bare.db")));
            return;
        }
        _ => {}
    }
    let members = members();
    let rounds = env_or("SAMRAD_INGEST_ROUNDS", 5).max(1);
    let mut rows = String::new();
    let mut ratios = Vec::new();
    let mut answers_per_member = 0;
    for r in 1..=rounds {
        let (app_n, app_s) = rt.block_on(through_app(&sqlite(dir.path(), &format!("app-{r}.db"))));
        let (ref_n, ref_s) = rt.block_on(bare_sqlx(&sqlite(dir.path(), &format!("bare-{r}.db"))));
        assert_eq!(app_n, ref_n, "both paths save the same rows");
        answers_per_member = app_n / members;
        let (app_rate, ref_rate) = (app_n as f64 / app_s, ref_n as f64 / ref_s);
        let ratio = app_rate / ref_rate;
        ratios.push(ratio);
        rows.push_str(&format!(
            "| {r} | {app_n} | {app_s:.3} | {app_rate:.0} | {ref_s:.3} | {ref_rate:.0} | {ratio:.2} |\n"
        ));
    }
    ratios.sort_by(f64::total_cmp);
    let ratio = median(&ratios);
    let verdict = if ratio >= 0.5 { "met" } else { "missed" };
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load = load.split_whitespace().next().unwrap_or("?");
    let report = format!(
        "## Answer ingest\n\n{members} members × {answers_per_member} questions, all members submitting at once \
         through `app::answers::submit_answers` (validation, membership and meeting reads, revision history) into \
         SQLite (WAL, synchronous=NORMAL, pool of 8). Reference in the same run: a bare sqlx insert loop of the \
         same rows, one transaction per answer. The two alternate for {rounds} rounds, each on a fresh database \
         (load average {load} at the end).\n\n\
         | round | answers | app s | app answers/s | bare s | bare answers/s | ratio |\n|---|---|---|---|---|---|---|\n\
         {rows}\nMedian ratio {ratio:.2}× the reference (spread {:.2}–{:.2}×; target ≥ 0.5×): **{verdict}**. Every \
         answer is committed before `submit_answers` returns.\n",
        ratios[0],
        ratios[ratios.len() - 1],
    );
    println!("{report}");
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("ingest.md"), report).unwrap();
    if let Ok(server) = std::env::var("SAMRAD_BENCH_POSTGRES_URL") {
        let scale = rt.block_on(on_postgres_and_sqlite(&server, dir.path(), rounds));
        std::fs::write(out.join("scale-ingest.md"), scale).unwrap();
    }
}

/// The same ingest through the app layer on Postgres (a fresh database per round on
/// `server`) and on SQLite, alternating: answers per second on each engine.
async fn on_postgres_and_sqlite(server: &str, dir: &std::path::Path, rounds: usize) -> String {
    let mut rows = String::new();
    let (mut pg_rates, mut lite_rates) = (Vec::new(), Vec::new());
    for r in 1..=rounds {
        let url = postgres::fresh_database(server, &format!("samrad_bench_ingest_{}_{r}", std::process::id())).await;
        let (pg_n, pg_s) = through_app(&url).await;
        let (lite_n, lite_s) = through_app(&sqlite(dir, &format!("scale-{r}.db"))).await;
        assert_eq!(pg_n, lite_n);
        let (pg_rate, lite_rate) = (pg_n as f64 / pg_s, lite_n as f64 / lite_s);
        pg_rates.push(pg_rate);
        lite_rates.push(lite_rate);
        rows.push_str(&format!("| {r} | {pg_n} | {pg_rate:.0} | {lite_rate:.0} |\n"));
    }
    pg_rates.sort_by(f64::total_cmp);
    lite_rates.sort_by(f64::total_cmp);
    format!(
        "### Answers ingested: Postgres and SQLite\n\n{} members submitting at once through \
         `app::answers::submit_answers`, alternating engines for {rounds} rounds on fresh databases. Postgres: \
         a local server on the same 2 cores, fsync on, pool of 16; SQLite: WAL, synchronous=NORMAL, pool of 8.\n\n\
         | round | answers | Postgres answers/s | SQLite answers/s |\n|---|---|---|---|\n{rows}\n\
         Median: Postgres {:.0} answers/s, SQLite {:.0} answers/s.\n",
        members(),
        median(&pg_rates),
        median(&lite_rates),
    )
}
