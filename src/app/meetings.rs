//! Loading a meeting from a kit, its status, and opening/closing answering by hand.

use chrono::{DateTime, NaiveDate, Utc};

use super::actor::{Actor, UserMessage};
use super::ports::{Clock, Member, NewJob, NewMeeting, Store, StoreError};
use crate::domain::kit::Kit;
use crate::domain::schedule::{self, PlannedJob, ScheduleError};
use crate::domain::{ChannelId, Meeting, MeetingId, MeetingState, QuestionId, UnitName, UserId};
use crate::i18n::Lang;
use crate::t;

#[derive(Debug, thiserror::Error)]
pub enum MeetingError {
    #[error("only organisers may do that")]
    NotOrganiser,
    #[error("only facilitators and organisers may do that")]
    NotFacilitator,
    #[error("no meeting is loaded")]
    NoMeeting,
    #[error("meeting {title:?} is still running")]
    StillRunning { title: String },
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl UserMessage for MeetingError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::NotOrganiser => t!(lang, "err-not-organiser"),
            Self::NotFacilitator => t!(lang, "err-not-facilitator"),
            Self::NoMeeting => t!(lang, "err-no-meeting"),
            Self::StillRunning { title } => t!(lang, "err-meeting-running", title = title),
            Self::Schedule(e) => t!(lang, "err-bad-input", detail = e.to_string()),
            Self::Store(_) => t!(lang, "err-internal"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LoadedMeeting {
    pub meeting: Meeting,
    pub jobs: Vec<PlannedJob>,
}

/// `/meeting load`: stores the kit's meeting for this guild on `date` (default: the kit's
/// date), posting into `channel`, and schedules opening, reminders, deadline and digest.
pub async fn load_meeting<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    actor: &Actor,
    kit: &Kit,
    date: Option<NaiveDate>,
    channel: ChannelId,
) -> Result<LoadedMeeting, MeetingError> {
    if !actor.can_organise() {
        return Err(MeetingError::NotOrganiser);
    }
    if let Some(current) = store.current_meeting(actor.guild).await? {
        return Err(MeetingError::StillRunning { title: current.title });
    }
    let date = date.unwrap_or(kit.date);
    let jobs = schedule::plan(&kit.schedule, date, kit.timezone)?;
    let new = NewMeeting {
        guild: actor.guild,
        kit_id: kit.id.clone(),
        title: kit.title.clone(),
        language: kit.language.clone(),
        timezone: kit.timezone,
        date,
        channel: Some(channel),
        deadline: Some(schedule::deadline(&kit.schedule, date, kit.timezone)),
        units: kit.units.clone(),
        roles: kit.roles.clone(),
        questions: kit.questions.clone(),
        unit_answers: kit.unit_answers,
        share_after_deadline: kit.share_after_deadline,
    };
    let id = store.create_meeting(&new, clock.now()).await?;
    if let Some(previous) = &kit.previous {
        store.link_previous(id, previous).await?;
    }
    let mut rows: Vec<NewJob> =
        jobs.iter().map(|j| NewJob { key: j.key.clone(), kind: j.kind.as_str().into(), due_at: j.due_at }).collect();
    // The presenters of the day, as loaded, and their preparation reminders.
    let presenters = super::speaking::plans_of(kit);
    store.save_speaking_plans(id, &presenters).await?;
    rows.extend(super::speaking::prepare_jobs(&presenters, date, kit.timezone, clock.now()));
    store.schedule(id, &rows).await?;
    let meeting = store.meeting(id).await?.ok_or(MeetingError::NoMeeting)?;
    Ok(LoadedMeeting { meeting, jobs })
}

/// Response figures for one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitStatus {
    pub unit: UnitName,
    pub members: Vec<Member>,
    /// Members who answered every required reflection question.
    pub complete: Vec<Member>,
    /// Members who answered some but not all required questions.
    pub partial: Vec<Member>,
}

impl UnitStatus {
    pub fn missing(&self) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(|m| !self.complete.contains(m) && !self.partial.contains(m))
    }
    /// Percentage of members who answered at least one question.
    pub fn rate(&self) -> u32 {
        if self.members.is_empty() {
            return 0;
        }
        ((self.complete.len() + self.partial.len()) * 100 / self.members.len()) as u32
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeetingStatus {
    pub meeting: Meeting,
    pub units: Vec<UnitStatus>,
    /// Members of the guild who have not joined a unit.
    pub without_unit: Vec<Member>,
    pub next_job: Option<(String, DateTime<Utc>)>,
}

/// Members who still owe answers to required reflection questions.
pub fn incomplete_members(status: &MeetingStatus) -> Vec<Member> {
    status.units.iter().flat_map(|u| u.members.iter().filter(|m| !u.complete.contains(m))).cloned().collect()
}

/// Response status per unit, computed from stored answers.
pub async fn status_of<S: Store + ?Sized>(store: &S, meeting: &Meeting) -> Result<MeetingStatus, StoreError> {
    let members = store.members(meeting.guild).await?;
    // Who answered what: named answers, and the record of who answered anonymous questions
    // (never what they answered).
    let mut answered: Vec<(UserId, QuestionId)> =
        store.answers(meeting.id).await?.into_iter().map(|a| (a.user, a.question)).collect();
    answered.extend(store.anonymous_respondents(meeting.id).await?.into_iter().map(|(q, u)| (u, q)));
    if meeting.unit_answers {
        answered.extend(super::unit_answers::answered_by_members(store, meeting, &members).await?);
    }
    let required: Vec<_> = meeting.reflection_questions().filter(|q| q.required).map(|q| q.id.clone()).collect();
    let units = groups(meeting, &members)
        .into_iter()
        .map(|(unit, in_unit)| {
            let (mut complete, mut partial) = (Vec::new(), Vec::new());
            for m in &in_unit {
                let mine: Vec<&QuestionId> = answered.iter().filter(|(u, _)| *u == m.user).map(|(_, q)| q).collect();
                if mine.is_empty() {
                    continue;
                }
                if required.iter().all(|q| mine.contains(&q)) {
                    complete.push(m.clone());
                } else {
                    partial.push(m.clone());
                }
            }
            UnitStatus { unit, members: in_unit, complete, partial }
        })
        .collect();
    let without_unit =
        if meeting.units.is_empty() { Vec::new() } else { members.into_iter().filter(|m| m.unit.is_none()).collect() };
    let next_job = store.pending_jobs(meeting.id).await?.into_iter().next().map(|j| (j.kind, j.due_at));
    Ok(MeetingStatus { meeting: meeting.clone(), units, without_unit, next_job })
}

/// Who is counted together: the members of each unit, or, in a meeting without units (members
/// answer for themselves), the members of each role and then those without one.
pub(crate) fn groups(meeting: &Meeting, members: &[Member]) -> Vec<(UnitName, Vec<Member>)> {
    if !meeting.units.is_empty() {
        return meeting
            .units
            .iter()
            .map(|unit| (unit.clone(), members.iter().filter(|m| m.unit.as_ref() == Some(unit)).cloned().collect()))
            .collect();
    }
    let mut out: Vec<(UnitName, Vec<Member>)> = meeting
        .roles
        .iter()
        .filter_map(|role| {
            let name = UnitName::try_from(role.as_str()).ok()?;
            Some((name, members.iter().filter(|m| m.role.as_ref() == Some(role)).cloned().collect()))
        })
        .collect();
    let others: Vec<Member> =
        members.iter().filter(|m| m.role.as_ref().is_none_or(|r| !meeting.roles.contains(r))).cloned().collect();
    if !others.is_empty() {
        if let Ok(name) = UnitName::try_from(NO_ROLE) {
            out.push((name, others));
        }
    }
    out
}

/// The group of members without a role of the meeting, in a meeting without units.
const NO_ROLE: &str = "–";

/// `/meeting status`.
pub async fn meeting_status<S: Store + ?Sized>(store: &S, actor: &Actor) -> Result<MeetingStatus, MeetingError> {
    let meeting = store.current_meeting(actor.guild).await?.ok_or(MeetingError::NoMeeting)?;
    Ok(status_of(store, &meeting).await?)
}

/// `/meeting end`: the meeting is over; pending scheduled work is cancelled, except what is
/// due after the meeting: the reminders of its plans and decisions, and the deletion of its
/// archived breakout rooms (cancelled, they would stay in the guild for good and fill its
/// 500 channels over a season of meetings).
pub async fn end_meeting<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    actor: &Actor,
) -> Result<MeetingId, MeetingError> {
    if !actor.can_organise() {
        return Err(MeetingError::NotOrganiser);
    }
    let meeting = store.current_meeting(actor.guild).await?.ok_or(MeetingError::NoMeeting)?;
    // Each key as a prefix: no meeting job's key is a prefix of a `plan:`, `decision:` or
    // `rooms-cleanup:` key.
    for job in store.pending_jobs(meeting.id).await? {
        let after_the_meeting = [crate::domain::plan::PLAN_REMIND_JOB, super::breakouts::ROOM_CLEANUP_JOB];
        if !after_the_meeting.contains(&job.kind.as_str()) {
            store.cancel_jobs(meeting.id, &job.key).await?;
        }
    }
    // A kit that shares answers shares the units' take-home plans too, now the meeting is over.
    super::sharing::schedule_plans(store, &meeting, clock).await?;
    store.set_meeting_state(meeting.id, MeetingState::Ended, clock.now()).await?;
    // Under a retention setting the meeting's words are deleted some days from now.
    super::retention::schedule_guild(store, actor.guild).await?;
    Ok(meeting.id)
}

/// Renders a status table (monospace) in `lang`.
pub fn render_status(status: &MeetingStatus, lang: Lang) -> String {
    let mut out = t!(
        lang,
        "status-title",
        id = status.meeting.id.0,
        title = status.meeting.title.as_str(),
        state = t!(lang, &format!("state-{}", status.meeting.state.as_str()))
    );
    out.push('\n');
    if let Some(deadline) = status.meeting.deadline {
        out.push_str(&t!(lang, "status-deadline", when = crate::i18n::when(lang, deadline, status.meeting.timezone)));
        out.push('\n');
    }
    out.push_str("```\n");
    let width = status.units.iter().map(|u| u.unit.as_str().chars().count()).max().unwrap_or(4).max(4);
    for u in &status.units {
        let answered = u.complete.len() + u.partial.len();
        if u.members.is_empty() {
            // Nobody could answer here: not the same as a unit whose members are silent.
            let none = t!(lang, "status-no-members");
            out.push_str(&format!("{:<width$}  {none}\n", u.unit.as_str(), width = width));
            continue;
        }
        if status.meeting.unit_answers {
            // One answer per unit: whether the unit answered, not how many of its members.
            let state = match (u.complete.is_empty(), u.partial.is_empty()) {
                (false, _) => t!(lang, "status-unit-answered"),
                (true, false) => t!(lang, "status-unit-partly-answered"),
                (true, true) => t!(lang, "status-unit-not-answered"),
            };
            out.push_str(&format!("{:<width$}  {state}\n", u.unit.as_str(), width = width));
            continue;
        }
        out.push_str(&format!(
            "{:<width$}  {:>3}/{:<3} {:>3}%\n",
            u.unit.as_str(),
            answered,
            u.members.len(),
            u.rate(),
            width = width
        ));
    }
    out.push_str("```");
    let missing_units: Vec<&str> = status
        .units
        .iter()
        .filter(|u| !u.members.is_empty() && u.complete.is_empty() && u.partial.is_empty())
        .map(|u| u.unit.as_str())
        .collect();
    if !missing_units.is_empty() {
        out.push('\n');
        out.push_str(&t!(lang, "status-missing-units", units = missing_units.join(", ")));
    }
    let empty_units: Vec<&str> =
        status.units.iter().filter(|u| u.members.is_empty()).map(|u| u.unit.as_str()).collect();
    if !empty_units.is_empty() {
        out.push('\n');
        out.push_str(&t!(lang, "status-empty-units", units = empty_units.join(", ")));
    }
    if !status.without_unit.is_empty() {
        out.push('\n');
        out.push_str(&t!(lang, "status-without-unit", count = status.without_unit.len()));
    }
    out
}

/// The previous meeting of the series, if it is in this guild's store.
pub async fn previous_of<S: Store + ?Sized>(store: &S, meeting: &Meeting) -> Result<Option<Meeting>, StoreError> {
    match store.previous_meeting(meeting.id).await? {
        Some(id) => store.meeting(id).await,
        None => Ok(None),
    }
}
