//! Running one agenda job: announce the item in plenary, open a breakout item's round (once),
//! post the item's meeting-day questions and the evaluation, and end the day with the day's
//! digest.

use chrono::{DateTime, Utc};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::posts::{evaluation_post, item_post};
use crate::app::breakouts::{self, BreakoutError, SplitRequest};
use crate::app::ports::{Chat, Clock, Job, MessageId, OutMessage, Store};
use crate::app::posting::{post_once, JobFailure, JobOutcome, Target};
use crate::app::summarise::Summariser;
use crate::app::{Actor, Staff, UserMessage};
use crate::domain::agenda::{self as rules, AgendaKey, DayItem};
use crate::domain::grouping::{Mode, Sizing};
use crate::domain::kit::AgendaKind;
use crate::domain::{ChannelId, Meeting, MeetingState, UserId};
use crate::i18n::Lang;
use crate::t;

/// Runs one agenda job (from `tick`, or at once from `next_item`). Idempotent: posts are keyed
/// and the round an item opened is recorded, so a job repeated after a crash adds nothing.
pub async fn run_job<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    summariser: &dyn Summariser,
    job: &Job,
) -> Result<JobOutcome, JobFailure> {
    let Some(meeting) = store.meeting(job.meeting).await? else { return Ok(JobOutcome::Done) };
    if meeting.state == MeetingState::Ended {
        return Ok(JobOutcome::Done);
    }
    let Some(run) = store.agenda(meeting.id).await? else { return Ok(JobOutcome::Done) };
    if run.paused_at.is_some() {
        return Ok(JobOutcome::Held);
    }
    let lang = meeting.lang();
    let settings = store.guild_settings(meeting.guild).await?;
    let plenary = plenary_channel(store, &meeting).await?;
    let now = clock.now();
    match AgendaKey::parse(&job.key) {
        Some(AgendaKey::Item(position)) => {
            let Some(item) = run.items.iter().find(|i| i.position == position) else { return Ok(JobOutcome::Done) };
            let (_, end) = item.shifted(run.shift);
            // Catching up after downtime: an item that is already over is not replayed.
            if end <= now {
                return Ok(JobOutcome::Done);
            }
            // The previous item is over: its round closes (a breakout item also closes a round
            // someone opened by hand, but never the round it opened itself on an earlier try).
            let opened_here = store.sent_post(&round_marker(&meeting, item)).await?.is_some();
            if let Some(round) = store.open_round(meeting.id).await? {
                if round.ends_at <= now || (item.kind == AgendaKind::Breakout && !opened_here) {
                    breakouts::close_round(store, chat, clock, summariser, &meeting, &round)
                        .await
                        .map_err(job_failure)?;
                }
            }
            // The previous item's speakers are done before this item is announced.
            crate::app::speaking::timer::stop_timers(store, chat, clock, &meeting, Some(item.position)).await?;
            let key = format!("m{}:{}", meeting.id, job.key);
            post_once(store, chat, clock, &key, Target::Channel(plenary), item_post(&meeting, &run, item, lang))
                .await?;
            super::ask::post_item_questions(store, chat, clock, &meeting, item, (&key, plenary, lang)).await?;
            let (start, _) = item.shifted(run.shift);
            crate::app::speaking::timer::start_at_item(store, chat, clock, &meeting, item, start).await?;
            match item.kind {
                AgendaKind::Breakout => open_breakout(store, chat, clock, &meeting, item, end, plenary, lang).await?,
                AgendaKind::Evaluation if meeting.evaluation_questions().next().is_some() => {
                    let message = evaluation_post(&meeting, lang);
                    post_once(store, chat, clock, &format!("{key}:evaluation"), Target::Channel(plenary), message)
                        .await?;
                }
                _ => {}
            }
        }
        Some(AgendaKey::End) => {
            crate::app::speaking::timer::stop_timers(store, chat, clock, &meeting, None).await?;
            if let Some(round) = store.open_round(meeting.id).await? {
                breakouts::close_round(store, chat, clock, summariser, &meeting, &round).await.map_err(job_failure)?;
            }
            let key = format!("m{}:{}", meeting.id, job.key);
            let text = t!(lang, "agenda-day-over", title = meeting.title.as_str());
            post_once(store, chat, clock, &key, Target::Channel(plenary), OutMessage::text(text)).await?;
            // The day's digest names people, so it goes to the organisers when they have a channel.
            let organisers = settings.organiser_channel;
            let digest = crate::app::followup::day_digest(store, &meeting, lang, organisers.is_some()).await?;
            post_once(
                store,
                chat,
                clock,
                &format!("{key}:digest"),
                Target::Channel(organisers.unwrap_or(plenary)),
                digest,
            )
            .await?;
        }
        None => return Err(JobFailure::Config(format!("unknown agenda job {:?}", job.key))),
    }
    Ok(JobOutcome::Done)
}

/// Where the day's posts go: the guild's plenary channel, else the meeting's channel.
pub(crate) async fn plenary_channel<S: Store + ?Sized>(store: &S, meeting: &Meeting) -> Result<ChannelId, JobFailure> {
    match store.guild_settings(meeting.guild).await?.plenary_channel {
        Some(c) => Ok(c),
        None => store
            .meeting_channel(meeting.id)
            .await?
            .ok_or_else(|| JobFailure::Config(format!("meeting {} has no channel", meeting.id))),
    }
}

fn job_failure(e: BreakoutError) -> JobFailure {
    match e {
        BreakoutError::Chat(c) => JobFailure::Chat(c),
        BreakoutError::Store(s) => JobFailure::Store(s),
        other => JobFailure::Config(other.to_string()),
    }
}

/// The key under which the round a breakout item opened is recorded.
fn round_marker(meeting: &Meeting, item: &DayItem) -> String {
    format!("m{}:agenda:{}:round", meeting.id, item.position)
}

/// Opens the breakout round of a breakout item, once: the round's id is recorded under a key,
/// so a repeated job does not split again. A split that cannot be made (too few people) is
/// reported in plenary instead of retried.
#[allow(clippy::too_many_arguments)]
async fn open_breakout<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    meeting: &Meeting,
    item: &DayItem,
    end: DateTime<Utc>,
    plenary: ChannelId,
    lang: Lang,
) -> Result<(), JobFailure> {
    let marker = round_marker(meeting, item);
    if store.sent_post(&marker).await?.is_some() {
        return Ok(());
    }
    let now = clock.now();
    let settings = store.guild_settings(meeting.guild).await?;
    let plan = item.plan.clone();
    let request = SplitRequest {
        mode: plan.as_ref().map_or(Mode::Units, |p| p.mode),
        sizing: Sizing::from_size(plan.as_ref().map_or(Some(Sizing::DEFAULT_SIZE), |p| p.size)),
        minutes: rules::minutes_left(end, now),
        voice: settings.plenary_voice.is_some(),
        channels: true,
        plan,
        present: None,
        topics: Vec::new(),
    };
    let system = Actor { guild: meeting.guild, user: UserId(0), name: "samrad".into(), staff: Staff::Organiser, lang };
    let mut rng = ChaCha8Rng::seed_from_u64((meeting.id.0 as u64) << 16 | u64::from(item.position));
    match breakouts::split(store, chat, clock, &system, &request, &mut rng, &|_, _| {}).await {
        Ok(round) => {
            // The split set ends_at from whole minutes; the item's end is what counts.
            if round.ends_at != end {
                store.set_round_ends(round.id, end, false).await?;
            }
            store.record_post(&marker, None, MessageId(round.id as u64), now).await?;
        }
        Err(BreakoutError::Chat(e)) => return Err(JobFailure::Chat(e)),
        Err(BreakoutError::Store(e)) => return Err(JobFailure::Store(e)),
        Err(e) => {
            let text = t!(lang, "agenda-breakout-failed", reason = e.user_message(lang));
            post_once(
                store,
                chat,
                clock,
                &format!("{marker}:failed"),
                Target::Channel(plenary),
                OutMessage::text(text),
            )
            .await?;
            store.record_post(&marker, None, MessageId(0), now).await?;
        }
    }
    Ok(())
}
