//! The next meeting asks (seeds 001/002: "5+5 min per organisation on progress since last
//! time"): when a meeting of a series opens, each unit is asked about its open plans from the
//! previous meeting, with status buttons per plan; the answers make the digest's per-unit
//! follow-up table (done / in progress / not started / dropped / no answer) and the export's
//! follow-up rows. Decisions of the previous meeting are recalled in the opening too.

use std::fmt::Write;

use super::meetings::previous_of;
use super::plan_status::{status_buttons, status_label};
use super::ports::{OutMessage, Store, StoreError, StoredPlan};
use crate::domain::plan::{follow_up_answer, follow_up_table, FollowUpItem, FollowUpRow, PlanStatus};
use crate::domain::text::truncate_words;
use crate::domain::{Meeting, UnitName};
use crate::i18n::Lang;
use crate::t;

/// Plans per follow-up message: one row of four status buttons each, five rows at most.
const PLANS_PER_MESSAGE: usize = 5;

/// The follow-up questions to post when `meeting` opens: per unit (in name order) one message
/// per five open plans, each plan numbered with its row of buttons. The key suffix is stable
/// (`:followup:<unit key>:<part>`), so a retried opening posts nothing twice.
pub async fn followup_questions<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
    lang: Lang,
) -> Result<Vec<(String, OutMessage)>, StoreError> {
    let Some(previous) = previous_of(store, meeting).await? else { return Ok(Vec::new()) };
    let open: Vec<StoredPlan> = store.plans(previous.id).await?.into_iter().filter(|p| p.status.is_open()).collect();
    let mut out = Vec::new();
    for (unit, plans) in by_unit(&open) {
        for (part, chunk) in plans.chunks(PLANS_PER_MESSAGE).enumerate() {
            let mut text = t!(lang, "followup-ask", unit = unit.as_str(), previous = previous.title.as_str());
            let mut buttons = Vec::new();
            for (i, p) in chunk.iter().enumerate() {
                let n = part * PLANS_PER_MESSAGE + i + 1;
                let _ = write!(text, "\n**{n}.** {} — {}", truncate_words(&p.plan.action, 200), p.plan.owner);
                if let Some(due) = p.plan.due {
                    let _ = write!(text, " ({})", t!(lang, "plan-due", date = due.to_string()));
                }
                let _ = write!(text, " · {}", status_label(p.status, lang));
                buttons.extend(status_buttons(p.id, None, Some(meeting.id), &format!("{n} · "), lang));
            }
            let key = format!(":followup:{}:{part}", unit.key().replace(char::is_whitespace, "-"));
            out.push((key, OutMessage { text, buttons, ..OutMessage::default() }));
        }
    }
    Ok(out)
}

fn by_unit(plans: &[StoredPlan]) -> Vec<(UnitName, Vec<&StoredPlan>)> {
    let mut out: Vec<(UnitName, Vec<&StoredPlan>)> = Vec::new();
    for p in plans {
        match out.iter_mut().find(|(u, _)| u == &p.plan.unit) {
            Some((_, list)) => list.push(p),
            None => out.push((p.plan.unit.clone(), vec![p])),
        }
    }
    out.sort_by_key(|(u, _)| u.key());
    out
}

/// Each plan of the previous meeting with its follow-up answer at `meeting`: the status given
/// at the follow-up question, or the plan's status when it was already closed (not asked),
/// else no answer.
pub async fn followup_items<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
) -> Result<Vec<(StoredPlan, Option<PlanStatus>)>, StoreError> {
    let Some(previous) = previous_of(store, meeting).await? else { return Ok(Vec::new()) };
    let history = store.plan_history(previous.id).await?;
    Ok(store
        .plans(previous.id)
        .await?
        .into_iter()
        .map(|p| {
            let answer =
                follow_up_answer(p.id, meeting.id, &history).or_else(|| (!p.status.is_open()).then_some(p.status));
            (p, answer)
        })
        .collect())
}

/// The per-unit follow-up table for `meeting`'s digest; `None` without earlier plans.
pub async fn followup_table<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
) -> Result<Vec<(UnitName, FollowUpRow)>, StoreError> {
    let items: Vec<FollowUpItem> = followup_items(store, meeting)
        .await?
        .into_iter()
        .map(|(p, answer)| FollowUpItem { unit: p.plan.unit, plan: p.id, answer })
        .collect();
    Ok(follow_up_table(&items))
}

/// The follow-up table as a Markdown section.
pub fn followup_section(table: &[(UnitName, FollowUpRow)], lang: Lang) -> Option<String> {
    if table.is_empty() {
        return None;
    }
    let mut out = format!("### {}\n", t!(lang, "followup-table-heading"));
    let _ = write!(
        out,
        "| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|",
        t!(lang, "followup-table-unit"),
        status_label(PlanStatus::Done, lang),
        status_label(PlanStatus::InProgress, lang),
        status_label(PlanStatus::NotStarted, lang),
        status_label(PlanStatus::Dropped, lang),
        t!(lang, "followup-table-no-answer"),
    );
    for (unit, r) in table {
        let _ = write!(
            out,
            "\n| {unit} | {} | {} | {} | {} | {} |",
            r.done, r.in_progress, r.not_started, r.dropped, r.no_answer
        );
    }
    Some(out)
}

/// The previous meeting's decisions, for the opening post; `None` when there were none.
pub async fn previous_decisions_text<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
    lang: Lang,
) -> Result<Option<String>, StoreError> {
    let Some(previous) = previous_of(store, meeting).await? else { return Ok(None) };
    let decisions = store.decisions(previous.id).await?;
    if decisions.is_empty() {
        return Ok(None);
    }
    let mut out = t!(lang, "followup-decisions-heading", previous = previous.title.as_str());
    for d in &decisions {
        out.push('\n');
        out.push_str(&super::decisions::decision_line(&d.decision, lang));
    }
    Ok(Some(out))
}
