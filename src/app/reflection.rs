//! The reflection's scheduled steps: open answering (the questions post), remind members who
//! still owe an answer, close at the deadline, post the digest. `tick` claims the jobs and
//! calls `run_job`.

use super::meetings::{incomplete_members, status_of};
use super::ports::{Action, Chat, ChatError, Clock, Job, OutMessage, Store};
use super::posting::{post_once, JobFailure, Target};
use super::summarise::Summariser;
use crate::domain::privacy::Anonymity;
use crate::domain::schedule::JobKind;
use crate::domain::{ChannelId, Meeting, MeetingState, Phase, Question};
use crate::i18n::Lang;
use crate::t;

pub async fn run_job<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    summariser: &dyn Summariser,
    job: &Job,
) -> Result<(), JobFailure> {
    let Some(meeting) = store.meeting(job.meeting).await? else { return Ok(()) };
    if meeting.state == MeetingState::Ended {
        return Ok(());
    }
    let lang = meeting.lang();
    let channel = store
        .meeting_channel(meeting.id)
        .await?
        .ok_or_else(|| JobFailure::Config(format!("meeting {} has no channel", meeting.id)))?;
    let key = |part: &str| format!("m{}:{}{}", meeting.id, job.key, part);
    match JobKind::parse(&job.kind) {
        Some(JobKind::Open) => {
            if meeting.state == MeetingState::Scheduled {
                store.set_meeting_state(meeting.id, MeetingState::Open, clock.now()).await?;
            }
            let mut post = questions_post(&meeting, lang);
            super::kits::insert_purpose(store, meeting.id, lang, &mut post.text).await;
            // A follow-up meeting asks each unit how last meeting's plan went.
            if let Some(plans) = super::followup::previous_plans_text(store, &meeting, lang).await? {
                post.text.push_str("\n\n");
                post.text.push_str(&plans);
            }
            if let Some(decisions) = super::plan_followup::previous_decisions_text(store, &meeting, lang).await? {
                post.text.push_str("\n\n");
                post.text.push_str(&decisions);
            }
            post_once(store, chat, clock, &key(""), Target::Channel(channel), post).await?;
            // Then each unit is asked about its open plans, with buttons per plan.
            for (suffix, question) in super::plan_followup::followup_questions(store, &meeting, lang).await? {
                post_once(store, chat, clock, &key(&suffix), Target::Channel(channel), question).await?;
            }
        }
        Some(JobKind::Remind) => {
            if meeting.state != MeetingState::Open {
                return Ok(());
            }
            remind(store, chat, clock, &meeting, lang, channel, &key("")).await?;
        }
        Some(JobKind::Deadline) => {
            if meeting.state == MeetingState::Open || meeting.state == MeetingState::Scheduled {
                store.set_meeting_state(meeting.id, MeetingState::Closed, clock.now()).await?;
            }
            let text = t!(lang, "deadline-post", title = meeting.title.as_str());
            post_once(store, chat, clock, &key(""), Target::Channel(channel), OutMessage::text(text)).await?;
            // A kit that shares answers lets every unit read what the others said.
            let closed = store.meeting(meeting.id).await?.unwrap_or_else(|| meeting.clone());
            super::sharing::share_after_deadline(store, chat, clock, &closed, &key("")).await?;
        }
        Some(JobKind::Digest) => {
            // The digest names missing members, so it goes to the organisers' channel; without
            // one it goes to the meeting channel with names left out.
            let organisers = store.guild_settings(meeting.guild).await?.organiser_channel;
            let posts = super::digest::digest_post(store, &meeting, lang, organisers.is_some(), summariser).await?;
            let to = Target::Channel(organisers.unwrap_or(channel));
            for (i, post) in posts.into_iter().enumerate() {
                // One key per part; part 0 keeps the old key, so nothing already sent is sent again.
                let part = if i == 0 { String::new() } else { format!(":part{i}") };
                post_once(store, chat, clock, &key(&part), to, post).await?;
            }
        }
        None => return Err(JobFailure::Config(format!("unknown job kind {:?}", job.kind))),
    }
    Ok(())
}

/// The post that opens answering: the questions and an "Answer" button.
pub fn questions_post(meeting: &Meeting, lang: Lang) -> OutMessage {
    let mut text = t!(lang, "open-post", title = meeting.title.as_str());
    if meeting.unit_answers {
        text.push('\n');
        text.push_str(&t!(lang, "open-post-unit-answers"));
    }
    for (i, q) in meeting.reflection_questions().enumerate() {
        text.push_str(&format!("\n**{}.** {}", i + 1, q.text));
        if let Some(label) = anonymity_label(q, lang) {
            text.push(' ');
            text.push_str(&label);
        }
    }
    if let Some(deadline) = meeting.deadline {
        text.push('\n');
        text.push_str(&t!(lang, "open-post-deadline", when = crate::i18n::when(lang, deadline, meeting.timezone)));
    }
    // Who will read the answers, before anyone writes one.
    text.push('\n');
    text.push_str(&t!(lang, "questions-post-privacy"));
    OutMessage::text(text).with_button(answer(meeting), t!(lang, "button-answer"))
}

/// The "Answer" button's action: the reflection of `meeting` (a DM reminder's button too).
fn answer(meeting: &Meeting) -> Action {
    Action::Answer { phase: Phase::Reflection, meeting: meeting.id }
}

/// How a question's anonymity reads next to it, in the questions post and the answer form
/// (`None` for a question answered with a name).
pub fn anonymity_label(q: &Question, lang: Lang) -> Option<String> {
    match q.anonymity {
        Anonymity::Named => None,
        Anonymity::Anonymous => Some(t!(lang, "anonymous-question")),
        Anonymity::AnonymousNoUnit => Some(t!(lang, "anonymous-question-no-unit")),
    }
}

/// Reminds, by DM, each member who still owes a required answer (in a meeting of unit answers:
/// each member of a unit whose answer is missing or incomplete); members whose DMs are closed
/// are mentioned in one channel post instead.
async fn remind<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    lang: Lang,
    channel: ChannelId,
    key: &str,
) -> Result<(), JobFailure> {
    let status = status_of(store, meeting).await?;
    let mut unreachable = Vec::new();
    for member in incomplete_members(&status) {
        let member_lang = Lang::pick([member.locale.as_deref(), Some(lang.code())]);
        let text = match member.unit.as_ref().filter(|_| meeting.unit_answers) {
            Some(unit) => t!(
                member_lang,
                "reminder-dm-unit",
                title = meeting.title.as_str(),
                name = member.name.as_str(),
                unit = unit.as_str()
            ),
            None => t!(member_lang, "reminder-dm", title = meeting.title.as_str(), name = member.name.as_str()),
        };
        let message = OutMessage::text(text).with_button(answer(meeting), t!(member_lang, "button-answer"));
        match post_once(store, chat, clock, &format!("{key}:u{}", member.user), Target::Dm(member.user), message).await
        {
            Ok(_) => {}
            Err(JobFailure::Chat(ChatError::Refused(_) | ChatError::NotFound(_))) => unreachable.push(member.user),
            Err(e) => return Err(e),
        }
    }
    if !unreachable.is_empty() {
        let id = if meeting.unit_answers { "reminder-channel-unit" } else { "reminder-channel" };
        let mut message = OutMessage::text(t!(lang, id, count = unreachable.len()))
            .with_button(answer(meeting), t!(lang, "button-answer"));
        message.mentions = unreachable;
        post_once(store, chat, clock, &format!("{key}:channel"), Target::Channel(channel), message).await?;
    }
    Ok(())
}
