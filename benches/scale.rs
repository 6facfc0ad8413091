//! Running at scale: how fast workers sharing one database claim and finish scheduled jobs,
//! on SQLite and on Postgres, with 1, 2 and 4 workers (each with its own pool, as separate
//! processes would have). Every job must end done exactly once.
//!
//! Postgres runs when `SAMRAD_BENCH_POSTGRES_URL` names a server (scripts/bench.sh starts one
//! with fsync on, as production would have it); each run gets a fresh database.
//! Writes `target/bench/scale.md` (read by scripts/bench.sh into BENCHMARKS.md).

use std::time::Instant;

use chrono::{Duration, Utc};
use samrad::app::ports::prelude::*;
use samrad::app::ports::NewJob;
use samrad::domain::{GuildId, MeetingId};

#[path = "support/postgres.rs"]
mod postgres;

const MEETINGS: usize = 100;
const JOBS_PER_MEETING: usize = 50;
const BATCH: u32 = 32;

/// A meeting row for jobs to hang on (jobs reference meetings).
async fn meeting(store: &dyn Store, g: u64) -> MeetingId {
    let guild = GuildId(g);
    store.ensure_guild(guild, "bench").await.unwrap();
    let new = samrad::app::ports::NewMeeting {
        guild,
        kit_id: "bench".into(),
        title: "Bench".into(),
        language: "en".into(),
        timezone: chrono_tz::UTC,
        date: chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
        channel: None,
        deadline: None,
        units: vec![],
        roles: vec![],
        questions: vec![],
        unit_answers: false,
        share_after_deadline: false,
    };
    store.create_meeting(&new, Utc::now()).await.unwrap()
}

async fn fill(store: &dyn Store) -> usize {
    let due = Utc::now() - Duration::minutes(1);
    for m in 0..MEETINGS {
        let id = meeting(store, 1 + m as u64).await;
        let jobs: Vec<NewJob> = (0..JOBS_PER_MEETING)
            .map(|j| NewJob { key: format!("job{j}"), kind: "bench".into(), due_at: due })
            .collect();
        store.schedule(id, &jobs).await.unwrap();
    }
    MEETINGS * JOBS_PER_MEETING
}

/// `workers` workers claim and finish until nothing is due; returns (jobs done, seconds).
async fn drain(url: &str, workers: usize) -> (usize, f64) {
    let mut stores = Vec::new();
    for _ in 0..workers {
        stores.push(samrad::storage::open(url).await.unwrap());
    }
    let start = Instant::now();
    let tasks: Vec<_> = stores
        .into_iter()
        .enumerate()
        .map(|(w, store)| {
            tokio::spawn(async move {
                let worker = format!("worker-{w}");
                let mut done = 0;
                loop {
                    let now = Utc::now();
                    let jobs = store.claim_jobs(&worker, now, now + Duration::seconds(60), BATCH).await.unwrap();
                    if jobs.is_empty() {
                        return done;
                    }
                    for job in jobs {
                        assert!(store.finish_job(job.id, &worker, Utc::now()).await.unwrap(), "claim held");
                        done += 1;
                    }
                }
            })
        })
        .collect();
    let mut done = 0;
    for t in tasks {
        done += t.await.unwrap();
    }
    (done, start.elapsed().as_secs_f64())
}

/// A fresh database for one run: a temp SQLite file, or a new database on the server.
async fn fresh(server: Option<&str>, dir: &std::path::Path, name: &str) -> String {
    match server {
        None => format!("sqlite:{}", dir.join(format!("{name}.db")).display()),
        Some(server) => postgres::fresh_database(server, &format!("samrad_bench_{name}_{}", std::process::id())).await,
    }
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let postgres = std::env::var("SAMRAD_BENCH_POSTGRES_URL").ok().filter(|u| !u.is_empty());
    let mut rows = Vec::new();
    let engines: Vec<(&str, Option<&str>)> = [("SQLite", None), ("Postgres", postgres.as_deref())]
        .into_iter()
        .filter(|(name, server)| *name == "SQLite" || server.is_some())
        .collect();
    for (engine, server) in engines {
        for workers in [1, 2, 4] {
            let (total, done, secs) = rt.block_on(async {
                let url = fresh(server, dir.path(), &format!("claims_{}_{workers}", engine.to_lowercase())).await;
                let store = samrad::storage::open(&url).await.unwrap();
                let total = fill(&*store).await;
                let (done, secs) = drain(&url, workers).await;
                let left = store.pending_jobs(MeetingId(1)).await.unwrap().len();
                assert_eq!(left, 0, "every job finished");
                (total, done, secs)
            });
            assert_eq!(done, total, "each job finished exactly once");
            println!("claims {engine} {workers} workers: {total} jobs in {secs:.2} s");
            rows.push(format!("| {engine} | {workers} | {total} | {secs:.2} | {:.0} |", total as f64 / secs));
        }
    }
    let note = if postgres.is_some() {
        "Postgres: a local server on the same 2 cores, fsync on (scripts/bench.sh starts it)."
    } else {
        "Postgres: not measured in this run (set SAMRAD_BENCH_POSTGRES_URL, as scripts/bench.sh does)."
    };
    let report = format!(
        "## Running at scale\n\n### Scheduled jobs claimed\n\n{MEETINGS} meetings × {JOBS_PER_MEETING} due jobs; \
         each worker has its own pool (as a separate process would) and loops: claim up to {BATCH} \
         (`FOR UPDATE SKIP LOCKED` on Postgres, one `UPDATE … RETURNING` on SQLite), finish each \
         (fenced on the claim). Every job ended done exactly once in every run. {note}\n\n\
         | engine | workers | jobs | seconds | jobs/s |\n|---|---|---|---|---|\n{}\n",
        rows.join("\n")
    );
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("scale.md"), report).unwrap();
}
