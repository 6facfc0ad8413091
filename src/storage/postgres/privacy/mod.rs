//! Consent, anonymous answers, the audit log, retention, a member's own data and forgetting:
//! the SQLite store's behaviour, statement for statement, in Postgres's types.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::{chat_id, db_id, PgStore, StoreError};
use crate::app::privacy_store::{
    AnonymousAnswer, AnonymousKeys, AuditAction, AuditEntry, Consent, EndedMeeting, MemberData, MyAnswer, PrivacyStore,
};
use crate::domain::digest::KeyFigure;
use crate::domain::privacy::{member_post_suffix, AuthorKey, REMOVED_OWNER};
use crate::domain::{GuildId, MeetingId, QuestionId, UnitName, UserId};

fn corrupt(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

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

type AuditRow = (DateTime<Utc>, Option<i64>, String, Option<i64>, String);

fn audit((at, actor, action, meeting, detail): AuditRow) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        at,
        actor: actor.map(|a| UserId(chat_id(a))),
        action: AuditAction::parse(&action).ok_or_else(|| corrupt(format!("audit action {action:?}")))?,
        meeting: meeting.map(MeetingId),
        detail,
    })
}

/// Rooms of the guild's meetings (`$2` is the guild).
const GUILD_ROOMS: &str =
    "SELECT r.id FROM rooms r JOIN rounds ro ON ro.id = r.round_id JOIN meetings m ON m.id = ro.meeting_id WHERE m.guild_id = $2";

#[async_trait]
impl PrivacyStore for PgStore {
    async fn consent(&self, guild: GuildId, user: UserId) -> Result<Consent, StoreError> {
        let row: Option<(bool, bool)> =
            sqlx::query_as("SELECT share_in_rooms, consent_asked FROM members WHERE guild_id = $1 AND user_id = $2")
                .bind(db_id(guild.0))
                .bind(db_id(user.0))
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(share_in_rooms, asked)| Consent { share_in_rooms, asked }).unwrap_or_default())
    }

    async fn set_consent(&self, guild: GuildId, user: UserId, share: bool) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE members SET share_in_rooms = $1, consent_asked = TRUE WHERE guild_id = $2 AND user_id = $3",
        )
        .bind(share)
        .bind(db_id(guild.0))
        .bind(db_id(user.0))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn mark_consent_asked(&self, guild: GuildId, user: UserId) -> Result<(), StoreError> {
        sqlx::query("UPDATE members SET consent_asked = TRUE WHERE guild_id = $1 AND user_id = $2")
            .bind(db_id(guild.0))
            .bind(db_id(user.0))
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
        let (g, u, k) = (db_id(guild.0), db_id(user.0), key.as_str());
        let mut tx = self.pool.begin().await?;
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

    async fn anonymous_answers(&self, meeting: MeetingId) -> Result<Vec<AnonymousAnswer>, StoreError> {
        let rows: Vec<AnonymousRow> = sqlx::query_as(
            r#"SELECT un.name, a.question_id, a.value, a.revision, a.updated_at
               FROM anonymous_answers a LEFT JOIN units un ON un.id = a.unit_id
               JOIN questions q ON q.meeting_id = a.meeting_id AND q.id = a.question_id
               WHERE a.meeting_id = $1 ORDER BY q.position, un.name COLLATE "C", a.value COLLATE "C""#,
        )
        .bind(meeting.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(anonymous).collect()
    }

    async fn anonymous_answers_of(
        &self,
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
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(anonymous).collect()
    }

    async fn anonymous_respondents(&self, meeting: MeetingId) -> Result<Vec<(QuestionId, UserId)>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            r#"SELECT question_id, user_id FROM anonymous_respondents WHERE meeting_id = $1
               ORDER BY question_id COLLATE "C", user_id"#,
        )
        .bind(meeting.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(q, u)| Ok((QuestionId::try_from(q.as_str()).map_err(corrupt)?, UserId(chat_id(u)))))
            .collect()
    }

    async fn record_audit(&self, guild: GuildId, entry: &AuditEntry) -> Result<(), StoreError> {
        crate::app::ports::GuildStore::ensure_guild(self, guild, "").await?;
        insert_audit(&mut *self.pool.acquire().await?, db_id(guild.0), entry).await
    }

    async fn audit_log(&self, guild: GuildId, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
        let rows: Vec<AuditRow> = sqlx::query_as(
            "SELECT at, actor_id, action, meeting_id, detail FROM audit_log WHERE guild_id = $1
             ORDER BY at DESC, id DESC LIMIT $2",
        )
        .bind(db_id(guild.0))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(audit).collect()
    }

    async fn retention_days(&self, guild: GuildId) -> Result<Option<u32>, StoreError> {
        let days: Option<Option<i32>> = sqlx::query_scalar("SELECT retention_days FROM guilds WHERE id = $1")
            .bind(db_id(guild.0))
            .fetch_optional(&self.pool)
            .await?;
        Ok(days.flatten().and_then(|d| u32::try_from(d).ok()))
    }

    async fn set_retention_days(&self, guild: GuildId, days: Option<u32>) -> Result<(), StoreError> {
        crate::app::ports::GuildStore::ensure_guild(self, guild, "").await?;
        let days = days.map(|d| i32::try_from(d).unwrap_or(i32::MAX));
        sqlx::query("UPDATE guilds SET retention_days = $1 WHERE id = $2")
            .bind(days)
            .bind(db_id(guild.0))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn meeting_ids(&self, guild: GuildId) -> Result<Vec<MeetingId>, StoreError> {
        let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM meetings WHERE guild_id = $1 ORDER BY id")
            .bind(db_id(guild.0))
            .fetch_all(&self.pool)
            .await?;
        Ok(ids.into_iter().map(MeetingId).collect())
    }

    async fn ended_meetings(&self) -> Result<Vec<EndedMeeting>, StoreError> {
        let rows: Vec<(i64, i64, Option<DateTime<Utc>>, NaiveDate, String, Option<i32>)> = sqlx::query_as(
            "SELECT m.id, m.guild_id, m.ended_at, m.meeting_date, m.timezone, g.retention_days
             FROM meetings m JOIN guilds g ON g.id = m.guild_id
             WHERE m.state = 'ended' AND m.purged_at IS NULL AND g.retention_days IS NOT NULL ORDER BY m.id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, guild, ended_at, date, timezone, days)| {
                let ended = match ended_at {
                    Some(t) => t,
                    None => crate::storage::columns::end_of_day(&date.to_string(), &timezone)?,
                };
                Ok(EndedMeeting {
                    meeting: MeetingId(id),
                    guild: GuildId(chat_id(guild)),
                    ended,
                    retention_days: days.and_then(|d| u32::try_from(d).ok()),
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
        let m = meeting.0;
        let mut tx = self.pool.begin().await?;
        let guild: Option<i64> =
            sqlx::query_scalar("SELECT guild_id FROM meetings WHERE id = $1").bind(m).fetch_optional(&mut *tx).await?;
        let Some(guild) = guild else { return Ok(0) };
        for f in figures {
            sqlx::query(
                "INSERT INTO key_figures (meeting_id, question_id, unit_id, value)
                 SELECT $1, $2, u.id, $3 FROM meetings m JOIN units u ON u.guild_id = m.guild_id AND u.name_key = $4
                 WHERE m.id = $1 ON CONFLICT DO NOTHING",
            )
            .bind(m)
            .bind(f.question.as_str())
            .bind(f.value.to_string())
            .bind(f.unit.key())
            .execute(&mut *tx)
            .await?;
        }
        for (unit, rate) in rates {
            sqlx::query(
                "INSERT INTO kept_response_rates (meeting_id, unit_id, rate)
                 SELECT $1, u.id, $2 FROM meetings m JOIN units u ON u.guild_id = m.guild_id AND u.name_key = $3
                 WHERE m.id = $1 ON CONFLICT DO NOTHING",
            )
            .bind(m)
            .bind(rate.to_string())
            .bind(unit.key())
            .execute(&mut *tx)
            .await?;
        }
        let mut deleted = 0;
        for sql in [
            "DELETE FROM answers WHERE meeting_id = $1",
            "DELETE FROM anonymous_answers WHERE meeting_id = $1",
            "DELETE FROM anonymous_respondents WHERE meeting_id = $1",
            "DELETE FROM unit_answers WHERE meeting_id = $1",
            "DELETE FROM notes WHERE room_id IN (SELECT r.id FROM rooms r JOIN rounds ro ON ro.id = r.round_id WHERE ro.meeting_id = $1)",
            "UPDATE rooms SET summary = NULL, summary_by = NULL
             WHERE summary IS NOT NULL AND round_id IN (SELECT id FROM rounds WHERE meeting_id = $1)",
        ] {
            deleted += sqlx::query(sql).bind(m).execute(&mut *tx).await?.rows_affected();
        }
        sqlx::query("UPDATE meetings SET purged_at = $1 WHERE id = $2")
            .bind(audit.at)
            .bind(m)
            .execute(&mut *tx)
            .await?;
        insert_audit(&mut tx, guild, audit).await?;
        tx.commit().await?;
        Ok(deleted)
    }

    async fn kept_key_figures(&self, meeting: MeetingId) -> Result<Vec<KeyFigure>, StoreError> {
        let rows: Vec<(String, String, String)> = sqlx::query_as(
            r#"SELECT k.question_id, u.name, k.value FROM key_figures k JOIN units u ON u.id = k.unit_id
               WHERE k.meeting_id = $1 ORDER BY k.question_id COLLATE "C", u.name COLLATE "C""#,
        )
        .bind(meeting.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(q, unit, value)| {
                Ok(KeyFigure {
                    question: QuestionId::try_from(q.as_str()).map_err(corrupt)?,
                    unit: UnitName::try_from(unit.as_str()).map_err(corrupt)?,
                    value: value.parse().map_err(|_| corrupt(format!("key figure {value:?}")))?,
                })
            })
            .collect()
    }

    async fn kept_response_rates(&self, meeting: MeetingId) -> Result<Vec<(UnitName, f64)>, StoreError> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            r#"SELECT u.name, k.rate FROM kept_response_rates k JOIN units u ON u.id = k.unit_id
               WHERE k.meeting_id = $1 ORDER BY u.name COLLATE "C""#,
        )
        .bind(meeting.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(unit, rate)| {
                let unit = UnitName::try_from(unit.as_str()).map_err(corrupt)?;
                Ok((unit, rate.parse().map_err(|_| corrupt(format!("response rate {rate:?}")))?))
            })
            .collect()
    }

    async fn member_data(&self, guild: GuildId, user: UserId, keys: &AnonymousKeys) -> Result<MemberData, StoreError> {
        let (g, u) = (db_id(guild.0), db_id(user.0));
        let mut data = MemberData::default();
        let member: Option<(String, Option<String>, Option<String>, Option<String>, bool, bool, DateTime<Utc>)> =
            sqlx::query_as(
                "SELECT m.display_name, un.name, m.role, m.locale, m.share_in_rooms, m.consent_asked, m.joined_at
                 FROM members m LEFT JOIN units un ON un.id = m.unit_id WHERE m.guild_id = $1 AND m.user_id = $2",
            )
            .bind(g)
            .bind(u)
            .fetch_optional(&self.pool)
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
        .fetch_all(&self.pool)
        .await?;
        for (meeting, title, question, text, value) in answers {
            let earlier: Vec<String> = sqlx::query_scalar(
                "SELECT value FROM answer_revisions WHERE meeting_id = $1 AND question_id = $2 AND user_id = $3 ORDER BY revision",
            )
            .bind(meeting)
            .bind(&question)
            .bind(u)
            .fetch_all(&self.pool)
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
            .fetch_all(&self.pool)
            .await?;
            for (title, question, text, value) in rows {
                let earlier: Vec<String> = sqlx::query_scalar(
                    "SELECT value FROM anonymous_answer_revisions
                     WHERE meeting_id = $1 AND question_id = $2 AND author_key = $3 ORDER BY revision",
                )
                .bind(meeting.0)
                .bind(&question)
                .bind(key.as_str())
                .fetch_all(&self.pool)
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
        .fetch_all(&self.pool)
        .await?;
        data.notes = sqlx::query_as(
            "SELECT r.name, n.text FROM notes n JOIN rooms r ON r.id = n.room_id
             JOIN rounds ro ON ro.id = r.round_id JOIN meetings mt ON mt.id = ro.meeting_id
             WHERE mt.guild_id = $1 AND n.user_id = $2 ORDER BY n.id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(&self.pool)
        .await?;
        data.summaries = sqlx::query_as(
            "SELECT r.name, r.summary FROM rooms r
             JOIN rounds ro ON ro.id = r.round_id JOIN meetings mt ON mt.id = ro.meeting_id
             WHERE mt.guild_id = $1 AND r.summary_by = $2 AND r.summary IS NOT NULL ORDER BY r.id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(&self.pool)
        .await?;
        data.plans = sqlx::query_as(
            "SELECT un.name, p.action, p.owner, p.due FROM plans p JOIN units un ON un.id = p.unit_id
             JOIN meetings mt ON mt.id = p.meeting_id WHERE mt.guild_id = $1 AND p.created_by = $2 ORDER BY p.id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(&self.pool)
        .await?;
        let rows: Vec<AuditRow> = sqlx::query_as(
            "SELECT at, actor_id, action, meeting_id, detail FROM audit_log WHERE guild_id = $1 AND actor_id = $2
             ORDER BY at, id",
        )
        .bind(g)
        .bind(u)
        .fetch_all(&self.pool)
        .await?;
        data.audit = rows.into_iter().map(audit).collect::<Result<_, _>>()?;
        Ok(data)
    }

    async fn forget(&self, guild: GuildId, user: UserId, keys: &AnonymousKeys) -> Result<u64, StoreError> {
        let (g, u) = (db_id(guild.0), db_id(user.0));
        let mut tx = self.pool.begin().await?;
        // Lock the member first, so an answer saved meanwhile cannot slip in between the count
        // and the delete (SQLite's single writer gives this for free).
        sqlx::query("SELECT 1 FROM members WHERE guild_id = $1 AND user_id = $2 FOR UPDATE")
            .bind(g)
            .bind(u)
            .fetch_optional(&mut *tx)
            .await?;
        let mut changed = 0;
        for (meeting, key) in keys {
            changed += sqlx::query("DELETE FROM anonymous_answers WHERE meeting_id = $1 AND author_key = $2")
                .bind(meeting.0)
                .bind(key.as_str())
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        changed += sqlx::query(
            "UPDATE plans SET owner = $3 WHERE meeting_id IN (SELECT id FROM meetings WHERE guild_id = $2)
             AND lower(trim(owner)) = (SELECT lower(trim(display_name)) FROM members WHERE guild_id = $2 AND user_id = $1)",
        )
        .bind(u)
        .bind(g)
        .bind(REMOVED_OWNER)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // Decisions name who is responsible: the member's name goes like a plan owner's.
        changed += sqlx::query(
            "UPDATE decisions SET responsible = $3 WHERE meeting_id IN (SELECT id FROM meetings WHERE guild_id = $2)
             AND lower(trim(responsible)) = (SELECT lower(trim(display_name)) FROM members WHERE guild_id = $2 AND user_id = $1)",
        )
        .bind(u)
        .bind(g)
        .bind(REMOVED_OWNER)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        for sql in [
            format!("DELETE FROM notes WHERE user_id = $1 AND room_id IN ({GUILD_ROOMS})"),
            format!("DELETE FROM room_members WHERE user_id = $1 AND room_id IN ({GUILD_ROOMS})"),
            format!("UPDATE rooms SET summary = NULL, summary_by = NULL WHERE summary_by = $1 AND id IN ({GUILD_ROOMS})"),
            // The plan stays with its unit; who recorded it does not (0: nobody, as no snowflake is 0).
            "UPDATE plans SET created_by = 0 WHERE created_by = $1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = $2)"
                .to_owned(),
            "UPDATE audit_log SET actor_id = NULL WHERE actor_id = $1 AND guild_id = $2".to_owned(),
            // Plans and decisions stay with the group; the member's id where they keep it does not.
            "UPDATE plans SET owner_id = NULL WHERE owner_id = $1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = $2)"
                .to_owned(),
            "UPDATE plan_changes SET changed_by = 0 WHERE changed_by = $1 AND plan_id IN
             (SELECT p.id FROM plans p JOIN meetings m ON m.id = p.meeting_id WHERE m.guild_id = $2)"
                .to_owned(),
            "UPDATE decisions SET responsible_id = NULL WHERE responsible_id = $1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = $2)"
                .to_owned(),
            "UPDATE decisions SET created_by = 0 WHERE created_by = $1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = $2)"
                .to_owned(),
            // Kits they uploaded belong to the group and stay, without their name.
            "UPDATE guild_kits SET uploaded_by = NULL WHERE uploaded_by = $1 AND guild_id = $2".to_owned(),
            // Unit answers are the unit's and stay, without who wrote them.
            "UPDATE unit_answers SET author_id = NULL WHERE author_id = $1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = $2)"
                .to_owned(),
            "UPDATE unit_answer_revisions SET author_id = NULL WHERE author_id = $1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = $2)"
                .to_owned(),
        ] {
            changed += sqlx::query(&sql).bind(u).bind(g).execute(&mut *tx).await?.rows_affected();
        }
        let suffix = member_post_suffix(user);
        changed += sqlx::query("DELETE FROM posts WHERE right(key, length($1)) = $1")
            .bind(&suffix)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        // Answers, their history and anonymous_respondents go with the member row (ON DELETE CASCADE).
        let answers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM answers WHERE guild_id = $1 AND user_id = $2")
            .bind(g)
            .bind(u)
            .fetch_one(&mut *tx)
            .await?;
        changed += u64::try_from(answers).unwrap_or(0);
        changed += sqlx::query("DELETE FROM members WHERE guild_id = $1 AND user_id = $2")
            .bind(g)
            .bind(u)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(changed)
    }
}

/// Writes one audit entry (its detail cut to 200 characters) on `conn`, in or out of a
/// transaction.
async fn insert_audit(conn: &mut sqlx::PgConnection, guild: i64, entry: &AuditEntry) -> Result<(), StoreError> {
    let detail: String = entry.detail.chars().take(200).collect();
    sqlx::query(
        "INSERT INTO audit_log (guild_id, at, actor_id, action, meeting_id, detail) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(guild)
    .bind(entry.at)
    .bind(entry.actor.map(|a| db_id(a.0)))
    .bind(entry.action.as_str())
    .bind(entry.meeting.map(|m| m.0))
    .bind(detail)
    .execute(conn)
    .await?;
    Ok(())
}
