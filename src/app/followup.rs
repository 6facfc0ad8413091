//! Follow-up across a series of meetings and at the end of the day: last meeting's plans in
//! the opening post ("5+5 min per organisation on progress since last time"), key figures
//! compared with the previous meeting, the answers to the questions of the day and the
//! evaluation, and the day's digest.
//!
//! The previous meeting is the guild's latest earlier meeting of the kit named by `previous`
//! (linked at `/meeting load`).

use std::fmt::Write;

use super::digest::previous_for_digest;
use super::meetings::previous_of;
use super::ports::{Attachment, OutMessage, Plan, Store, StoreError};
use crate::domain::digest::{self, DigestAnswer, DigestInput, KeyFigureRow, QuestionDetail};
use crate::domain::text::{truncate_words, DISCORD_MESSAGE_LIMIT};
use crate::domain::{AnswerValue, Meeting, MeetingId, Phase, UnitName};
use crate::i18n::Lang;
use crate::render::export::ExportEvaluation;
use crate::t;

/// Last meeting's plans of every unit.
pub async fn previous_plans<S: Store + ?Sized>(store: &S, meeting: &Meeting) -> Result<Vec<Plan>, StoreError> {
    match store.previous_meeting(meeting.id).await? {
        Some(id) => Ok(store.plans(id).await?.into_iter().map(|p| p.plan).collect()),
        None => Ok(Vec::new()),
    }
}

/// The part of the opening post that asks each unit about last meeting's plan; `None` when the
/// meeting follows no earlier one or nobody made plans.
pub async fn previous_plans_text<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
    lang: Lang,
) -> Result<Option<String>, StoreError> {
    let Some(previous) = previous_of(store, meeting).await? else { return Ok(None) };
    let plans: Vec<Plan> = store.plans(previous.id).await?.into_iter().map(|p| p.plan).collect();
    if plans.is_empty() {
        return Ok(None);
    }
    let mut out = t!(lang, "followup-plans-heading", previous = previous.title.as_str());
    let mut last: Option<&UnitName> = None;
    for p in &plans {
        if last != Some(&p.unit) {
            let _ = write!(out, "\n**{}**", p.unit);
            last = Some(&p.unit);
        }
        let _ = write!(out, "\n- {} — {}", truncate_words(&p.action, 150), p.owner);
        if let Some(due) = p.due {
            let _ = write!(out, " ({})", t!(lang, "plan-due", date = due.to_string()));
        }
    }
    Ok(Some(truncate_words(&out, DISCORD_MESSAGE_LIMIT / 2)))
}

fn phase_input(meeting: &Meeting, phase: Phase, answers: Vec<super::ports::StoredAnswer>) -> DigestInput {
    DigestInput {
        title: meeting.title.clone(),
        units: meeting.units.clone(),
        members: Vec::new(),
        questions: meeting.phase_questions(phase).cloned().collect(),
        answers: answers
            .into_iter()
            .filter_map(|a| {
                let question = meeting.question(&a.question).filter(|q| q.phase == phase)?;
                let value = AnswerValue::parse(question, &a.value).ok()?;
                Some(DigestAnswer { user: Some(a.user), unit: a.unit, question: a.question, value })
            })
            .collect(),
        anonymous_respondents: Vec::new(),
        previous: None,
        // The evaluation is answered per member, also where units answer the reflection.
        unit_answers: false,
    }
}

fn num(value: f64, lang: Lang) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let s = if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded:.1}") };
    if lang == Lang::En {
        s
    } else {
        s.replace('.', ",")
    }
}

/// The answers of the day to the questions of `phase` (`During` or `Evaluation`): counts,
/// means and representative quotes; `None` when the kit has no questions of that phase.
pub async fn phase_section<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
    phase: Phase,
    lang: Lang,
) -> Result<Option<String>, StoreError> {
    if meeting.phase_questions(phase).next().is_none() {
        return Ok(None);
    }
    let answers = store.answers(meeting.id).await?;
    let respondents: std::collections::HashSet<_> = answers
        .iter()
        .filter(|a| meeting.question(&a.question).is_some_and(|q| q.phase == phase))
        .map(|a| a.user)
        .collect();
    let computed = digest::compute(&phase_input(meeting, phase, answers));
    let heading = if phase == Phase::During { "during-heading" } else { "evaluation-heading" };
    let mut out = format!("### {}", t!(lang, heading, people = respondents.len()));
    for q in &computed.questions {
        let _ = write!(
            out,
            "\n**{}** ({})",
            truncate_words(&q.text, 200),
            t!(lang, "evaluation-answers", count = q.answers)
        );
        if q.answers == 0 {
            continue;
        }
        match &q.detail {
            QuestionDetail::Scale { histogram, mean } => {
                let steps: Vec<String> = histogram.iter().map(|(v, n)| format!("{v}: {n}")).collect();
                let mean = mean.map(|m| num(m, lang)).unwrap_or_default();
                let _ = write!(out, "\n{} **{mean}** · {}", t!(lang, "evaluation-mean"), steps.join(" · "));
            }
            QuestionDetail::YesNo { yes, no } => {
                let _ = write!(out, "\n{}", t!(lang, "evaluation-yes-no", yes = *yes, no = *no));
            }
            QuestionDetail::Choice { counts } => {
                let parts: Vec<String> = counts.iter().map(|(o, n)| format!("{o}: {n}")).collect();
                let _ = write!(out, "\n{}", parts.join(" · "));
            }
            QuestionDetail::Number { stats: Some(s) } => {
                let _ = write!(
                    out,
                    "\n{} **{}** ({}–{})",
                    t!(lang, "evaluation-mean"),
                    num(s.mean, lang),
                    num(s.min, lang),
                    num(s.max, lang)
                );
            }
            QuestionDetail::Number { stats: None } => {}
            QuestionDetail::Free { representatives, .. } => {
                for r in representatives {
                    let _ = write!(out, "\n> {}", truncate_words(&r.text, 200));
                }
            }
        }
    }
    Ok(Some(out))
}

/// Key figures with their change since the previous meeting.
pub fn key_figures_section(rows: &[KeyFigureRow], previous: Option<&str>, lang: Lang) -> Option<String> {
    if rows.is_empty() {
        return None;
    }
    let mut out = match previous {
        Some(p) => format!("### {}", t!(lang, "followup-key-figures-vs", previous = p)),
        None => format!("### {}", t!(lang, "followup-key-figures")),
    };
    for k in rows {
        let _ = write!(out, "\n- {} · **{}**: {}", k.question, k.unit, num(k.value, lang));
        if let (Some(prev), Some(delta)) = (k.previous, k.delta()) {
            let sign = if delta > 0.0 { "+" } else { "" };
            let _ = write!(out, " ({} → {}, {sign}{})", num(prev, lang), num(k.value, lang), num(delta, lang));
        }
    }
    Some(out)
}

/// The sections the digest adds about the day: how last meeting's plans went (per unit), the
/// questions of the day, the day's decisions, its take-home plans and the evaluation.
pub async fn digest_extras<S: Store + ?Sized>(store: &S, meeting: &Meeting, lang: Lang) -> Result<String, StoreError> {
    let plans = store.plans(meeting.id).await?;
    let table = super::plan_followup::followup_table(store, meeting).await?;
    let decisions = store.decisions(meeting.id).await?;
    let sections: Vec<String> = [
        super::plan_followup::followup_section(&table, lang),
        phase_section(store, meeting, Phase::During, lang).await?,
        super::decisions::decisions_section(&decisions, lang),
        super::plans::plans_section(&plans, lang),
        phase_section(store, meeting, Phase::Evaluation, lang).await?,
    ]
    .into_iter()
    .flatten()
    .collect();
    Ok(sections.join("\n\n"))
}

/// The day's digest, posted after the last agenda item: key figures against the previous
/// meeting, the answers to the questions of the day, the units' take-home plans and the
/// evaluation. Member names only `with_names`
/// (none of these sections names anyone today, but the flag keeps the contract of
/// `digest_post`). A digest too long for one message is attached in full as Markdown.
pub async fn day_digest<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
    lang: Lang,
    with_names: bool,
) -> Result<OutMessage, StoreError> {
    let _ = with_names;
    let mut input = super::digest::digest_input(store, meeting).await?;
    input.previous = previous_for_digest(store, meeting).await?;
    let computed = digest::compute(&input);
    let mut text = t!(lang, "day-digest-title", title = meeting.title.as_str());
    let rate = (computed.response_rate() * 100.0).round() as u32;
    text.push('\n');
    text.push_str(&t!(
        lang,
        "day-digest-responses",
        answered = computed.respondents,
        members = computed.members,
        percent = rate
    ));
    if let Some(k) = key_figures_section(&computed.key_figures, computed.previous_label.as_deref(), lang) {
        text.push_str("\n\n");
        text.push_str(&k);
    }
    let extras = digest_extras(store, meeting, lang).await?;
    if !extras.is_empty() {
        text.push_str("\n\n");
        text.push_str(&extras);
    }
    if text.chars().count() <= DISCORD_MESSAGE_LIMIT {
        return Ok(OutMessage::text(text));
    }
    let mut message = OutMessage::text(truncate_words(&text, DISCORD_MESSAGE_LIMIT - 100));
    message.attachments.push(Attachment { name: "day-digest.md".into(), bytes: text.into_bytes() });
    Ok(message)
}

/// The evaluation answers of `meeting` for `render::export::ExportData.evaluations`.
pub async fn export_evaluations<S: Store + ?Sized>(
    store: &S,
    meeting: MeetingId,
) -> Result<Vec<ExportEvaluation>, StoreError> {
    let Some(m) = store.meeting(meeting).await? else { return Ok(Vec::new()) };
    let members = store.members(m.guild).await?;
    Ok(store
        .answers(meeting)
        .await?
        .into_iter()
        .filter_map(|a| {
            let q = m.question(&a.question).filter(|q| q.phase == Phase::Evaluation)?;
            let member = members.iter().find(|x| x.user == a.user).map(|x| x.name.clone()).unwrap_or_default();
            Some(ExportEvaluation {
                unit: a.unit.map(|u| u.to_string()).unwrap_or_default(),
                member,
                question_id: a.question.to_string(),
                question: q.text.clone(),
                answer: a.value,
                updated_at: Some(a.updated_at),
            })
        })
        .collect())
}
