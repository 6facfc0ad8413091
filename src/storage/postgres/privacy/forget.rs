//! Forget-me: deletes or empties every column where a member's id, name or words live
//! (`tests/it/store/forget.rs` classifies every column of the schema), in one transaction.

use crate::app::privacy_store::AnonymousKeys;
use crate::domain::privacy::{member_post_suffix, REMOVED_OWNER};
use crate::domain::{GuildId, UserId};
use crate::storage::postgres::{db_id, PgStore, StoreError};

pub(super) async fn forget(
    store: &PgStore,
    guild: GuildId,
    user: UserId,
    keys: &AnonymousKeys,
) -> Result<u64, StoreError> {
    let (g, u) = (db_id(guild.0), db_id(user.0));
    let mut tx = store.pool.begin().await?;
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
    // Plans and decisions name who is responsible: the member's name goes ($1 the member, $2
    // the guild, $3 what stands in for the name).
    for sql in [
        "UPDATE plans SET owner = $3 WHERE meeting_id IN (SELECT id FROM meetings WHERE guild_id = $2)
         AND lower(trim(owner)) = (SELECT lower(trim(display_name)) FROM members WHERE guild_id = $2 AND user_id = $1)",
        "UPDATE decisions SET responsible = $3 WHERE meeting_id IN (SELECT id FROM meetings WHERE guild_id = $2)
         AND lower(trim(responsible)) = (SELECT lower(trim(display_name)) FROM members WHERE guild_id = $2 AND user_id = $1)",
    ] {
        changed += sqlx::query(sql).bind(u).bind(g).bind(REMOVED_OWNER).execute(&mut *tx).await?.rows_affected();
    }
    // Every other column holding the member's id, in the guild's rows ($1 the member, $2 the
    // guild). What belongs to the group stays, without them: plans and decisions (0: nobody,
    // as no snowflake is 0), the audit log, kits they uploaded, and the unit answers they wrote.
    for sql in [
        "DELETE FROM notes WHERE user_id = $1 AND room_id IN (
            SELECT r.id FROM rooms r JOIN rounds ro ON ro.id = r.round_id JOIN meetings m ON m.id = ro.meeting_id WHERE m.guild_id = $2)",
        "DELETE FROM room_members WHERE user_id = $1 AND room_id IN (
            SELECT r.id FROM rooms r JOIN rounds ro ON ro.id = r.round_id JOIN meetings m ON m.id = ro.meeting_id WHERE m.guild_id = $2)",
        "UPDATE rooms SET summary = NULL, summary_by = NULL WHERE summary_by = $1 AND id IN (
            SELECT r.id FROM rooms r JOIN rounds ro ON ro.id = r.round_id JOIN meetings m ON m.id = ro.meeting_id WHERE m.guild_id = $2)",
        "UPDATE plans SET created_by = 0 WHERE created_by = $1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = $2)",
        "UPDATE plans SET owner_id = NULL WHERE owner_id = $1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = $2)",
        "UPDATE plan_changes SET changed_by = 0 WHERE changed_by = $1 AND plan_id IN
         (SELECT p.id FROM plans p JOIN meetings m ON m.id = p.meeting_id WHERE m.guild_id = $2)",
        "UPDATE decisions SET responsible_id = NULL WHERE responsible_id = $1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = $2)",
        "UPDATE decisions SET created_by = 0 WHERE created_by = $1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = $2)",
        "UPDATE audit_log SET actor_id = NULL WHERE actor_id = $1 AND guild_id = $2",
        "UPDATE guild_kits SET uploaded_by = NULL WHERE uploaded_by = $1 AND guild_id = $2",
        "UPDATE unit_answers SET author_id = NULL WHERE author_id = $1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = $2)",
        "UPDATE unit_answer_revisions SET author_id = NULL WHERE author_id = $1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = $2)",
    ] {
        changed += sqlx::query(sql).bind(u).bind(g).execute(&mut *tx).await?.rows_affected();
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
