//! Moving people between the rooms of a running round: `/breakout move`, a late joiner's
//! `/breakout join`, and a member's pick in a `choose` round.

use super::{history, running, BreakoutError};
use crate::app::actor::Actor;
use crate::app::ports::{Chat, Clock, Room, Round, Seating, Store};
use crate::domain::grouping::{self, Seat};
use crate::domain::{Meeting, UserId};

/// Puts `user` into room `to` (1-based): the seat (one store transaction, which checks the
/// room's cap when `within_cap`), then access to the channels, the voice move.
async fn seat_in_room<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    meeting: &Meeting,
    round: &Round,
    user: UserId,
    to: u32,
    within_cap: bool,
) -> Result<Room, BreakoutError> {
    let target = round.rooms.iter().find(|r| r.number == to).cloned().ok_or(BreakoutError::UnknownRoom(to))?;
    let left = match store.seat(target.id, user, within_cap).await? {
        Seating::Seated { left } => left,
        Seating::AlreadyThere => Vec::new(),
        Seating::Full => return Err(BreakoutError::RoomFull(to)),
        Seating::RoundClosed => return Err(BreakoutError::NoRound),
    };
    for room in round.rooms.iter().filter(|r| left.contains(&r.id)) {
        for channel in [room.text_channel, room.voice_channel].into_iter().flatten() {
            chat.grant_room(channel, user, false).await?;
        }
    }
    for channel in [target.text_channel, target.voice_channel].into_iter().flatten() {
        chat.grant_room(channel, user, true).await?;
    }
    if let Some(voice) = target.voice_channel {
        chat.move_to_voice(meeting.guild, user, voice).await?;
    }
    Ok(target)
}

/// `/breakout move`: a facilitator moves a member to another room.
pub async fn move_member<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    actor: &Actor,
    user: UserId,
    room: u32,
) -> Result<Room, BreakoutError> {
    let (meeting, round) = running(store, actor).await?;
    // A facilitator may put someone into a full room.
    seat_in_room(store, chat, &meeting, &round, user, room, false).await
}

/// `/breakout join`: a late joiner takes the smallest fitting room. When that room fills
/// between reading the round and taking the seat, the next best room is tried.
pub async fn join_late<S: Store + ?Sized>(store: &S, chat: &dyn Chat, actor: &Actor) -> Result<Room, BreakoutError> {
    let meeting = store.current_meeting(actor.guild).await?.ok_or(BreakoutError::NoMeeting)?;
    let members = store.members(actor.guild).await?;
    let seat_of = |u: UserId| {
        let m = members.iter().find(|m| m.user == u);
        Seat { user: u, unit: m.and_then(|m| m.unit.clone()), role: m.and_then(|m| m.role.clone()) }
    };
    let history = history(store, &meeting).await?;
    loop {
        let round = store.open_round(meeting.id).await?.ok_or(BreakoutError::NoRound)?;
        if let Some(room) = round.rooms.iter().find(|r| r.members.contains(&actor.user)) {
            return Ok(room.clone());
        }
        let groups: Vec<grouping::Group> = round.rooms.iter().map(group_of).collect();
        let seated: Vec<Seat> = round.rooms.iter().flat_map(|r| r.members.iter().map(|u| seat_of(*u))).collect();
        let index = grouping::assign_late_joiner(&groups, &seat_of(actor.user), &seated, round.mode, &history)
            .ok_or(BreakoutError::AllFull)?;
        match seat_in_room(store, chat, &meeting, &round, actor.user, index as u32 + 1, true).await {
            // Filled by someone else meanwhile: read the round again (each pass sees one more
            // seat taken, so this ends in a seat or AllFull).
            Err(BreakoutError::RoomFull(_)) => continue,
            other => return other,
        }
    }
}

fn group_of(r: &Room) -> grouping::Group {
    grouping::Group { members: r.members.clone(), label: r.label.clone(), cap: r.cap, units: Vec::new() }
}

/// A member picks a room in a `choose` round (the room buttons); the room then reads their
/// answers, with their consent (`briefs::brief_picker`).
pub async fn pick_room<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    actor: &Actor,
    round_id: i64,
    room: u32,
) -> Result<Room, BreakoutError> {
    let meeting = store.current_meeting(actor.guild).await?.ok_or(BreakoutError::NoMeeting)?;
    let round = store.open_round(meeting.id).await?.filter(|r| r.id == round_id).ok_or(BreakoutError::NoRound)?;
    let mut groups: Vec<grouping::Group> = round.rooms.iter().map(group_of).collect();
    // A quick refusal from what was read; the seat itself checks the cap again, atomically.
    grouping::choose_room(&mut groups, actor.user, room.saturating_sub(1) as usize)?;
    let seated = seat_in_room(store, chat, &meeting, &round, actor.user, room, true).await?;
    super::briefs::brief_picker(store, chat, clock, &meeting, &round, &seated, actor.user).await?;
    Ok(seated)
}
