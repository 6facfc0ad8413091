//! `/breakout split` and `/breakout reshuffle`: seat the people present in private rooms,
//! create the rooms, brief each room, and undo everything if the chat platform fails half-way.
//! Without channels (`channels:false`) the same seating goes to tables in the room instead.

use std::sync::atomic::{AtomicBool, Ordering};

use chrono::Duration;
use rand::Rng;

use super::briefs::post_room_briefs;
use super::close::close_round;
use super::{facilitated_meeting, history, meeting_channel, running, tables, BreakoutError, Layout, SplitRequest};
use crate::app::actor::Actor;
use crate::app::ports::{
    Action, Chat, ChatError, Clock, Member, NewRoom, OutMessage, Room, RoomKind, RoomSpec, Round, Store, StoreError,
    MAX_BUTTONS_PER_MESSAGE,
};
use crate::app::posting::{post_once, Target};
use crate::domain::grouping::{self, Mode, Seat, Sizing};
use crate::domain::{ChannelId, Meeting, UserId};
use crate::i18n::Lang;
use crate::t;

/// `/breakout split`: creates the round, its private rooms, posts each room its questions and
/// its members' own answers (with consent), and moves voice members. `progress` is called
/// after each room so a long split can report how far it has come.
pub async fn split<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    actor: &Actor,
    request: &SplitRequest,
    rng: &mut impl Rng,
    progress: &(dyn Fn(usize, usize) + Send + Sync),
) -> Result<Round, BreakoutError> {
    let meeting = facilitated_meeting(store, actor).await?;
    if store.open_round(meeting.id).await?.is_some() {
        return Err(BreakoutError::RoundRunning);
    }
    if meeting.units.is_empty() && request.mode.seats_by_unit() {
        return Err(BreakoutError::NeedsUnits(request.mode));
    }
    let settings = store.guild_settings(actor.guild).await?;
    let members = store.members(actor.guild).await?;
    // At tables in the room, who is in plenary voice says nothing about who is there.
    let voice = settings.plenary_voice.filter(|_| request.channels);
    let present: Vec<UserId> = match (&request.present, voice) {
        (Some(p), _) => p.clone(),
        (None, Some(voice)) => chat.voice_members(actor.guild, voice).await?,
        // Without a voice channel: everyone who joined a unit (everyone, in a meeting without units).
        (None, None) => {
            members.iter().filter(|m| m.unit.is_some() || meeting.units.is_empty()).map(|m| m.user).collect()
        }
    };
    let seats: Vec<Seat> = present
        .iter()
        .map(|u| {
            let m = members.iter().find(|m| m.user == *u);
            Seat { user: *u, unit: m.and_then(|m| m.unit.clone()), role: m.and_then(|m| m.role.clone()) }
        })
        .collect();
    let topics = request.topics_for_rooms()?;
    let groups = if topics.is_empty() {
        grouping::split(&seats, request.mode, request.sizing, &history(store, &meeting).await?, rng)?
    } else {
        grouping::topic_rooms(seats.len(), request.sizing, &topics)?
    };
    let layout = Layout::new(groups.len(), request.voice);
    if request.channels {
        layout.fits(chat.channel_count(actor.guild).await?)?;
    }
    let lang = meeting.lang();
    let now = clock.now();
    let rooms: Vec<NewRoom> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| NewRoom {
            number: i as u32 + 1,
            // A topic room is named after its topic (and needs no label to say what it is for).
            name: match g.label.clone().filter(|_| !topics.is_empty()) {
                Some(topic) => topic,
                None => room_name(lang, !request.channels, i as u32 + 1),
            },
            label: g.label.clone().filter(|_| topics.is_empty()),
            cap: g.cap,
            members: g.members.clone(),
        })
        .collect();
    let plan_id = request.plan.as_ref().map(|p| p.id.as_str());
    let ends = now + Duration::minutes(i64::from(request.minutes.max(1)));
    // The database holds one open round per meeting: a facilitator who split at the same
    // moment got there first, and nothing has been created on the chat platform yet.
    let created = if request.channels {
        store.create_round(meeting.id, request.mode, plan_id, now, ends, &rooms).await
    } else {
        store.create_table_round(meeting.id, request.mode, plan_id, now, ends, &rooms).await
    };
    let round = match created {
        Err(StoreError::Conflict(_)) => return Err(BreakoutError::RoundRunning),
        other => other?,
    };
    let round = if request.channels {
        open_and_brief(store, chat, clock, &meeting, round, request, layout, &members, progress).await?
    } else {
        // Members of a `choose` round pick their table with the buttons; its plan comes at the close.
        if request.mode != Mode::Choose {
            if let Err(e) = tables::post_plan(store, chat, clock, &meeting, &round, &members, tables::SPLIT_PLAN).await
            {
                // A plan nobody saw seats nobody: the round ends here.
                store.close_round(round.id, clock.now()).await?;
                return Err(e);
            }
        }
        round
    };
    if request.mode == Mode::Choose {
        post_choice(store, chat, clock, &meeting, &round, !topics.is_empty()).await?;
    }
    Ok(round)
}

/// A room's name when it has no topic: "Room 3", or at tables "Table 3".
pub(super) fn room_name(lang: Lang, in_person: bool, number: u32) -> String {
    t!(lang, if in_person { "table-name" } else { "room-name" }, number = number)
}

/// The key of part `part` of a `choose` round's buttons.
pub(super) fn choose_key(round: i64, part: usize) -> String {
    match part {
        0 => format!("round{round}:choose"),
        _ => format!("round{round}:choose:{part}"),
    }
}

/// Posts a `choose` round's room buttons to plenary (each part once); `topics` when the rooms
/// are named after topics.
pub(super) async fn post_choice<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    round: &Round,
    topics: bool,
) -> Result<(), BreakoutError> {
    let Some(plenary) = meeting_channel(store, meeting).await? else { return Ok(()) };
    let lang = meeting.lang();
    // A message holds at most 25 buttons: more rooms go on further messages.
    for (part, rooms) in round.rooms.chunks(MAX_BUTTONS_PER_MESSAGE).enumerate() {
        let (first, last) = (rooms[0].number, rooms[rooms.len() - 1].number);
        let mut message = OutMessage::text(match part {
            0 if !topics => t!(lang, "choose-post", rooms = round.rooms.len()),
            0 => t!(lang, "choose-post-topics", rooms = round.rooms.len()),
            _ => t!(lang, "choose-post-more", first = first, last = last),
        });
        for room in rooms {
            let choose = Action::Choose { round: round.id, room: room.number };
            message = message.with_button(choose, room.name.clone());
        }
        post_once(store, chat, clock, &choose_key(round.id, part), Target::Channel(plenary), message).await?;
    }
    Ok(())
}

/// Creates the round's channels (undoing them all if the chat platform fails half-way),
/// then briefs each room. Returns the round with its channels.
#[allow(clippy::too_many_arguments)]
async fn open_and_brief<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    round: Round,
    request: &SplitRequest,
    layout: Layout,
    members: &[Member],
    progress: &(dyn Fn(usize, usize) + Send + Sync),
) -> Result<Round, BreakoutError> {
    let settings = store.guild_settings(meeting.guild).await?;
    let staff_roles: Vec<u64> = [settings.facilitator_role, settings.organiser_role].into_iter().flatten().collect();
    let mut opened = Opened::default();
    let outcome = open_rooms(store, chat, meeting, &round, request, layout, &staff_roles, &mut opened, progress).await;
    if let Err(e) = outcome {
        // Leave nothing half-made: return whoever was moved to plenary voice (a voice channel
        // deleted under them would drop them from voice), remove what was created, close the round.
        if let Some(plenary) = settings.plenary_voice {
            for user in &opened.moved {
                if let Err(err) = chat.move_to_voice(meeting.guild, *user, plenary).await {
                    tracing::warn!(user = %user, error = %err, "cannot return a member to plenary voice");
                }
            }
        }
        for channel in opened.created.into_iter().rev() {
            let _ = chat.delete_channel(channel).await;
        }
        store.close_round(round.id, clock.now()).await?;
        return Err(e);
    }
    let round = store.open_round(meeting.id).await?.ok_or(BreakoutError::NoRound)?;
    post_room_briefs(store, chat, clock, meeting, &round, request, members, meeting.lang()).await?;
    Ok(round)
}

/// What `open_rooms` did before it stopped: channels created and members moved into a room's
/// voice channel, so a failed split can undo it.
#[derive(Debug, Default)]
struct Opened {
    created: Vec<ChannelId>,
    moved: Vec<UserId>,
}

/// Creates the round's channels and moves each room's voice members into its voice channel.
/// Creating and moving are two pipelines running at once: Discord limits channel creates and
/// member moves in separate buckets (10 per 10 s per guild each), so moving room 1 while
/// room 2 is made lets a large split finish at the slower bucket's floor, not at the sum of
/// both. A room counts as opened (`progress`) when its members are in it.
#[allow(clippy::too_many_arguments)]
async fn open_rooms<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    meeting: &Meeting,
    round: &Round,
    request: &SplitRequest,
    layout: Layout,
    staff_roles: &[u64],
    opened: &mut Opened,
    progress: &(dyn Fn(usize, usize) + Send + Sync),
) -> Result<(), BreakoutError> {
    let lang = meeting.lang();
    let plenary = store.guild_settings(meeting.guild).await?.plenary_voice;
    let Opened { created, moved } = opened;
    // A failure in either pipeline stops the other at its next step (never in the middle of
    // a call, so every channel Discord made is in `created` for the undo).
    let failed = AtomicBool::new(false);
    let (made, mut ready) = tokio::sync::mpsc::unbounded_channel::<(&Room, Option<ChannelId>)>();
    let make = async {
        let made = made; // dropped when making ends, which ends the seating
        let mut categories = Vec::with_capacity(layout.categories);
        for (i, room) in round.rooms.iter().enumerate() {
            if failed.load(Ordering::Relaxed) {
                break;
            }
            // Each category is made when its first room is, so a small round makes one.
            let part = layout.category_of(i);
            if part == categories.len() {
                let name = category_name(lang, round.number, part, layout.categories);
                let category = chat.create_category(meeting.guild, &name).await?;
                created.push(category);
                store.add_round_category(round.id, category).await?;
                categories.push(category);
            }
            let spec = |kind| RoomSpec {
                guild: meeting.guild,
                category: Some(categories[part]),
                name: room.name.clone(),
                kind,
                members: room.members.clone(),
                staff_roles: staff_roles.to_vec(),
            };
            let text = chat.create_room(&spec(RoomKind::Text)).await?;
            created.push(text);
            let voice = if request.voice {
                let v = chat.create_room(&spec(RoomKind::Voice)).await?;
                created.push(v);
                Some(v)
            } else {
                None
            };
            store.set_room_channels(room.id, Some(text), voice).await?;
            let _ = made.send((room, voice));
        }
        Ok::<(), BreakoutError>(())
    };
    let make = async {
        let outcome = make.await;
        failed.fetch_or(outcome.is_err(), Ordering::Relaxed);
        outcome
    };
    let seat = async {
        let mut done = 0;
        while let Some((room, voice)) = ready.recv().await {
            if let (Some(v), Some(_)) = (voice, plenary) {
                for user in &room.members {
                    if failed.load(Ordering::Relaxed) {
                        return Ok(());
                    }
                    match chat.move_to_voice(meeting.guild, *user, v).await {
                        Ok(true) => moved.push(*user),
                        Ok(false) => {}
                        Err(e) => {
                            failed.store(true, Ordering::Relaxed);
                            return Err(e);
                        }
                    }
                }
            }
            done += 1;
            progress(done, round.rooms.len());
        }
        Ok::<(), ChatError>(())
    };
    let (making, seating) = tokio::join!(make, seat);
    making?;
    Ok(seating?)
}

/// The name of category `part` (0-based) of `parts` of round `number`: also the marker by
/// which a category made before a crash, never recorded, is found again.
pub(super) fn category_name(lang: Lang, number: u32, part: usize, parts: usize) -> String {
    if parts == 1 {
        t!(lang, "round-category", number = number)
    } else {
        t!(lang, "round-category-part", number = number, part = part + 1, parts = parts)
    }
}

/// The key of part `part` of a room's brief; the last room's first part is posted last of a
/// split, so a recorded one means the split finished.
pub(super) fn brief_key(round: i64, room: u32, part: usize) -> String {
    format!("round{round}:room{room}:brief:{part}")
}

/// Options for the next round of a reshuffle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reshuffle {
    pub minutes: u32,
    pub voice: bool,
}

/// `/breakout reshuffle`: closes the running round and splits again with the same mode, so
/// people meet new people (earlier tables count as history). A round at tables is followed
/// by one at tables.
#[allow(clippy::too_many_arguments)]
pub async fn reshuffle<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    summariser: &dyn crate::app::summarise::Summariser,
    actor: &Actor,
    next: Reshuffle,
    rng: &mut impl Rng,
    progress: &(dyn Fn(usize, usize) + Send + Sync),
) -> Result<Round, BreakoutError> {
    let (meeting, round) = running(store, actor).await?;
    let present: Vec<UserId> = round.rooms.iter().flat_map(|r| r.members.iter().copied()).collect();
    let size = round.rooms.iter().map(|r| r.members.len()).max().unwrap_or(2) as u32;
    let in_person = round.in_person;
    close_round(store, chat, clock, summariser, &meeting, &round).await?;
    let request = SplitRequest {
        mode: round.mode,
        sizing: Sizing::Size(size.max(2)),
        minutes: next.minutes,
        voice: next.voice && !in_person,
        channels: !in_person,
        plan: None,
        present: Some(present),
        topics: Vec::new(),
    };
    split(store, chat, clock, actor, &request, rng, progress).await
}
