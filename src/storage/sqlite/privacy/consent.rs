//! Consent to share in breakout rooms, and anonymous answers: saved under the member's author
//! key, with who answered kept apart (`anonymous_respondents`) so reminders still know.

use chrono::{DateTime, Utc};

use super::corrupt;
use crate::app::privacy_store::{AnonymousAnswer, Consent};
use crate::domain::privacy::AuthorKey;
use crate::domain::{GuildId, MeetingId, QuestionId, UnitName, UserId};
use crate::storage::sqlite::{chat_id, db_id, time, SqliteStore, StoreError};

fn anonymous(
    unit: Option<String>,
    question: String,
    value: String,
    revision: i64,
    updated_at: &str,
) -> Result<AnonymousAnswer, StoreError> {
    Ok(AnonymousAnswer {
        unit: unit.map(|u| UnitName::try_from(u.as_str())).transpose().map_err(corrupt)?,
        question: QuestionId::try_from(question.as_str()).map_err(corrupt)?,
        value,
        revision: u32::try_from(revision).unwrap_or(1),
        updated_at: time::from_db(updated_at)?,
    })
}

pub(super) async fn consent(store: &SqliteStore, guild: GuildId, user: UserId) -> Result<Consent, StoreError> {
    let (g, u) = (db_id(guild.0), db_id(user.0));
    let row =
        sqlx::query!("SELECT share_in_rooms, consent_asked FROM members WHERE guild_id = ? AND user_id = ?", g, u)
            .fetch_optional(&store.pool)
            .await?;
    Ok(row.map(|r| Consent { share_in_rooms: r.share_in_rooms != 0, asked: r.consent_asked != 0 }).unwrap_or_default())
}

pub(super) async fn set_consent(
    store: &SqliteStore,
    guild: GuildId,
    user: UserId,
    share: bool,
) -> Result<(), StoreError> {
    let (g, u) = (db_id(guild.0), db_id(user.0));
    sqlx::query!(
        "UPDATE members SET share_in_rooms = ?, consent_asked = 1 WHERE guild_id = ? AND user_id = ?",
        share,
        g,
        u
    )
    .execute(&store.pool)
    .await?;
    Ok(())
}

pub(super) async fn mark_consent_asked(store: &SqliteStore, guild: GuildId, user: UserId) -> Result<(), StoreError> {
    let (g, u) = (db_id(guild.0), db_id(user.0));
    sqlx::query!("UPDATE members SET consent_asked = 1 WHERE guild_id = ? AND user_id = ?", g, u)
        .execute(&store.pool)
        .await?;
    Ok(())
}

pub(super) async fn save_anonymous_answers(
    store: &SqliteStore,
    meeting: MeetingId,
    guild: GuildId,
    user: UserId,
    key: &AuthorKey,
    answers: &[(QuestionId, String, Option<UnitName>)],
    now: DateTime<Utc>,
) -> Result<Vec<u32>, StoreError> {
    let now = time::to_db(now);
    let (g, u, k) = (db_id(guild.0), db_id(user.0), key.as_str());
    let mut tx = store.pool.begin().await?;
    let mut revisions = Vec::with_capacity(answers.len());
    for (question, value, unit) in answers {
        let q = question.as_str();
        let unit_id = match unit {
            Some(unit) => {
                let name_key = unit.key();
                sqlx::query_scalar!("SELECT id FROM units WHERE guild_id = ? AND name_key = ?", g, name_key)
                    .fetch_optional(&mut *tx)
                    .await?
            }
            None => None,
        };
        sqlx::query!(
            "INSERT INTO anonymous_answer_revisions (meeting_id, question_id, author_key, revision, value, replaced_at)
             SELECT meeting_id, question_id, author_key, revision, value, ? FROM anonymous_answers
             WHERE meeting_id = ? AND question_id = ? AND author_key = ?",
            now,
            meeting.0,
            q,
            k
        )
        .execute(&mut *tx)
        .await?;
        let revision = sqlx::query_scalar!(
            "INSERT INTO anonymous_answers (meeting_id, question_id, author_key, unit_id, value, updated_at)
             VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (meeting_id, question_id, author_key) DO UPDATE SET
                value = excluded.value, unit_id = excluded.unit_id,
                revision = anonymous_answers.revision + 1, updated_at = excluded.updated_at
             RETURNING revision",
            meeting.0,
            q,
            k,
            unit_id,
            value,
            now
        )
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query!(
            "INSERT INTO anonymous_respondents (meeting_id, question_id, guild_id, user_id) VALUES (?, ?, ?, ?)
             ON CONFLICT DO NOTHING",
            meeting.0,
            q,
            g,
            u
        )
        .execute(&mut *tx)
        .await?;
        revisions.push(u32::try_from(revision).unwrap_or(1));
    }
    tx.commit().await?;
    Ok(revisions)
}

pub(super) async fn anonymous_answers(
    store: &SqliteStore,
    meeting: MeetingId,
) -> Result<Vec<AnonymousAnswer>, StoreError> {
    // Ordered by question, unit and value: never by author or time, which could pair an
    // answer with a respondent.
    let rows = sqlx::query!(
        r#"SELECT un.name AS "unit?", a.question_id, a.value, a.revision, a.updated_at
           FROM anonymous_answers a LEFT JOIN units un ON un.id = a.unit_id
           JOIN questions q ON q.meeting_id = a.meeting_id AND q.id = a.question_id
           WHERE a.meeting_id = ? ORDER BY q.position, un.name, a.value"#,
        meeting.0
    )
    .fetch_all(&store.pool)
    .await?;
    rows.into_iter().map(|r| anonymous(r.unit, r.question_id, r.value, r.revision, &r.updated_at)).collect()
}

pub(super) async fn anonymous_answers_of(
    store: &SqliteStore,
    meeting: MeetingId,
    key: &AuthorKey,
) -> Result<Vec<AnonymousAnswer>, StoreError> {
    let k = key.as_str();
    let rows = sqlx::query!(
        r#"SELECT un.name AS "unit?", a.question_id, a.value, a.revision, a.updated_at
           FROM anonymous_answers a LEFT JOIN units un ON un.id = a.unit_id
           JOIN questions q ON q.meeting_id = a.meeting_id AND q.id = a.question_id
           WHERE a.meeting_id = ? AND a.author_key = ? ORDER BY q.position"#,
        meeting.0,
        k
    )
    .fetch_all(&store.pool)
    .await?;
    rows.into_iter().map(|r| anonymous(r.unit, r.question_id, r.value, r.revision, &r.updated_at)).collect()
}

pub(super) async fn anonymous_respondents(
    store: &SqliteStore,
    meeting: MeetingId,
) -> Result<Vec<(QuestionId, UserId)>, StoreError> {
    let rows = sqlx::query!(
        "SELECT question_id, user_id FROM anonymous_respondents WHERE meeting_id = ? ORDER BY question_id, user_id",
        meeting.0
    )
    .fetch_all(&store.pool)
    .await?;
    rows.into_iter()
        .map(|r| Ok((QuestionId::try_from(r.question_id.as_str()).map_err(corrupt)?, UserId(chat_id(r.user_id)))))
        .collect()
}
