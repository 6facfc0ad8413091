//! `/kit upload|list|download|template|delete`: organisers manage the guild's meeting kits from
//! Discord. The attachment is fetched here (with a size cap, whatever Discord says its size
//! is); everything else is `app::kits`.

use std::time::Duration;

use poise::CreateReply;
use serenity::all::{Attachment, AutocompleteChoice, CreateAttachment, CreateAutocompleteResponse};

use super::{actor, fail, reply, Command, Language};
use crate::app::kits::{self, KitCommandError};
use crate::app::Actor;
use crate::discord::bot::{BotError, Context};
use crate::kit::{UploadProblem, MAX_KIT_BYTES};
use crate::t;

pub fn commands() -> Vec<Command> {
    vec![kit()]
}

#[poise::command(
    slash_command,
    guild_only,
    subcommands("upload", "list", "download", "template", "delete"),
    subcommand_required
)]
pub async fn kit(_: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Kit ids for autocompletion: this guild's kits and the shipped ones (never another guild's).
pub(super) async fn kit_ids(ctx: Context<'_>, partial: &str) -> CreateAutocompleteResponse {
    let p = partial.to_lowercase();
    let ids: Vec<String> = match actor(ctx).await {
        Ok(actor) => kits::kit_ids(&*ctx.data().kits, &actor).await,
        Err(_) => Vec::new(),
    };
    let choices = ids.into_iter().filter(|id| id.contains(&p)).take(25).map(AutocompleteChoice::from).collect();
    CreateAutocompleteResponse::new().set_choices(choices)
}

/// Upload a meeting kit (a .toml file) for this server.
#[poise::command(slash_command, guild_only)]
pub async fn upload(ctx: Context<'_>, file: Attachment) -> Result<(), BotError> {
    ctx.defer_ephemeral().await?;
    let actor = actor(ctx).await?;
    if !actor.can_organise() {
        return fail(ctx, &actor, &KitCommandError::NotOrganiser).await;
    }
    let bytes = match fetch(&file).await {
        Ok(bytes) => bytes,
        Err(e) => return fail(ctx, &actor, &e).await,
    };
    let data = ctx.data();
    match kits::upload_kit(&*data.store, &*data.kits, &*data.clock, &actor, &bytes, &file.filename).await {
        Ok(up) => {
            let detail = format!("{} v{}", up.kit.id, up.version);
            let audited = crate::app::audit::record(
                &*data.store,
                &*data.clock,
                actor.guild,
                Some(actor.user),
                crate::app::privacy_store::AuditAction::KitUpload,
                None,
                &detail,
            );
            if let Err(e) = audited.await {
                tracing::warn!(error = %e, "audit entry not recorded");
            }
            let mut text = t!(
                actor.lang,
                "kit-uploaded",
                title = up.kit.title.as_str(),
                kit = up.kit.id.as_str(),
                version = up.version
            );
            if up.overrides_shipped {
                text.push('\n');
                text.push_str(&t!(actor.lang, "kit-uploaded-overrides", kit = up.kit.id.as_str()));
            }
            reply(ctx, text).await
        }
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

/// Downloads an attachment, refusing more than `MAX_KIT_BYTES` whatever its declared size.
async fn fetch(file: &Attachment) -> Result<Vec<u8>, KitCommandError> {
    let declared = usize::try_from(file.size).unwrap_or(usize::MAX);
    if declared > MAX_KIT_BYTES {
        return Err(UploadProblem::TooLarge { bytes: declared }.into());
    }
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .map_err(|e| KitCommandError::Download(e.to_string()))?;
    let mut response = client
        .get(&file.url)
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|e| KitCommandError::Download(e.to_string()))?;
    let mut bytes = Vec::with_capacity(declared.min(MAX_KIT_BYTES));
    while let Some(chunk) = response.chunk().await.map_err(|e| KitCommandError::Download(e.to_string()))? {
        bytes.extend_from_slice(&chunk);
        if bytes.len() > MAX_KIT_BYTES {
            return Err(UploadProblem::TooLarge { bytes: bytes.len() }.into());
        }
    }
    Ok(bytes)
}

/// The kits you can load here.
#[poise::command(slash_command, guild_only)]
pub async fn list(ctx: Context<'_>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    match kits::list_kits(&*ctx.data().kits, &actor).await {
        Ok(list) => reply(ctx, kits::render_list(&list, actor.lang)).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

/// Get a kit's TOML file, to edit and upload again.
#[poise::command(slash_command, guild_only)]
pub async fn download(ctx: Context<'_>, #[autocomplete = "kit_ids"] kit: String) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    match kits::download_kit(&*ctx.data().kits, &actor, &kit).await {
        Ok((name, text)) => {
            send_file(ctx, &actor, t!(actor.lang, "kit-downloaded", kit = kit.as_str()), name, text).await
        }
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

/// A commented starter kit that passes the checks.
#[poise::command(slash_command, guild_only)]
pub async fn template(ctx: Context<'_>, language: Option<Language>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let code = match language {
        Some(Language::Nb) => "nb",
        Some(Language::Sv) => "sv",
        Some(Language::En) => "en",
        None => actor.lang.code(),
    };
    let Some((name, text)) = crate::kit::template::template(code) else { return Ok(()) };
    let lang = crate::i18n::Lang::from_code(code).unwrap_or(actor.lang);
    send_file(ctx, &actor, t!(lang, "kit-template"), name.to_owned(), text.to_owned()).await
}

/// Delete one of this server's kits (every version).
#[poise::command(slash_command, guild_only)]
pub async fn delete(ctx: Context<'_>, #[autocomplete = "kit_ids"] kit: String) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    match kits::delete_kit(&*ctx.data().store, &*ctx.data().kits, &actor, &kit).await {
        Ok(count) => reply(ctx, t!(actor.lang, "kit-deleted", kit = kit.as_str(), count = count)).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

async fn send_file(ctx: Context<'_>, _actor: &Actor, text: String, name: String, body: String) -> Result<(), BotError> {
    let file = CreateAttachment::bytes(body.into_bytes(), name);
    ctx.send(CreateReply::default().content(text).attachment(file).ephemeral(true)).await?;
    Ok(())
}
