//! Breakout rounds: split the people present into private rooms, run the timer, broadcast,
//! move people, and close with one summary per room back in plenary.
//!
//! A split is all-or-nothing: if the chat platform fails half-way, the rooms already created
//! are deleted and the round is closed, so no half-made round is left behind.

use chrono::Duration;
use rand::Rng;

use super::actor::{Actor, UserMessage};
use super::ports::{
    Chat, ChatError, Clock, Member, NewRoom, OutMessage, Room, RoomKind, RoomSpec, Round, Store, StoreError,
};
use super::tick::{post_once, JobFailure, Target};
use crate::domain::grouping::{self, History, Mode, Seat, Sizing, SplitError};
use crate::domain::text::{split_message, DISCORD_MESSAGE_LIMIT};
use crate::domain::{ChannelId, Meeting, QuestionId, UnitName, UserId};
use crate::i18n::Lang;
use crate::t;

/// Discord allows 50 channels in one category.
pub const MAX_CHANNELS_PER_CATEGORY: usize = 50;
/// Custom id prefix of the room buttons in `choose` mode: `samrad:choose:<round>:<room number>`.
pub const CHOOSE_BUTTON: &str = "samrad:choose";

#[derive(Debug, thiserror::Error)]
pub enum BreakoutError {
    #[error("only facilitators and organisers may do that")]
    NotFacilitator,
    #[error("no meeting is loaded")]
    NoMeeting,
    #[error("a round is already running")]
    RoundRunning,
    #[error("no round is running")]
    NoRound,
    #[error(transparent)]
    Split(#[from] SplitError),
    #[error("{rooms} rooms need {channels} channels; a category holds at most 50")]
    TooManyRooms { rooms: usize, channels: usize },
    #[error("{0:?} needs units and this meeting has none")]
    NeedsUnits(Mode),
    #[error("unknown breakout plan {0:?}")]
    UnknownPlan(String),
    #[error("room {0} does not exist")]
    UnknownRoom(u32),
    #[error("this is not a breakout room")]
    NotARoom,
    #[error("the note is empty")]
    EmptyNote,
    #[error("every room is full")]
    AllFull,
    #[error(transparent)]
    Choose(#[from] grouping::ChooseError),
    #[error("the chat platform failed: {0}")]
    Chat(#[from] ChatError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<JobFailure> for BreakoutError {
    fn from(e: JobFailure) -> Self {
        match e {
            JobFailure::Chat(c) => Self::Chat(c),
            JobFailure::Store(s) => Self::Store(s),
            JobFailure::Config(c) => Self::Chat(ChatError::Refused(c)),
        }
    }
}

impl UserMessage for BreakoutError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::NotFacilitator => t!(lang, "err-not-facilitator"),
            Self::NoMeeting => t!(lang, "err-no-meeting"),
            Self::RoundRunning => t!(lang, "err-round-running"),
            Self::NoRound => t!(lang, "err-no-round"),
            Self::NeedsUnits(mode) => t!(lang, "err-split-needs-units", mode = mode.as_str()),
            Self::Split(e) => t!(lang, "err-split", detail = e.to_string()),
            Self::TooManyRooms { rooms, .. } => t!(lang, "err-too-many-rooms", rooms = *rooms),
            Self::UnknownPlan(p) => t!(lang, "err-unknown-plan", plan = p.as_str()),
            Self::UnknownRoom(n) => t!(lang, "err-unknown-room", room = *n),
            Self::NotARoom => t!(lang, "err-not-a-room"),
            Self::EmptyNote => t!(lang, "err-empty-note"),
            Self::AllFull => t!(lang, "err-rooms-full"),
            Self::Choose(e) => t!(lang, "err-split", detail = e.to_string()),
            Self::Chat(ChatError::Limit(detail)) => t!(lang, "err-discord-limit", detail = detail.as_str()),
            Self::Chat(e) => t!(lang, "err-chat", detail = e.to_string()),
            Self::Store(_) => t!(lang, "err-internal"),
        }
    }
}

/// What the facilitator asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitRequest {
    pub mode: Mode,
    pub sizing: Sizing,
    pub minutes: u32,
    /// Also create a voice channel per room and move people who are in voice.
    pub voice: bool,
    /// The kit's breakout plan (questions, mode); `None` for an ad-hoc split.
    pub plan: Option<crate::kit::BreakoutPlan>,
    /// Who is present. `None`: everyone in the plenary voice channel, or, without one, every
    /// member with a unit.
    pub present: Option<Vec<UserId>>,
}

/// What `/breakout split` was given; `None` means "not said".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SplitOptions {
    pub size: Option<u32>,
    pub rooms: Option<u32>,
    pub minutes: Option<u32>,
    pub voice: Option<bool>,
}

/// Minutes of a round when neither the facilitator nor the plan says.
pub const DEFAULT_MINUTES: u32 = 10;

impl SplitRequest {
    /// A request from the command's options and the kit's plan: what the facilitator said
    /// wins, then the plan (size, minutes, questions), then the defaults. Everyone present.
    pub fn from_options(mode: Mode, options: &SplitOptions, plan: Option<crate::kit::BreakoutPlan>) -> SplitRequest {
        let sizing = match (options.size, options.rooms) {
            (Some(size), _) => Sizing::Size(size),
            (None, Some(rooms)) => Sizing::Rooms(rooms),
            (None, None) => Sizing::from_size(plan.as_ref().and_then(|p| p.size)),
        };
        let minutes = options.minutes.or(plan.as_ref().map(|p| p.minutes)).unwrap_or(DEFAULT_MINUTES).clamp(1, 240);
        SplitRequest { mode, sizing, minutes, voice: options.voice.unwrap_or(false), plan, present: None }
    }
}

/// The kit's breakout plan with id `id`.
pub fn find_plan(kit: &crate::kit::Kit, id: &str) -> Result<crate::kit::BreakoutPlan, BreakoutError> {
    kit.breakouts.iter().find(|p| p.id == id.trim()).cloned().ok_or_else(|| BreakoutError::UnknownPlan(id.to_owned()))
}

/// Ids and titles of the kit's breakout plans that contain `partial` (autocomplete).
pub fn plan_suggestions(kit: &crate::kit::Kit, partial: &str) -> Vec<(String, String)> {
    let p = partial.to_lowercase();
    kit.breakouts
        .iter()
        .filter(|b| b.id.to_lowercase().contains(&p) || b.title.to_lowercase().contains(&p))
        .map(|b| (b.id.clone(), b.title.clone()))
        .take(25)
        .collect()
}

async fn facilitated_meeting<S: Store + ?Sized>(store: &S, actor: &Actor) -> Result<Meeting, BreakoutError> {
    if !actor.can_facilitate() {
        return Err(BreakoutError::NotFacilitator);
    }
    store.current_meeting(actor.guild).await?.ok_or(BreakoutError::NoMeeting)
}

/// Person pairs from every earlier room of this guild; unit pairs from earlier critical-friend
/// rounds of this meeting (their labels name the units).
async fn history<S: Store + ?Sized>(store: &S, meeting: &Meeting) -> Result<History, StoreError> {
    let mut history = History::default();
    history.record(&store.seating_history(meeting.guild).await?);
    for round in store.rounds(meeting.id).await?.iter().filter(|r| r.mode == Mode::Pairs) {
        for room in &round.rooms {
            // Labels read "JUS ↔ KHM" or "A → B → C → A".
            let units: Vec<UnitName> = room
                .label
                .as_deref()
                .unwrap_or("")
                .split(['↔', '→'])
                .filter_map(|w| UnitName::try_from(w).ok())
                .collect();
            for (i, a) in units.iter().enumerate() {
                for b in units[i + 1..].iter().filter(|b| *b != a) {
                    *history.unit_pairs.entry(History::unit_key(a, b)).or_default() += 1;
                }
            }
        }
    }
    Ok(history)
}

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
    if meeting.units.is_empty() && matches!(request.mode, Mode::Units | Mode::SameUnit | Mode::Pairs) {
        return Err(BreakoutError::NeedsUnits(request.mode));
    }
    let settings = store.guild_settings(actor.guild).await?;
    let members = store.members(actor.guild).await?;
    let present: Vec<UserId> = match (&request.present, settings.plenary_voice) {
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
    let groups = grouping::split(&seats, request.mode, request.sizing, &history(store, &meeting).await?, rng)?;
    let channels = groups.len() * if request.voice { 2 } else { 1 };
    if channels > MAX_CHANNELS_PER_CATEGORY {
        return Err(BreakoutError::TooManyRooms { rooms: groups.len(), channels });
    }
    let lang = meeting.lang();
    let now = clock.now();
    let rooms: Vec<NewRoom> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| NewRoom {
            number: i as u32 + 1,
            name: t!(lang, "room-name", number = i + 1),
            label: g.label.clone(),
            cap: g.cap,
            members: g.members.clone(),
        })
        .collect();
    let plan_id = request.plan.as_ref().map(|p| p.id.as_str());
    let ends = now + Duration::minutes(i64::from(request.minutes.max(1)));
    let round = store.create_round(meeting.id, request.mode, plan_id, now, ends, &rooms).await?;
    let staff_roles: Vec<u64> = [settings.facilitator_role, settings.organiser_role].into_iter().flatten().collect();
    let mut opened = Opened::default();
    let outcome = open_rooms(store, chat, &meeting, &round, request, &staff_roles, &mut opened, progress).await;
    if let Err(e) = outcome {
        // Leave nothing half-made: return whoever was moved to plenary voice (a voice channel
        // deleted under them would drop them from voice), remove what was created, close the round.
        if let Some(plenary) = settings.plenary_voice {
            for user in &opened.moved {
                if let Err(err) = chat.move_to_voice(actor.guild, *user, plenary).await {
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
    post_room_briefs(store, chat, clock, &meeting, &round, request, &members, lang).await?;
    if request.mode == Mode::Choose {
        let settings_channel = settings.plenary_channel.or(store.meeting_channel(meeting.id).await?);
        if let Some(plenary) = settings_channel {
            let mut message = OutMessage::text(t!(lang, "choose-post", rooms = round.rooms.len()));
            for room in &round.rooms {
                message =
                    message.with_button(format!("{CHOOSE_BUTTON}:{}:{}", round.id, room.number), room.name.clone());
            }
            post_once(store, chat, clock, &format!("round{}:choose", round.id), Target::Channel(plenary), message)
                .await?;
        }
    }
    Ok(round)
}

/// What `open_rooms` did before it stopped: channels created and members moved into a room's
/// voice channel, so a failed split can undo it.
#[derive(Debug, Default)]
struct Opened {
    created: Vec<ChannelId>,
    moved: Vec<UserId>,
}

#[allow(clippy::too_many_arguments)]
async fn open_rooms<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    meeting: &Meeting,
    round: &Round,
    request: &SplitRequest,
    staff_roles: &[u64],
    opened: &mut Opened,
    progress: &(dyn Fn(usize, usize) + Send + Sync),
) -> Result<(), BreakoutError> {
    let lang = meeting.lang();
    let category = chat.create_category(meeting.guild, &t!(lang, "round-category", number = round.number)).await?;
    opened.created.push(category);
    store.set_round_category(round.id, category).await?;
    let settings = store.guild_settings(meeting.guild).await?;
    for (i, room) in round.rooms.iter().enumerate() {
        let spec = |kind| RoomSpec {
            guild: meeting.guild,
            category: Some(category),
            name: room.name.clone(),
            kind,
            members: room.members.clone(),
            staff_roles: staff_roles.to_vec(),
        };
        let text = chat.create_room(&spec(RoomKind::Text)).await?;
        opened.created.push(text);
        let voice = if request.voice {
            let v = chat.create_room(&spec(RoomKind::Voice)).await?;
            opened.created.push(v);
            Some(v)
        } else {
            None
        };
        store.set_room_channels(room.id, Some(text), voice).await?;
        if let (Some(v), Some(_)) = (voice, settings.plenary_voice) {
            for user in &room.members {
                if chat.move_to_voice(meeting.guild, *user, v).await? {
                    opened.moved.push(*user);
                }
            }
        }
        progress(i + 1, round.rooms.len());
    }
    Ok(())
}

fn plan_questions<'m>(meeting: &'m Meeting, request: &SplitRequest) -> Vec<&'m crate::domain::Question> {
    match &request.plan {
        Some(plan) => plan.questions.iter().filter_map(|id| meeting.question(id)).collect(),
        None => meeting.reflection_questions().collect(),
    }
}

#[allow(clippy::too_many_arguments)]
async fn post_room_briefs<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    round: &Round,
    request: &SplitRequest,
    members: &[Member],
    lang: Lang,
) -> Result<(), BreakoutError> {
    let questions = plan_questions(meeting, request);
    let ids: Vec<&QuestionId> = questions.iter().map(|q| &q.id).collect();
    let answers = store.answers(meeting.id).await?;
    for room in &round.rooms {
        let Some(channel) = room.text_channel else { continue };
        let mut text =
            t!(lang, "room-brief", minutes = request.minutes, ends = format!("<t:{}:R>", round.ends_at.timestamp()));
        if let Some(label) = &room.label {
            text.push_str(&format!("\n_{label}_"));
        }
        for q in &questions {
            text.push_str(&format!("\n• {}", q.text));
        }
        for user in &room.members {
            let Some(member) = members.iter().find(|m| m.user == *user) else { continue };
            if !member.share_in_rooms {
                continue;
            }
            let theirs: Vec<_> = answers.iter().filter(|a| a.user == *user && ids.contains(&&a.question)).collect();
            if theirs.is_empty() {
                continue;
            }
            let unit = member.unit.as_ref().map(|u| u.to_string()).unwrap_or_default();
            text.push_str(&format!("\n\n{}", t!(lang, "room-answers-of", name = member.name.as_str(), unit = unit)));
            for a in theirs {
                text.push_str(&format!("\n> {}", crate::domain::text::truncate_words(&a.value, 400)));
            }
        }
        for (part, chunk) in split_message(&text, DISCORD_MESSAGE_LIMIT).into_iter().enumerate() {
            let key = format!("round{}:room{}:brief:{part}", round.id, room.number);
            post_once(store, chat, clock, &key, Target::Channel(channel), OutMessage::text(chunk)).await?;
        }
    }
    Ok(())
}

async fn running<S: Store + ?Sized>(store: &S, actor: &Actor) -> Result<(Meeting, Round), BreakoutError> {
    let meeting = facilitated_meeting(store, actor).await?;
    let round = store.open_round(meeting.id).await?.ok_or(BreakoutError::NoRound)?;
    Ok((meeting, round))
}

/// `/breakout broadcast`: the same message in every room. Returns rooms reached.
pub async fn broadcast<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    actor: &Actor,
    text: &str,
) -> Result<usize, BreakoutError> {
    let (meeting, round) = running(store, actor).await?;
    let lang = meeting.lang();
    let text = t!(lang, "broadcast", name = actor.name.as_str(), text = text.trim());
    let mut reached = 0;
    for channel in round.rooms.iter().filter_map(|r| r.text_channel) {
        for chunk in split_message(&text, DISCORD_MESSAGE_LIMIT) {
            chat.post(channel, OutMessage::text(chunk), None).await?;
        }
        reached += 1;
    }
    Ok(reached)
}

/// `/breakout extend`: more minutes for the running round (the 1-minute warning comes again).
pub async fn extend<S: Store + ?Sized>(store: &S, actor: &Actor, minutes: u32) -> Result<Round, BreakoutError> {
    let (meeting, round) = running(store, actor).await?;
    let ends = round.ends_at + Duration::minutes(i64::from(minutes.clamp(1, 240)));
    store.set_round_ends(round.id, ends, false).await?;
    store.open_round(meeting.id).await?.ok_or(BreakoutError::NoRound)
}

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
/// by the installed LLM summariser with the offline one as fallback).
pub async fn room_summary<S: Store + ?Sized>(store: &S, room: &Room, lang: Lang) -> Result<String, StoreError> {
    room_summary_with(store, room, lang, &*super::summarise::current()).await
}

/// [`room_summary`] with an explicit summariser.
pub async fn room_summary_with<S: Store + ?Sized>(
    store: &S,
    room: &Room,
    lang: Lang,
    summariser: &dyn super::summarise::Summariser,
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
    Ok(summariser.summarise(super::summarise::Purpose::Room, lang, &texts, out).await)
}

/// Closes the meeting's running round: one summary post per room to plenary, rooms archived
/// or deleted, voice members back to plenary. Safe to repeat after a crash (keyed posts).
pub async fn close_round<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
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
            text.push_str(&room_summary(store, room, lang).await?);
            for (part, chunk) in split_message(&text, DISCORD_MESSAGE_LIMIT).into_iter().enumerate() {
                let key = format!("round{}:room{}:summary:{part}", round.id, room.number);
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
    if settings.delete_rooms {
        if let Some(category) = round.category {
            let _ = chat.delete_channel(category).await;
        }
    }
    store.close_round(round.id, clock.now()).await?;
    Ok(posted)
}

/// `/breakout close`.
pub async fn close<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    actor: &Actor,
) -> Result<usize, BreakoutError> {
    let (meeting, round) = running(store, actor).await?;
    close_round(store, chat, clock, &meeting, &round).await
}

/// Options for the next round of a reshuffle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reshuffle {
    pub minutes: u32,
    pub voice: bool,
}

/// `/breakout reshuffle`: closes the running round and splits again with the same mode, so
/// people meet new people (earlier tables count as history).
pub async fn reshuffle<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    actor: &Actor,
    next: Reshuffle,
    rng: &mut impl Rng,
    progress: &(dyn Fn(usize, usize) + Send + Sync),
) -> Result<Round, BreakoutError> {
    let (meeting, round) = running(store, actor).await?;
    let present: Vec<UserId> = round.rooms.iter().flat_map(|r| r.members.iter().copied()).collect();
    let size = round.rooms.iter().map(|r| r.members.len()).max().unwrap_or(2) as u32;
    close_round(store, chat, clock, &meeting, &round).await?;
    let request = SplitRequest {
        mode: round.mode,
        sizing: Sizing::Size(size.max(2)),
        minutes: next.minutes,
        voice: next.voice,
        plan: None,
        present: Some(present),
    };
    split(store, chat, clock, actor, &request, rng, progress).await
}

/// Timer work for the scheduler: warns rooms one minute before the end and closes rounds
/// whose time is up. Runs from `tick`, so a restart picks running rounds up from the store.
pub async fn run_timers<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
) -> Result<Vec<String>, BreakoutError> {
    let now = clock.now();
    let mut done = Vec::new();
    for round in store.open_rounds().await? {
        let Some(meeting) = store.meeting(round.meeting).await? else { continue };
        let lang = meeting.lang();
        if now >= round.ends_at {
            close_round(store, chat, clock, &meeting, &round).await?;
            done.push(format!("round {} closed", round.id));
        } else if !round.warned && now >= round.ends_at - Duration::minutes(1) {
            for room in &round.rooms {
                if let Some(channel) = room.text_channel {
                    let key = format!("round{}:room{}:warn:{}", round.id, room.number, round.ends_at.timestamp());
                    let message = OutMessage::text(t!(lang, "room-one-minute"));
                    post_once(store, chat, clock, &key, Target::Channel(channel), message).await?;
                }
            }
            store.set_round_ends(round.id, round.ends_at, true).await?;
            done.push(format!("round {} warned", round.id));
        }
    }
    Ok(done)
}
