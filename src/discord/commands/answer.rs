//! `/answer` and `/evaluate`: open the answer flow (modal pages and pickers) of a phase, or
//! show a member their own answers.

use std::sync::atomic::Ordering;

use super::{actor, fail, reply};
use crate::app::{answers, Actor};
use crate::discord::bot::{BotError, Context};
use crate::discord::components::{answer_response, Flow};
use crate::domain::Phase;

/// Answer the questions (or see your answers with mine:true).
#[poise::command(slash_command, guild_only)]
pub async fn answer(ctx: Context<'_>, mine: Option<bool>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let data = ctx.data();
    if mine.unwrap_or(false) {
        return match answers::my_answers_keyed(&*data.store, Some(&data.secret), &actor).await {
            Ok((meeting, list)) => reply(ctx, answers::render_mine(&meeting, &list, actor.lang)).await,
            Err(e) => fail(ctx, &actor, &e).await,
        };
    }
    open_flow(ctx, &actor, Phase::Reflection).await
}

/// Evaluate the meeting: the evaluation questions in the same modal and picker flow.
#[poise::command(slash_command, guild_only)]
pub async fn evaluate(ctx: Context<'_>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    open_flow(ctx, &actor, Phase::Evaluation).await
}

/// Answers the command with the start of the answer flow of `phase` (a modal cannot follow a
/// deferral, so this is the initial response).
async fn open_flow(ctx: Context<'_>, actor: &Actor, phase: Phase) -> Result<(), BotError> {
    let poise::Context::Application(app) = ctx else { return Err(BotError::NotInGuild) };
    let response = answer_response(ctx.data(), actor, Flow::start(phase)).await;
    app.interaction.create_response(ctx.serenity_context(), response).await?;
    app.has_sent_initial_response.store(true, Ordering::SeqCst);
    Ok(())
}
