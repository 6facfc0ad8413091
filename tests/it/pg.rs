//! Scratch Postgres databases for the tests that also run on Postgres (the store contract,
//! `on_both_stores!` scenarios, the scheduler and copy tests): one fresh database per test on
//! the server named by `SAMRAD_TEST_POSTGRES_URL` (`scripts/test.sh` starts one). Those tests
//! are `#[ignore]`d with the reason [`NEEDS_POSTGRES`], so a plain `cargo test` lists them as
//! ignored instead of passing them unrun; run without the URL (`--include-ignored`), they fail
//! and say what to set.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::Connection;

const POSTGRES_URL_VAR: &str = "SAMRAD_TEST_POSTGRES_URL";

/// The reason every Postgres test is ignored by a plain `cargo test` (spelled out in each
/// `#[ignore = ...]`, which takes only a literal).
pub const NEEDS_POSTGRES: &str = "needs PostgreSQL: SAMRAD_TEST_POSTGRES_URL (scripts/test.sh starts one)";

/// The test server's URL; a Postgres test run without one fails here, saying what to set.
fn server() -> String {
    match std::env::var(POSTGRES_URL_VAR) {
        Ok(url) if !url.trim().is_empty() => url,
        _ => panic!(
            "this test {NEEDS_POSTGRES}: run `scripts/test.sh`, or start a server with \
             `scripts/pg-test-server.sh start DIR PORT` and export the URL it prints as {POSTGRES_URL_VAR}"
        ),
    }
}

/// A database created for one test and dropped when the test ends, also when it panics
/// (hence `Drop`, not an async teardown a failed assertion would skip).
pub struct ScratchDatabase {
    server: String,
    name: String,
    pub url: String,
}

impl ScratchDatabase {
    /// A fresh database on the test server (panics, saying what to set, without one).
    pub async fn create() -> ScratchDatabase {
        let server = server();
        let server = server.as_str();
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let stamp =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        // The pid and a timestamp keep parallel runs (and databases a crashed run left) apart.
        let name = format!("samrad_test_{}_{}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed), stamp);
        let mut conn = sqlx::PgConnection::connect(server)
            .await
            .unwrap_or_else(|e| panic!("cannot reach the Postgres server {server} ({POSTGRES_URL_VAR}): {e}"));
        sqlx::query(&format!("CREATE DATABASE \"{name}\""))
            .execute(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("CREATE DATABASE {name} on {server}: {e}"));
        let _ = conn.close().await;
        ScratchDatabase { server: server.to_owned(), url: with_database(server, &name), name }
    }
}

impl Drop for ScratchDatabase {
    fn drop(&mut self) {
        let (server, name) = (self.server.clone(), self.name.clone());
        // Drop may run on a runtime thread (and while unwinding), so the clean-up gets a
        // thread and a runtime of its own. FORCE ends the store's pooled connections.
        let cleanup = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
            rt.block_on(async {
                if let Ok(mut conn) = sqlx::PgConnection::connect(&server).await {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                        .execute(&mut conn)
                        .await;
                    let _ = conn.close().await;
                }
            });
        });
        let _ = cleanup.join();
    }
}

/// `server` with its database name replaced by `name`, keeping any `?options`.
fn with_database(server: &str, name: &str) -> String {
    let (base, query) = match server.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (server, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

#[test]
fn test_database_url_keeps_server_and_options() {
    assert_eq!(with_database("postgres://samrad@127.0.0.1:55432/postgres", "x"), "postgres://samrad@127.0.0.1:55432/x");
    assert_eq!(
        with_database("postgres://u:p@h:1/postgres?sslmode=disable", "x"),
        "postgres://u:p@h:1/x?sslmode=disable"
    );
    assert_eq!(with_database("postgresql://h", "x"), "postgresql://h/x");
}

/// A Postgres test run without a server (`--include-ignored`, no URL) fails, and says what to
/// set; it does not pass unrun. Runs one in a child process of this test binary.
#[test]
fn a_postgres_test_without_a_server_fails_and_says_what_to_set() {
    let exe = std::env::current_exe().expect("the test binary");
    let out = std::process::Command::new(exe)
        .args(["--exact", "pg_smoke::concurrent_workers_claim_each_job_once", "--include-ignored"])
        .env_remove(POSTGRES_URL_VAR)
        .output()
        .expect("the test binary runs");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(!out.status.success(), "it passed without a server:\n{text}");
    assert!(text.contains("1 failed") && text.contains(NEEDS_POSTGRES), "{text}");
}

/// Every `#[ignore]` in the tests is a Postgres test's, with the reason `scripts/test.sh`
/// expects (`#[ignore = ...]` takes only a literal, so the spelling is checked here).
#[test]
fn every_ignored_test_names_the_postgres_reason() {
    let mut files = Vec::new();
    let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("tests/ is readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let expected = format!("#[ignore = \"{NEEDS_POSTGRES}\"]");
    let mut ignored = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a test file");
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.starts_with("#[ignore") {
                assert_eq!(line, expected, "{}:{}", file.display(), n + 1);
                ignored += 1;
            }
        }
    }
    assert!(ignored >= 3, "the Postgres tests are marked ignored ({ignored} found)");
}
