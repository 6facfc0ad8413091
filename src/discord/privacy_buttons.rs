//! The privacy buttons: the one-time question about sharing in rooms (sent after a member's
//! first answer) and forget-me's confirmation. Both are plain typed custom ids handled like
//! every other click, so they work after a restart and need no collector.

use serenity::all::{
    ButtonStyle, ComponentInteraction, CreateActionRow, CreateButton, CreateInteractionResponse,
    CreateInteractionResponseFollowup, CreateInteractionResponseMessage, ModalInteraction,
};

use super::bot::{BotError, Data};
use super::context::actor;
use super::ids::CustomId;
use crate::app::actor::UserMessage;
use crate::app::ports::Member;
use crate::app::{consent, privacy, Actor};
use crate::t;

/// Two buttons: a yes (`danger` for destructive ones) and a no.
pub fn yes_no_row(yes: CustomId, yes_label: String, no: CustomId, no_label: String, danger: bool) -> CreateActionRow {
    let style = if danger { ButtonStyle::Danger } else { ButtonStyle::Success };
    CreateActionRow::Buttons(vec![
        CreateButton::new(yes.encode()).label(yes_label).style(style),
        CreateButton::new(no.encode()).label(no_label).style(ButtonStyle::Secondary),
    ])
}

/// After a member's answer: the consent question, if it was never put to them (`member`: their
/// stored row as read for the interaction).
pub async fn ask_consent_once(
    ctx: &serenity::all::Context,
    data: &Data,
    actor: &Actor,
    member: Option<&Member>,
    m: &ModalInteraction,
) -> Result<(), BotError> {
    let Some(prompt) = consent::ask_once(&*data.store, actor, member).await? else { return Ok(()) };
    let row = yes_no_row(CustomId::Consent(true), prompt.yes, CustomId::Consent(false), prompt.no, false);
    let followup = CreateInteractionResponseFollowup::new().content(prompt.text).components(vec![row]).ephemeral(true);
    m.create_followup(ctx, followup).await?;
    Ok(())
}

/// A click on a consent or forget-me button.
pub async fn on_click(
    ctx: &serenity::all::Context,
    data: &Data,
    c: &ComponentInteraction,
    id: &CustomId,
) -> Result<(), BotError> {
    let who = super::context::Who::of_component(c);
    let actor = match actor(data, &who).await {
        Ok(a) => a,
        Err(BotError::NotInGuild) => {
            let text = t!(who.fallback_lang(), "err-guild-only");
            let msg = CreateInteractionResponseMessage::new().content(text).ephemeral(true);
            c.create_response(ctx, CreateInteractionResponse::Message(msg)).await?;
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    let text = match id {
        CustomId::Consent(share) => match consent::answer(&*data.store, &actor, *share).await {
            Ok(text) => text,
            Err(e) => {
                tracing::warn!(error = %e, "consent not recorded");
                t!(actor.lang, "err-internal")
            }
        },
        CustomId::Forget(true) => match privacy::forget_me(&*data.store, &data.secret, &actor).await {
            Ok(removed) => privacy::forget_done(actor.lang, removed),
            Err(e) => {
                tracing::warn!(error = %e, "forget-me failed");
                e.user_message(actor.lang)
            }
        },
        _ => t!(actor.lang, "forget-cancelled"),
    };
    // The answer replaces the question, buttons and all: a second click finds nothing to press.
    let update = CreateInteractionResponseMessage::new().content(text).components(Vec::new());
    c.create_response(ctx, CreateInteractionResponse::UpdateMessage(update)).await?;
    Ok(())
}
