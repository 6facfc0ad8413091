//! Organisers' and members' data commands: `/digest [unit]`, `/export csv|md`, `/forget-me`
//! (with a confirmation button) and `/privacy share-in-rooms`. Thin: each calls one `app::`
//! function and renders its result as ephemeral replies.
//!
//! `/digest` answers ephemerally, to the organiser who asked, rather than posting to the
//! organisers' channel: it is an on-demand look-up (often of one unit), the scheduled digest
//! already goes to that channel, and an ephemeral reply cannot leak names into a channel the
//! command happened to be typed in.

use std::time::Duration;

use poise::CreateReply;
use serenity::all::{
    AutocompleteChoice, ButtonStyle, ComponentInteractionCollector, CreateActionRow, CreateAttachment,
    CreateAutocompleteResponse, CreateButton, CreateInteractionResponse, CreateInteractionResponseMessage,
};

use super::bot::{BotError, Context};
use super::chat::{cut, MESSAGE_LIMIT};
use super::commands::{actor, fail, reply, Command};
use crate::app::export::{self, ExportFormat};
use crate::app::ports::OutMessage;
use crate::app::{digest, privacy, UserMessage};
use crate::t;

/// How long the "Yes, delete" button waits for a click.
const CONFIRM_TIMEOUT: Duration = Duration::from_secs(120);

/// The commands of this module, for `commands::commands()`.
pub fn commands() -> Vec<Command> {
    vec![digest(), export(), forget_me(), privacy()]
}

fn to_reply(message: OutMessage) -> CreateReply {
    let mut r = CreateReply::default().content(cut(&message.text, MESSAGE_LIMIT)).ephemeral(true);
    for a in message.attachments {
        r = r.attachment(CreateAttachment::bytes(a.bytes, a.name));
    }
    r
}

async fn unit_names(ctx: Context<'_>, partial: &str) -> CreateAutocompleteResponse {
    let names = match actor(ctx).await {
        Ok(actor) => crate::app::membership::unit_suggestions(&*ctx.data().store, &actor, partial).await,
        Err(_) => Vec::new(),
    };
    CreateAutocompleteResponse::new().set_choices(names.into_iter().map(AutocompleteChoice::from).collect())
}

/// The digest of the current meeting (organisers).
#[poise::command(slash_command, guild_only)]
pub async fn digest(ctx: Context<'_>, #[autocomplete = "unit_names"] unit: Option<String>) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let actor = actor(ctx).await?;
    match digest::digest_for(&*ctx.data().store, &actor, unit.as_deref()).await {
        Ok(posts) => {
            for post in posts {
                ctx.send(to_reply(post)).await?;
            }
            Ok(())
        }
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum Format {
    #[name = "csv"]
    Csv,
    #[name = "md"]
    Md,
}

/// Everything the meeting produced, as a file (organisers).
#[poise::command(slash_command, guild_only)]
pub async fn export(ctx: Context<'_>, format: Format) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let actor = actor(ctx).await?;
    let format = match format {
        Format::Csv => ExportFormat::Csv,
        Format::Md => ExportFormat::Markdown,
    };
    match export::export_file(&*ctx.data().store, &actor, format).await {
        Ok(file) => {
            let text = t!(actor.lang, "export-ready", title = file.name.as_str(), format = format.extension());
            let message = OutMessage { text, attachments: vec![file], ..OutMessage::default() };
            ctx.send(to_reply(message)).await?;
            Ok(())
        }
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

/// Delete your answers, notes and membership here (asks first).
#[poise::command(slash_command, guild_only, rename = "forget-me")]
pub async fn forget_me(ctx: Context<'_>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let (question, yes_label, no_label) = privacy::forget_prompt(actor.lang);
    let (yes, no) =
        (format!("{}:{}", privacy::FORGET_CONFIRM, ctx.id()), format!("{}:{}", privacy::FORGET_CANCEL, ctx.id()));
    let buttons = CreateActionRow::Buttons(vec![
        CreateButton::new(yes.clone()).label(yes_label).style(ButtonStyle::Danger),
        CreateButton::new(no.clone()).label(no_label).style(ButtonStyle::Secondary),
    ]);
    let handle = ctx.send(CreateReply::default().content(question).components(vec![buttons]).ephemeral(true)).await?;
    let (yes_id, no_id) = (yes.clone(), no.clone());
    let press = ComponentInteractionCollector::new(ctx.serenity_context())
        .author_id(ctx.author().id)
        .timeout(CONFIRM_TIMEOUT)
        .filter(move |i| i.data.custom_id == yes_id || i.data.custom_id == no_id)
        .await;
    let text = match &press {
        Some(p) if p.data.custom_id == yes => {
            match privacy::forget_me(&*ctx.data().store, &ctx.data().secret, &actor).await {
                Ok(removed) => privacy::forget_done(actor.lang, removed),
                Err(e) => {
                    tracing::warn!(error = %e, "forget-me failed");
                    e.user_message(actor.lang)
                }
            }
        }
        _ => t!(actor.lang, "forget-cancelled"),
    };
    match press {
        Some(p) => {
            let update = CreateInteractionResponseMessage::new().content(text).components(Vec::new());
            p.create_response(ctx.serenity_context(), CreateInteractionResponse::UpdateMessage(update)).await?;
        }
        None => {
            handle.edit(ctx, CreateReply::default().content(text).components(Vec::new())).await?;
        }
    }
    Ok(())
}

/// Your privacy settings.
#[poise::command(slash_command, guild_only, subcommands("share_in_rooms"), subcommand_required)]
pub async fn privacy(_: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// May your answers be shown in your breakout room?
#[poise::command(slash_command, guild_only, rename = "share-in-rooms")]
pub async fn share_in_rooms(ctx: Context<'_>, share: bool) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    match privacy::set_share_in_rooms(&*ctx.data().store, &actor, share).await {
        Ok(text) => reply(ctx, text).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_data_commands_are_registered_with_their_localised_names() {
        let all = super::super::commands::commands();
        let names: Vec<&str> = all.iter().map(|c| c.name.as_ref()).collect();
        for expected in ["digest", "export", "forget-me", "privacy"] {
            assert!(names.contains(&expected), "{expected} missing from {names:?}");
        }
        let forget = all.iter().find(|c| c.name == "forget-me").unwrap();
        assert!(forget.name_localizations.iter().any(|(l, n)| l == "no" && n == "glem-meg"));
        let privacy = all.iter().find(|c| c.name == "privacy").unwrap();
        assert_eq!(privacy.subcommands[0].name, "share-in-rooms");
        assert!(privacy.subcommands[0].name_localizations.iter().any(|(l, n)| l == "sv-SE" && n == "dela-i-rum"));
    }
}
