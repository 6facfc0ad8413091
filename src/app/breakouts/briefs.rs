//! What a room reads when it opens, and when someone picks it: the round's questions, each
//! with what the room's members answered before the meeting. Only members who agreed to share
//! in rooms (`share_in_rooms`) are quoted, never an anonymous answer; where units answer, the
//! unit's own answer is quoted (it is the unit's, so no consent is asked).

use super::{BreakoutError, SplitRequest};
use crate::app::ports::{Chat, Clock, Member, OutMessage, Room, Round, Store, StoredAnswer, StoredUnitAnswer};
use crate::app::posting::{post_once, Target};
use crate::domain::text::{split_message, truncate_words, DISCORD_MESSAGE_LIMIT};
use crate::domain::{Meeting, Question, UnitName, UserId};
use crate::i18n::Lang;
use crate::t;

/// The questions of a split: its plan's, else every reflection question.
fn plan_questions<'m>(meeting: &'m Meeting, plan: Option<&crate::domain::kit::BreakoutPlan>) -> Vec<&'m Question> {
    match plan {
        Some(plan) => plan.questions.iter().filter_map(|id| meeting.question(id)).collect(),
        None => meeting.reflection_questions().collect(),
    }
}

/// What the room's people said before the meeting, under each question: `sharing` members'
/// own answers, then the answers of `units` (unit-answer meetings).
struct Said<'a> {
    answers: &'a [StoredAnswer],
    unit_answers: &'a [StoredUnitAnswer],
}

impl Said<'_> {
    fn quotes(&self, q: &Question, sharing: &[&Member], units: &[&UnitName], lang: Lang) -> String {
        let mut out = String::new();
        for member in sharing {
            let Some(a) = self.answers.iter().find(|a| a.user == member.user && a.question == q.id) else { continue };
            let unit = member.unit.as_ref().map(|u| u.to_string()).unwrap_or_default();
            let who = t!(lang, "room-answer-by", name = member.name.as_str(), unit = unit);
            out.push_str(&format!("\n> {who} {}", truncate_words(&a.value, 400)));
        }
        for unit in units {
            let Some(a) = self.unit_answers.iter().find(|a| &a.unit == *unit && a.question == q.id) else { continue };
            out.push_str(&format!("\n> **{unit}**: {}", truncate_words(&a.value, 400)));
        }
        out
    }
}

/// The members of `users` who agreed to share their answers in rooms.
fn sharing<'m>(users: &[UserId], members: &'m [Member]) -> Vec<&'m Member> {
    users.iter().filter_map(|user| members.iter().find(|m| m.user == *user)).filter(|m| m.share_in_rooms).collect()
}

/// The units of `users`, each once, in order.
fn units_of<'m>(users: &[UserId], members: &'m [Member]) -> Vec<&'m UnitName> {
    let mut units: Vec<&UnitName> = Vec::new();
    for unit in users.iter().filter_map(|u| members.iter().find(|m| m.user == *u)?.unit.as_ref()) {
        if !units.contains(&unit) {
            units.push(unit);
        }
    }
    units
}

/// Posts each room its brief: time, label, the questions with its members' answers.
#[allow(clippy::too_many_arguments)]
pub(super) async fn post_room_briefs<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    round: &Round,
    request: &SplitRequest,
    members: &[Member],
    lang: Lang,
) -> Result<(), BreakoutError> {
    let questions = plan_questions(meeting, request.plan.as_ref());
    let answers = store.answers(meeting.id).await?;
    let unit_answers = if meeting.unit_answers { store.unit_answers(meeting.id).await? } else { Vec::new() };
    let said = Said { answers: &answers, unit_answers: &unit_answers };
    for room in &round.rooms {
        let Some(channel) = room.text_channel else { continue };
        let mut text =
            t!(lang, "room-brief", minutes = request.minutes, ends = format!("<t:{}:R>", round.ends_at.timestamp()));
        if let Some(label) = &room.label {
            text.push_str(&format!("\n_{label}_"));
        }
        let (sharing, units) = (sharing(&room.members, members), units_of(&room.members, members));
        for q in &questions {
            text.push_str(&format!("\n\n**{}**", q.text.trim()));
            text.push_str(&said.quotes(q, &sharing, &units, lang));
        }
        for (part, chunk) in split_message(&text, DISCORD_MESSAGE_LIMIT).into_iter().enumerate() {
            let key = super::split::brief_key(round.id, room.number, part);
            post_once(store, chat, clock, &key, Target::Channel(channel), OutMessage::text(chunk)).await?;
        }
    }
    Ok(())
}

/// The questions of a running round: its plan's (from the day's agenda or the meeting's kit),
/// else every reflection question.
async fn round_questions<'m, S: Store + ?Sized>(
    store: &S,
    meeting: &'m Meeting,
    round: &Round,
) -> Result<Vec<&'m Question>, BreakoutError> {
    let Some(id) = &round.plan_id else { return Ok(plan_questions(meeting, None)) };
    let from_agenda = store
        .agenda(meeting.id)
        .await?
        .and_then(|run| run.items.into_iter().filter_map(|i| i.plan).find(|p| &p.id == id));
    let plan = match from_agenda {
        Some(p) => Some(p),
        None => crate::app::kits::plan_of(store, meeting.id, id).await,
    };
    Ok(plan_questions(meeting, plan.as_ref()))
}

/// Someone picked `room` in a `choose` round: the room reads their answers (with consent) and,
/// where units answer, their unit's, unless someone of that unit is in the room already. Each
/// is posted once per room, so changing one's mind and coming back posts nothing twice.
pub(super) async fn brief_picker<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    round: &Round,
    room: &Room,
    user: UserId,
) -> Result<(), BreakoutError> {
    let Some(channel) = room.text_channel else { return Ok(()) };
    let lang = meeting.lang();
    let members = store.members(meeting.guild).await?;
    let answers: Vec<StoredAnswer> = store.answers_of(meeting.id, user).await?;
    let others: Vec<UserId> = room.members.iter().copied().filter(|u| *u != user).collect();
    let new_unit: Vec<&UnitName> =
        units_of(&[user], &members).into_iter().filter(|u| !units_of(&others, &members).contains(u)).collect();
    let unit_answers =
        if meeting.unit_answers && !new_unit.is_empty() { store.unit_answers(meeting.id).await? } else { Vec::new() };
    let said = Said { answers: &answers, unit_answers: &unit_answers };
    let sharing = sharing(&[user], &members);
    let mut text = String::new();
    for q in round_questions(store, meeting, round).await? {
        let quotes = said.quotes(q, &sharing, &new_unit, lang);
        if !quotes.is_empty() {
            text.push_str(&format!("\n\n**{}**{quotes}", q.text.trim()));
        }
    }
    if text.is_empty() {
        return Ok(());
    }
    let name = members.iter().find(|m| m.user == user).map_or("", |m| m.name.as_str());
    let text = format!("{}{text}", t!(lang, "room-picked-brief", name = name));
    for (part, chunk) in split_message(&text, DISCORD_MESSAGE_LIMIT).into_iter().enumerate() {
        let key = format!("round{}:room{}:picked:{user}:{part}", round.id, room.number);
        post_once(store, chat, clock, &key, Target::Channel(channel), OutMessage::text(chunk)).await?;
    }
    Ok(())
}
