//! Scratch Postgres databases for the tests that also run on Postgres (the store contract,
//! `on_both_stores!` scenarios, the scheduler and copy tests): one fresh database per test on
//! the server named by `SAMRAD_TEST_POSTGRES_URL` (`scripts/pg-test-server.sh start` prints
//! one). Without it those tests pass with a note, except under CI, where they must run.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::Connection;

const POSTGRES_URL_VAR: &str = "SAMRAD_TEST_POSTGRES_URL";

/// The test server's URL, `None` when unset outside CI (the caller skips its test).
fn server() -> Option<String> {
    match std::env::var(POSTGRES_URL_VAR) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if in_ci() => panic!(
            "{POSTGRES_URL_VAR} is not set, and CI must run the Postgres tests: \
             start a server with `scripts/pg-test-server.sh start DIR PORT` and export the URL it prints"
        ),
        _ => {
            eprintln!("skipping Postgres test: set {POSTGRES_URL_VAR} (scripts/pg-test-server.sh start prints one)");
            None
        }
    }
}

fn in_ci() -> bool {
    matches!(std::env::var("CI").as_deref(), Ok(v) if !v.is_empty() && v != "0" && v != "false")
}

/// A database created for one test and dropped when the test ends, also when it panics
/// (hence `Drop`, not an async teardown a failed assertion would skip).
pub struct ScratchDatabase {
    server: String,
    name: String,
    pub url: String,
}

impl ScratchDatabase {
    /// A fresh database on the test server; `None` (saying so) when no server is set,
    /// outside CI.
    pub async fn create() -> Option<ScratchDatabase> {
        let server = server()?;
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
        Some(ScratchDatabase { server: server.to_owned(), url: with_database(server, &name), name })
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
