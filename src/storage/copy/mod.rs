//! `samrad copy`: moves a whole deployment between databases (SQLite → Postgres when a network
//! outgrows one machine, or back), table by table in foreign-key order, in one transaction on
//! the target. Afterwards both sides are read again and compared: row counts and a SHA-256
//! over every row in primary-key order, with values in one canonical form (times as RFC 3339
//! UTC with microseconds, booleans as t/f), so the same data gives the same checksum on
//! either engine.

use chrono::{DateTime, NaiveDate, Utc};
use sha2::{Digest, Sha256};
use sqlx::{PgPool, Row, SqlitePool};

mod tables;

use tables::{Kind, Table, TABLES};
use Kind::{Bool, Date, Int, Text, Time};

use super::{Backend, PgStore, SqliteStore, StoreError};

/// One stored value in engine-neutral form.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Null,
    Int(i64),
    Text(String),
    Bool(bool),
    Time(DateTime<Utc>),
    Date(NaiveDate),
}

impl Value {
    /// The canonical bytes hashed for the checksum: a type tag and a length prefix, so no two
    /// different rows hash alike by concatenation.
    fn feed(&self, hash: &mut Sha256) {
        let text = match self {
            Value::Null => String::new(),
            Value::Int(i) => i.to_string(),
            Value::Text(t) => t.clone(),
            Value::Bool(b) => if *b { "t" } else { "f" }.to_owned(),
            Value::Time(t) => t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            Value::Date(d) => d.to_string(),
        };
        let tag = match self {
            Value::Null => b'0',
            Value::Int(_) => b'i',
            Value::Text(_) => b's',
            Value::Bool(_) => b'b',
            Value::Time(_) => b't',
            Value::Date(_) => b'd',
        };
        hash.update([tag]);
        hash.update((text.len() as u64).to_le_bytes());
        hash.update(text.as_bytes());
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the target database already holds data (table {0}); copy only into an empty database")]
    TargetNotEmpty(&'static str),
    #[error("source and target are the same database")]
    SameDatabase,
    #[error("{table}: stored value in column {column} is not valid: {detail}")]
    Corrupt { table: &'static str, column: &'static str, detail: String },
}

impl From<sqlx::Error> for CopyError {
    fn from(e: sqlx::Error) -> Self {
        CopyError::Store(e.into())
    }
}

/// What the copy found for one table, on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCopy {
    pub table: &'static str,
    pub source_rows: u64,
    pub target_rows: u64,
    pub source_checksum: String,
    pub target_checksum: String,
}

impl TableCopy {
    pub fn matches(&self) -> bool {
        self.source_rows == self.target_rows && self.source_checksum == self.target_checksum
    }
}

/// An open database of either engine.
enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Db {
    /// Opens and migrates: the source is brought to the current schema (as `samrad run`
    /// would), so both sides have the columns the copy plan names.
    async fn open(url: &str) -> Result<Db, StoreError> {
        Ok(match Backend::of(url) {
            Backend::Sqlite => Db::Sqlite(SqliteStore::open(url).await?.pool().clone()),
            Backend::Postgres => Db::Postgres(PgStore::open(url).await?.pool().clone()),
        })
    }

    fn select(&self, table: &Table) -> String {
        let columns: Vec<String> = table
            .columns
            .iter()
            .map(|(name, kind)| match (self, kind) {
                // Postgres INTEGER columns read as 32-bit; widen all integers alike.
                (Db::Postgres(_), Int) => format!("{name}::BIGINT AS {name}"),
                _ => (*name).to_owned(),
            })
            .collect();
        format!("SELECT {} FROM {} ORDER BY {}", columns.join(", "), table.name, table.key)
    }

    async fn rows(&self, table: &Table) -> Result<Vec<Vec<Value>>, CopyError> {
        let sql = self.select(table);
        match self {
            Db::Sqlite(pool) => {
                let rows = sqlx::query(&sql).fetch_all(pool).await?;
                rows.iter().map(|row| sqlite_row(table, row)).collect()
            }
            Db::Postgres(pool) => {
                let rows = sqlx::query(&sql).fetch_all(pool).await?;
                rows.iter().map(|row| pg_row(table, row)).collect()
            }
        }
    }

    async fn count(&self, table: &Table) -> Result<u64, CopyError> {
        let sql = format!("SELECT COUNT(*) FROM {}", table.name);
        let n: i64 = match self {
            Db::Sqlite(pool) => sqlx::query_scalar(&sql).fetch_one(pool).await?,
            Db::Postgres(pool) => sqlx::query_scalar(&sql).fetch_one(pool).await?,
        };
        Ok(u64::try_from(n).unwrap_or_default())
    }

    async fn begin(&self) -> Result<Tx, CopyError> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin().await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    fn same_as(&self, other: &Db) -> bool {
        match (self, other) {
            (Db::Sqlite(a), Db::Sqlite(b)) => {
                let path = |p: &SqlitePool| p.connect_options().get_filename().to_path_buf();
                let (a, b) = (path(a), path(b));
                a.canonicalize().ok().zip(b.canonicalize().ok()).is_some_and(|(a, b)| a == b)
            }
            _ => false,
        }
    }
}

/// The one transaction the whole copy is written in, on the target's engine.
enum Tx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

impl Tx {
    async fn write(&mut self, table: &Table, rows: &[Vec<Value>]) -> Result<(), CopyError> {
        match self {
            Tx::Sqlite(tx) => write_sqlite(tx, table, rows).await,
            Tx::Postgres(tx) => write_pg(tx, table, rows).await,
        }
    }

    async fn commit(self) -> Result<(), CopyError> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await?,
            Tx::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }
}

fn corrupt(table: &Table, column: &'static str, detail: impl ToString) -> CopyError {
    CopyError::Corrupt { table: table.name, column, detail: detail.to_string() }
}

fn sqlite_row(table: &Table, row: &sqlx::sqlite::SqliteRow) -> Result<Vec<Value>, CopyError> {
    table
        .columns
        .iter()
        .enumerate()
        .map(|(i, (column, kind))| {
            let value = match kind {
                Int | Bool => row.try_get::<Option<i64>, _>(i).map(|v| match v {
                    None => Value::Null,
                    Some(n) if *kind == Bool => Value::Bool(n != 0),
                    Some(n) => Value::Int(n),
                }),
                Text | Time | Date => row.try_get::<Option<String>, _>(i).map(|v| v.map_or(Value::Null, Value::Text)),
            }
            .map_err(|e| corrupt(table, column, e))?;
            match (kind, value) {
                (Time, Value::Text(t)) => DateTime::parse_from_rfc3339(&t)
                    .map(|t| Value::Time(t.with_timezone(&Utc)))
                    .map_err(|e| corrupt(table, column, format!("{t:?}: {e}"))),
                (Date, Value::Text(d)) => {
                    d.parse().map(Value::Date).map_err(|e| corrupt(table, column, format!("{d:?}: {e}")))
                }
                (_, value) => Ok(value),
            }
        })
        .collect()
}

fn pg_row(table: &Table, row: &sqlx::postgres::PgRow) -> Result<Vec<Value>, CopyError> {
    table
        .columns
        .iter()
        .enumerate()
        .map(|(i, (column, kind))| {
            let value = match kind {
                Int => row.try_get::<Option<i64>, _>(i).map(|v| v.map_or(Value::Null, Value::Int)),
                Text => row.try_get::<Option<String>, _>(i).map(|v| v.map_or(Value::Null, Value::Text)),
                Bool => row.try_get::<Option<bool>, _>(i).map(|v| v.map_or(Value::Null, Value::Bool)),
                Time => row.try_get::<Option<DateTime<Utc>>, _>(i).map(|v| v.map_or(Value::Null, Value::Time)),
                Date => row.try_get::<Option<NaiveDate>, _>(i).map(|v| v.map_or(Value::Null, Value::Date)),
            };
            value.map_err(|e| corrupt(table, column, e))
        })
        .collect()
}

fn checksum(rows: &[Vec<Value>]) -> String {
    let mut hash = Sha256::new();
    for row in rows {
        hash.update(b"\n");
        for value in row {
            value.feed(&mut hash);
        }
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Rows per INSERT: well under both engines' bound-parameter limits (SQLite 32766,
/// Postgres 65535) for the widest table.
const BATCH: usize = 500;

fn insert_sql(table: &Table, rows: usize, postgres: bool) -> String {
    let width = table.columns.len();
    let names: Vec<&str> = table.columns.iter().map(|(n, _)| *n).collect();
    let tuples: Vec<String> = (0..rows)
        .map(|r| {
            let params: Vec<String> =
                (0..width).map(|c| if postgres { format!("${}", r * width + c + 1) } else { "?".to_owned() }).collect();
            format!("({})", params.join(", "))
        })
        .collect();
    format!("INSERT INTO {} ({}) VALUES {}", table.name, names.join(", "), tuples.join(", "))
}

async fn write_sqlite(tx: &mut sqlx::SqliteConnection, table: &Table, rows: &[Vec<Value>]) -> Result<(), CopyError> {
    for chunk in rows.chunks(BATCH) {
        let sql = insert_sql(table, chunk.len(), false);
        let mut query = sqlx::query(&sql);
        for value in chunk.iter().flatten() {
            query = match value.clone() {
                Value::Null => query.bind(None::<String>),
                Value::Int(i) => query.bind(i),
                Value::Text(t) => query.bind(t),
                Value::Bool(b) => query.bind(i64::from(b)),
                Value::Time(t) => query.bind(t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)),
                Value::Date(d) => query.bind(d.to_string()),
            };
        }
        query.execute(&mut *tx).await?;
    }
    Ok(())
}

async fn write_pg(tx: &mut sqlx::PgConnection, table: &Table, rows: &[Vec<Value>]) -> Result<(), CopyError> {
    for chunk in rows.chunks(BATCH) {
        let sql = insert_sql(table, chunk.len(), true);
        let mut query = sqlx::query(&sql);
        for row in chunk {
            for (value, (_, kind)) in row.iter().zip(table.columns) {
                // A NULL still needs the column's type, or Postgres cannot infer the parameter.
                query = match (value.clone(), kind) {
                    (Value::Null, Int) => query.bind(None::<i64>),
                    (Value::Null, Text) => query.bind(None::<String>),
                    (Value::Null, Bool) => query.bind(None::<bool>),
                    (Value::Null, Time) => query.bind(None::<DateTime<Utc>>),
                    (Value::Null, Date) => query.bind(None::<NaiveDate>),
                    (Value::Int(i), _) => query.bind(i),
                    (Value::Text(t), _) => query.bind(t),
                    (Value::Bool(b), _) => query.bind(b),
                    (Value::Time(t), _) => query.bind(t),
                    (Value::Date(d), _) => query.bind(d),
                };
            }
        }
        query.execute(&mut *tx).await?;
    }
    if table.identity {
        // Later inserts must not collide with the copied ids.
        let sql = format!(
            "SELECT setval(pg_get_serial_sequence('{0}', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {0}",
            table.name
        );
        sqlx::query(&sql).execute(&mut *tx).await?;
    }
    Ok(())
}

/// Copies every row from `from` into the empty database at `to` (migrated first), then
/// compares both sides. `progress` hears of each table as it is copied.
pub async fn copy(from: &str, to: &str, mut progress: impl FnMut(&str, usize)) -> Result<Vec<TableCopy>, CopyError> {
    let source = Db::open(from).await?;
    let target = Db::open(to).await?;
    if source.same_as(&target) {
        return Err(CopyError::SameDatabase);
    }
    for table in TABLES {
        if target.count(table).await? > 0 {
            return Err(CopyError::TargetNotEmpty(table.name));
        }
    }
    let mut read = Vec::with_capacity(TABLES.len());
    let mut tx = target.begin().await?;
    for table in TABLES {
        let rows = source.rows(table).await?;
        tx.write(table, &rows).await?;
        progress(table.name, rows.len());
        read.push(rows);
    }
    tx.commit().await?;
    let mut report = Vec::with_capacity(TABLES.len());
    for (table, rows) in TABLES.iter().zip(read) {
        let copied = target.rows(table).await?;
        report.push(TableCopy {
            table: table.name,
            source_rows: rows.len() as u64,
            target_rows: copied.len() as u64,
            source_checksum: checksum(&rows),
            target_checksum: checksum(&copied),
        });
    }
    Ok(report)
}

/// The tables and columns the copy plan knows, for the schema check in tests.
pub fn planned_columns() -> Vec<(&'static str, Vec<&'static str>)> {
    TABLES.iter().map(|t| (t.name, t.columns.iter().map(|(c, _)| *c).collect())).collect()
}
