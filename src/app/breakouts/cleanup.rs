//! Archived rooms do not pile up: a closed round's channels are deleted `room_retention_days`
//! after its close (a scheduled job), or at once with `/breakout cleanup`. Only the channels
//! go; the rounds, their notes and summaries stay in the database and the export.

use chrono::{DateTime, Duration, Utc};

use super::BreakoutError;
use crate::app::actor::Actor;
use crate::app::ports::{Chat, ChatError, Clock, Job, NewJob, Round, Store, StoreError};
use crate::app::posting::JobFailure;
use crate::domain::{ChannelId, GuildId, MeetingId};

/// Kind of the scheduled job that deletes a meeting's archived rooms when they are due.
pub const ROOM_CLEANUP_JOB: &str = "rooms-cleanup";
/// The longest a guild may keep archived rooms.
pub const MAX_ROOM_RETENTION_DAYS: u32 = 365;

/// When a round closed at `closed` is due for deletion under `days`.
fn due(closed: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    closed + Duration::days(i64::from(days))
}

/// Schedules the deletion of a just-archived round's rooms, at its close plus the guild's
/// retention. The key carries the due time, so a later, different due time is a new job.
pub(super) async fn schedule<S: Store + ?Sized>(
    store: &S,
    guild: GuildId,
    meeting: MeetingId,
    closed: DateTime<Utc>,
) -> Result<(), StoreError> {
    let due_at = due(closed, store.room_retention_days(guild).await?);
    let job =
        NewJob { key: format!("{ROOM_CLEANUP_JOB}:{}", due_at.timestamp()), kind: ROOM_CLEANUP_JOB.into(), due_at };
    store.schedule(meeting, &[job]).await
}

/// Deletes a round's channels (rooms, then their categories) and records it. A channel
/// already gone (deleted by hand) counts as deleted.
async fn delete_channels<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    round: &Round,
    now: DateTime<Utc>,
) -> Result<(), JobFailure> {
    // Collected first: an iterator with closures held across the awaits would make the
    // future not `Send` for every lifetime (the scheduler spawns it).
    let mut channels: Vec<ChannelId> =
        round.rooms.iter().flat_map(|r| [r.text_channel, r.voice_channel]).flatten().collect();
    channels.extend(&round.categories);
    for channel in channels {
        match chat.delete_channel(channel).await {
            Ok(()) | Err(ChatError::NotFound(_)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    store.set_channels_deleted(round.id, now).await?;
    Ok(())
}

/// Runs a claimed cleanup job: deletes the meeting's archived rooms that are due under the
/// guild's setting now; rounds not yet due (the setting was lengthened) get a job of their
/// own. Returns the rounds cleaned.
pub async fn run_cleanup_job<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    job: &Job,
) -> Result<usize, JobFailure> {
    let Some(meeting) = store.meeting(job.meeting).await? else { return Ok(0) };
    let days = store.room_retention_days(meeting.guild).await?;
    let now = clock.now();
    let mut cleaned = 0;
    for (_, round) in store.uncleaned_rounds(Some(meeting.guild)).await? {
        let Some(closed) = round.closed_at.filter(|_| round.meeting == job.meeting) else { continue };
        if due(closed, days) <= now {
            delete_channels(store, chat, &round, now).await?;
            cleaned += 1;
        } else {
            schedule(store, meeting.guild, job.meeting, closed).await?;
        }
    }
    tracing::info!(meeting = %job.meeting, cleaned, "archived breakout rooms deleted");
    Ok(cleaned)
}

/// `/breakout cleanup`: deletes every archived room of the guild now. Returns the rounds
/// cleaned.
pub async fn cleanup<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    actor: &Actor,
) -> Result<usize, BreakoutError> {
    if !actor.can_facilitate() {
        return Err(BreakoutError::NotFacilitator);
    }
    let rounds = store.uncleaned_rounds(Some(actor.guild)).await?;
    for (_, round) in &rounds {
        delete_channels(store, chat, round, clock.now()).await?;
    }
    Ok(rounds.len())
}

/// `/meeting config rooms_kept_days`: how long archived rooms stay. Organisers only.
pub async fn set_room_retention<S: Store + ?Sized>(store: &S, actor: &Actor, days: u32) -> Result<u32, BreakoutError> {
    if !actor.can_organise() {
        return Err(BreakoutError::NotFacilitator);
    }
    if days > MAX_ROOM_RETENTION_DAYS {
        return Err(BreakoutError::RetentionOutOfRange(days));
    }
    store.set_room_retention_days(actor.guild, days).await?;
    Ok(days)
}
