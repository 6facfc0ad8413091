//! Everything samrad stores about one member, for their own export (`/privacy my-data`):
//! profile, answers with their earlier versions (anonymous ones through the author keys),
//! seats, notes, summaries, plans they recorded and what they did in the audit log.

use chrono::{DateTime, Utc};

use super::corrupt;
use super::retention::{audit, AuditRow};
use crate::app::privacy_store::{AnonymousKeys, Consent, MemberData, MyAnswer};
use crate::domain::{GuildId, MeetingId, QuestionId, UnitName, UserId};
use crate::storage::postgres::{db_id, PgStore, StoreError};

/// A member's row: name, unit, role, language, consent (share, asked) and when they joined.
type MemberRow = (String, Option<String>, Option<String>, Option<String>, bool, bool, DateTime<Utc>);

pub(super) async fn member_data(
    store: &PgStore,
    guild: GuildId,
    user: UserId,
    keys: &AnonymousKeys,
) -> Result<MemberData, StoreError> {
    let (g, u) = (db_id(guild.0), db_id(user.0));
    let mut data = MemberData::default();
    let member: Option<MemberRow> = sqlx::query_as(
        "SELECT m.display_name, un.name, m.role, m.locale, m.share_in_rooms, m.consent_asked, m.joined_at
             FROM members m LEFT JOIN units un ON un.id = m.unit_id WHERE m.guild_id = $1 AND m.user_id = $2",
    )
    .bind(g)
    .bind(u)
    .fetch_optional(&store.pool)
    .await?;
    if let Some((name, unit, role, locale, share_in_rooms, asked, joined)) = member {
        data.name = name;
        data.unit = unit.map(|x| UnitName::try_from(x.as_str())).transpose().map_err(corrupt)?;
        data.role = role;
        data.locale = locale;
        data.consent = Consent { share_in_rooms, asked };
        data.joined_at = Some(joined);
    }
    let answers: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT a.meeting_id, mt.title, a.question_id, q.text, a.value
         FROM answers a JOIN meetings mt ON mt.id = a.meeting_id
         JOIN questions q ON q.meeting_id = a.meeting_id AND q.id = a.question_id
         WHERE a.guild_id = $1 AND a.user_id = $2 ORDER BY a.meeting_id, q.position",
    )
    .bind(g)
    .bind(u)
    .fetch_all(&store.pool)
    .await?;
    for (meeting, title, question, text, value) in answers {
        let earlier: Vec<String> = sqlx::query_scalar(
            "SELECT value FROM answer_revisions WHERE meeting_id = $1 AND question_id = $2 AND user_id = $3 ORDER BY revision",
        )
        .bind(meeting)
        .bind(&question)
        .bind(u)
        .fetch_all(&store.pool)
        .await?;
        data.answers.push(MyAnswer {
            meeting: MeetingId(meeting),
            meeting_title: title,
            question: QuestionId::try_from(question.as_str()).map_err(corrupt)?,
            question_text: text,
            value,
            earlier,
            anonymous: false,
        });
    }
    for (meeting, key) in keys {
        let rows: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT mt.title, a.question_id, q.text, a.value FROM anonymous_answers a
             JOIN meetings mt ON mt.id = a.meeting_id
             JOIN questions q ON q.meeting_id = a.meeting_id AND q.id = a.question_id
             WHERE a.meeting_id = $1 AND a.author_key = $2 ORDER BY q.position",
        )
        .bind(meeting.0)
        .bind(key.as_str())
        .fetch_all(&store.pool)
        .await?;
        for (title, question, text, value) in rows {
            let earlier: Vec<String> = sqlx::query_scalar(
                "SELECT value FROM anonymous_answer_revisions
                 WHERE meeting_id = $1 AND question_id = $2 AND author_key = $3 ORDER BY revision",
            )
            .bind(meeting.0)
            .bind(&question)
            .bind(key.as_str())
            .fetch_all(&store.pool)
            .await?;
            data.answers.push(MyAnswer {
                meeting: *meeting,
                meeting_title: title,
                question: QuestionId::try_from(question.as_str()).map_err(corrupt)?,
                question_text: text,
                value,
                earlier,
                anonymous: true,
            });
        }
    }
    data.answers.sort_by_key(|a| a.meeting.0);
    data.rooms = sqlx::query_as(
        "SELECT mt.title, r.name FROM room_members rm JOIN rooms r ON r.id = rm.room_id
         JOIN rounds ro ON ro.id = r.round_id JOIN meetings mt ON mt.id = ro.meeting_id
         WHERE mt.guild_id = $1 AND rm.user_id = $2 ORDER BY ro.id, r.number",
    )
    .bind(g)
    .bind(u)
    .fetch_all(&store.pool)
    .await?;
    data.notes = sqlx::query_as(
        "SELECT r.name, n.text FROM notes n JOIN rooms r ON r.id = n.room_id
         JOIN rounds ro ON ro.id = r.round_id JOIN meetings mt ON mt.id = ro.meeting_id
         WHERE mt.guild_id = $1 AND n.user_id = $2 ORDER BY n.id",
    )
    .bind(g)
    .bind(u)
    .fetch_all(&store.pool)
    .await?;
    data.summaries = sqlx::query_as(
        "SELECT r.name, r.summary FROM rooms r
         JOIN rounds ro ON ro.id = r.round_id JOIN meetings mt ON mt.id = ro.meeting_id
         WHERE mt.guild_id = $1 AND r.summary_by = $2 AND r.summary IS NOT NULL ORDER BY r.id",
    )
    .bind(g)
    .bind(u)
    .fetch_all(&store.pool)
    .await?;
    data.plans = sqlx::query_as(
        "SELECT un.name, p.action, p.owner, p.due FROM plans p JOIN units un ON un.id = p.unit_id
         JOIN meetings mt ON mt.id = p.meeting_id WHERE mt.guild_id = $1 AND p.created_by = $2 ORDER BY p.id",
    )
    .bind(g)
    .bind(u)
    .fetch_all(&store.pool)
    .await?;
    let rows: Vec<AuditRow> = sqlx::query_as(
        "SELECT at, actor_id, action, meeting_id, detail FROM audit_log WHERE guild_id = $1 AND actor_id = $2
         ORDER BY at, id",
    )
    .bind(g)
    .bind(u)
    .fetch_all(&store.pool)
    .await?;
    data.audit = rows.into_iter().map(audit).collect::<Result<_, _>>()?;
    Ok(data)
}
