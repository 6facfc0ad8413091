//! Answer ingest: N members × Q questions answered concurrently through the app layer into
//! SQLite (WAL, synchronous=NORMAL, pooled), against a reference in the same run: a bare sqlx
//! insert loop of the same rows, one transaction per answer. Target: ≥ 0.5× the reference.
//!
//! Writes `target/bench/ingest.md` (read by scripts/bench.sh into BENCHMARKS.md).

use std::sync::Arc;
use std::time::Instant;

use samrad::app::ports::prelude::*;
use samrad::app::ports::{Clock, ManualClock};
use samrad::app::{answers, meetings, membership, tick, Actor, Staff};
use samrad::console::MemoryChat;
use samrad::domain::{ChannelId, GuildId, UserId};
use samrad::i18n::Lang;
use samrad::storage::SqliteStore;

const MEMBERS: usize = 400;
const GUILD: GuildId = GuildId(1);

fn kit() -> samrad::kit::Kit {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts/uio-koordineringsgruppe.toml");
    samrad::kit::load_kit(&path).expect("kit")
}

async fn prepared(dir: &std::path::Path, name: &str) -> (SqliteStore, ManualClock, Vec<Actor>, Vec<(String, String)>) {
    let store = SqliteStore::open(&format!("sqlite:{}", dir.join(name).display())).await.expect("store");
    let kit = kit();
    let clock = ManualClock::new("2027-01-01T00:00:00Z".parse().unwrap());
    let org = Actor { guild: GUILD, user: UserId(1), name: "org".into(), staff: Staff::Organiser, lang: Lang::En };
    meetings::load_meeting(&store, &clock, &org, &kit, None, ChannelId(10)).await.expect("load");
    let meeting = store.current_meeting(GUILD).await.unwrap().unwrap();
    let open = store.pending_jobs(meeting.id).await.unwrap()[0].due_at;
    clock.set(open);
    tick::tick(&store, &MemoryChat::new(), &clock).await.unwrap();
    let mut people = Vec::new();
    for i in 0..MEMBERS {
        let a = Actor {
            guild: GUILD,
            user: UserId(1000 + i as u64),
            name: format!("m{i}"),
            staff: Staff::Member,
            lang: Lang::Nb,
        };
        membership::join_unit(&store, &a, kit.units[i % kit.units.len()].as_str(), None).await.unwrap();
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
async fn through_app(dir: &std::path::Path) -> (usize, f64) {
    let (store, clock, people, raw) = prepared(dir, "app.db").await;
    let store = Arc::new(store);
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
async fn bare_sqlx(dir: &std::path::Path) -> (usize, f64) {
    let (store, _clock, people, raw) = prepared(dir, "bare.db").await;
    let meeting = store.current_meeting(GUILD).await.unwrap().unwrap();
    let pool = store.pool().clone();
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

fn main() {
    // `cargo test --benches` runs bench targets with --bench absent; only measure under `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (app_n, app_s) = rt.block_on(through_app(dir.path()));
    let (ref_n, ref_s) = rt.block_on(bare_sqlx(dir.path()));
    let app_rate = app_n as f64 / app_s;
    let ref_rate = ref_n as f64 / ref_s;
    let ratio = app_rate / ref_rate;
    let verdict = if ratio >= 0.5 { "met" } else { "missed" };
    let report = format!(
        "## Answer ingest\n\n{MEMBERS} members × {} questions, all members submitting at once through \
         `app::answers::submit_answers` (validation, membership and meeting reads, revision history) into SQLite \
         (WAL, synchronous=NORMAL, pool of 8). Reference: a bare sqlx insert loop of the same rows, one transaction \
         per answer.\n\n| path | answers | seconds | answers/s |\n|---|---|---|---|\n| app layer | {app_n} | {app_s:.3} | \
         {app_rate:.0} |\n| bare sqlx (reference) | {ref_n} | {ref_s:.3} | {ref_rate:.0} |\n\nRatio {ratio:.2}× the \
         reference (target ≥ 0.5×): **{verdict}**. Every answer is committed before `submit_answers` returns.\n",
        app_n / MEMBERS
    );
    println!("{report}");
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("ingest.md"), report).unwrap();
}
