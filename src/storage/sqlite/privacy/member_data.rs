//! Everything samrad stores about one member, for their own export (`/privacy my-data`):
//! profile, answers with their earlier versions (anonymous ones through the author keys),
//! seats, notes, summaries, plans they recorded and what they did in the audit log.

use super::corrupt;
use super::retention::audit;
use crate::app::privacy_store::{AnonymousKeys, Consent, MemberData, MyAnswer};
use crate::domain::{GuildId, MeetingId, QuestionId, UnitName, UserId};
use crate::storage::sqlite::{db_id, time, SqliteStore, StoreError};

pub(super) async fn member_data(
    store: &SqliteStore,
    guild: GuildId,
    user: UserId,
    keys: &AnonymousKeys,
) -> Result<MemberData, StoreError> {
    let (g, u) = (db_id(guild.0), db_id(user.0));
    let mut data = MemberData::default();
    let member = sqlx::query!(
        r#"SELECT m.display_name, un.name AS "unit?", m.role, m.locale, m.share_in_rooms, m.consent_asked, m.joined_at
           FROM members m LEFT JOIN units un ON un.id = m.unit_id WHERE m.guild_id = ? AND m.user_id = ?"#,
        g,
        u
    )
    .fetch_optional(&store.pool)
    .await?;
    if let Some(m) = member {
        data.name = m.display_name;
        data.unit = m.unit.map(|x| UnitName::try_from(x.as_str())).transpose().map_err(corrupt)?;
        data.role = m.role;
        data.locale = m.locale;
        data.consent = Consent { share_in_rooms: m.share_in_rooms != 0, asked: m.consent_asked != 0 };
        data.joined_at = Some(time::from_db(&m.joined_at)?);
    }
    let answers = sqlx::query!(
        "SELECT a.meeting_id, mt.title, a.question_id, q.text, a.value
         FROM answers a JOIN meetings mt ON mt.id = a.meeting_id
         JOIN questions q ON q.meeting_id = a.meeting_id AND q.id = a.question_id
         WHERE a.guild_id = ? AND a.user_id = ? ORDER BY a.meeting_id, q.position",
        g,
        u
    )
    .fetch_all(&store.pool)
    .await?;
    for a in answers {
        let earlier = sqlx::query_scalar!(
            "SELECT value FROM answer_revisions WHERE meeting_id = ? AND question_id = ? AND user_id = ? ORDER BY revision",
            a.meeting_id,
            a.question_id,
            u
        )
        .fetch_all(&store.pool)
        .await?;
        data.answers.push(MyAnswer {
            meeting: MeetingId(a.meeting_id),
            meeting_title: a.title,
            question: QuestionId::try_from(a.question_id.as_str()).map_err(corrupt)?,
            question_text: a.text,
            value: a.value,
            earlier,
            anonymous: false,
        });
    }
    for (meeting, key) in keys {
        let k = key.as_str();
        let rows = sqlx::query!(
            "SELECT mt.title, a.question_id, q.text, a.value FROM anonymous_answers a
             JOIN meetings mt ON mt.id = a.meeting_id
             JOIN questions q ON q.meeting_id = a.meeting_id AND q.id = a.question_id
             WHERE a.meeting_id = ? AND a.author_key = ? ORDER BY q.position",
            meeting.0,
            k
        )
        .fetch_all(&store.pool)
        .await?;
        for a in rows {
            let earlier = sqlx::query_scalar!(
                "SELECT value FROM anonymous_answer_revisions WHERE meeting_id = ? AND question_id = ? AND author_key = ?
                 ORDER BY revision",
                meeting.0,
                a.question_id,
                k
            )
            .fetch_all(&store.pool)
            .await?;
            data.answers.push(MyAnswer {
                meeting: *meeting,
                meeting_title: a.title,
                question: QuestionId::try_from(a.question_id.as_str()).map_err(corrupt)?,
                question_text: a.text,
                value: a.value,
                earlier,
                anonymous: true,
            });
        }
    }
    data.answers.sort_by_key(|a| a.meeting.0);
    data.rooms = sqlx::query!(
        "SELECT mt.title, r.name FROM room_members rm JOIN rooms r ON r.id = rm.room_id
         JOIN rounds ro ON ro.id = r.round_id JOIN meetings mt ON mt.id = ro.meeting_id
         WHERE mt.guild_id = ? AND rm.user_id = ? ORDER BY ro.id, r.number",
        g,
        u
    )
    .fetch_all(&store.pool)
    .await?
    .into_iter()
    .map(|r| (r.title, r.name))
    .collect();
    data.notes = sqlx::query!(
        "SELECT r.name, n.text FROM notes n JOIN rooms r ON r.id = n.room_id
         JOIN rounds ro ON ro.id = r.round_id JOIN meetings mt ON mt.id = ro.meeting_id
         WHERE mt.guild_id = ? AND n.user_id = ? ORDER BY n.id",
        g,
        u
    )
    .fetch_all(&store.pool)
    .await?
    .into_iter()
    .map(|r| (r.name, r.text))
    .collect();
    data.summaries = sqlx::query!(
        r#"SELECT r.name, r.summary AS "summary!" FROM rooms r
         JOIN rounds ro ON ro.id = r.round_id JOIN meetings mt ON mt.id = ro.meeting_id
         WHERE mt.guild_id = ? AND r.summary_by = ? AND r.summary IS NOT NULL ORDER BY r.id"#,
        g,
        u
    )
    .fetch_all(&store.pool)
    .await?
    .into_iter()
    .map(|r| (r.name, r.summary))
    .collect();
    for p in sqlx::query!(
        "SELECT un.name, p.action, p.owner, p.due FROM plans p JOIN units un ON un.id = p.unit_id
         JOIN meetings mt ON mt.id = p.meeting_id WHERE mt.guild_id = ? AND p.created_by = ? ORDER BY p.id",
        g,
        u
    )
    .fetch_all(&store.pool)
    .await?
    {
        let due = p.due.map(|d| d.parse().map_err(|_| corrupt(format!("date {d:?}")))).transpose()?;
        data.plans.push((p.name, p.action, p.owner, due));
    }
    data.audit = sqlx::query!(
        "SELECT at, actor_id, action, meeting_id, detail FROM audit_log WHERE guild_id = ? AND actor_id = ? ORDER BY at, id",
        g,
        u
    )
    .fetch_all(&store.pool)
    .await?
    .into_iter()
    .map(|r| audit(&r.at, r.actor_id, &r.action, r.meeting_id, r.detail))
    .collect::<Result<_, _>>()?;
    Ok(data)
}
