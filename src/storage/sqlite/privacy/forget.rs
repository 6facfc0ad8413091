//! Forget-me: deletes or empties every column where a member's id, name or words live
//! (`tests/it/store/forget.rs` classifies every column of the schema), in one transaction.

use crate::app::privacy_store::AnonymousKeys;
use crate::domain::privacy::{member_post_suffix, REMOVED_OWNER};
use crate::domain::{GuildId, UserId};
use crate::storage::sqlite::{db_id, SqliteStore, StoreError};

pub(super) async fn forget(
    store: &SqliteStore,
    guild: GuildId,
    user: UserId,
    keys: &AnonymousKeys,
) -> Result<u64, StoreError> {
    let (g, u) = (db_id(guild.0), db_id(user.0));
    let mut tx = store.pool.begin().await?;
    let mut changed = 0;
    for (meeting, key) in keys {
        let k = key.as_str();
        // Revisions go with their answer (ON DELETE CASCADE).
        changed += sqlx::query!("DELETE FROM anonymous_answers WHERE meeting_id = ? AND author_key = ?", meeting.0, k)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    }
    // Plans and decisions name who is responsible: the member's name goes (?1 the member, ?2
    // the guild, ?3 what stands in for the name).
    changed += rows_changed!(tx, (u, g, REMOVED_OWNER);
        "UPDATE plans SET owner = ?3 WHERE meeting_id IN (SELECT id FROM meetings WHERE guild_id = ?2)
         AND lower(trim(owner)) = (SELECT lower(trim(display_name)) FROM members WHERE guild_id = ?2 AND user_id = ?1)",
        "UPDATE decisions SET responsible = ?3 WHERE meeting_id IN (SELECT id FROM meetings WHERE guild_id = ?2)
         AND lower(trim(responsible)) = (SELECT lower(trim(display_name)) FROM members WHERE guild_id = ?2 AND user_id = ?1)",
    );
    // Every other column holding the member's id, in the guild's rows (?1 the member, ?2 the
    // guild). What belongs to the group stays, without them: plans and decisions (0: nobody,
    // as no snowflake is 0), the audit log, kits they uploaded, and the unit answers they wrote.
    changed += rows_changed!(tx, (u, g);
        "DELETE FROM notes WHERE user_id = ?1 AND room_id IN (
            SELECT r.id FROM rooms r JOIN rounds ro ON ro.id = r.round_id JOIN meetings m ON m.id = ro.meeting_id WHERE m.guild_id = ?2)",
        "DELETE FROM room_members WHERE user_id = ?1 AND room_id IN (
            SELECT r.id FROM rooms r JOIN rounds ro ON ro.id = r.round_id JOIN meetings m ON m.id = ro.meeting_id WHERE m.guild_id = ?2)",
        "UPDATE rooms SET summary = NULL, summary_by = NULL WHERE summary_by = ?1 AND id IN (
            SELECT r.id FROM rooms r JOIN rounds ro ON ro.id = r.round_id JOIN meetings m ON m.id = ro.meeting_id WHERE m.guild_id = ?2)",
        "UPDATE plans SET created_by = 0 WHERE created_by = ?1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = ?2)",
        "UPDATE plans SET owner_id = NULL WHERE owner_id = ?1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = ?2)",
        "UPDATE plan_changes SET changed_by = 0 WHERE changed_by = ?1 AND plan_id IN
         (SELECT p.id FROM plans p JOIN meetings m ON m.id = p.meeting_id WHERE m.guild_id = ?2)",
        "UPDATE decisions SET responsible_id = NULL WHERE responsible_id = ?1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = ?2)",
        "UPDATE decisions SET created_by = 0 WHERE created_by = ?1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = ?2)",
        "UPDATE audit_log SET actor_id = NULL WHERE actor_id = ?1 AND guild_id = ?2",
        "UPDATE guild_kits SET uploaded_by = NULL WHERE uploaded_by = ?1 AND guild_id = ?2",
        "UPDATE unit_answers SET author_id = NULL WHERE author_id = ?1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = ?2)",
        "UPDATE unit_answer_revisions SET author_id = NULL WHERE author_id = ?1 AND meeting_id IN (SELECT id FROM meetings WHERE guild_id = ?2)",
    );
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
