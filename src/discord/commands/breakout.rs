//! `/breakout …` and `/note`: thin commands over `app::breakouts`. Everything that touches many
//! channels defers at once (Discord wants an answer within 3 s), then reports progress and a
//! final summary as ephemeral follow-ups. The split's randomness is seeded from the
//! interaction id, so a recorded interaction replays to the same rooms.

use poise::CreateReply;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serenity::all::{AutocompleteChoice, CreateAutocompleteResponse, User};
use tokio::sync::watch;

use super::{actor, fail, reply};
use crate::app::actor::UserMessage;
use crate::app::breakouts::{self, BreakoutError, Reshuffle, SplitOptions, SplitRequest};
use crate::app::ports::Round;
use crate::discord::bot::{BotError, Context};
use crate::discord::chat::{cut, MESSAGE_LIMIT};
use crate::discord::context::user_name;
use crate::domain::grouping::Mode;
use crate::domain::{ChannelId, UserId};
use crate::i18n::Lang;
use crate::t;

#[poise::command(
    slash_command,
    guild_only,
    subcommands("split", "broadcast", "extend", "move_member", "join", "reshuffle", "close", "cleanup"),
    subcommand_required
)]
pub async fn breakout(_: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// The split modes as a slash-command choice: every mode of `Mode::ALL`, named as the mode
/// (its translations are `cmd-breakout-split-mode-choice-<mode>`), so a new mode needs no
/// change here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SplitMode(pub Mode);

impl poise::ChoiceParameter for SplitMode {
    fn list() -> std::borrow::Cow<'static, [poise::CommandParameterChoice]> {
        Mode::ALL
            .into_iter()
            .map(|m| poise::CommandParameterChoice {
                name: m.as_str().into(),
                localizations: std::borrow::Cow::Borrowed(&[]),
                __non_exhaustive: (),
            })
            .collect()
    }

    fn from_index(index: usize) -> Option<Self> {
        Mode::ALL.get(index).copied().map(SplitMode)
    }

    fn from_name(name: &str) -> Option<Self> {
        Mode::ALL.into_iter().find(|m| m.as_str() == name).map(SplitMode)
    }

    fn name(&self) -> &'static str {
        self.0.as_str()
    }

    fn localized_name(&self, _locale: &str) -> Option<&'static str> {
        // Localised when the commands are registered (`commands::localise`), from the catalogues.
        None
    }
}

async fn plan_ids(ctx: Context<'_>, partial: &str) -> CreateAutocompleteResponse {
    let choices = match actor(ctx).await {
        Ok(actor) => {
            let data = ctx.data();
            breakouts::current_plan_suggestions(&*data.store, &*data.kits, &actor, partial).await
        }
        Err(_) => Vec::new(),
    };
    CreateAutocompleteResponse::new().set_choices(
        choices
            .into_iter()
            .map(|(id, title)| AutocompleteChoice::new(cut(&format!("{title} ({id})"), 100), id))
            .collect(),
    )
}

fn ends(round: &Round) -> String {
    format!("<t:{}:R>", round.ends_at.timestamp())
}

/// An ephemeral follow-up (after `defer_ephemeral`).
async fn say(ctx: Context<'_>, text: String) -> Result<(), BotError> {
    reply(ctx, text).await
}

/// Runs a use case over many rooms (a split, a close) while its progress ("3/8 rooms", in the
/// catalogue's `message`) goes to the facilitator as an ephemeral follow-up that is edited
/// as rooms are done.
async fn with_progress<T, F>(
    ctx: Context<'_>,
    lang: Lang,
    message: &str,
    work: impl FnOnce(watch::Sender<(usize, usize)>) -> F,
) -> Result<T, BreakoutError>
where
    F: std::future::Future<Output = Result<T, BreakoutError>>,
{
    let (tx, mut rx) = watch::channel((0usize, 0usize));
    let work = work(tx);
    let report = async {
        let mut handle = None;
        while rx.changed().await.is_ok() {
            let (done, total) = *rx.borrow_and_update();
            let text = CreateReply::default().content(t!(lang, message, done = done, total = total));
            match &handle {
                None => handle = ctx.send(text.ephemeral(true)).await.ok(),
                Some(h) => {
                    let _ = poise::ReplyHandle::edit(h, ctx, text).await;
                }
            }
        }
    };
    let (result, ()) = tokio::join!(work, report);
    result
}

/// Split the people present into private breakout rooms.
#[poise::command(slash_command, guild_only)]
#[allow(clippy::too_many_arguments)] // poise: one argument per command option
pub async fn split(
    ctx: Context<'_>,
    mode: SplitMode,
    #[min = 2]
    #[max = 25]
    size: Option<u32>,
    #[min = 1]
    #[max = 50]
    rooms: Option<u32>,
    #[min = 1]
    #[max = 240]
    minutes: Option<u32>,
    voice: Option<bool>,
    #[autocomplete = "plan_ids"] plan: Option<String>,
    channels: Option<bool>,
    #[max_length = 6000] topics: Option<String>,
) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let actor = actor(ctx).await?;
    let plan = match &plan {
        None => None,
        Some(id) => {
            let data = ctx.data();
            match breakouts::current_plan(&*data.store, &*data.kits, &actor, id).await {
                Ok(p) => Some(p),
                Err(e) => return fail(ctx, &actor, &e).await,
            }
        }
    };
    let options = SplitOptions { size, rooms, minutes, voice, channels };
    let request = match SplitRequest::from_options(mode.0, &options, plan).with_topics(topics.as_deref()) {
        Ok(r) => r,
        Err(e) => return fail(ctx, &actor, &e).await,
    };
    let data = ctx.data();
    let mut rng = ChaCha8Rng::seed_from_u64(ctx.id());
    let result = with_progress(ctx, actor.lang, "split-progress", |tx| {
        let actor = &actor;
        let request = &request;
        async move {
            let progress = move |done: usize, total: usize| {
                let _ = tx.send((done, total));
            };
            breakouts::split(&*data.store, &*data.chat, &*data.clock, actor, request, &mut rng, &progress).await
        }
    })
    .await;
    match result {
        Ok(round) => say(ctx, done_text(&round, actor.lang)).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

fn done_text(round: &Round, lang: Lang) -> String {
    let people: usize = round.rooms.iter().map(|r| r.members.len()).sum();
    let (choose, other) = match round.in_person {
        false => ("split-done-choose", "split-done"),
        true => ("split-done-tables-choose", "split-done-tables"),
    };
    if round.mode == Mode::Choose {
        t!(lang, choose, number = round.number, rooms = round.rooms.len(), ends = ends(round))
    } else {
        t!(lang, other, number = round.number, rooms = round.rooms.len(), people = people, ends = ends(round))
    }
}

/// Send a message to every room.
#[poise::command(slash_command, guild_only)]
pub async fn broadcast(ctx: Context<'_>, text: String) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let actor = actor(ctx).await?;
    let data = ctx.data();
    match breakouts::broadcast(&*data.store, &*data.chat, &*data.clock, &actor, &text).await {
        Ok(rooms) => say(ctx, t!(actor.lang, "broadcast-done", rooms = rooms)).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

/// Give the rooms more time.
#[poise::command(slash_command, guild_only)]
pub async fn extend(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 240]
    minutes: u32,
) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    match breakouts::extend(&*ctx.data().store, &actor, minutes).await {
        Ok(round) => reply(ctx, t!(actor.lang, "extend-done", ends = ends(&round))).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

/// Move a member to another room.
#[poise::command(slash_command, guild_only, rename = "move")]
pub async fn move_member(
    ctx: Context<'_>,
    member: User,
    #[min = 1]
    #[max = 50]
    room: u32,
) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let actor = actor(ctx).await?;
    let data = ctx.data();
    match breakouts::move_member(&*data.store, &*data.chat, &actor, UserId(member.id.get()), room).await {
        Ok(r) => say(ctx, t!(actor.lang, "move-done", name = user_name(&member), room = r.name.as_str())).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

/// Join a room late.
#[poise::command(slash_command, guild_only)]
pub async fn join(ctx: Context<'_>) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let actor = actor(ctx).await?;
    let data = ctx.data();
    match breakouts::join_late(&*data.store, &*data.chat, &actor).await {
        Ok(room) => say(ctx, joined_text(&room, actor.lang)).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

pub fn joined_text(room: &crate::app::ports::Room, lang: Lang) -> String {
    let channel = room.text_channel.map(|c| format!("<#{c}>")).unwrap_or_default();
    t!(lang, "join-done", room = room.name.as_str(), channel = channel)
}

/// Close the rooms and split again.
#[poise::command(slash_command, guild_only)]
pub async fn reshuffle(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 240]
    minutes: Option<u32>,
    voice: Option<bool>,
) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let actor = actor(ctx).await?;
    let data = ctx.data();
    let next = Reshuffle { minutes: minutes.unwrap_or(breakouts::DEFAULT_MINUTES), voice: voice.unwrap_or(false) };
    let mut rng = ChaCha8Rng::seed_from_u64(ctx.id());
    let result = with_progress(ctx, actor.lang, "split-progress", |tx| {
        let actor = &actor;
        async move {
            let progress = move |done: usize, total: usize| {
                let _ = tx.send((done, total));
            };
            breakouts::reshuffle(
                &*data.store,
                &*data.chat,
                &*data.clock,
                &*data.summariser,
                actor,
                next,
                &mut rng,
                &progress,
            )
            .await
        }
    })
    .await;
    match result {
        Ok(round) => say(ctx, done_text(&round, actor.lang)).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

/// Close the rooms; summaries go to plenary.
#[poise::command(slash_command, guild_only)]
pub async fn close(ctx: Context<'_>) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let actor = actor(ctx).await?;
    let data = ctx.data();
    let result = with_progress(ctx, actor.lang, "close-progress", |tx| {
        let actor = &actor;
        async move {
            let progress = move |done: usize, total: usize| {
                let _ = tx.send((done, total));
            };
            let (store, chat, clock, summariser) = (&*data.store, &*data.chat, &*data.clock, &*data.summariser);
            breakouts::close_with_progress(store, chat, clock, summariser, actor, &progress).await
        }
    })
    .await;
    match result {
        Ok(closed) if closed.in_person => say(ctx, t!(actor.lang, "close-done-tables")).await,
        Ok(closed) => say(ctx, t!(actor.lang, "close-done", rooms = closed.summaries)).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

/// Delete every archived room now (their notes and summaries stay).
#[poise::command(slash_command, guild_only)]
pub async fn cleanup(ctx: Context<'_>) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let actor = actor(ctx).await?;
    let data = ctx.data();
    match breakouts::cleanup(&*data.store, &*data.chat, &*data.clock, &actor).await {
        Ok(rounds) => say(ctx, t!(actor.lang, "cleanup-done", rounds = rounds)).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

/// Write a note for your breakout room's summary.
#[poise::command(slash_command, guild_only)]
pub async fn note(ctx: Context<'_>, text: String, summary: Option<bool>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let data = ctx.data();
    let channel = ChannelId(ctx.channel_id().get());
    let summary = summary.unwrap_or(false);
    match breakouts::add_note(&*data.store, &*data.clock, &actor, channel, &text, summary).await {
        Ok(room) => {
            let id = if summary { "note-summary-saved" } else { "note-saved" };
            reply(ctx, cut(&t!(actor.lang, id, room = room.name.as_str()), MESSAGE_LIMIT)).await
        }
        Err(e) => {
            tracing::info!(error = %e, "note refused");
            reply(ctx, e.user_message(actor.lang)).await
        }
    }
}

#[cfg(test)]
mod tests {
    use poise::ChoiceParameter;

    use super::*;
    use crate::i18n::Lang;

    /// Each grouping mode is a `/breakout split` choice named as the mode, with a translated
    /// label in every catalogue, and the choice stands for that mode.
    #[test]
    fn every_mode_is_a_split_choice_with_a_translation() {
        for (index, mode) in Mode::ALL.into_iter().enumerate() {
            let choice = SplitMode::from_index(index).expect("a choice per mode");
            assert_eq!(choice, SplitMode(mode));
            assert_eq!(choice.name(), mode.as_str(), "the choice's name is the mode's");
            assert_eq!(SplitMode::from_name(mode.as_str()), Some(choice));
            for lang in Lang::ALL {
                let id = format!("cmd-breakout-split-mode-choice-{}", mode.as_str());
                assert!(crate::i18n::has(lang, &id), "{id} missing in {}", lang.code());
            }
        }
        assert_eq!(SplitMode::list().len(), Mode::ALL.len(), "one choice per mode, no more");
    }
}
