//! A round left half-done by a process that died (killed in the middle of a split or a close)
//! is settled when the process serving its guild starts again, before anyone works on it:
//! - a close that had begun (its first summary is recorded) is finished: keyed posts are not
//!   repeated, members go back to plenary voice, rooms are archived or deleted;
//! - a split that had not finished (a room without channels, or the last room's brief not
//!   recorded) is rolled back: members in the round's voice channels go back to plenary voice,
//!   every channel the split made is deleted, including one Discord made but samrad never
//!   recorded (found by its category, or for a category by its name), and the round is closed.
//!
//! - a round whose split made it but did not post what its members need to take part (a
//!   round at tables' plan, a `choose` round's buttons) gets those posts now. A round at tables
//!   has no channels: nothing else of it is finished or undone.
//!
//! A guild's interactions arrive at one process only (its shard's), so at that process's start
//! no split or close of the guild can be running elsewhere.

use std::collections::HashSet;

use super::close::{close_round, summary_key};
use super::split::{brief_key, category_name, choose_key, post_choice, room_name};
use super::{meeting_channel, tables, BreakoutError, Layout};
use crate::app::ports::{Chat, ChatError, Clock, Round, Store, MAX_BUTTONS_PER_MESSAGE};
use crate::app::summarise::Summariser;
use crate::domain::grouping::Mode;
use crate::domain::{ChannelId, GuildId, Meeting};

/// What `recover` did with a guild's half-done round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recovered {
    /// A round's interrupted close was finished.
    Closed { round: u32 },
    /// A round's interrupted split was undone.
    RolledBack { round: u32 },
    /// A round's split was cut short after it was made: its plan or buttons were posted.
    Completed { round: u32 },
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
        // A round at tables has no channels to finish or undo: it runs on after a restart,
        // with its plan.
        if round.in_person {
            if post_missing(store, chat, clock, &meeting, &round).await? {
                done.push(Recovered::Completed { round: round.number });
            }
            continue;
        }
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
        } else if post_missing(store, chat, clock, &meeting, &round).await? {
            done.push(Recovered::Completed { round: round.number });
        }
    }
    Ok(done)
}

/// Posts what a split posts once its round is made, when a crash came first: a round at
/// tables' plan (a `choose` round's plan comes at its close) and a `choose` round's buttons.
/// Keyed posts: what was posted is not posted again. Returns whether anything was missing.
async fn post_missing<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    round: &Round,
) -> Result<bool, BreakoutError> {
    if meeting_channel(store, meeting).await?.is_none() {
        return Ok(false); // a split without a meeting channel posts neither
    }
    let mut missing = false;
    let plan = tables::plan_key(round.id, tables::SPLIT_PLAN);
    if round.in_person && round.mode != Mode::Choose && store.sent_post(&plan).await?.is_none() {
        let members = store.members(meeting.guild).await?;
        tables::post_plan(store, chat, clock, meeting, round, &members, tables::SPLIT_PLAN).await?;
        tracing::warn!(round = round.id, "the table plan of an interrupted split was posted");
        missing = true;
    }
    if round.mode == Mode::Choose {
        let parts = round.rooms.len().div_ceil(MAX_BUTTONS_PER_MESSAGE);
        let mut posted = true;
        for part in 0..parts {
            posted &= store.sent_post(&choose_key(round.id, part)).await?.is_some();
        }
        if !posted {
            // Rooms named otherwise than by number were named after the split's topics.
            let lang = meeting.lang();
            let topics = round.rooms.iter().any(|r| r.name != room_name(lang, round.in_person, r.number));
            post_choice(store, chat, clock, meeting, round, topics).await?;
            tracing::warn!(round = round.id, "the room buttons of an interrupted split were posted");
            missing = true;
        }
    }
    Ok(missing)
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
