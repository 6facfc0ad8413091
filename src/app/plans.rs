//! Take-home plans (seed 001/002: "each organisation reflects on what it takes home and starts
//! planning"): a unit records what it will do, who owns it and by when. Plans are visible to
//! the unit and to organisers, appear in the day's digest and in the export, and the next
//! meeting of the series asks each unit how its plan went.

use chrono::NaiveDate;

use super::actor::{Actor, UserMessage};
use super::ports::{Clock, NewJob, Plan, Store, StoreError, StoredPlan};
use crate::domain::plan::{reminders, PlanId, Reminded, ReminderRule, PLAN_REMIND_JOB};
use crate::domain::text::truncate_words;
use crate::domain::{MeetingId, UnitName, UserId};
use crate::i18n::Lang;
use crate::render::export::ExportPlan;
use crate::t;

/// Longest action text (the `plans` table allows 1000).
pub const MAX_ACTION_CHARS: usize = 1000;
/// Longest owner (a name, a role or a mention).
pub const MAX_OWNER_CHARS: usize = 100;

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("no meeting is loaded")]
    NoMeeting,
    #[error("the member has no unit")]
    NoUnit,
    #[error("the action is empty")]
    EmptyAction,
    #[error("the action has {got} characters; at most {max}")]
    ActionTooLong { got: usize, max: usize },
    #[error("the plan has no owner")]
    MissingOwner,
    #[error("the owner has {got} characters; at most {max}")]
    OwnerTooLong { got: usize, max: usize },
    #[error("{given:?} is not a date (YYYY-MM-DD)")]
    BadDate { given: String },
    #[error("{given} is in the past")]
    PastDate { given: NaiveDate },
    #[error("only the unit itself and organisers may see its plans")]
    NotYourUnit,
    #[error("unknown unit {0:?}")]
    UnknownUnit(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl UserMessage for PlanError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::NoMeeting => t!(lang, "err-no-meeting"),
            Self::NoUnit => t!(lang, "err-no-unit"),
            Self::EmptyAction => t!(lang, "err-plan-empty-action"),
            Self::ActionTooLong { got, max } => t!(lang, "err-plan-action-too-long", got = *got, max = *max),
            Self::MissingOwner => t!(lang, "err-plan-no-owner"),
            Self::OwnerTooLong { got, max } => t!(lang, "err-plan-owner-too-long", got = *got, max = *max),
            Self::BadDate { given } => t!(lang, "err-bad-date", given = given.as_str()),
            Self::PastDate { given } => t!(lang, "err-plan-past-date", given = given.to_string()),
            Self::NotYourUnit => t!(lang, "err-plan-not-your-unit"),
            Self::UnknownUnit(u) => t!(lang, "err-plan-unknown-unit", given = u.as_str()),
            Self::Store(_) => t!(lang, "err-internal"),
        }
    }
}

/// What a member typed into `/plan`. No owner: the member who adds the plan owns it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanInput {
    pub action: String,
    /// The owner's name as shown; with `owner_id`, the member's display name.
    pub owner: String,
    /// The owner as a member (reminders go to them).
    pub owner_id: Option<UserId>,
    /// `YYYY-MM-DD`, or empty for no date.
    pub due: String,
}

/// A plan checked against the rules; `today` is the meeting's local date.
pub fn validate(input: &PlanInput, today: NaiveDate) -> Result<(String, String, Option<NaiveDate>), PlanError> {
    let action = input.action.trim();
    if action.is_empty() {
        return Err(PlanError::EmptyAction);
    }
    let got = action.chars().count();
    if got > MAX_ACTION_CHARS {
        return Err(PlanError::ActionTooLong { got, max: MAX_ACTION_CHARS });
    }
    let owner = input.owner.trim();
    if owner.is_empty() {
        return Err(PlanError::MissingOwner);
    }
    let got = owner.chars().count();
    if got > MAX_OWNER_CHARS {
        return Err(PlanError::OwnerTooLong { got, max: MAX_OWNER_CHARS });
    }
    let due = match input.due.trim() {
        "" => None,
        given => {
            let date = NaiveDate::parse_from_str(given, "%Y-%m-%d")
                .map_err(|_| PlanError::BadDate { given: given.to_owned() })?;
            if date < today {
                return Err(PlanError::PastDate { given: date });
            }
            Some(date)
        }
    };
    Ok((action.to_owned(), owner.to_owned(), due))
}

/// The reminder jobs of a plan or decision due on `due` (none without a date or someone to remind).
pub fn reminder_jobs(
    item: Reminded,
    due: Option<NaiveDate>,
    remind: Option<UserId>,
    tz: chrono_tz::Tz,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<NewJob> {
    match (due, remind) {
        (Some(due), Some(_)) => reminders(item, due, tz, ReminderRule::default(), now)
            .into_iter()
            .map(|r| NewJob { key: r.key, kind: PLAN_REMIND_JOB.into(), due_at: r.due_at })
            .collect(),
        _ => Vec::new(),
    }
}

/// `/plan`: records one item of the member's unit's take-home plan for the current meeting,
/// not started, with reminders to its owner before and on its due date.
pub async fn record_plan<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    actor: &Actor,
    input: &PlanInput,
) -> Result<StoredPlan, PlanError> {
    let meeting = store.current_meeting(actor.guild).await?.ok_or(PlanError::NoMeeting)?;
    store.ensure_member(actor.guild, actor.user, &actor.name).await?;
    let unit = store.member(actor.guild, actor.user).await?.and_then(|m| m.unit).ok_or(PlanError::NoUnit)?;
    let now = clock.now();
    let today = now.with_timezone(&meeting.timezone).date_naive();
    let mut input = input.clone();
    if input.owner_id.is_none() && input.owner.trim().is_empty() {
        input.owner_id = Some(actor.user);
        input.owner = actor.name.clone();
    }
    let (action, owner, due) = validate(&input, today)?;
    let plan = Plan { unit, action, owner, owner_id: input.owner_id, due, created_by: actor.user };
    let tz = meeting.timezone;
    let jobs = move |id: PlanId| reminder_jobs(Reminded::Plan(id.0), due, input.owner_id, tz, now);
    let id = store.add_plan(meeting.id, actor.guild, &plan, &jobs, now).await?;
    Ok(StoredPlan { id, meeting: meeting.id, plan, status: crate::domain::plan::PlanStatus::NotStarted, note: None })
}

/// The plans of `unit` at `meeting`, for members of that unit and organisers.
pub async fn plans_for<S: Store + ?Sized>(
    store: &S,
    actor: &Actor,
    meeting: MeetingId,
    unit: &UnitName,
) -> Result<Vec<StoredPlan>, PlanError> {
    if !actor.can_organise() {
        let mine = store.member(actor.guild, actor.user).await?.and_then(|m| m.unit);
        if mine.as_ref() != Some(unit) {
            return Err(PlanError::NotYourUnit);
        }
    }
    Ok(store.plans(meeting).await?.into_iter().filter(|p| &p.plan.unit == unit).collect())
}

/// `/plan list [unit]`: the current meeting's plans of the member's own unit, or of `unit`
/// (organisers).
pub async fn my_unit_plans<S: Store + ?Sized>(
    store: &S,
    actor: &Actor,
    unit: Option<&str>,
) -> Result<(UnitName, Vec<StoredPlan>), PlanError> {
    let meeting = store.current_meeting(actor.guild).await?.ok_or(PlanError::NoMeeting)?;
    let unit = match unit {
        Some(name) => meeting.unit(name).cloned().ok_or_else(|| PlanError::UnknownUnit(name.to_owned()))?,
        None => store.member(actor.guild, actor.user).await?.and_then(|m| m.unit).ok_or(PlanError::NoUnit)?,
    };
    let plans = plans_for(store, actor, meeting.id, &unit).await?;
    Ok((unit, plans))
}

/// One plan as a Markdown list item.
pub fn plan_line(plan: &Plan, lang: Lang) -> String {
    let mut line = format!("- {} — {}", truncate_words(&plan.action, 300), plan.owner);
    if let Some(due) = plan.due {
        line.push_str(&format!(" ({})", t!(lang, "plan-due", date = due.to_string())));
    }
    line
}

/// A stored plan as a list item with its status (and why it was dropped).
pub fn stored_plan_line(plan: &StoredPlan, lang: Lang) -> String {
    let mut line = plan_line(&plan.plan, lang);
    line.push_str(&format!(" · **{}**", super::plan_status::status_label(plan.status, lang)));
    if let Some(note) = &plan.note {
        line.push_str(&format!(": {}", truncate_words(note, 200)));
    }
    line
}

/// Plans grouped by unit, for the digest; `None` when there are none.
pub fn plans_section(plans: &[StoredPlan], lang: Lang) -> Option<String> {
    if plans.is_empty() {
        return None;
    }
    let mut out = format!("### {}", t!(lang, "plans-heading"));
    let mut last: Option<&UnitName> = None;
    for p in plans {
        if last != Some(&p.plan.unit) {
            out.push_str(&format!("\n**{}**", p.plan.unit));
            last = Some(&p.plan.unit);
        }
        out.push('\n');
        out.push_str(&stored_plan_line(p, lang));
    }
    Some(out)
}

/// Renders one unit's plans for the member (ephemeral).
pub fn render_unit_plans(unit: &UnitName, plans: &[StoredPlan], lang: Lang) -> String {
    if plans.is_empty() {
        return t!(lang, "plans-none", unit = unit.as_str());
    }
    let mut out = t!(lang, "plans-of-unit", unit = unit.as_str());
    for p in plans {
        out.push('\n');
        out.push_str(&stored_plan_line(p, lang));
    }
    out
}

/// The plans of `meeting` for `render::export::ExportData.plans`.
pub async fn export_plans<S: Store + ?Sized>(store: &S, meeting: MeetingId) -> Result<Vec<ExportPlan>, StoreError> {
    Ok(store
        .plans(meeting)
        .await?
        .into_iter()
        .map(|p| ExportPlan {
            unit: p.plan.unit.to_string(),
            action: p.plan.action,
            owner: p.plan.owner,
            due: p.plan.due.map(|d| d.to_string()),
            status: p.status.as_str().to_owned(),
            note: p.note.unwrap_or_default(),
        })
        .collect())
}

/// Today in `tz`, for callers that validate without a store.
pub fn today_in(tz: chrono_tz::Tz, clock: &dyn Clock) -> NaiveDate {
    clock.now().with_timezone(&tz).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(action: &str, owner: &str, due: &str) -> PlanInput {
        PlanInput { action: action.into(), owner: owner.into(), owner_id: None, due: due.into() }
    }

    fn today() -> NaiveDate {
        "2027-04-15".parse().unwrap()
    }

    #[test]
    fn a_plan_needs_an_action_and_an_owner() {
        assert!(matches!(validate(&input("  ", "Eva", ""), today()), Err(PlanError::EmptyAction)));
        assert!(matches!(validate(&input("Kartlägg", " ", ""), today()), Err(PlanError::MissingOwner)));
        let long = "x".repeat(MAX_ACTION_CHARS + 1);
        assert!(matches!(validate(&input(&long, "Eva", ""), today()), Err(PlanError::ActionTooLong { .. })));
    }

    #[test]
    fn due_dates_must_parse_and_not_be_past() {
        assert!(matches!(validate(&input("a", "b", "15/5"), today()), Err(PlanError::BadDate { .. })));
        assert!(matches!(validate(&input("a", "b", "2027-04-14"), today()), Err(PlanError::PastDate { .. })));
        let (_, _, due) = validate(&input(" a ", " b ", "2027-04-15"), today()).unwrap();
        assert_eq!(due, Some(today()));
        assert_eq!(validate(&input("a", "b", ""), today()).unwrap().2, None);
    }

    #[test]
    fn the_error_says_what_to_fix_in_every_language() {
        for lang in Lang::ALL {
            assert!(!PlanError::MissingOwner.user_message(lang).is_empty());
        }
    }
}
