//! The end of a round: notes and the rapporteur's summary, one summary post per room back in
//! plenary, rooms archived or deleted, voice members returned.

use super::{running, BreakoutError};
use crate::app::actor::Actor;
use crate::app::ports::{Chat, ChatError, Clock, OutMessage, Room, Round, Store, StoreError};
use crate::app::posting::{post_once, Target};
use crate::app::summarise::Summariser;
use crate::domain::text::{split_message, DISCORD_MESSAGE_LIMIT};
use crate::domain::{ChannelId, Meeting, UserId};
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
    let lang = meeting.lang();
    let settings = store.guild_settings(meeting.guild).await?;
    let plenary = match settings.plenary_channel {
        Some(c) => Some(c),
        None => store.meeting_channel(meeting.id).await?,
    };
    let members = store.members(meeting.guild).await?;
    let name_of =
        |u: &UserId| members.iter().find(|m| m.user == *u).map(|m| m.name.clone()).unwrap_or_else(|| u.to_string());
    let mut posted = 0;
    for room in &round.rooms {
        if let Some(plenary) = plenary {
            let names: Vec<String> = room.members.iter().map(name_of).collect();
            let mut text = t!(lang, "summary-post", room = room.name.as_str(), members = names.join(", "));
            if let Some(label) = &room.label {
                text.push_str(&format!(" — {label}"));
            }
            text.push('\n');
            text.push_str(&room_summary_with(store, room, lang, summariser).await?);
            for (part, chunk) in split_message(&text, DISCORD_MESSAGE_LIMIT).into_iter().enumerate() {
                let key = summary_key(round.id, room.number, part);
                post_once(store, chat, clock, &key, Target::Channel(plenary), OutMessage::text(chunk)).await?;
            }
            posted += 1;
        }
        if let (Some(_), Some(voice)) = (room.voice_channel, settings.plenary_voice) {
            for user in &room.members {
                chat.move_to_voice(meeting.guild, *user, voice).await?;
            }
        }
        for channel in [room.text_channel, room.voice_channel].into_iter().flatten() {
            let done = if settings.delete_rooms {
                chat.delete_channel(channel).await
            } else {
                chat.archive_room(channel).await
            };
            match done {
                Ok(()) | Err(ChatError::NotFound(_)) => {}
                Err(e) => return Err(e.into()),
            }
        }
    }
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

/// `/breakout close`.
pub async fn close<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    summariser: &dyn Summariser,
    actor: &Actor,
) -> Result<usize, BreakoutError> {
    let (meeting, round) = running(store, actor).await?;
    close_round(store, chat, clock, summariser, &meeting, &round).await
}
