//! Breakout rounds: split the people present into private rooms (or, on a day in one room,
//! at tables with a table plan), run the timer, broadcast, move people, and close with one
//! summary per room back in plenary.
//!
//! A split is all-or-nothing: if the chat platform fails half-way, the rooms already created
//! are deleted and the round is closed, so no half-made round is left behind.

mod briefs;
mod cleanup;
mod close;
mod layout;
mod recovery;
mod seating;
mod split;
mod tables;
mod timers;

pub use cleanup::{cleanup, run_cleanup_job, set_room_retention, MAX_ROOM_RETENTION_DAYS, ROOM_CLEANUP_JOB};
pub use close::{
    add_note, close, close_round, close_round_with_progress, close_with_progress, room_summary_with, Closed,
};
pub use recovery::{recover, Recovered};
pub use seating::{join_late, move_member, pick_room};
pub use split::{reshuffle, split, Reshuffle};
pub use tables::{plan_files, table_plan};
pub use timers::{extend, run_timers};

use super::actor::{Actor, UserMessage};
use super::ports::{Chat, ChatError, Clock, Kits, Member, OutMessage, Round, Store, StoreError};
use super::posting::JobFailure;
use crate::domain::grouping::{self, History, Mode, Sizing, SplitError};
use crate::domain::text::{split_message, DISCORD_MESSAGE_LIMIT};
use crate::domain::{ChannelId, Meeting, MeetingId, UnitName, UserId};
use crate::i18n::Lang;
use crate::t;

pub use layout::{Layout, MAX_CHANNELS_PER_CATEGORY, MAX_CHANNELS_PER_GUILD};

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
    #[error("{rooms} rooms need {needed} channels and the server has {free} free")]
    GuildFull { rooms: usize, needed: usize, free: usize },
    #[error("{0:?} needs units and this meeting has none")]
    NeedsUnits(Mode),
    #[error("unknown breakout plan {0:?}")]
    UnknownPlan(String),
    #[error("room {0} does not exist")]
    UnknownRoom(u32),
    #[error("this is not a breakout room")]
    NotARoom,
    #[error("the round is at tables in the room: it has no rooms to write to")]
    AtTables,
    #[error("the note is empty")]
    EmptyNote,
    #[error("every room is full")]
    AllFull,
    #[error("rooms can be kept 0–365 days, not {0}")]
    RetentionOutOfRange(u32),
    #[error("room {0} just became full")]
    RoomFull(u32),
    #[error(transparent)]
    Choose(#[from] grouping::ChooseError),
    #[error(transparent)]
    Topics(#[from] grouping::TopicError),
    #[error("topics need mode choose, not {0:?}")]
    TopicsNeedChoose(Mode),
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
            Self::GuildFull { rooms, needed, free } => {
                t!(lang, "err-guild-full", rooms = *rooms, needed = *needed, free = *free)
            }
            Self::UnknownPlan(p) => t!(lang, "err-unknown-plan", plan = p.as_str()),
            Self::UnknownRoom(n) => t!(lang, "err-unknown-room", room = *n),
            Self::NotARoom => t!(lang, "err-not-a-room"),
            Self::EmptyNote => t!(lang, "err-empty-note"),
            Self::AtTables => t!(lang, "err-round-at-tables"),
            Self::AllFull => t!(lang, "err-rooms-full"),
            Self::RetentionOutOfRange(days) => t!(lang, "err-room-retention", days = *days),
            Self::RoomFull(n) => t!(lang, "err-room-full", room = *n),
            Self::Choose(e) => t!(lang, "err-split", detail = e.to_string()),
            Self::Topics(e) => topic_error(e, lang),
            Self::TopicsNeedChoose(mode) => t!(lang, "err-topics-need-choose", mode = mode.as_str()),
            Self::Chat(ChatError::Limit(detail)) => t!(lang, "err-discord-limit", detail = detail.as_str()),
            Self::Chat(e) => t!(lang, "err-chat", detail = e.to_string()),
            Self::Store(_) => t!(lang, "err-internal"),
        }
    }
}

fn topic_error(e: &grouping::TopicError, lang: Lang) -> String {
    use grouping::TopicError as E;
    match e {
        E::NoTopics => t!(lang, "err-topics-none"),
        E::Empty { position } => t!(lang, "err-topic-empty", position = *position),
        E::TooLong { position, chars, max } => {
            t!(lang, "err-topic-long", position = *position, chars = *chars, max = *max)
        }
        E::Duplicate { topic, first, second } => {
            t!(lang, "err-topic-twice", topic = topic.as_str(), first = *first, second = *second)
        }
        E::TooMany { count, max } => t!(lang, "err-topics-many", count = *count, max = *max),
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
    /// Create channels; `false` seats people at tables in the room and posts a table plan.
    pub channels: bool,
    /// The kit's breakout plan (questions, mode); `None` for an ad-hoc split.
    pub plan: Option<crate::domain::kit::BreakoutPlan>,
    /// Who is present. `None`: everyone in the plenary voice channel, or, without one, every
    /// member with a unit.
    pub present: Option<Vec<UserId>>,
    /// `choose` rooms by topic, as the facilitator gave them (checked with
    /// [`grouping::parse_topics`]); empty: the plan's topics, if any, else numbered rooms.
    pub topics: Vec<String>,
}

/// What `/breakout split` was given; `None` means "not said".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SplitOptions {
    pub size: Option<u32>,
    pub rooms: Option<u32>,
    pub minutes: Option<u32>,
    pub voice: Option<bool>,
    pub channels: Option<bool>,
}

/// Minutes of a round when neither the facilitator nor the plan says.
pub const DEFAULT_MINUTES: u32 = 10;

impl SplitRequest {
    /// A request from the command's options and the kit's plan: what the facilitator said
    /// wins, then the plan (size, minutes, questions), then the defaults. Everyone present.
    pub fn from_options(
        mode: Mode,
        options: &SplitOptions,
        plan: Option<crate::domain::kit::BreakoutPlan>,
    ) -> SplitRequest {
        let sizing = match (options.size, options.rooms) {
            (Some(size), _) => Sizing::Size(size),
            (None, Some(rooms)) => Sizing::Rooms(rooms),
            (None, None) => Sizing::from_size(plan.as_ref().and_then(|p| p.size)),
        };
        let minutes = options.minutes.or(plan.as_ref().map(|p| p.minutes)).unwrap_or(DEFAULT_MINUTES).clamp(1, 240);
        let channels = options.channels.unwrap_or(true);
        // Voice rooms are channels: at tables there are none.
        let voice = channels && options.voice.unwrap_or(false);
        SplitRequest { mode, sizing, minutes, voice, channels, plan, present: None, topics: Vec::new() }
    }

    /// The request with the facilitator's `topics:` option (`"A; B; C"`), checked.
    pub fn with_topics(self, topics: Option<&str>) -> Result<SplitRequest, BreakoutError> {
        match topics {
            None => Ok(self),
            Some(text) => Ok(SplitRequest { topics: grouping::parse_topics(text)?, ..self }),
        }
    }

    /// The topics the rooms are opened for: the facilitator's (only with `choose`), else the
    /// plan's when the mode is `choose`; empty for numbered rooms.
    pub fn topics_for_rooms(&self) -> Result<Vec<String>, BreakoutError> {
        if !self.topics.is_empty() {
            return match self.mode {
                Mode::Choose => Ok(self.topics.clone()),
                other => Err(BreakoutError::TopicsNeedChoose(other)),
            };
        }
        Ok(match (&self.plan, self.mode) {
            (Some(plan), Mode::Choose) => plan.topics.clone(),
            _ => Vec::new(),
        })
    }
}

/// The kit's breakout plan with id `id`.
pub fn find_plan(kit: &crate::domain::kit::Kit, id: &str) -> Result<crate::domain::kit::BreakoutPlan, BreakoutError> {
    kit.breakouts.iter().find(|p| p.id == id.trim()).cloned().ok_or_else(|| BreakoutError::UnknownPlan(id.to_owned()))
}

/// Ids and titles of the kit's breakout plans that contain `partial` (autocomplete).
pub fn plan_suggestions(kit: &crate::domain::kit::Kit, partial: &str) -> Vec<(String, String)> {
    let p = partial.to_lowercase();
    kit.breakouts
        .iter()
        .filter(|b| b.id.to_lowercase().contains(&p) || b.title.to_lowercase().contains(&p))
        .map(|b| (b.id.clone(), b.title.clone()))
        .take(25)
        .collect()
}

/// The current meeting's breakout plan with id `id` (`/breakout split plan:`); unknown when no
/// meeting is loaded or its kit no longer loads.
pub async fn current_plan<S: Store + ?Sized>(
    store: &S,
    kits: &dyn Kits,
    actor: &Actor,
    id: &str,
) -> Result<crate::domain::kit::BreakoutPlan, BreakoutError> {
    match crate::app::kits::current_kit(store, kits, actor).await {
        Ok(Some((_, kit))) => find_plan(&kit, id),
        _ => Err(BreakoutError::UnknownPlan(id.to_owned())),
    }
}

/// [`plan_suggestions`] for the current meeting's kit (none without one).
pub async fn current_plan_suggestions<S: Store + ?Sized>(
    store: &S,
    kits: &dyn Kits,
    actor: &Actor,
    partial: &str,
) -> Vec<(String, String)> {
    match crate::app::kits::current_kit(store, kits, actor).await {
        Ok(Some((_, kit))) => plan_suggestions(&kit, partial),
        _ => Vec::new(),
    }
}

pub(super) async fn facilitated_meeting<S: Store + ?Sized>(store: &S, actor: &Actor) -> Result<Meeting, BreakoutError> {
    if !actor.can_facilitate() {
        return Err(BreakoutError::NotFacilitator);
    }
    store.current_meeting(actor.guild).await?.ok_or(BreakoutError::NoMeeting)
}

pub(super) async fn running<S: Store + ?Sized>(store: &S, actor: &Actor) -> Result<(Meeting, Round), BreakoutError> {
    let meeting = facilitated_meeting(store, actor).await?;
    let round = store.open_round(meeting.id).await?.ok_or(BreakoutError::NoRound)?;
    Ok((meeting, round))
}

/// `/breakout broadcast`: the same message in every room. Returns rooms reached. Each post
/// carries a key (this broadcast's time, the room, the part), so a retry after Discord posted
/// but answered with an error does not post it twice.
pub async fn broadcast<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    actor: &Actor,
    text: &str,
) -> Result<usize, BreakoutError> {
    let (meeting, round) = running(store, actor).await?;
    if round.in_person {
        return Err(BreakoutError::AtTables);
    }
    let lang = meeting.lang();
    let text = t!(lang, "broadcast", name = actor.name.as_str(), text = text.trim());
    let sent = clock.now().timestamp_micros();
    let mut reached = 0;
    for room in &round.rooms {
        let Some(channel) = room.text_channel else { continue };
        for (part, chunk) in split_message(&text, DISCORD_MESSAGE_LIMIT).into_iter().enumerate() {
            let key = format!("round{}:broadcast{sent}:room{}:{part}", round.id, room.number);
            chat.post(channel, OutMessage::text(chunk), Some(&key)).await?;
        }
        reached += 1;
    }
    Ok(reached)
}

/// A member's name as shown in plenary and in table plans; someone who is not (or no longer)
/// a member is shown by id.
pub(crate) fn shown_name(members: &[Member], user: UserId) -> String {
    members.iter().find(|m| m.user == user).map(|m| m.name.clone()).unwrap_or_else(|| user.to_string())
}

/// Where a meeting's plenary posts go: the guild's plenary channel, else the meeting's channel.
pub(super) async fn meeting_channel<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
) -> Result<Option<ChannelId>, StoreError> {
    match store.guild_settings(meeting.guild).await?.plenary_channel {
        Some(c) => Ok(Some(c)),
        None => store.meeting_channel(meeting.id).await,
    }
}

/// Person pairs from every earlier room of this guild; unit pairs from earlier critical-friend
/// rounds of this meeting and of the earlier meetings of its series (their labels name the
/// units), so critical friends meet new units from one meeting to the next.
pub(super) async fn history<S: Store + ?Sized>(store: &S, meeting: &Meeting) -> Result<History, StoreError> {
    let mut history = History::default();
    history.record(&store.seating_history(meeting.guild).await?);
    for id in series(store, meeting.id).await? {
        for round in store.rounds(id).await?.iter().filter(|r| r.mode == Mode::Pairs) {
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
    }
    Ok(history)
}

/// How many earlier meetings of a series a split looks back at.
const SERIES_LOOKBACK: usize = 24;

/// `meeting` and the earlier meetings of its series, newest first (each meeting's kit names
/// the kit of the one before). A link back to a meeting already seen ends the walk.
async fn series<S: Store + ?Sized>(store: &S, meeting: MeetingId) -> Result<Vec<MeetingId>, StoreError> {
    let mut chain = vec![meeting];
    while chain.len() <= SERIES_LOOKBACK {
        match store.previous_meeting(chain[chain.len() - 1]).await? {
            Some(previous) if !chain.contains(&previous) => chain.push(previous),
            _ => break,
        }
    }
    Ok(chain)
}
