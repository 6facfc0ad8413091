//! A round left half-done by a process that died (killed in the middle of a split or a close)
//! is settled when the process serving its guild starts again, before anyone works on it:
//! - a close that had begun (its first summary is recorded) is finished: keyed posts are not
//!   repeated, members go back to plenary voice, rooms are archived or deleted;
//! - a split that had not finished (a room without channels, or the last room's brief not
//!   recorded) is rolled back: members in the round's voice channels go back to plenary voice,
//!   every channel the split made is deleted, including one Discord made but samrad never
//!   recorded (found by its category, or for a category by its name), and the round is closed.
//!
//! A guild's interactions arrive at one process only (its shard's), so at that process's start
//! no split or close of the guild can be running elsewhere.

use std::collections::HashSet;

use super::close::{close_round, summary_key};
use super::split::{brief_key, category_name};
use super::{BreakoutError, Layout};
use crate::app::ports::{Chat, ChatError, Clock, Round, Store};
use crate::app::summarise::Summariser;
use crate::domain::{ChannelId, GuildId, Meeting};

/// What `recover` did with a guild's half-done round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recovered {
    /// A round's interrupted close was finished.
    Closed { round: u32 },
    /// A round's interrupted split was undone.
    RolledBack { round: u32 },
}

/// Settles every half-done round of `guild` among `inherited`: the rounds that were open when
/// this process started (a round it opened itself may be half-made because it is being made).
pub async fn recover<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    summariser: &dyn Summariser,
    guild: GuildId,
    inherited: &[i64],
) -> Result<Vec<Recovered>, BreakoutError> {
    let mut done = Vec::new();
    for round in store.open_rounds().await?.into_iter().filter(|r| inherited.contains(&r.id)) {
        let Some(meeting) = store.meeting(round.meeting).await?.filter(|m| m.guild == guild) else { continue };
        let Some(first) = round.rooms.first() else { continue };
        if store.sent_post(&summary_key(round.id, first.number, 0)).await?.is_some() {
            close_round(store, chat, clock, summariser, &meeting, &round).await?;
            tracing::warn!(round = round.id, "an interrupted close was finished");
            done.push(Recovered::Closed { round: round.number });
            continue;
        }
        let last = &round.rooms[round.rooms.len() - 1];
        let opened = round.rooms.iter().all(|r| r.text_channel.is_some())
            && store.sent_post(&brief_key(round.id, last.number, 0)).await?.is_some();
        if !opened {
            roll_back(store, chat, clock, &meeting, &round).await?;
            tracing::warn!(round = round.id, "an interrupted split was undone");
            done.push(Recovered::RolledBack { round: round.number });
        }
    }
    Ok(done)
}

/// Undoes a split that stopped half-way: people back to plenary voice, its channels deleted,
/// the round closed.
async fn roll_back<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    round: &Round,
) -> Result<(), BreakoutError> {
    let guild = meeting.guild;
    if let Some(plenary) = store.guild_settings(guild).await?.plenary_voice {
        for voice in round.rooms.iter().filter_map(|r| r.voice_channel) {
            for user in chat.voice_members(guild, voice).await? {
                chat.move_to_voice(guild, user, plenary).await?;
            }
        }
    }
    let channels = chat.channels(guild).await?;
    // Categories: the round's recorded ones, and one made but not recorded: a category with one
    // of this round's names that no round knows and that holds nothing (rooms are only made in
    // a recorded category).
    let mut known: HashSet<ChannelId> = HashSet::new();
    for other in store.rounds(meeting.id).await? {
        known.extend(other.categories);
    }
    for (_, other) in store.uncleaned_rounds(Some(guild)).await? {
        known.extend(other.categories);
    }
    let names = marker_names(meeting, round);
    let mut categories: Vec<ChannelId> = round.categories.clone();
    categories.extend(
        channels
            .iter()
            .filter(|c| {
                c.category
                    && names.contains(&c.name)
                    && !known.contains(&c.id)
                    && !channels.iter().any(|child| child.parent == Some(c.id))
            })
            .map(|c| c.id),
    );
    // Rooms: the recorded ones, and whatever else sits in the round's categories.
    let mut doomed: Vec<ChannelId> =
        round.rooms.iter().flat_map(|r| [r.text_channel, r.voice_channel]).flatten().collect();
    for c in channels.iter().filter(|c| c.parent.is_some_and(|p| categories.contains(&p))) {
        if !doomed.contains(&c.id) {
            doomed.push(c.id);
        }
    }
    doomed.extend(categories);
    for channel in doomed {
        match chat.delete_channel(channel).await {
            Ok(()) | Err(ChatError::NotFound(_)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    let now = clock.now();
    store.close_round(round.id, now).await?;
    store.set_channels_deleted(round.id, now).await?;
    Ok(())
}

/// Every name this round's categories can have (one category, or parts of either layout).
fn marker_names(meeting: &Meeting, round: &Round) -> HashSet<String> {
    let lang = meeting.lang();
    let mut names = HashSet::new();
    for voice in [false, true] {
        let parts = Layout::new(round.rooms.len(), voice).categories;
        for part in 0..parts {
            names.insert(category_name(lang, round.number, part, parts));
        }
    }
    names
}
