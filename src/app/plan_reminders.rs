//! Reminders of plans and decisions: a DM to the owner (or the responsible) some days before
//! the due date and on it, with the plan's status buttons; a mention in the meeting channel
//! when DMs are closed. They run as scheduled jobs (`plan-remind`), so they survive restarts,
//! are claimed by one worker and sent once under a stable key. None goes out for a plan that
//! is done or dropped, and none late: after an outage a reminder whose moment is over is
//! skipped (`domain::plan::reminder_is_stale`).

use super::ports::{Chat, Clock, Job, OutMessage, Store};
use super::posting::{dm_or_mention, JobFailure};
use crate::domain::plan::{parse_reminder_key, reminder_is_stale, PlanId, Reminded, ReminderRule, ReminderWhen};
use crate::domain::text::truncate_words;
use crate::domain::UserId;
use crate::i18n::Lang;
use crate::t;

/// What a reminder job did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderOutcome {
    Sent,
    /// The item is closed, has no one to remind or no date, or the reminder came too late.
    Skipped,
}

/// Runs one `plan-remind` job.
pub async fn run_job<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    job: &Job,
) -> Result<ReminderOutcome, JobFailure> {
    let Some((item, when)) = parse_reminder_key(&job.key) else {
        return Err(JobFailure::Config(format!("not a reminder key: {:?}", job.key)));
    };
    let Some(meeting) = store.meeting(job.meeting).await? else { return Ok(ReminderOutcome::Skipped) };
    let members = store.members(meeting.guild).await?;
    let lang_of = |user: UserId| {
        let locale = members.iter().find(|m| m.user == user).and_then(|m| m.locale.clone());
        Lang::pick([locale.as_deref(), Some(meeting.lang().code())])
    };
    let (to, due, text, buttons) = match item {
        Reminded::Plan(id) => {
            let Some(plan) = store.plan(PlanId(id)).await? else { return Ok(ReminderOutcome::Skipped) };
            let (Some(owner), Some(due)) = (plan.plan.owner_id, plan.plan.due) else {
                return Ok(ReminderOutcome::Skipped);
            };
            if !plan.status.is_open() {
                return Ok(ReminderOutcome::Skipped);
            }
            let lang = lang_of(owner);
            let text = reminder_text(when, &plan.plan.action, &plan.plan.unit.to_string(), due, lang);
            let buttons = super::plan_status::status_buttons(plan.id, Some(plan.status), None, "", lang);
            (owner, due, text, buttons)
        }
        Reminded::Decision(id) => {
            let Some(d) = store.decision(id).await? else { return Ok(ReminderOutcome::Skipped) };
            let (Some(owner), Some(due)) = (d.decision.responsible_id, d.decision.due) else {
                return Ok(ReminderOutcome::Skipped);
            };
            let lang = lang_of(owner);
            (owner, due, reminder_text(when, &d.decision.text, &meeting.title, due, lang), Vec::new())
        }
    };
    if reminder_is_stale(when, due, meeting.timezone, ReminderRule::default(), clock.now()) {
        return Ok(ReminderOutcome::Skipped);
    }
    let key = format!("m{}:{}", meeting.id, job.key);
    let message = OutMessage { text, buttons, ..OutMessage::default() };
    let channel = store.meeting_channel(meeting.id).await?;
    dm_or_mention(store, chat, clock, &key, (to, channel), message).await?;
    Ok(ReminderOutcome::Sent)
}

fn reminder_text(when: ReminderWhen, action: &str, whose: &str, due: chrono::NaiveDate, lang: Lang) -> String {
    let action = truncate_words(action, 300);
    let date = due.to_string();
    match when {
        ReminderWhen::Before => t!(lang, "plan-reminder-before", action = action, unit = whose, date = date),
        ReminderWhen::OnDay => t!(lang, "plan-reminder-due", action = action, unit = whose),
    }
}
