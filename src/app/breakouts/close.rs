//! The end of a round: notes and the rapporteur's summary, one summary post per room back in
//! plenary, rooms archived or deleted, voice members returned. A round at tables has none of
//! these (`tables::close_tables`).

use std::sync::atomic::{AtomicBool, Ordering};

use super::{meeting_channel, running, shown_name, tables, BreakoutError};
use crate::app::actor::Actor;
use crate::app::ports::{Chat, ChatError, Clock, Member, OutMessage, Room, Round, Store, StoreError};
use crate::app::posting::{post_once, Target};
use crate::app::summarise::Summariser;
use crate::domain::text::{split_message, DISCORD_MESSAGE_LIMIT};
use crate::domain::{ChannelId, Meeting};
use crate::i18n::Lang;
use crate::t;

/// `/note`: a line for the room's summary, written inside the room's channel.
pub async fn add_note<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    actor: &Actor,
    channel: ChannelId,
    text: &str,
    rapporteur_summary: bool,
) -> Result<Room, BreakoutError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(BreakoutError::EmptyNote);
    }
    let (round, room) = store.room_by_channel(channel).await?.ok_or(BreakoutError::NotARoom)?;
    if round.closed_at.is_some() {
        return Err(BreakoutError::NoRound);
    }
    let text: String = text.chars().take(crate::domain::answer::MAX_ANSWER_CHARS).collect();
    if rapporteur_summary {
        store.set_room_summary(room.id, actor.user, &text).await?;
    } else {
        store.add_note(room.id, actor.user, &text, clock.now()).await?;
    }
    Ok(room)
}

/// The summary of one room: the rapporteur's text, else a summary of its notes (offline, or
/// by `summariser`, an LLM with the offline summary as its fallback).
pub async fn room_summary_with<S: Store + ?Sized>(
    store: &S,
    room: &Room,
    lang: Lang,
    summariser: &dyn Summariser,
) -> Result<String, StoreError> {
    if let Some(summary) = &room.summary {
        return Ok(summary.clone());
    }
    let notes = store.notes(room.id).await?;
    if notes.is_empty() {
        return Ok(t!(lang, "summary-no-notes"));
    }
    let texts: Vec<&str> = notes.iter().map(|n| n.text.as_str()).collect();
    let summary = crate::domain::summary::summarise(&texts, 3);
    let mut out = summary.sentences.join(" ");
    if !summary.keywords.is_empty() {
        let words: Vec<&str> = summary.keywords.iter().take(5).map(|k| k.term.as_str()).collect();
        out.push_str(&format!("\n{}", t!(lang, "summary-keywords", words = words.join(", "))));
    }
    let texts: Vec<String> = texts.iter().map(|t| (*t).to_owned()).collect();
    Ok(summariser.summarise(crate::app::summarise::Purpose::Room, lang, &texts, out).await)
}

/// The key of part `part` of a room's summary post; the first room's is posted first of a
/// close, so a recorded one means a close has begun.
pub(super) fn summary_key(round: i64, room: u32, part: usize) -> String {
    format!("round{round}:room{room}:summary:{part}")
}

/// Closes the meeting's running round: one summary post per room to plenary, rooms archived
/// or deleted, voice members back to plenary. Safe to repeat after a crash (keyed posts).
pub async fn close_round<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    summariser: &dyn Summariser,
    meeting: &Meeting,
    round: &Round,
) -> Result<usize, BreakoutError> {
    close_round_with_progress(store, chat, clock, summariser, meeting, round, &|_, _| {}).await
}

/// `close_round`, calling `progress` as each room is emptied and archived.
///
/// The summaries and the moves back run at once, as the split's creates and moves do: Discord
/// limits plenary posts (5 per 5 s per channel) and member moves (10 per 10 s per guild) in
/// separate buckets. The first room's summary goes first: it marks the close as begun (see
/// `recovery`). A room is archived only once its members are out of it.
pub async fn close_round_with_progress<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    summariser: &dyn Summariser,
    meeting: &Meeting,
    round: &Round,
    progress: &(dyn Fn(usize, usize) + Send + Sync),
) -> Result<usize, BreakoutError> {
    if round.in_person {
        tables::close_tables(store, chat, clock, meeting, round).await?;
        return Ok(0);
    }
    let settings = store.guild_settings(meeting.guild).await?;
    let plenary = meeting_channel(store, meeting).await?;
    let members = store.members(meeting.guild).await?;
    let summaries = Summaries { store, chat, clock, summariser, meeting, round, members: &members };
    let mut posted = 0;
    if let (Some(plenary), Some(first)) = (plenary, round.rooms.first()) {
        summaries.post(first, plenary).await?;
        posted += 1;
    }
    let failed = AtomicBool::new(false);
    let post_rest = async {
        let Some(plenary) = plenary else { return Ok(0) };
        let mut posted = 0;
        for room in round.rooms.iter().skip(1) {
            if failed.load(Ordering::Relaxed) {
                break;
            }
            if let Err(e) = summaries.post(room, plenary).await {
                failed.store(true, Ordering::Relaxed);
                return Err(e);
            }
            posted += 1;
        }
        Ok(posted)
    };
    let empty_rooms = async {
        for (done, room) in round.rooms.iter().enumerate() {
            if failed.load(Ordering::Relaxed) {
                return Ok(());
            }
            if let Err(e) = empty_room(chat, meeting, room, settings.plenary_voice, settings.delete_rooms).await {
                failed.store(true, Ordering::Relaxed);
                return Err(e);
            }
            progress(done + 1, round.rooms.len());
        }
        Ok::<(), BreakoutError>(())
    };
    let (posts, emptied) = tokio::join!(post_rest, empty_rooms);
    posted += posts?;
    emptied?;
    let closed = clock.now();
    store.close_round(round.id, closed).await?;
    if settings.delete_rooms {
        for category in &round.categories {
            let _ = chat.delete_channel(*category).await;
        }
        store.set_channels_deleted(round.id, closed).await?;
    } else {
        super::cleanup::schedule(store, meeting.guild, meeting.id, closed).await?;
    }
    Ok(posted)
}

/// What posting a room's summary to plenary needs.
struct Summaries<'a, S: ?Sized> {
    store: &'a S,
    chat: &'a dyn Chat,
    clock: &'a dyn Clock,
    summariser: &'a dyn Summariser,
    meeting: &'a Meeting,
    round: &'a Round,
    members: &'a [Member],
}

impl<S: Store + ?Sized> Summaries<'_, S> {
    /// Posts `room`'s summary (in parts when it is long), each part once.
    async fn post(&self, room: &Room, plenary: ChannelId) -> Result<(), BreakoutError> {
        let lang = self.meeting.lang();
        let names: Vec<String> = room.members.iter().map(|u| shown_name(self.members, *u)).collect();
        let mut text = t!(lang, "summary-post", room = room.name.as_str(), members = names.join(", "));
        if let Some(label) = &room.label {
            text.push_str(&format!(" — {label}"));
        }
        text.push('\n');
        text.push_str(&room_summary_with(self.store, room, lang, self.summariser).await?);
        for (part, chunk) in split_message(&text, DISCORD_MESSAGE_LIMIT).into_iter().enumerate() {
            let key = summary_key(self.round.id, room.number, part);
            let message = OutMessage::text(chunk);
            post_once(self.store, self.chat, self.clock, &key, Target::Channel(plenary), message).await?;
        }
        Ok(())
    }
}

/// Returns a room's voice members to plenary voice, then archives or deletes its channels
/// (a voice channel deleted under its members would drop them from voice).
async fn empty_room(
    chat: &dyn Chat,
    meeting: &Meeting,
    room: &Room,
    plenary_voice: Option<ChannelId>,
    delete: bool,
) -> Result<(), BreakoutError> {
    if let (Some(_), Some(voice)) = (room.voice_channel, plenary_voice) {
        for user in &room.members {
            chat.move_to_voice(meeting.guild, *user, voice).await?;
        }
    }
    for channel in [room.text_channel, room.voice_channel].into_iter().flatten() {
        let done = if delete { chat.delete_channel(channel).await } else { chat.archive_room(channel).await };
        match done {
            Ok(()) | Err(ChatError::NotFound(_)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// What `/breakout close` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed {
    /// Room summaries posted to plenary (none for a round at tables).
    pub summaries: usize,
    pub in_person: bool,
}

/// `/breakout close`.
pub async fn close<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    summariser: &dyn Summariser,
    actor: &Actor,
) -> Result<Closed, BreakoutError> {
    close_with_progress(store, chat, clock, summariser, actor, &|_, _| {}).await
}

/// `/breakout close`, calling `progress` (rooms emptied, rooms) as it goes: a close of many
/// rooms takes minutes at Discord's limits.
pub async fn close_with_progress<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    summariser: &dyn Summariser,
    actor: &Actor,
    progress: &(dyn Fn(usize, usize) + Send + Sync),
) -> Result<Closed, BreakoutError> {
    let (meeting, round) = running(store, actor).await?;
    let summaries = close_round_with_progress(store, chat, clock, summariser, &meeting, &round, progress).await?;
    Ok(Closed { summaries, in_person: round.in_person })
}
