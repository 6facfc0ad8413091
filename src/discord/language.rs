//! `/language set`: a member's own language for private replies and DMs.

use super::bot::BotError;
use super::commands::{actor, fail, reply, Command, Language};
use crate::app::membership;
use crate::i18n::Lang;
use crate::t;

type Context<'a> = super::bot::Context<'a>;

/// Your language for samrad's private replies and reminders.
#[poise::command(slash_command, guild_only, subcommands("set"))]
pub async fn language(_ctx: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Choose your language; leave it out to follow your Discord client's language again.
#[poise::command(slash_command, guild_only)]
pub async fn set(ctx: Context<'_>, language: Option<Language>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let code = language.map(|l| match l {
        Language::Nb => "nb",
        Language::Sv => "sv",
        Language::En => "en",
    });
    match membership::set_language(&*ctx.data().store, &actor, code).await {
        Ok(Some(lang)) => reply(ctx, t!(lang, "language-set")).await,
        Ok(None) => {
            let lang = Lang::pick([Some(ctx.locale().unwrap_or("en"))]);
            reply(ctx, t!(lang, "language-cleared")).await
        }
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

pub fn command() -> Command {
    language()
}
