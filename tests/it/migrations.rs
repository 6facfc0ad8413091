//! Upgrading a SQLite database that holds data: the migrations that rebuild tables (SQLite
//! cannot alter a CHECK) keep every row, and the foreign keys still cascade afterwards.
//! - `questions` for the meeting-day phase: every answer, revision, anonymous and unit answer.
//! - `rounds` and `agenda_items` without the CHECK lists of grouping modes: every round, room,
//!   seat, note, category and agenda item.

use std::borrow::Cow;

use samrad::app::ports::prelude::*;
use samrad::domain::MeetingId;
use samrad::storage::sqlite::MIGRATOR;
use samrad::storage::SqliteStore;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};

/// The first migration that knows the `during` phase.
const DURING: i64 = 20261222000001;
/// The migration that drops the CHECK lists of grouping modes.
const MODES_UNCHECKED: i64 = 20261230100002;

async fn count(pool: &sqlx::SqlitePool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT count(*) FROM {table}")).fetch_one(pool).await.unwrap()
}

/// A database at `dir` migrated up to (not including) `version`, with `rows` inserted.
async fn old_database(dir: &tempfile::TempDir, version: i64, rows: &[&str]) -> (String, sqlx::SqlitePool) {
    let url = format!("sqlite:{}", dir.path().join("old.db").display());
    let options: SqliteConnectOptions =
        url.parse::<SqliteConnectOptions>().unwrap().create_if_missing(true).foreign_keys(true);
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await.unwrap();
    let before: Vec<_> = MIGRATOR.iter().filter(|m| m.version < version).cloned().collect();
    let old = Migrator { migrations: Cow::Owned(before), ..Migrator::DEFAULT };
    old.run(&pool).await.unwrap();
    for sql in rows {
        sqlx::query(sql).execute(&pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
    (url, pool)
}

async fn no_broken_foreign_keys(pool: &sqlx::SqlitePool) {
    let broken: Vec<(String,)> =
        sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check").fetch_all(pool).await.unwrap();
    assert!(broken.is_empty(), "{broken:?}");
}

const GUILD_AND_MEETING: [&str; 2] = [
    "INSERT INTO guilds (id, created_at) VALUES (1, '2027-01-01T00:00:00Z')",
    "INSERT INTO meetings (id, guild_id, kit_id, title, language, timezone, meeting_date, state, created_at)
         VALUES (1, 1, 'k', 'Møtet', 'nb', 'Europe/Oslo', '2027-04-15', 'open', '2027-01-01T00:00:00Z')",
];

#[tokio::test]
async fn the_during_phase_migration_keeps_every_answer() {
    let dir = tempfile::tempdir().unwrap();
    let rows = [
        GUILD_AND_MEETING[0],
        "INSERT INTO members (guild_id, user_id, display_name, joined_at) VALUES (1, 7, 'Ada', '2027-01-01T00:00:00Z')",
        GUILD_AND_MEETING[1],
        "INSERT INTO questions (meeting_id, id, position, text, kind) VALUES (1, 'q1', 0, 'Hva er status?', 'free')",
        "INSERT INTO answers (meeting_id, question_id, guild_id, user_id, value, revision, answered_at, updated_at)
             VALUES (1, 'q1', 1, 7, 'Godt i gang', 2, '2027-01-02T00:00:00Z', '2027-01-03T00:00:00Z')",
        "INSERT INTO answer_revisions (meeting_id, question_id, user_id, revision, value, replaced_at)
             VALUES (1, 'q1', 7, 1, 'I gang', '2027-01-03T00:00:00Z')",
        "INSERT INTO anonymous_answers (meeting_id, question_id, author_key, value, updated_at)
             VALUES (1, 'q1', printf('%064d', 1), 'Anonymt svar', '2027-01-02T00:00:00Z')",
        "INSERT INTO anonymous_respondents (meeting_id, question_id, guild_id, user_id) VALUES (1, 'q1', 1, 7)",
        "INSERT INTO units (id, guild_id, name, name_key) VALUES (3, 1, 'KHM', 'khm')",
        "INSERT INTO unit_answers (meeting_id, question_id, unit_id, value, revision, author_id, updated_at)
             VALUES (1, 'q1', 3, 'Enhetens svar', 1, 7, '2027-01-02T00:00:00Z')",
        "INSERT INTO unit_answer_revisions (meeting_id, question_id, unit_id, revision, value, author_id, saved_at)
             VALUES (1, 'q1', 3, 1, 'Enhetens svar', 7, '2027-01-02T00:00:00Z')",
    ];
    let (url, pool) = old_database(&dir, DURING, &rows).await;
    let refused = sqlx::query(
        "INSERT INTO questions (meeting_id, id, position, text, kind, phase) VALUES (1, 'd', 1, 'D', 'free', 'during')",
    )
    .execute(&pool)
    .await;
    assert!(refused.is_err(), "the old schema refuses the new phase");
    pool.close().await;

    // Opening the store runs the rest, as a new release does at start.
    let store = SqliteStore::open(&url).await.unwrap();
    let answers = store.answers(MeetingId(1)).await.unwrap();
    assert_eq!(answers.len(), 1);
    assert_eq!((answers[0].value.as_str(), answers[0].revision), ("Godt i gang", 2));
    let pool = store.pool();
    let kept =
        ["answer_revisions", "anonymous_answers", "anonymous_respondents", "unit_answers", "unit_answer_revisions"];
    for (table, n) in kept.map(|t| (t, 1)) {
        assert_eq!(count(pool, table).await, n, "{table}");
    }
    no_broken_foreign_keys(pool).await;
    sqlx::query(
        "INSERT INTO questions (meeting_id, id, position, text, kind, phase) VALUES (1, 'd', 1, 'D', 'free', 'during')",
    )
    .execute(pool)
    .await
    .expect("the new phase is accepted");
    // The rebuilt tables still cascade from questions.
    sqlx::query("DELETE FROM questions WHERE id = 'q1'").execute(pool).await.unwrap();
    for table in ["answers"].into_iter().chain(kept) {
        assert_eq!(count(pool, table).await, 0, "{table}");
    }
}

#[tokio::test]
async fn the_migration_that_drops_the_mode_checks_keeps_every_round_and_agenda_item() {
    let dir = tempfile::tempdir().unwrap();
    let rows = [
        GUILD_AND_MEETING[0],
        GUILD_AND_MEETING[1],
        "INSERT INTO rounds (id, meeting_id, number, mode, started_at, ends_at, in_person)
             VALUES (5, 1, 1, 'pairs', '2027-04-15T09:00:00Z', '2027-04-15T09:20:00Z', 1)",
        "INSERT INTO rooms (id, round_id, number, name, label, cap, text_channel, summary)
             VALUES (8, 5, 1, 'Rom 1', 'Bord A', 4, 900, 'Vi snakket om planen')",
        "INSERT INTO room_members (room_id, user_id) VALUES (8, 7)",
        "INSERT INTO notes (id, room_id, user_id, text, created_at) VALUES (2, 8, 7, 'Et notat', '2027-04-15T09:05:00Z')",
        "INSERT INTO round_categories (round_id, position, category_id) VALUES (5, 1, 800)",
        "INSERT INTO agenda_items (meeting_id, position, starts_at, minutes, kind, title, plan_id, plan_mode, plan_topics)
             VALUES (1, 0, '2027-04-15T09:00:00Z', 20, 'breakout', 'Grupper', 'par', 'pairs', '[\"A\"]')",
    ];
    let (url, pool) = old_database(&dir, MODES_UNCHECKED, &rows).await;
    let refused = sqlx::query("UPDATE rounds SET mode = 'trios'").execute(&pool).await;
    assert!(refused.is_err(), "the old schema lists the modes");
    pool.close().await;

    let store = SqliteStore::open(&url).await.unwrap();
    let pool = store.pool();
    for table in ["rounds", "rooms", "room_members", "notes", "round_categories", "agenda_items"] {
        assert_eq!(count(pool, table).await, 1, "{table}");
    }
    let room: (i64, i64, String, Option<String>, Option<i64>, Option<String>) =
        sqlx::query_as("SELECT id, round_id, name, label, cap, summary FROM rooms").fetch_one(pool).await.unwrap();
    assert_eq!(room, (8, 5, "Rom 1".into(), Some("Bord A".into()), Some(4), Some("Vi snakket om planen".into())));
    let round: (i64, String, i64) =
        sqlx::query_as("SELECT id, mode, in_person FROM rounds").fetch_one(pool).await.unwrap();
    assert_eq!(round, (5, "pairs".into(), 1));
    let item: (String, String) =
        sqlx::query_as("SELECT plan_mode, plan_topics FROM agenda_items").fetch_one(pool).await.unwrap();
    assert_eq!(item, ("pairs".into(), "[\"A\"]".into()));
    no_broken_foreign_keys(pool).await;
    // A mode samrad does not know is the code's to refuse now, not the schema's.
    sqlx::query("UPDATE rounds SET mode = 'trios'").execute(pool).await.expect("no CHECK list any more");
    // The rebuilt tables still cascade from meetings, rounds and rooms; the index still holds.
    let second_open = "INSERT INTO rounds (meeting_id, number, mode, started_at, ends_at)
                           VALUES (1, 2, 'random', '2027-04-15T10:00:00Z', '2027-04-15T10:20:00Z')";
    assert!(sqlx::query(second_open).execute(pool).await.is_err(), "one open round per meeting");
    sqlx::query("DELETE FROM meetings").execute(pool).await.unwrap();
    for table in ["rounds", "rooms", "room_members", "notes", "round_categories", "agenda_items"] {
        assert_eq!(count(pool, table).await, 0, "{table}");
    }
}
