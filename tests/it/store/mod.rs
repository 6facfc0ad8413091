//! The store contract: every `Store` method's documented behaviour, checked through
//! `&dyn Store` from `storage::open`, so each backend is held to the same promises.
//!
//! Every test runs once per backend (`store::<area>::sqlite::*`, `store::<area>::postgres::*`).
//! SQLite gets a temporary file. Postgres gets a fresh database per test on the server named by
//! `SAMRAD_TEST_POSTGRES_URL` (`scripts/pg-test-server.sh start` prints one); without it the
//! Postgres tests pass with a note, except under CI, where they must run.

use std::sync::Arc;

use crate::pg::ScratchDatabase;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use samrad::app::ports::prelude::*;
use samrad::app::ports::{NewJob, NewMeeting, StoreError};
use samrad::domain::{
    ChannelId, GuildId, MeetingId, Phase, Question, QuestionId, QuestionKind, RoleName, UnitName, UserId,
};

/// Declares each listed `async fn(&Db)` as a test per backend.
macro_rules! store_tests {
    ($($test:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $test() {
                    let db = crate::store::Db::sqlite().await;
                    super::$test(&db).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                #[ignore = "needs PostgreSQL: SAMRAD_TEST_POSTGRES_URL (scripts/test.sh starts one)"]
                async fn $test() {
                    super::$test(&crate::store::Db::postgres().await).await;
                }
            )*
        }
    };
}

mod agenda;
mod answers;
mod claims;
mod forget;
mod guilds;
mod kits;
mod meetings;
mod plans;
mod privacy;
mod rounds;
mod schedule;
mod seating;
mod speaking;
mod unit_answers;

/// A store on a database of its own, for one test.
pub struct Db {
    pub store: Arc<dyn Store>,
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    _pg: Option<ScratchDatabase>,
}

impl Db {
    pub async fn sqlite() -> Db {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite:{}", dir.path().join("store.db").display());
        let store = samrad::storage::open(&url).await.unwrap_or_else(|e| panic!("SQLite store at {url}: {e:?}"));
        Db { store, url, _dir: Some(dir), _pg: None }
    }

    /// A store on a fresh database on the Postgres test server (see `crate::pg`).
    pub async fn postgres() -> Db {
        let pg = ScratchDatabase::create().await;
        let url = pg.url.clone();
        let store = samrad::storage::open(&url).await.unwrap_or_else(|e| {
            panic!("storage::open({url:?}) failed, so the Postgres store cannot be tested: {e} ({e:?})")
        });
        Db { store, url, _dir: None, _pg: Some(pg) }
    }

    /// Runs `sql` on the database directly, past the store (to plant a row it never writes).
    pub async fn raw(&self, sql: &str) {
        if self.url.starts_with("sqlite:") {
            let pool = sqlx::SqlitePool::connect(&self.url).await.unwrap();
            sqlx::query(sql).execute(&pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
        } else {
            let pool = sqlx::PgPool::connect(&self.url).await.unwrap();
            sqlx::query(sql).execute(&pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
        }
    }

    /// Another store on the same database, as a second bot process would open it.
    pub async fn reopen(&self) -> Arc<dyn Store> {
        samrad::storage::open(&self.url).await.unwrap_or_else(|e| panic!("reopening {}: {e:?}", self.url))
    }
}

// ---------------------------------------------------------------- fixtures

/// Snowflakes as large as the store must keep: just under 2^63.
pub const TOP: u64 = i64::MAX as u64;
pub const GUILD: GuildId = GuildId(TOP);
pub const OTHER_GUILD: GuildId = GuildId(TOP - 1);

/// A user with a snowflake near the top; a larger `n` is a larger id.
pub fn user(n: u64) -> UserId {
    UserId(TOP - 10_000 + n)
}

pub fn channel(n: u64) -> ChannelId {
    ChannelId(TOP - 20_000 + n)
}

/// A fixed instant with microseconds, so a store that drops them is caught.
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 3, 4, 9, 15, 0).unwrap() + Duration::microseconds(123_456)
}

pub fn at(seconds: i64) -> DateTime<Utc> {
    t0() + Duration::seconds(seconds)
}

pub fn qid(id: &str) -> QuestionId {
    QuestionId::try_from(id).unwrap()
}

pub fn unit(name: &str) -> UnitName {
    UnitName::try_from(name).unwrap()
}

pub fn role(name: &str) -> RoleName {
    RoleName::try_from(name).unwrap()
}

pub fn job(key: &str, kind: &str, due_at: DateTime<Utc>) -> NewJob {
    NewJob { key: key.into(), kind: kind.into(), due_at }
}

/// Questions of every kind, with the text a kit in any of our languages may hold.
pub fn questions() -> Vec<Question> {
    let q = |id: &str, text: &str, kind: QuestionKind, help: Option<&str>, required: bool, phase: Phase| Question {
        id: qid(id),
        text: text.into(),
        kind,
        help: help.map(Into::into),
        required,
        phase,
        anonymity: samrad::domain::privacy::Anonymity::Named,
    };
    vec![
        q(
            "q1",
            "Hva har enheten gjort siden sist? «Vær ærlig» 🌱",
            QuestionKind::Free,
            Some("Skriv fritt."),
            true,
            Phase::Reflection,
        ),
        q("q2", "Hur långt har ni kommit?", QuestionKind::Scale { min: -2, max: 5 }, None, true, Phase::Reflection),
        q(
            "key-figures",
            "Choose one",
            QuestionKind::Choice { options: vec!["Ja, \"helt\"".into(), "Nei, ikke ennå".into(), "a,b".into()] },
            Some("Only one."),
            false,
            Phase::Reflection,
        ),
        q("share_2", "Andel kvinner (%)", QuestionKind::Number, None, false, Phase::Reflection),
        q("eval", "Was it useful?", QuestionKind::YesNo, None, true, Phase::Evaluation),
    ]
}

pub fn new_meeting(guild: GuildId, kit_id: &str) -> NewMeeting {
    NewMeeting {
        guild,
        kit_id: kit_id.into(),
        title: "Koordineringsgruppe — møte 2 «likestilling» 🌍".into(),
        language: "nb".into(),
        timezone: chrono_tz::Europe::Oslo,
        date: NaiveDate::from_ymd_opt(2027, 3, 18).unwrap(),
        channel: Some(channel(1)),
        deadline: Some(at(86_400)),
        units: vec![unit("Arkitektur"), unit("Bygg og miljø"), unit("Øst kommune")],
        roles: vec![role("Tillitsvalgt"), role("Leder"), role("Nøkkelperson")],
        questions: questions(),
        unit_answers: false,
        share_after_deadline: false,
    }
}

/// A meeting in `GUILD` with the standard questions.
pub async fn meeting(db: &Db) -> MeetingId {
    db.store.create_meeting(&new_meeting(GUILD, "kit-a"), t0()).await.unwrap()
}

/// `user(n)` as a member of `guild`.
pub async fn join(db: &Db, guild: GuildId, n: u64) -> UserId {
    db.store.ensure_member(guild, user(n), &format!("Medlem {n}")).await.unwrap();
    user(n)
}

#[track_caller]
pub fn assert_conflict<T: std::fmt::Debug>(result: Result<T, StoreError>, what: &str) {
    match result {
        Err(StoreError::Conflict(_)) => {}
        other => panic!("{what}: expected StoreError::Conflict, got {other:?}"),
    }
}

#[track_caller]
pub fn assert_not_found<T: std::fmt::Debug>(result: Result<T, StoreError>, what: &str) {
    match result {
        Err(StoreError::NotFound(_)) => {}
        other => panic!("{what}: expected StoreError::NotFound, got {other:?}"),
    }
}
