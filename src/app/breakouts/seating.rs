//! Moving people between the rooms of a running round: `/breakout move`, a late joiner's
//! `/breakout join`, and a member's pick in a `choose` round.

use super::{history, running, BreakoutError};
use crate::app::actor::Actor;
use crate::app::ports::{Chat, Room, Round, Store};
use crate::domain::grouping::{self, Seat};
use crate::domain::{Meeting, UserId};

/// Puts `user` into room `to` (1-based): access to its channels, voice move, membership.
async fn seat_in_room<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    meeting: &Meeting,
    round: &Round,
    user: UserId,
    to: u32,
) -> Result<Room, BreakoutError> {
    let target = round.rooms.iter().find(|r| r.number == to).cloned().ok_or(BreakoutError::UnknownRoom(to))?;
    for room in round.rooms.iter().filter(|r| r.number != to && r.members.contains(&user)) {
        let rest: Vec<UserId> = room.members.iter().copied().filter(|u| *u != user).collect();
        store.set_room_members(room.id, &rest).await?;
        for channel in [room.text_channel, room.voice_channel].into_iter().flatten() {
            chat.grant_room(channel, user, false).await?;
        }
    }
    if !target.members.contains(&user) {
        let mut members = target.members.clone();
        members.push(user);
        store.set_room_members(target.id, &members).await?;
        for channel in [target.text_channel, target.voice_channel].into_iter().flatten() {
            chat.grant_room(channel, user, true).await?;
        }
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
    seat_in_room(store, chat, &meeting, &round, user, room).await
}

/// `/breakout join`: a late joiner takes the smallest fitting room.
pub async fn join_late<S: Store + ?Sized>(store: &S, chat: &dyn Chat, actor: &Actor) -> Result<Room, BreakoutError> {
    let meeting = store.current_meeting(actor.guild).await?.ok_or(BreakoutError::NoMeeting)?;
    let round = store.open_round(meeting.id).await?.ok_or(BreakoutError::NoRound)?;
    if let Some(room) = round.rooms.iter().find(|r| r.members.contains(&actor.user)) {
        return Ok(room.clone());
    }
    let members = store.members(actor.guild).await?;
    let seat_of = |u: UserId| {
        let m = members.iter().find(|m| m.user == u);
        Seat { user: u, unit: m.and_then(|m| m.unit.clone()), role: m.and_then(|m| m.role.clone()) }
    };
    let groups: Vec<grouping::Group> = round
        .rooms
        .iter()
        .map(|r| grouping::Group { members: r.members.clone(), label: r.label.clone(), cap: r.cap, units: Vec::new() })
        .collect();
    let seated: Vec<Seat> = round.rooms.iter().flat_map(|r| r.members.iter().map(|u| seat_of(*u))).collect();
    let index = grouping::assign_late_joiner(
        &groups,
        &seat_of(actor.user),
        &seated,
        round.mode,
        &history(store, &meeting).await?,
    )
    .ok_or(BreakoutError::AllFull)?;
    seat_in_room(store, chat, &meeting, &round, actor.user, index as u32 + 1).await
}

/// A member picks a room in a `choose` round (the room buttons).
pub async fn pick_room<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    actor: &Actor,
    round_id: i64,
    room: u32,
) -> Result<Room, BreakoutError> {
    let meeting = store.current_meeting(actor.guild).await?.ok_or(BreakoutError::NoMeeting)?;
    let round = store.open_round(meeting.id).await?.filter(|r| r.id == round_id).ok_or(BreakoutError::NoRound)?;
    let mut groups: Vec<grouping::Group> = round
        .rooms
        .iter()
        .map(|r| grouping::Group { members: r.members.clone(), label: r.label.clone(), cap: r.cap, units: Vec::new() })
        .collect();
    grouping::choose_room(&mut groups, actor.user, room.saturating_sub(1) as usize)?;
    seat_in_room(store, chat, &meeting, &round, actor.user, room).await
}
