//! `samrad copy`: a deployment with every kind of data (the reflection demo and the meeting
//! day on one database) moves between engines with every row count and checksum equal, and
//! the copy works as a store afterwards.

use samrad::console::demo::{self, SharedOut};
use samrad::storage::copy::{copy, planned_columns, TableCopy};

use crate::store::Db;

/// Fills `url` the way a season of use would: the weeks before a meeting, then its day.
async fn season(url: &str) {
    let quiet = || SharedOut::new(Box::new(std::io::sink()));
    let kit = |id: &str| samrad::kit::find_kit(&crate::wire::prompts(), id).expect("kit");
    let store = samrad::storage::open(url).await.unwrap();
    let files = demo::files_dir(url);
    demo::run(kit("uio-koordineringsgruppe"), 7, store.clone(), files.clone(), quiet()).await.expect("reflection demo");
    samrad::console::demo_day::run(kit("benchmarking-1"), 7, store.clone(), files, quiet())
        .await
        .expect("meeting-day demo");
    // What the demos leave out: an edited answer (a revision) and a follow-up link.
    let guild = samrad::console::demo::DEMO_GUILD;
    // The demos' two meetings, in a fresh database: the weeks before (1) and the day (2).
    let (weeks, day) = (samrad::domain::MeetingId(1), samrad::domain::MeetingId(2));
    let answer = store.answers(weeks).await.unwrap().into_iter().next().expect("an answer");
    let at = answer.updated_at + chrono::Duration::minutes(5);
    store.save_answer(weeks, guild, answer.user, &answer.question, "Edited: ørsmå endringer", at).await.unwrap();
    store.link_previous(day, "uio-koordineringsgruppe").await.unwrap();
    // Privacy: an edited anonymous answer (with its respondent), an audit entry, and a third
    // meeting purged under retention, which keeps a key figure.
    let mut questions = crate::store::questions();
    questions[0].anonymity = samrad::domain::privacy::Anonymity::Anonymous;
    let anonymous = samrad::app::ports::NewMeeting { questions, ..crate::store::new_meeting(guild, "kit-anon") };
    let third = store.create_meeting(&anonymous, at).await.unwrap();
    let secret = samrad::domain::privacy::AuthorSecret::new(vec![5; 32]).unwrap();
    let key = secret.author_key(guild, third, answer.user);
    for value in ["Anonymt svar", "Anonymt svar, endret"] {
        let a = vec![(anonymous.questions[0].id.clone(), value.to_owned(), None)];
        store.save_anonymous_answers(third, guild, answer.user, &key, &a, at).await.unwrap();
    }
    // A unit's answer, edited once (two revisions with their authors).
    for value in ["Enhetens svar", "Enhetens svar, endret"] {
        let a = vec![(anonymous.questions[1].id.clone(), value.to_owned())];
        store.save_unit_answers(third, &anonymous.units[0], answer.user, &a, at).await.unwrap();
    }
    let entry = samrad::app::privacy_store::AuditEntry {
        at,
        actor: Some(answer.user),
        action: samrad::app::privacy_store::AuditAction::Export,
        meeting: Some(weeks),
        detail: "csv".into(),
    };
    store.record_audit(guild, &entry).await.unwrap();
    let figure = samrad::domain::digest::KeyFigure {
        question: anonymous.questions[3].id.clone(),
        unit: anonymous.units[0].clone(),
        value: 41.25,
    };
    let purged = store.create_meeting(&crate::store::new_meeting(guild, "kit-old"), at).await.unwrap();
    let rates = [(anonymous.units[0].clone(), 2.0 / 3.0)];
    let audit = samrad::app::retention::audit_entry(purged, "Old", at);
    store.purge_meeting(purged, &[figure], &rates, &audit).await.unwrap();
    // A kit an organiser uploaded (two versions), and the text the day's meeting was loaded from.
    let source = std::fs::read_to_string("prompts/benchmarking-1.toml").expect("shipped kit");
    for (version, text) in [source.clone(), format!("{source}\n# ändrad")].into_iter().enumerate() {
        let upload = samrad::app::ports::NewGuildKit {
            guild,
            kit_id: "benchmarking-1".into(),
            title: "Benchmarkingträff 1".into(),
            language: "sv".into(),
            sha256: format!("{version:0>64}"),
            source: text,
            uploaded_by: answer.user,
            uploaded_at: at,
        };
        store.save_guild_kit(&upload).await.unwrap();
    }
    let kit = samrad::app::ports::KitSource { kit_id: "benchmarking-1".into(), version: Some(2), source };
    store.save_meeting_kit(day, &kit).await.unwrap();
    // A plan's status change and a decision.
    let mut plans = store.plans(day).await.unwrap();
    plans.extend(store.plans(weeks).await.unwrap());
    let plan = plans.into_iter().next().expect("a plan");
    let change = samrad::domain::plan::PlanChange {
        plan: plan.id,
        status: samrad::domain::plan::PlanStatus::Dropped,
        note: Some("Slått sammen".into()),
        by: answer.user,
        at,
        asked_in: Some(day),
    };
    store.set_plan_status(&change).await.unwrap();
    let decision = samrad::app::ports::Decision {
        text: "Neste møte i Bergen".into(),
        responsible: "Sekretariatet".into(),
        responsible_id: Some(answer.user),
        due: None,
        created_by: answer.user,
    };
    store.add_decision(day, &decision, &|_| Vec::new(), at).await.unwrap();
    // Presenters of an item, one of them speaking.
    let speaking = samrad::domain::speaking::Speaking {
        presenters: vec![samrad::domain::speaking::Presenter::Member("Åsa «Ek»".into())],
        talk_minutes: 5,
        questions_minutes: 5,
        prepare_days_before: 3,
    };
    let item = samrad::app::ports::SpeakingPlan {
        position: 40,
        title: "Framsteg".into(),
        start: chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        speaking: speaking.clone(),
    };
    store.save_speaking_plans(day, &[item]).await.unwrap();
    let (timer, _) = samrad::domain::speaking::SpeakingTimer::start(&speaking, at).unwrap();
    assert!(store.save_speaking_timer(day, 40, &timer, None).await.unwrap());
}

fn assert_faithful(report: &[TableCopy]) {
    for t in report {
        assert!(t.matches(), "{t:?}");
    }
    let empty: Vec<_> = report.iter().filter(|t| t.source_rows == 0).map(|t| t.table).collect();
    assert!(empty.is_empty(), "tables left empty: {empty:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_deployment_copies_to_sqlite_unchanged() {
    let (from, to) = (Db::sqlite().await, Db::sqlite().await);
    season(&from.url).await;
    let report = copy(&from.url, &to.url, |_, _| {}).await.expect("copy");
    assert_faithful(&report);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: SAMRAD_TEST_POSTGRES_URL (scripts/test.sh starts one)"]
async fn a_sqlite_deployment_copies_to_postgres_and_back_unchanged() {
    let pg = Db::postgres().await;
    let (from, back) = (Db::sqlite().await, Db::sqlite().await);
    season(&from.url).await;
    let mut progress = Vec::new();
    let there = copy(&from.url, &pg.url, |table, rows| progress.push((table.to_owned(), rows))).await.expect("to pg");
    assert_faithful(&there);
    assert_eq!(progress.len(), there.len(), "progress for every table");
    let home = copy(&pg.url, &back.url, |_, _| {}).await.expect("back to sqlite");
    assert_faithful(&home);
    for (a, b) in there.iter().zip(&home) {
        assert_eq!(a.source_checksum, b.target_checksum, "{}: round trip changed data", a.table);
    }
    // The copy is a working store: ids continue after the copied ones.
    let store = samrad::storage::open(&pg.url).await.unwrap();
    let guild = samrad::domain::GuildId(4242);
    store.ensure_guild(guild, "new").await.unwrap();
    let kit = samrad::kit::find_kit(&crate::wire::prompts(), "example-en").unwrap();
    let clock = samrad::app::ports::ManualClock::new("2030-01-01T00:00:00Z".parse().unwrap());
    let organiser = samrad::app::Actor {
        guild,
        user: samrad::domain::UserId(1),
        name: "org".into(),
        staff: samrad::app::Staff::Organiser,
        lang: samrad::i18n::Lang::En,
    };
    samrad::app::meetings::load_meeting(&*store, &clock, &organiser, &kit, None, samrad::domain::ChannelId(9))
        .await
        .expect("a new meeting after the copy gets a fresh id");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn copying_into_a_database_with_data_is_refused_and_changes_nothing() {
    let (from, to) = (Db::sqlite().await, Db::sqlite().await);
    season(&from.url).await;
    to.store.ensure_guild(samrad::domain::GuildId(1), "already here").await.unwrap();
    let err = copy(&from.url, &to.url, |_, _| {}).await.unwrap_err();
    assert!(err.to_string().contains("already holds data (table guilds)"), "{err}");
    assert_eq!(to.store.members(samrad::domain::GuildId(1)).await.unwrap().len(), 0);
    let err = copy(&from.url, &from.url, |_, _| {}).await.unwrap_err();
    assert!(err.to_string().contains("same database"), "{err}");
}

/// The copy plan's tables and columns, sorted, to compare with a schema.
fn planned() -> Vec<(String, Vec<String>)> {
    let mut planned: Vec<(String, Vec<String>)> = planned_columns()
        .into_iter()
        .map(|(t, cols)| {
            let mut cols: Vec<String> = cols.into_iter().map(str::to_owned).collect();
            cols.sort();
            (t.to_owned(), cols)
        })
        .collect();
    planned.sort();
    planned
}

/// Every table and column of the SQLite schema is in the copy plan, and nothing else.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_copy_plan_names_every_column_of_the_sqlite_schema() {
    let sqlite = Db::sqlite().await;
    let pool = sqlx::SqlitePool::connect(&sqlite.url).await.unwrap();
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
         WHERE m.type = 'table' AND m.name NOT LIKE '\\_%' ESCAPE '\\' AND m.name NOT LIKE 'sqlite%'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(group(rows), planned(), "SQLite schema vs the copy plan");
}

/// Every table and column of the Postgres schema is in the copy plan, and nothing else.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: SAMRAD_TEST_POSTGRES_URL (scripts/test.sh starts one)"]
async fn the_copy_plan_names_every_column_of_the_postgres_schema() {
    let pg = Db::postgres().await;
    let pool = sqlx::PgPool::connect(&pg.url).await.unwrap();
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT table_name::TEXT, column_name::TEXT FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_%'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(group(rows), planned(), "Postgres schema vs the copy plan");
}

fn group(rows: Vec<(String, String)>) -> Vec<(String, Vec<String>)> {
    let mut map = std::collections::BTreeMap::<String, Vec<String>>::new();
    for (table, column) in rows {
        map.entry(table).or_default().push(column);
    }
    map.into_iter()
        .map(|(t, mut c)| {
            c.sort();
            (t, c)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_copy_and_migrate_commands_report_and_exit_by_result() {
    let (from, to) = (Db::sqlite().await, Db::sqlite().await);
    season(&from.url).await;
    let samrad = |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_samrad")).args(args).output().unwrap();
    let out = samrad(&["migrate", "--db", &to.url]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("the schema is current"));
    let out = samrad(&["copy", "--from", &from.url, "--to", &to.url]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("every row count and checksum matches"), "{stdout}");
    assert!(stdout.lines().any(|l| l.starts_with("answers ") && l.ends_with(" ok")), "{stdout}");
    let out = samrad(&["copy", "--from", &from.url, "--to", &to.url]);
    assert_eq!(out.status.code(), Some(2), "a second copy into the now full target fails");
    assert!(String::from_utf8_lossy(&out.stderr).contains("already holds data"));
}
