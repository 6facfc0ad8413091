//! Consent, anonymous answers, the audit log, retention, a member's own data and forgetting.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{chat_id, db_id, time, SqliteStore, StoreError};
use crate::app::privacy_store::{
    AnonymousAnswer, AnonymousKeys, AuditAction, AuditEntry, Consent, EndedMeeting, MemberData, MyAnswer, PrivacyStore,
};
use crate::domain::digest::KeyFigure;
use crate::domain::privacy::AuthorKey;
use crate::domain::privacy::{member_post_suffix, REMOVED_OWNER};
use crate::domain::{GuildId, MeetingId, QuestionId, UnitName, UserId};
use crate::storage::columns::end_of_day;

fn corrupt(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

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

fn audit(
    at: &str,
    actor: Option<i64>,
    action: &str,
    meeting: Option<i64>,
    detail: String,
) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        at: time::from_db(at)?,
        actor: actor.map(|a| UserId(chat_id(a))),
        action: AuditAction::parse(action).ok_or_else(|| corrupt(format!("audit action {action:?}")))?,
        meeting: meeting.map(MeetingId),
        detail,
    })
}

#[async_trait]
impl PrivacyStore for SqliteStore {
    async fn consent(&self, guild: GuildId, user: UserId) -> Result<Consent, StoreError> {
        let (g, u) = (db_id(guild.0), db_id(user.0));
        let row =
            sqlx::query!("SELECT share_in_rooms, consent_asked FROM members WHERE guild_id = ? AND user_id = ?", g, u)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row
            .map(|r| Consent { share_in_rooms: r.share_in_rooms != 0, asked: r.consent_asked != 0 })
            .unwrap_or_default())
    }

    async fn set_consent(&self, guild: GuildId, user: UserId, share: bool) -> Result<(), StoreError> {
        let (g, u) = (db_id(guild.0), db_id(user.0));
        sqlx::query!(
            "UPDATE members SET share_in_rooms = ?, consent_asked = 1 WHERE guild_id = ? AND user_id = ?",
            share,
            g,
            u
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn mark_consent_asked(&self, guild: GuildId, user: UserId) -> Result<(), StoreError> {
        let (g, u) = (db_id(guild.0), db_id(user.0));
        sqlx::query!("UPDATE members SET consent_asked = 1 WHERE guild_id = ? AND user_id = ?", g, u)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn save_anonymous_answers(
        &self,
        meeting: MeetingId,
        guild: GuildId,
        user: UserId,
        key: &AuthorKey,
        answers: &[(QuestionId, String, Option<UnitName>)],
        now: DateTime<Utc>,
    ) -> Result<Vec<u32>, StoreError> {
        let now = time::to_db(now);
        let (g, u, k) = (db_id(guild.0), db_id(user.0), key.as_str());
        let mut tx = self.pool.begin().await?;
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

    async fn anonymous_answers(&self, meeting: MeetingId) -> Result<Vec<AnonymousAnswer>, StoreError> {
        // Ordered by question, unit and value: never by author or time, which could pair an
        // answer with a respondent.
        let rows = sqlx::query!(
            r#"SELECT un.name AS "unit?", a.question_id, a.value, a.revision, a.updated_at
               FROM anonymous_answers a LEFT JOIN units un ON un.id = a.unit_id
               JOIN questions q ON q.meeting_id = a.meeting_id AND q.id = a.question_id
               WHERE a.meeting_id = ? ORDER BY q.position, un.name, a.value"#,
            meeting.0
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(|r| anonymous(r.unit, r.question_id, r.value, r.revision, &r.updated_at)).collect()
    }

    async fn anonymous_answers_of(
        &self,
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
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(|r| anonymous(r.unit, r.question_id, r.value, r.revision, &r.updated_at)).collect()
    }

    async fn anonymous_respondents(&self, meeting: MeetingId) -> Result<Vec<(QuestionId, UserId)>, StoreError> {
        let rows = sqlx::query!(
            "SELECT question_id, user_id FROM anonymous_respondents WHERE meeting_id = ? ORDER BY question_id, user_id",
            meeting.0
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| Ok((QuestionId::try_from(r.question_id.as_str()).map_err(corrupt)?, UserId(chat_id(r.user_id)))))
            .collect()
    }

    async fn record_audit(&self, guild: GuildId, entry: &AuditEntry) -> Result<(), StoreError> {
        self.ensure_guild_row(guild).await?;
        insert_audit(&mut *self.pool.acquire().await?, db_id(guild.0), entry).await
    }

    async fn audit_log(&self, guild: GuildId, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
        let (g, limit) = (db_id(guild.0), i64::from(limit));
        let rows = sqlx::query!(
            "SELECT at, actor_id, action, meeting_id, detail FROM audit_log WHERE guild_id = ?
             ORDER BY at DESC, id DESC LIMIT ?",
            g,
            limit
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(|r| audit(&r.at, r.actor_id, &r.action, r.meeting_id, r.detail)).collect()
    }

    async fn retention_days(&self, guild: GuildId) -> Result<Option<u32>, StoreError> {
        let g = db_id(guild.0);
        let days = sqlx::query_scalar!("SELECT retention_days FROM guilds WHERE id = ?", g)
            .fetch_optional(&self.pool)
            .await?
            .flatten();
        Ok(days.and_then(|d| u32::try_from(d).ok()))
    }

    async fn set_retention_days(&self, guild: GuildId, days: Option<u32>) -> Result<(), StoreError> {
        self.ensure_guild_row(guild).await?;
        let g = db_id(guild.0);
        let days = days.map(i64::from);
        sqlx::query!("UPDATE guilds SET retention_days = ? WHERE id = ?", days, g).execute(&self.pool).await?;
        Ok(())
    }

    async fn meeting_ids(&self, guild: GuildId) -> Result<Vec<MeetingId>, StoreError> {
        let g = db_id(guild.0);
        let ids = sqlx::query_scalar!(r#"SELECT id AS "id!" FROM meetings WHERE guild_id = ? ORDER BY id"#, g)
            .fetch_all(&self.pool)
            .await?;
        Ok(ids.into_iter().map(MeetingId).collect())
    }

    async fn ended_meetings(&self) -> Result<Vec<EndedMeeting>, StoreError> {
        let rows = sqlx::query!(
            "SELECT m.id, m.guild_id, m.ended_at, m.meeting_date, m.timezone, g.retention_days
             FROM meetings m JOIN guilds g ON g.id = m.guild_id
             WHERE m.state = 'ended' AND m.purged_at IS NULL AND g.retention_days IS NOT NULL ORDER BY m.id"
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                let ended = match r.ended_at {
                    Some(t) => time::from_db(&t)?,
                    None => end_of_day(&r.meeting_date, &r.timezone)?,
                };
                Ok(EndedMeeting {
                    meeting: MeetingId(r.id),
                    guild: GuildId(chat_id(r.guild_id)),
                    ended,
                    retention_days: r.retention_days.and_then(|d| u32::try_from(d).ok()),
                    purged: false,
                })
            })
            .collect()
    }

    async fn purge_meeting(
        &self,
        meeting: MeetingId,
        figures: &[KeyFigure],
        rates: &[(UnitName, f64)],
        audit: &AuditEntry,
    ) -> Result<u64, StoreError> {
        let now = time::to_db(audit.at);
        let m = meeting.0;
        let mut tx = self.pool.begin().await?;
        let Some(guild) =
            sqlx::query_scalar!("SELECT guild_id FROM meetings WHERE id = ?", m).fetch_optional(&mut *tx).await?
        else {
            return Ok(0);
        };
        for f in figures {
            let (q, unit, value) = (f.question.as_str(), f.unit.key(), f.value.to_string());
            sqlx::query!(
                "INSERT INTO key_figures (meeting_id, question_id, unit_id, value)
                 SELECT ?, ?, u.id, ? FROM meetings m JOIN units u ON u.guild_id = m.guild_id AND u.name_key = ?
                 WHERE m.id = ? ON CONFLICT DO NOTHING",
                m,
                q,
                value,
                unit,
                m
            )
            .execute(&mut *tx)
            .await?;
        }
        for (unit, rate) in rates {
            let (unit, rate) = (unit.key(), rate.to_string());
            sqlx::query!(
                "INSERT INTO kept_response_rates (meeting_id, unit_id, rate)
                 SELECT ?, u.id, ? FROM meetings m JOIN units u ON u.guild_id = m.guild_id AND u.name_key = ?
                 WHERE m.id = ? ON CONFLICT DO NOTHING",
                m,
                rate,
                unit,
                m
            )
            .execute(&mut *tx)
            .await?;
        }
        let mut deleted = 0;
        deleted += sqlx::query!("DELETE FROM answers WHERE meeting_id = ?", m).execute(&mut *tx).await?.rows_affected();
        deleted += sqlx::query!("DELETE FROM anonymous_answers WHERE meeting_id = ?", m)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        deleted += super::unit_answers::purge(&mut tx, m).await?;
        deleted += sqlx::query!("DELETE FROM anonymous_respondents WHERE meeting_id = ?", m)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        deleted += sqlx::query!(
            "DELETE FROM notes WHERE room_id IN (SELECT r.id FROM rooms r JOIN rounds ro ON ro.id = r.round_id WHERE ro.meeting_id = ?)",
            m
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        deleted += sqlx::query!(
            "UPDATE rooms SET summary = NULL, summary_by = NULL
             WHERE summary IS NOT NULL AND round_id IN (SELECT id FROM rounds WHERE meeting_id = ?)",
            m
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query!("UPDATE meetings SET purged_at = ? WHERE id = ?", now, m).execute(&mut *tx).await?;
        insert_audit(&mut tx, guild, audit).await?;
        tx.commit().await?;
        Ok(deleted)
    }

    async fn kept_key_figures(&self, meeting: MeetingId) -> Result<Vec<KeyFigure>, StoreError> {
        let rows = sqlx::query!(
            "SELECT k.question_id, u.name, k.value FROM key_figures k JOIN units u ON u.id = k.unit_id
             WHERE k.meeting_id = ? ORDER BY k.question_id, u.name",
            meeting.0
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(KeyFigure {
                    question: QuestionId::try_from(r.question_id.as_str()).map_err(corrupt)?,
                    unit: UnitName::try_from(r.name.as_str()).map_err(corrupt)?,
                    value: r.value.parse().map_err(|_| corrupt(format!("key figure {:?}", r.value)))?,
                })
            })
            .collect()
    }

    async fn kept_response_rates(&self, meeting: MeetingId) -> Result<Vec<(UnitName, f64)>, StoreError> {
        let rows = sqlx::query!(
            "SELECT u.name, k.rate FROM kept_response_rates k JOIN units u ON u.id = k.unit_id
             WHERE k.meeting_id = ? ORDER BY u.name",
            meeting.0
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(|r| kept_rate(&r.name, &r.rate)).collect()
    }

    async fn member_data(&self, guild: GuildId, user: UserId, keys: &AnonymousKeys) -> Result<MemberData, StoreError> {
        let (g, u) = (db_id(guild.0), db_id(user.0));
        let mut data = MemberData::default();
        let member = sqlx::query!(
            r#"SELECT m.display_name, un.name AS "unit?", m.role, m.locale, m.share_in_rooms, m.consent_asked, m.joined_at
               FROM members m LEFT JOIN units un ON un.id = m.unit_id WHERE m.guild_id = ? AND m.user_id = ?"#,
            g,
            u
        )
        .fetch_optional(&self.pool)
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
        .fetch_all(&self.pool)
        .await?;
        for a in answers {
            let earlier = sqlx::query_scalar!(
                "SELECT value FROM answer_revisions WHERE meeting_id = ? AND question_id = ? AND user_id = ? ORDER BY revision",
                a.meeting_id,
                a.question_id,
                u
            )
            .fetch_all(&self.pool)
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
            .fetch_all(&self.pool)
            .await?;
            for a in rows {
                let earlier = sqlx::query_scalar!(
                    "SELECT value FROM anonymous_answer_revisions WHERE meeting_id = ? AND question_id = ? AND author_key = ?
                     ORDER BY revision",
                    meeting.0,
                    a.question_id,
                    k
                )
                .fetch_all(&self.pool)
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
        .fetch_all(&self.pool)
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
        .fetch_all(&self.pool)
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
        .fetch_all(&self.pool)
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
        .fetch_all(&self.pool)
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
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(|r| audit(&r.at, r.actor_id, &r.action, r.meeting_id, r.detail))
        .collect::<Result<_, _>>()?;
        Ok(data)
    }

    async fn forget(&self, guild: GuildId, user: UserId, keys: &AnonymousKeys) -> Result<u64, StoreError> {
        let (g, u) = (db_id(guild.0), db_id(user.0));
        let mut tx = self.pool.begin().await?;
        let mut changed = 0;
        for (meeting, key) in keys {
            let k = key.as_str();
            // Revisions go with their answer (ON DELETE CASCADE).
            changed +=
                sqlx::query!("DELETE FROM anonymous_answers WHERE meeting_id = ? AND author_key = ?", meeting.0, k)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
        }
        changed += sqlx::query!(
            "DELETE FROM notes WHERE user_id = ? AND room_id IN (
                SELECT r.id FROM rooms r JOIN rounds ro ON ro.id = r.round_id JOIN meetings m ON m.id = ro.meeting_id WHERE m.guild_id = ?)",
            u,
            g
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        changed += sqlx::query!(
            "DELETE FROM room_members WHERE user_id = ? AND room_id IN (
                SELECT r.id FROM rooms r JOIN rounds ro ON ro.id = r.round_id JOIN meetings m ON m.id = ro.meeting_id WHERE m.guild_id = ?)",
            u,
            g
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        changed += sqlx::query!(
            "UPDATE rooms SET summary = NULL, summary_by = NULL WHERE summary_by = ? AND id IN (
                SELECT r.id FROM rooms r JOIN rounds ro ON ro.id = r.round_id JOIN meetings m ON m.id = ro.meeting_id WHERE m.guild_id = ?)",
            u,
            g
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // A plan stays with its unit; the member's name as its owner and who recorded it do not
        // (0: nobody, as no snowflake is 0).
        changed += sqlx::query!(
            "UPDATE plans SET owner = ? WHERE meeting_id IN (SELECT id FROM meetings WHERE guild_id = ?)
             AND lower(trim(owner)) = (SELECT lower(trim(display_name)) FROM members WHERE guild_id = ? AND user_id = ?)",
            REMOVED_OWNER,
            g,
            g,
            u
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // Decisions name who is responsible: the member's name goes like a plan owner's.
        changed += sqlx::query(
            "UPDATE decisions SET responsible = ? WHERE meeting_id IN (SELECT id FROM meetings WHERE guild_id = ?)
             AND lower(trim(responsible)) = (SELECT lower(trim(display_name)) FROM members WHERE guild_id = ? AND user_id = ?)",
        )
        .bind(REMOVED_OWNER)
        .bind(g)
        .bind(g)
        .bind(u)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        for sql in FORGET_PLAN_IDS {
            changed += sqlx::query(sql).bind(u).bind(g).execute(&mut *tx).await?.rows_affected();
        }
        changed += sqlx::query!(
            "UPDATE plans SET created_by = 0 WHERE created_by = ? AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = ?)",
            u,
            g
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        changed += sqlx::query!("UPDATE audit_log SET actor_id = NULL WHERE guild_id = ? AND actor_id = ?", g, u)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        // Kits they uploaded belong to the group and stay, without their name.
        changed +=
            sqlx::query!("UPDATE guild_kits SET uploaded_by = NULL WHERE guild_id = ? AND uploaded_by = ?", g, u)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        // Unit answers are the unit's and stay, without who wrote them.
        changed += super::unit_answers::forget_author(&mut tx, g, u).await?;
        let suffix = member_post_suffix(user);
        changed += sqlx::query!("DELETE FROM posts WHERE substr(key, -length(?)) = ?", suffix, suffix)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        // Answers, their history and anonymous_respondents go with the member row (ON DELETE CASCADE).
        changed += sqlx::query_scalar!("SELECT COUNT(*) FROM answers WHERE guild_id = ? AND user_id = ?", g, u)
            .fetch_one(&mut *tx)
            .await?
            .try_into()
            .unwrap_or(0u64);
        changed += sqlx::query!("DELETE FROM members WHERE guild_id = ? AND user_id = ?", g, u)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(changed)
    }
}

/// A kept response rate as stored: the unit's name and the rate as text.
fn kept_rate(unit: &str, rate: &str) -> Result<(UnitName, f64), StoreError> {
    let unit = UnitName::try_from(unit).map_err(corrupt)?;
    Ok((unit, rate.parse().map_err(|_| corrupt(format!("response rate {rate:?}")))?))
}

/// Writes one audit entry (its detail cut to 200 characters) on `conn`, in or out of a
/// transaction.
async fn insert_audit(conn: &mut sqlx::SqliteConnection, guild: i64, entry: &AuditEntry) -> Result<(), StoreError> {
    let at = time::to_db(entry.at);
    let actor = entry.actor.map(|a| db_id(a.0));
    let action = entry.action.as_str();
    let meeting = entry.meeting.map(|m| m.0);
    let detail: String = entry.detail.chars().take(200).collect();
    sqlx::query!(
        "INSERT INTO audit_log (guild_id, at, actor_id, action, meeting_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
        guild,
        at,
        actor,
        action,
        meeting,
        detail
    )
    .execute(conn)
    .await?;
    Ok(())
}

impl SqliteStore {
    async fn ensure_guild_row(&self, guild: GuildId) -> Result<(), StoreError> {
        crate::app::ports::GuildStore::ensure_guild(self, guild, "").await
    }
}

/// The member's id where plans and decisions keep it (owner, who changed a status, who is
/// responsible, who recorded a decision); the plans and decisions stay with the group.
/// Each statement binds the member's id, then the guild's.
const FORGET_PLAN_IDS: [&str; 4] = [
    "UPDATE plans SET owner_id = NULL WHERE owner_id = ? AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = ?)",
    "UPDATE plan_changes SET changed_by = 0 WHERE changed_by = ? AND plan_id IN
     (SELECT p.id FROM plans p JOIN meetings m ON m.id = p.meeting_id WHERE m.guild_id = ?)",
    "UPDATE decisions SET responsible_id = NULL WHERE responsible_id = ? AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = ?)",
    "UPDATE decisions SET created_by = 0 WHERE created_by = ? AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = ?)",
];
