//! Organisers' and members' data commands: `/digest [unit]`, `/export csv|md`, `/forget-me`
//! (with a confirmation button) and `/privacy share-in-rooms`. Thin: each calls one `app::`
//! function and renders its result as ephemeral replies.
//!
//! `/digest` answers ephemerally, to the organiser who asked, rather than posting to the
//! organisers' channel: it is an on-demand look-up (often of one unit), the scheduled digest
//! already goes to that channel, and an ephemeral reply cannot leak names into a channel the
//! command happened to be typed in.

use poise::CreateReply;
use serenity::all::{AutocompleteChoice, CreateAttachment, CreateAutocompleteResponse};

use super::{actor, fail, reply, Command};
use crate::app::export::{self, ExportFormat};
use crate::app::ports::OutMessage;
use crate::app::privacy_store::AuditAction;
use crate::app::{digest, privacy};
use crate::discord::bot::{BotError, Context};
use crate::discord::chat::{cut, MESSAGE_LIMIT};
use crate::discord::ids::CustomId;
use crate::t;

/// The commands of this module, for `commands::commands()`.
pub fn commands() -> Vec<Command> {
    vec![digest(), export(), forget_me(), privacy(), my_data()]
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
    match digest::digest_for(&*ctx.data().store, &actor, unit.as_deref(), &*ctx.data().summariser).await {
        Ok(posts) => {
            let what = unit.as_deref().unwrap_or_default();
            audit(ctx, &actor, AuditAction::Digest, what).await;
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
            audit(ctx, &actor, AuditAction::Export, format.extension()).await;
            let text = t!(actor.lang, "export-ready", title = file.name.as_str(), format = format.extension());
            let message = OutMessage { text, attachments: vec![file], ..OutMessage::default() };
            ctx.send(to_reply(message)).await?;
            Ok(())
        }
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

// The confirmation buttons are handled like every other click (`privacy_buttons`), so they
// work after a restart.
/// Delete your answers, notes and membership here (asks first).
#[poise::command(slash_command, guild_only, rename = "forget-me")]
pub async fn forget_me(ctx: Context<'_>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let (question, yes_label, no_label) = privacy::forget_prompt(actor.lang);
    let buttons = crate::discord::privacy_buttons::yes_no_row(
        CustomId::Forget(true),
        yes_label,
        CustomId::Forget(false),
        no_label,
        true,
    );
    ctx.send(CreateReply::default().content(question).components(vec![buttons]).ephemeral(true)).await?;
    Ok(())
}

/// Records an organiser's access to the group's data; a failure to record is logged, and the
/// organiser still gets what they asked for.
async fn audit(ctx: Context<'_>, actor: &crate::app::Actor, action: AuditAction, detail: &str) {
    let meeting = ctx.data().store.current_meeting(actor.guild).await.ok().flatten().map(|m| m.id);
    let data = ctx.data();
    if let Err(e) =
        crate::app::audit::record(&*data.store, &*data.clock, actor.guild, Some(actor.user), action, meeting, detail)
            .await
    {
        tracing::warn!(error = %e, "audit entry not recorded");
    }
}

/// Everything samrad stores about you here, as files only you see.
#[poise::command(slash_command, guild_only, rename = "my-data")]
pub async fn my_data(ctx: Context<'_>) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let actor = actor(ctx).await?;
    let guild_name = ctx.guild().map(|g| g.name.clone()).unwrap_or_default();
    match crate::app::my_data::my_data(&*ctx.data().store, &ctx.data().secret, &actor, &guild_name).await {
        Ok(files) => {
            let message =
                OutMessage { text: t!(actor.lang, "my-data-reply"), attachments: files, ..OutMessage::default() };
            ctx.send(to_reply(message)).await?;
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

/// Your privacy settings.
#[poise::command(slash_command, guild_only, subcommands("share_in_rooms", "status"), subcommand_required)]
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

/// What you share, and with whom.
#[poise::command(slash_command, guild_only)]
pub async fn status(ctx: Context<'_>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let text = crate::app::consent::status(&*ctx.data().store, &actor).await?;
    reply(ctx, text).await
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_data_commands_are_registered_with_their_localised_names() {
        let all = super::super::commands();
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
