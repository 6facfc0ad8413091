//! Upgrading a SQLite database that holds answers: the migration that rebuilds `questions`
//! for the meeting-day phase keeps every answer, revision, anonymous and unit answer, and the
//! foreign keys still cascade afterwards.

use std::borrow::Cow;

use samrad::app::ports::prelude::*;
use samrad::domain::MeetingId;
use samrad::storage::sqlite::MIGRATOR;
use samrad::storage::SqliteStore;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};

/// The first migration that knows the `during` phase.
const DURING: i64 = 20261222000001;

async fn count(pool: &sqlx::SqlitePool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT count(*) FROM {table}")).fetch_one(pool).await.unwrap()
}

#[tokio::test]
async fn the_during_phase_migration_keeps_every_answer() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("old.db").display());
    let options: SqliteConnectOptions =
        url.parse::<SqliteConnectOptions>().unwrap().create_if_missing(true).foreign_keys(true);
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await.unwrap();
    let before: Vec<_> = MIGRATOR.iter().filter(|m| m.version < DURING).cloned().collect();
    let old = Migrator { migrations: Cow::Owned(before), ..Migrator::DEFAULT };
    old.run(&pool).await.unwrap();
    for sql in [
        "INSERT INTO guilds (id, created_at) VALUES (1, '2027-01-01T00:00:00Z')",
        "INSERT INTO members (guild_id, user_id, display_name, joined_at) VALUES (1, 7, 'Ada', '2027-01-01T00:00:00Z')",
        "INSERT INTO meetings (id, guild_id, kit_id, title, language, timezone, meeting_date, state, created_at)
             VALUES (1, 1, 'k', 'Møtet', 'nb', 'Europe/Oslo', '2027-04-15', 'open', '2027-01-01T00:00:00Z')",
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
    ] {
        sqlx::query(sql).execute(&pool).await.unwrap();
    }
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
    let broken: Vec<(String,)> =
        sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check").fetch_all(pool).await.unwrap();
    assert!(broken.is_empty(), "{broken:?}");
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
