//! Slash commands of the meeting day: `/agenda start|status|next|pause|resume|delay|ask` and
//! `/agenda speaker next|extend|skip|move` (the speaking timer)
//! (`/plan` is in `plan`). Thin: parse, build the actor, call one `app::` use case, render.
//! Registered in `commands::commands()` next to the others (descriptions and nb/sv names from
//! `locales/*/agenda.ftl`).

use crate::app::speaking::{self, SpeakerAction};
use crate::app::{agenda, Actor};
use crate::discord::bot::{BotError, Context};
use crate::t;

// Command plumbing (actor, ephemeral reply, refusal) is shared with the other commands.
use super::{actor, fail, reply};

async fn status_reply(
    ctx: Context<'_>,
    actor: &Actor,
    done: Result<agenda::AgendaStatus, agenda::AgendaError>,
    head: Option<String>,
) -> Result<(), BotError> {
    match done {
        Ok(status) => {
            let mut text = head.map(|h| format!("{h}\n")).unwrap_or_default();
            text.push_str(&agenda::render_status(&status, actor.lang));
            reply(ctx, text).await
        }
        Err(e) => fail(ctx, actor, &e).await,
    }
}

/// The commands of this file, for `commands::commands()` (which localises them).
pub fn commands() -> Vec<super::Command> {
    vec![agenda()]
}

// ---------------------------------------------------------------- /agenda

#[poise::command(
    slash_command,
    guild_only,
    subcommands("start", "status", "next", "pause", "resume", "delay", "ask", "speaker"),
    subcommand_required
)]
pub async fn agenda(_: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Run the loaded meeting's agenda today.
#[poise::command(slash_command, guild_only)]
pub async fn start(ctx: Context<'_>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    ctx.defer_ephemeral().await?;
    let data = ctx.data();
    let started = match agenda::start_loaded_day(&*data.store, &*data.kits, &*data.chat, &*data.clock, &actor).await {
        Ok(started) => started,
        Err(e) => return fail(ctx, &actor, &e).await,
    };
    let s = &started.status;
    let first = s
        .run
        .items
        .iter()
        .map(|i| i.shifted(s.run.shift).0)
        .find(|t| *t >= s.now)
        .map(|t| format!("<t:{}:t>", t.timestamp()))
        .unwrap_or_default();
    let mut head = t!(actor.lang, "agenda-started", items = s.run.items.len(), first = first);
    let purpose = crate::app::kits::render_purpose(&started.purpose, actor.lang);
    if !purpose.is_empty() {
        head = format!("{purpose}\n{head}");
    }
    status_reply(ctx, &actor, Ok(started.status), Some(head)).await
}

/// The day's agenda and where it stands.
#[poise::command(slash_command, guild_only)]
pub async fn status(ctx: Context<'_>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let data = ctx.data();
    let done = agenda::agenda_status(&*data.store, &*data.clock, &actor).await;
    status_reply(ctx, &actor, done, None).await
}

/// End the current item now and start the next one.
#[poise::command(slash_command, guild_only)]
pub async fn next(ctx: Context<'_>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    ctx.defer_ephemeral().await?;
    let data = ctx.data();
    let done = agenda::next_item(&*data.store, &*data.chat, &*data.clock, &*data.summariser, &actor).await;
    status_reply(ctx, &actor, done, Some(t!(actor.lang, "agenda-skipped"))).await
}

/// Hold the agenda.
#[poise::command(slash_command, guild_only)]
pub async fn pause(ctx: Context<'_>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let data = ctx.data();
    let done = agenda::pause(&*data.store, &*data.clock, &actor).await;
    status_reply(ctx, &actor, done, Some(t!(actor.lang, "agenda-paused-reply"))).await
}

/// Continue the agenda; the rest of the day moves by the pause.
#[poise::command(slash_command, guild_only)]
pub async fn resume(ctx: Context<'_>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let data = ctx.data();
    let done = agenda::resume(&*data.store, &*data.clock, &actor).await;
    let head = done.as_ref().ok().map(|s| t!(actor.lang, "agenda-resumed", minutes = s.run.shift.num_minutes()));
    status_reply(ctx, &actor, done, head).await
}

/// Move the rest of the day later.
#[poise::command(slash_command, guild_only)]
pub async fn delay(ctx: Context<'_>, minutes: i64) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let data = ctx.data();
    let done = agenda::delay(&*data.store, &*data.clock, &actor, minutes).await;
    status_reply(ctx, &actor, done, Some(t!(actor.lang, "agenda-delayed", minutes = minutes))).await
}

/// Post a question of the meeting day in plenary now.
#[poise::command(slash_command, guild_only)]
pub async fn ask(ctx: Context<'_>, #[autocomplete = "during_questions"] question: String) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    ctx.defer_ephemeral().await?;
    let data = ctx.data();
    match agenda::ask_question(&*data.store, &*data.chat, &*data.clock, &actor, &question).await {
        Ok(q) => reply(ctx, t!(actor.lang, "agenda-asked", question = q.text.as_str())).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

async fn during_questions(ctx: Context<'_>, partial: &str) -> serenity::all::CreateAutocompleteResponse {
    use serenity::all::{AutocompleteChoice, CreateAutocompleteResponse};
    let choices = match actor(ctx).await {
        Ok(actor) => agenda::during_suggestions(&*ctx.data().store, &actor, partial).await.unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    CreateAutocompleteResponse::new().set_choices(
        choices
            .into_iter()
            .map(|(id, text)| AutocompleteChoice::new(crate::discord::chat::cut(&format!("{text} ({id})"), 100), id))
            .collect(),
    )
}

// ---------------------------------------------------------------- /agenda speaker

#[poise::command(
    slash_command,
    guild_only,
    subcommands("speaker_next", "speaker_extend", "speaker_skip", "speaker_move"),
    subcommand_required
)]
pub async fn speaker(_: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

async fn steer(ctx: Context<'_>, action: SpeakerAction) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    ctx.defer_ephemeral().await?;
    let data = ctx.data();
    match speaking::speaker(&*data.store, &*data.chat, &*data.clock, &actor, action).await {
        Ok(status) => reply(ctx, status.render(actor.lang)).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

/// The next part now: the speaker's questions, or the next speaker.
#[poise::command(slash_command, guild_only, rename = "next")]
pub async fn speaker_next(ctx: Context<'_>) -> Result<(), BotError> {
    steer(ctx, SpeakerAction::Next).await
}

/// More minutes for the part running now.
#[poise::command(slash_command, guild_only, rename = "extend")]
pub async fn speaker_extend(ctx: Context<'_>, minutes: i64) -> Result<(), BotError> {
    steer(ctx, SpeakerAction::Extend(minutes)).await
}

/// The speaker gives up the rest of their slot.
#[poise::command(slash_command, guild_only, rename = "skip")]
pub async fn speaker_skip(ctx: Context<'_>) -> Result<(), BotError> {
    steer(ctx, SpeakerAction::Skip).await
}

/// A waiting speaker moves to another place in the queue.
#[poise::command(slash_command, guild_only, rename = "move")]
pub async fn speaker_move(ctx: Context<'_>, who: String, place: i64) -> Result<(), BotError> {
    let place = usize::try_from(place).unwrap_or(0);
    steer(ctx, SpeakerAction::Move { who, place }).await
}
