//! Learning across units (a kit's `share_after_deadline = true`): after the deadline the bot
//! posts "what the units said" in the meeting channel, per question each unit's answer (unit
//! answers) or the themes with one quote each (member answers); after the meeting it posts each
//! unit's take-home plans the same way. Members are never named; an anonymous question's
//! answers carry their unit only where the digest shows it (`domain::digest::Shown`: at least
//! 3 answers in the unit, and the units left out together none or at least 3).

use std::fmt::Write;

use super::ports::{Chat, Clock, Job, NewJob, OutMessage, Store, StoreError};
use super::posting::{post_once, JobFailure, Target};
use crate::domain::digest::{self, QuestionDetail, QuestionDigest, ValueKey};
use crate::domain::text::{split_message, truncate_words, DISCORD_MESSAGE_LIMIT};
use crate::domain::{AnswerValue, Meeting, Question};
use crate::i18n::Lang;
use crate::t;

/// The job that shares the take-home plans once the meeting has ended.
pub const SHARE_PLANS_JOB: &str = "share-plans";

/// A shared answer is quoted up to this many characters (the export has them whole).
const SHARED_CHARS: usize = 600;

/// "What the units said" as Markdown: per reflection question, each unit's answer (unit
/// answers) or the themes with a quote each and the units behind closed answers.
pub async fn units_said<S: Store + ?Sized>(store: &S, meeting: &Meeting, lang: Lang) -> Result<String, StoreError> {
    let mut out = t!(lang, "share-units-said-title", title = meeting.title.as_str());
    if meeting.unit_answers {
        let answers = store.unit_answers(meeting.id).await?;
        for (i, q) in meeting.reflection_questions().enumerate() {
            let _ = write!(out, "\n\n**{}. {}**", i + 1, q.text.trim());
            let mut silent = Vec::new();
            for unit in &meeting.units {
                match answers.iter().find(|a| &a.unit == unit && a.question == q.id) {
                    Some(a) => {
                        let _ = write!(out, "\n- **{unit}**: {}", shown_value(q, &a.value, lang));
                    }
                    None => silent.push(unit.as_str()),
                }
            }
            if !silent.is_empty() {
                let _ = write!(out, "\n_{}_", t!(lang, "share-no-answer", units = silent.join(", ")));
            }
        }
        return Ok(out);
    }
    let computed = digest::compute(&super::digest::digest_input(store, meeting).await?);
    for (i, (q, d)) in meeting.reflection_questions().zip(&computed.questions).enumerate() {
        let _ = write!(out, "\n\n**{}. {}**", i + 1, q.text.trim());
        member_mode_question(&mut out, d, lang);
        if d.hidden_units > 0 {
            let _ = write!(out, "\n_{}_", t!(lang, "digest-hidden-units", n = d.hidden_units));
        }
    }
    Ok(out)
}

/// A unit's stored answer as members read it: yes/no in the meeting's words, text shortened.
fn shown_value(q: &Question, stored: &str, lang: Lang) -> String {
    match AnswerValue::parse(q, stored) {
        Ok(AnswerValue::YesNo(true)) => t!(lang, "digest-yes"),
        Ok(AnswerValue::YesNo(false)) => t!(lang, "digest-no"),
        Ok(AnswerValue::Number(_)) => stored.replace('.', t!(lang, "digest-decimal").trim()),
        Ok(AnswerValue::Text(_) | AnswerValue::Choice(_) | AnswerValue::Scale(_)) | Err(_) => {
            truncate_words(&stored.replace('\n', " "), SHARED_CHARS)
        }
    }
}

/// One question in member mode: free text as themes with a quote each, closed questions as
/// the count per value with the units behind it. The digest already withholds the units of
/// anonymous answers that k-anonymity hides (quotes and breakdowns alike); how many were left
/// out is said, as in the digest.
fn member_mode_question(out: &mut String, d: &QuestionDigest, lang: Lang) {
    if d.answers == 0 {
        let _ = write!(out, "\n_{}_", t!(lang, "share-no-answers-yet"));
        return;
    }
    if let QuestionDetail::Free { themes, other, .. } = &d.detail {
        for theme in themes {
            let _ = write!(out, "\n- **{}** ({})", theme.label, t!(lang, "digest-answer-count", n = theme.answers));
            let _ = write!(out, "\n> {}", truncate_words(&theme.quote.text.replace('\n', " "), SHARED_CHARS));
            if let Some(unit) = &theme.quote.unit {
                let _ = write!(out, " — *{unit}*");
            }
        }
        if *other > 0 && !themes.is_empty() {
            let _ = write!(out, "\n- {}", t!(lang, "digest-theme-other", n = *other));
        }
        return;
    }
    let values: Vec<(ValueKey, usize)> = match &d.detail {
        QuestionDetail::YesNo { yes, no } => vec![(ValueKey::Yes, *yes), (ValueKey::No, *no)],
        QuestionDetail::Scale { histogram, .. } => histogram.iter().map(|(v, n)| (ValueKey::Step(*v), *n)).collect(),
        QuestionDetail::Choice { counts } => counts.iter().map(|(o, n)| (ValueKey::Option(o.clone()), *n)).collect(),
        QuestionDetail::Number { stats: Some(s) } => {
            let median = s.median.to_string().replace('.', t!(lang, "digest-decimal").trim());
            let _ = write!(out, "\n- {} {median}", t!(lang, "digest-median"));
            Vec::new()
        }
        QuestionDetail::Number { stats: None } | QuestionDetail::Free { .. } => Vec::new(),
    };
    for (key, n) in values.into_iter().filter(|(_, n)| *n > 0) {
        let value = match &key {
            ValueKey::Yes => t!(lang, "digest-yes"),
            ValueKey::No => t!(lang, "digest-no"),
            ValueKey::Step(v) => v.to_string(),
            ValueKey::Option(o) => o.clone(),
        };
        let _ = write!(out, "\n- {value}: {}", t!(lang, "digest-answer-count", n = n));
        let units = d.breakdown.iter().find(|b| b.value == key).map(|b| &b.units);
        if let Some(units) = units.filter(|u| !u.is_empty()) {
            let names: Vec<&str> = units.iter().map(|(u, _)| u.as_str()).collect();
            let _ = write!(out, " — {}", names.join(", "));
        }
    }
}

/// After the deadline job: posts "what the units said" in the meeting channel when the kit
/// shares answers (one keyed post per part, so a retry never posts twice).
pub async fn share_after_deadline<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    key: &str,
) -> Result<(), JobFailure> {
    if !meeting.share_after_deadline {
        return Ok(());
    }
    let channel = store.meeting_channel(meeting.id).await?.ok_or_else(|| no_channel(meeting))?;
    let text = units_said(store, meeting, meeting.lang()).await?;
    post_parts(store, chat, clock, &format!("{key}:shared"), Target::Channel(channel), &text).await
}

/// `/meeting end` of a meeting that shares answers: the plans are shared by a job due now, so
/// the post is sent (and retried) like every other scheduled post.
pub async fn schedule_plans<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
    clock: &dyn Clock,
) -> Result<(), StoreError> {
    if !meeting.share_after_deadline {
        return Ok(());
    }
    let job = NewJob { key: SHARE_PLANS_JOB.into(), kind: SHARE_PLANS_JOB.into(), due_at: clock.now() };
    store.schedule(meeting.id, &[job]).await
}

/// The take-home plans of every unit, in the meeting channel (also after the meeting ended).
pub async fn run_job<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    job: &Job,
) -> Result<(), JobFailure> {
    let Some(meeting) = store.meeting(job.meeting).await? else { return Ok(()) };
    let lang = meeting.lang();
    let plans = store.plans(meeting.id).await?;
    let Some(section) = super::plans::plans_section(&plans, lang) else { return Ok(()) };
    let channel = store.meeting_channel(meeting.id).await?.ok_or_else(|| no_channel(&meeting))?;
    let text = format!("{}\n{section}", t!(lang, "share-plans-title", title = meeting.title.as_str()));
    post_parts(store, chat, clock, &format!("m{}:{}", meeting.id, job.key), Target::Channel(channel), &text).await
}

fn no_channel(meeting: &Meeting) -> JobFailure {
    JobFailure::Config(format!("meeting {} has no channel", meeting.id))
}

/// Posts `text` in parts of at most 2000 characters, each under its own key.
async fn post_parts<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    key: &str,
    to: Target,
    text: &str,
) -> Result<(), JobFailure> {
    for (i, part) in split_message(text, DISCORD_MESSAGE_LIMIT).into_iter().enumerate() {
        let key = if i == 0 { key.to_owned() } else { format!("{key}:part{i}") };
        post_once(store, chat, clock, &key, to, OutMessage::text(part)).await?;
    }
    Ok(())
}
