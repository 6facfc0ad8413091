//! Consent to share in breakout rooms, and anonymous answers: saved under the member's author
//! key, with who answered kept apart (`anonymous_respondents`) so reminders still know.

use chrono::{DateTime, Utc};

use super::corrupt;
use crate::app::privacy_store::{AnonymousAnswer, Consent};
use crate::domain::privacy::AuthorKey;
use crate::domain::{GuildId, MeetingId, QuestionId, UnitName, UserId};
use crate::storage::postgres::{chat_id, db_id, PgStore, StoreError};

type AnonymousRow = (Option<String>, String, String, i32, DateTime<Utc>);

fn anonymous((unit, question, value, revision, updated_at): AnonymousRow) -> Result<AnonymousAnswer, StoreError> {
    Ok(AnonymousAnswer {
        unit: unit.map(|u| UnitName::try_from(u.as_str())).transpose().map_err(corrupt)?,
        question: QuestionId::try_from(question.as_str()).map_err(corrupt)?,
        value,
        revision: u32::try_from(revision).unwrap_or(1),
        updated_at,
    })
}

pub(super) async fn consent(store: &PgStore, guild: GuildId, user: UserId) -> Result<Consent, StoreError> {
    let row: Option<(bool, bool)> =
        sqlx::query_as("SELECT share_in_rooms, consent_asked FROM members WHERE guild_id = $1 AND user_id = $2")
            .bind(db_id(guild.0))
            .bind(db_id(user.0))
            .fetch_optional(&store.pool)
            .await?;
    Ok(row.map(|(share_in_rooms, asked)| Consent { share_in_rooms, asked }).unwrap_or_default())
}

pub(super) async fn set_consent(store: &PgStore, guild: GuildId, user: UserId, share: bool) -> Result<(), StoreError> {
    sqlx::query("UPDATE members SET share_in_rooms = $1, consent_asked = TRUE WHERE guild_id = $2 AND user_id = $3")
        .bind(share)
        .bind(db_id(guild.0))
        .bind(db_id(user.0))
        .execute(&store.pool)
        .await?;
    Ok(())
}

pub(super) async fn mark_consent_asked(store: &PgStore, guild: GuildId, user: UserId) -> Result<(), StoreError> {
    sqlx::query("UPDATE members SET consent_asked = TRUE WHERE guild_id = $1 AND user_id = $2")
        .bind(db_id(guild.0))
        .bind(db_id(user.0))
        .execute(&store.pool)
        .await?;
    Ok(())
}

pub(super) async fn save_anonymous_answers(
    store: &PgStore,
    meeting: MeetingId,
    guild: GuildId,
    user: UserId,
    key: &AuthorKey,
    answers: &[(QuestionId, String, Option<UnitName>)],
    now: DateTime<Utc>,
) -> Result<Vec<u32>, StoreError> {
    let (g, u, k) = (db_id(guild.0), db_id(user.0), key.as_str());
    let mut tx = store.pool.begin().await?;
    let mut revisions = Vec::with_capacity(answers.len());
    for (question, value, unit) in answers {
        let q = question.as_str();
        let unit_id: Option<i64> = match unit {
            Some(unit) => {
                sqlx::query_scalar("SELECT id FROM units WHERE guild_id = $1 AND name_key = $2")
                    .bind(g)
                    .bind(unit.key())
                    .fetch_optional(&mut *tx)
                    .await?
            }
            None => None,
        };
        // Lock the current answer, so two edits at once each keep their own revision.
        sqlx::query(
            "SELECT 1 FROM anonymous_answers WHERE meeting_id = $1 AND question_id = $2 AND author_key = $3 FOR UPDATE",
        )
        .bind(meeting.0)
        .bind(q)
        .bind(k)
        .fetch_optional(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO anonymous_answer_revisions (meeting_id, question_id, author_key, revision, value, replaced_at)
             SELECT meeting_id, question_id, author_key, revision, value, $4 FROM anonymous_answers
             WHERE meeting_id = $1 AND question_id = $2 AND author_key = $3",
        )
        .bind(meeting.0)
        .bind(q)
        .bind(k)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let revision: i32 = sqlx::query_scalar(
            "INSERT INTO anonymous_answers (meeting_id, question_id, author_key, unit_id, value, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (meeting_id, question_id, author_key) DO UPDATE SET
                value = excluded.value, unit_id = excluded.unit_id,
                revision = anonymous_answers.revision + 1, updated_at = excluded.updated_at
             RETURNING revision",
        )
        .bind(meeting.0)
        .bind(q)
        .bind(k)
        .bind(unit_id)
        .bind(value)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO anonymous_respondents (meeting_id, question_id, guild_id, user_id) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
        )
        .bind(meeting.0)
        .bind(q)
        .bind(g)
        .bind(u)
        .execute(&mut *tx)
        .await?;
        revisions.push(u32::try_from(revision).unwrap_or(1));
    }
    tx.commit().await?;
    Ok(revisions)
}

pub(super) async fn anonymous_answers(store: &PgStore, meeting: MeetingId) -> Result<Vec<AnonymousAnswer>, StoreError> {
    let rows: Vec<AnonymousRow> = sqlx::query_as(
        r#"SELECT un.name, a.question_id, a.value, a.revision, a.updated_at
           FROM anonymous_answers a LEFT JOIN units un ON un.id = a.unit_id
           JOIN questions q ON q.meeting_id = a.meeting_id AND q.id = a.question_id
           WHERE a.meeting_id = $1 ORDER BY q.position, un.name COLLATE "C", a.value COLLATE "C""#,
    )
    .bind(meeting.0)
    .fetch_all(&store.pool)
    .await?;
    rows.into_iter().map(anonymous).collect()
}

pub(super) async fn anonymous_answers_of(
    store: &PgStore,
    meeting: MeetingId,
    key: &AuthorKey,
) -> Result<Vec<AnonymousAnswer>, StoreError> {
    let rows: Vec<AnonymousRow> = sqlx::query_as(
        "SELECT un.name, a.question_id, a.value, a.revision, a.updated_at
         FROM anonymous_answers a LEFT JOIN units un ON un.id = a.unit_id
         JOIN questions q ON q.meeting_id = a.meeting_id AND q.id = a.question_id
         WHERE a.meeting_id = $1 AND a.author_key = $2 ORDER BY q.position",
    )
    .bind(meeting.0)
    .bind(key.as_str())
    .fetch_all(&store.pool)
    .await?;
    rows.into_iter().map(anonymous).collect()
}

pub(super) async fn anonymous_respondents(
    store: &PgStore,
    meeting: MeetingId,
) -> Result<Vec<(QuestionId, UserId)>, StoreError> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        r#"SELECT question_id, user_id FROM anonymous_respondents WHERE meeting_id = $1
           ORDER BY question_id COLLATE "C", user_id"#,
    )
    .bind(meeting.0)
    .fetch_all(&store.pool)
    .await?;
    rows.into_iter()
        .map(|(q, u)| Ok((QuestionId::try_from(q.as_str()).map_err(corrupt)?, UserId(chat_id(u)))))
        .collect()
}
