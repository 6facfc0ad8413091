//! The presenters' preparation reminder (seed 004: "förbereder en kort dragning"): a scheduled
//! job `prepare:<item>`, claimed once across processes like every job, that DMs each presenter
//! (a member, or every member of a presenting unit) what they present, when and for how long.
//! A member whose DMs are closed gets a mention in the meeting channel instead; a presenter
//! with no member to reach is named in the meeting channel. Every post is keyed, so a repeated
//! job sends nothing twice, and none is sent once the meeting day has come.

use chrono::Datelike;

use crate::app::ports::{Chat, Clock, Job, Member, OutMessage, SpeakingPlan, Store};
use crate::app::posting::{dm_or_mention, post_once, JobFailure, Target};
use crate::domain::speaking::{parse_prepare_key, prepare_is_stale, Presenter};
use crate::domain::{Meeting, MeetingState};
use crate::i18n::Lang;
use crate::t;

/// What a preparation job did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrepareOutcome {
    /// Reminders went out (or had gone out before a restart).
    Sent,
    /// The meeting ended or is gone, the item names no presenters, or it is too late.
    Skipped,
}

/// The members a presenter stands for: the member with that name, or the unit's members.
pub fn reached(presenter: &Presenter, members: &[Member]) -> Vec<Member> {
    members
        .iter()
        .filter(|m| match presenter {
            Presenter::Unit(u) => m.unit.as_ref().is_some_and(|mu| mu.key() == u.key()),
            Presenter::Member(_) => presenter.is_named(&m.name),
        })
        .cloned()
        .collect()
}

/// Runs one `prepare` job.
pub async fn run_job<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    job: &Job,
) -> Result<PrepareOutcome, JobFailure> {
    let Some(position) = parse_prepare_key(&job.key) else {
        return Err(JobFailure::Config(format!("not a preparation key: {:?}", job.key)));
    };
    let Some(meeting) = store.meeting(job.meeting).await? else { return Ok(PrepareOutcome::Skipped) };
    if meeting.state == MeetingState::Ended {
        return Ok(PrepareOutcome::Skipped);
    }
    let plans = store.speaking_plans(meeting.id).await?;
    let Some(row) = plans.into_iter().find(|r| r.plan.position == position) else {
        return Ok(PrepareOutcome::Skipped);
    };
    let Some(day) = store.meeting_date(meeting.id).await? else { return Ok(PrepareOutcome::Skipped) };
    if prepare_is_stale(day, meeting.timezone, clock.now()) {
        return Ok(PrepareOutcome::Skipped);
    }
    let members = store.members(meeting.guild).await?;
    let channel = store.meeting_channel(meeting.id).await?;
    let base = format!("m{}:{}", meeting.id, job.key);
    for (i, presenter) in row.plan.speaking.presenters.iter().enumerate() {
        let people = reached(presenter, &members);
        if people.is_empty() {
            let channel =
                channel.ok_or_else(|| JobFailure::Config(format!("meeting {} has no channel", meeting.id)))?;
            let text = reminder_text(&meeting, &row.plan, day, presenter, meeting.lang(), "prepare-reminder-nobody");
            post_once(
                store,
                chat,
                clock,
                &format!("{base}:nobody:{i}"),
                Target::Channel(channel),
                OutMessage::text(text),
            )
            .await?;
            continue;
        }
        for member in people {
            let lang = Lang::pick([member.locale.as_deref(), Some(meeting.lang().code())]);
            let text = reminder_text(&meeting, &row.plan, day, presenter, lang, "prepare-reminder");
            // The key ends with the member's id, so forget-me clears it (`posts.key`).
            let key = format!("{base}:{}", member.user);
            dm_or_mention(store, chat, clock, &key, (member.user, channel), OutMessage::text(text)).await?;
        }
    }
    Ok(PrepareOutcome::Sent)
}

fn reminder_text(
    meeting: &Meeting,
    plan: &SpeakingPlan,
    day: chrono::NaiveDate,
    presenter: &Presenter,
    lang: Lang,
    id: &str,
) -> String {
    let s = &plan.speaking;
    let date = format!("{}-{:02}-{:02}", day.year(), day.month(), day.day());
    t!(
        lang,
        id,
        name = presenter.name(),
        title = crate::domain::text::truncate_words(&plan.title, 200),
        meeting = meeting.title.as_str(),
        date = date,
        time = plan.start.format("%H:%M").to_string(),
        talk = i64::from(s.talk_minutes),
        questions = i64::from(s.questions_minutes)
    )
}
