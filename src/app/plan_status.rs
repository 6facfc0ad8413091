//! A plan's status, changed by its owner or the members of its unit (organisers too) with the
//! buttons on the plan's post, on its reminders and on the next meeting's follow-up question,
//! or with `/plan status`. Every change is kept with who made it and when.

use super::actor::{Actor, UserMessage};
use super::ports::{Action, Button, Clock, Store, StoreError, StoredPlan};
use crate::domain::plan::{PlanChange, PlanId, PlanStatus, MAX_NOTE_CHARS};
use crate::domain::MeetingId;
use crate::i18n::Lang;
use crate::t;

pub use crate::domain::plan::StatusClick;

#[derive(Debug, thiserror::Error)]
pub enum PlanStatusError {
    #[error("no plan {0}")]
    UnknownPlan(PlanId),
    #[error("only the owner and the members of the plan's unit may change it")]
    NotYours,
    #[error("a dropped plan needs a short note saying why")]
    MissingNote,
    #[error("the note has {got} characters; at most {max}")]
    NoteTooLong { got: usize, max: usize },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl UserMessage for PlanStatusError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::UnknownPlan(id) => t!(lang, "err-plan-unknown", id = id.0),
            Self::NotYours => t!(lang, "err-plan-not-yours"),
            Self::MissingNote => t!(lang, "err-plan-drop-note"),
            Self::NoteTooLong { got, max } => t!(lang, "err-plan-note-too-long", got = *got, max = *max),
            Self::Store(_) => t!(lang, "err-internal"),
        }
    }
}

/// A status in the reader's language.
pub fn status_label(status: PlanStatus, lang: Lang) -> String {
    match status {
        PlanStatus::NotStarted => t!(lang, "plan-status-not-started"),
        PlanStatus::InProgress => t!(lang, "plan-status-in-progress"),
        PlanStatus::Done => t!(lang, "plan-status-done"),
        PlanStatus::Dropped => t!(lang, "plan-status-dropped"),
    }
}

/// The four status buttons of a plan; `prefix` goes before each label ("2 · Done") when one
/// message carries several plans. The current status is the highlighted one.
pub fn status_buttons(
    plan: PlanId,
    current: Option<PlanStatus>,
    asked_in: Option<MeetingId>,
    prefix: &str,
    lang: Lang,
) -> Vec<Button> {
    PlanStatus::ALL
        .into_iter()
        .map(|status| Button {
            action: Action::PlanStatus(StatusClick { plan, status, asked_in }),
            label: format!("{prefix}{}", status_label(status, lang)),
            primary: current == Some(status),
        })
        .collect()
}

/// Checks a note: required (and trimmed, at most `MAX_NOTE_CHARS`) when dropping, dropped otherwise.
pub fn check_note(status: PlanStatus, note: Option<&str>) -> Result<Option<String>, PlanStatusError> {
    if status != PlanStatus::Dropped {
        return Ok(None);
    }
    let note = note.map(str::trim).filter(|n| !n.is_empty()).ok_or(PlanStatusError::MissingNote)?;
    let got = note.chars().count();
    if got > MAX_NOTE_CHARS {
        return Err(PlanStatusError::NoteTooLong { got, max: MAX_NOTE_CHARS });
    }
    Ok(Some(note.to_owned()))
}

/// Whether `actor` may change `plan`: its owner, a member of its unit, or an organiser of its
/// guild. `actor.guild` must be the plan's guild (a click in a DM is placed by the adapter).
pub async fn may_change<S: Store + ?Sized>(store: &S, actor: &Actor, plan: &StoredPlan) -> Result<bool, StoreError> {
    let Some(meeting) = store.meeting(plan.meeting).await? else { return Ok(false) };
    if meeting.guild != actor.guild {
        return Ok(false);
    }
    if actor.can_organise() || plan.plan.owner_id == Some(actor.user) {
        return Ok(true);
    }
    let unit = store.member(actor.guild, actor.user).await?.and_then(|m| m.unit);
    Ok(unit.as_ref() == Some(&plan.plan.unit))
}

/// Sets the status of a plan (a button, a reminder, the follow-up question, `/plan status`).
/// A plan that is done or dropped gets no more reminders.
pub async fn change_status<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    actor: &Actor,
    click: StatusClick,
    note: Option<&str>,
) -> Result<StoredPlan, PlanStatusError> {
    let mut plan = store.plan(click.plan).await?.ok_or(PlanStatusError::UnknownPlan(click.plan))?;
    if !may_change(store, actor, &plan).await? {
        return Err(PlanStatusError::NotYours);
    }
    let note = check_note(click.status, note)?;
    let change = PlanChange {
        plan: plan.id,
        status: click.status,
        note: note.clone(),
        by: actor.user,
        at: clock.now(),
        asked_in: click.asked_in,
    };
    store.set_plan_status(&change).await?;
    plan.status = click.status;
    plan.note = note;
    Ok(plan)
}

/// The guild a plan belongs to (a status click in a DM carries no guild).
pub async fn guild_of_plan<S: Store + ?Sized>(
    store: &S,
    plan: PlanId,
) -> Result<Option<crate::domain::GuildId>, StoreError> {
    let Some(p) = store.plan(plan).await? else { return Ok(None) };
    Ok(store.meeting(p.meeting).await?.map(|m| m.guild))
}

/// The plans `actor` may change from `/plan status`: those of the current meeting and the one
/// before it that are the actor's unit's or the actor's own.
pub async fn my_plans<S: Store + ?Sized>(store: &S, actor: &Actor) -> Result<Vec<StoredPlan>, StoreError> {
    let Some(meeting) = store.current_meeting(actor.guild).await? else { return Ok(Vec::new()) };
    let unit = store.member(actor.guild, actor.user).await?.and_then(|m| m.unit);
    let mut meetings = vec![meeting.id];
    meetings.extend(store.previous_meeting(meeting.id).await?);
    let mut out = Vec::new();
    for m in meetings {
        out.extend(
            store
                .plans(m)
                .await?
                .into_iter()
                .filter(|p| p.plan.owner_id == Some(actor.user) || unit.as_ref() == Some(&p.plan.unit)),
        );
    }
    Ok(out)
}

/// The reply after a change, for the person who clicked.
pub fn changed_text(plan: &StoredPlan, lang: Lang) -> String {
    t!(
        lang,
        "plan-status-changed",
        action = crate::domain::text::truncate_words(&plan.plan.action, 150),
        status = status_label(plan.status, lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_plan_needs_a_note_and_other_statuses_drop_theirs() {
        assert!(matches!(check_note(PlanStatus::Dropped, None), Err(PlanStatusError::MissingNote)));
        assert!(matches!(check_note(PlanStatus::Dropped, Some("  ")), Err(PlanStatusError::MissingNote)));
        let long = "x".repeat(MAX_NOTE_CHARS + 1);
        assert!(matches!(check_note(PlanStatus::Dropped, Some(&long)), Err(PlanStatusError::NoteTooLong { .. })));
        assert_eq!(check_note(PlanStatus::Dropped, Some(" no budget ")).unwrap(), Some("no budget".into()));
        assert_eq!(check_note(PlanStatus::Done, Some("x")).unwrap(), None);
    }

    #[test]
    fn the_current_status_is_the_highlighted_button() {
        let buttons = status_buttons(PlanId(1), Some(PlanStatus::Done), None, "1 · ", Lang::En);
        assert_eq!(buttons.len(), 4);
        assert_eq!(buttons.iter().filter(|b| b.primary).count(), 1);
        assert!(buttons[2].primary && buttons[2].label.starts_with("1 · "));
    }
}
