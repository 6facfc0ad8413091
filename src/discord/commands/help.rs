//! `/help`: what samrad does and how, in the member's language.

use super::{actor, reply, who};
use crate::discord::bot::{BotError, Context};
use crate::t;

/// What samrad does and how.
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), BotError> {
    let lang = match actor(ctx).await {
        Ok(a) => a.lang,
        Err(_) => who(ctx).fallback_lang(),
    };
    reply(ctx, t!(lang, "help-text")).await
}
