//! A fresh database on the benchmark's Postgres server (`SAMRAD_BENCH_POSTGRES_URL`, started by
//! scripts/bench.sh), for benches that compare engines.

use sqlx::Connection;

/// Creates database `name` on `server` (dropping one left by an earlier run) and returns its URL.
pub async fn fresh_database(server: &str, name: &str) -> String {
    let mut admin = sqlx::PgConnection::connect(server).await.expect("bench postgres server");
    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut admin).await;
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut admin).await.expect("create bench database");
    let _ = admin.close().await;
    let (base, _) = server.rsplit_once('/').expect("server URL with a database");
    format!("{base}/{name}")
}
