//! `/plan add|list|status` and `/decision add`, and the plan status buttons (on a plan's
//! reply, its reminders and the next meeting's follow-up question) with the note a dropped
//! plan asks for. Thin: parse, build the actor, call one `app::` use case, render.

use poise::CreateReply;
use serenity::all::{
    ActionRowComponent, AutocompleteChoice, ComponentInteraction, CreateActionRow, CreateAutocompleteResponse,
    CreateInputText, CreateInteractionResponse, CreateInteractionResponseMessage, CreateModal, InputTextStyle,
    ModalInteraction, User,
};

use super::super::bot::{BotError, Context, Data};
use super::super::chat::{button_rows, cut, MESSAGE_LIMIT};
use super::super::context::{actor as build_actor, user_name, Who};
use super::super::ids::CustomId;
use super::{actor, fail, reply, Command};
use crate::app::actor::UserMessage;
use crate::app::decisions::{self, DecisionInput};
use crate::app::plan_status::{self, StatusClick};
use crate::app::plans::{self, PlanInput};
use crate::domain::plan::{PlanId, PlanStatus};
use crate::domain::UserId;
use crate::t;

/// The commands of this file, for `commands::commands()` (which localises them).
pub fn commands() -> Vec<Command> {
    vec![plan(), decision()]
}

// ---------------------------------------------------------------- /plan

#[poise::command(slash_command, guild_only, subcommands("add", "list", "status"), subcommand_required)]
pub async fn plan(_: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Add to your unit's take-home plan.
#[poise::command(slash_command, guild_only)]
pub async fn add(ctx: Context<'_>, action: String, owner: Option<User>, due: Option<String>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let data = ctx.data();
    let input = PlanInput {
        action,
        owner: owner.as_ref().map(user_name).unwrap_or_default(),
        owner_id: owner.as_ref().map(|u| UserId(u.id.get())),
        due: due.unwrap_or_default(),
    };
    match plans::record_plan(&*data.store, &*data.clock, &actor, &input).await {
        Ok(plan) => {
            let text = format!(
                "{}\n{}",
                t!(actor.lang, "plan-saved", unit = plan.plan.unit.as_str()),
                plans::plan_line(&plan.plan, actor.lang)
            );
            let buttons = plan_status::status_buttons(plan.id, Some(plan.status), None, "", actor.lang);
            ctx.send(
                CreateReply::default()
                    .content(cut(&text, MESSAGE_LIMIT))
                    .components(button_rows(&buttons))
                    .ephemeral(true),
            )
            .await?;
            Ok(())
        }
        // The refused input is shown back, so nothing typed is lost.
        Err(e) => {
            let text = format!(
                "{}\n> {} — {} {}",
                e.user_message(actor.lang),
                input.action.trim(),
                input.owner.trim(),
                input.due.trim()
            );
            reply(ctx, text).await
        }
    }
}

/// Your unit's take-home plan (organisers: any unit's).
#[poise::command(slash_command, guild_only)]
pub async fn list(ctx: Context<'_>, unit: Option<String>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let data = ctx.data();
    match plans::my_unit_plans(&*data.store, &actor, unit.as_deref()).await {
        Ok((unit, list)) => reply(ctx, plans::render_unit_plans(&unit, &list, actor.lang)).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum StatusChoice {
    #[name = "not-started"]
    NotStarted,
    #[name = "in-progress"]
    InProgress,
    #[name = "done"]
    Done,
    #[name = "dropped"]
    Dropped,
}

impl From<StatusChoice> for PlanStatus {
    fn from(c: StatusChoice) -> Self {
        match c {
            StatusChoice::NotStarted => PlanStatus::NotStarted,
            StatusChoice::InProgress => PlanStatus::InProgress,
            StatusChoice::Done => PlanStatus::Done,
            StatusChoice::Dropped => PlanStatus::Dropped,
        }
    }
}

async fn my_plan_ids(ctx: Context<'_>, partial: &str) -> CreateAutocompleteResponse {
    let plans = match actor(ctx).await {
        Ok(actor) => plan_status::my_plans(&*ctx.data().store, &actor).await.unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    let partial = partial.to_lowercase();
    CreateAutocompleteResponse::new().set_choices(
        plans
            .into_iter()
            .filter(|p| p.plan.action.to_lowercase().contains(&partial) || p.id.to_string() == partial)
            .take(25)
            .map(|p| AutocompleteChoice::new(cut(&format!("{} — {}", p.plan.action, p.plan.unit), 100), p.id.0))
            .collect(),
    )
}

/// Where a plan stands: not started, in progress, done or dropped (with a note).
#[poise::command(slash_command, guild_only)]
pub async fn status(
    ctx: Context<'_>,
    #[autocomplete = "my_plan_ids"] plan: i64,
    status: StatusChoice,
    note: Option<String>,
) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let data = ctx.data();
    let click = StatusClick { plan: PlanId(plan), status: status.into(), asked_in: None };
    match plan_status::change_status(&*data.store, &*data.clock, &actor, click, note.as_deref()).await {
        Ok(p) => reply(ctx, plan_status::changed_text(&p, actor.lang)).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

// ---------------------------------------------------------------- /decision

#[poise::command(slash_command, guild_only, subcommands("decision_add"), subcommand_required)]
pub async fn decision(_: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Record a decision of the day: what, who is responsible, by when.
#[poise::command(slash_command, guild_only, rename = "add")]
pub async fn decision_add(
    ctx: Context<'_>,
    text: String,
    responsible: String,
    member: Option<User>,
    due: Option<String>,
) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let data = ctx.data();
    let input = DecisionInput {
        text,
        responsible,
        responsible_id: member.map(|u| UserId(u.id.get())),
        due: due.unwrap_or_default(),
    };
    match decisions::record_decision(&*data.store, &*data.clock, &actor, &input).await {
        Ok(d) => {
            let text =
                format!("{}\n{}", t!(actor.lang, "decision-saved"), decisions::decision_line(&d.decision, actor.lang));
            reply(ctx, text).await
        }
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

// ---------------------------------------------------------------- buttons

fn ephemeral(text: String) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(
        CreateInteractionResponseMessage::new().content(cut(&text, MESSAGE_LIMIT)).ephemeral(true),
    )
}

/// The actor of a click on a plan: in the plan's guild, also when the click came from a DM
/// (a reminder may come after the meeting has ended).
async fn plan_actor(data: &Data, who: Who<'_>, plan: PlanId) -> Result<Option<crate::app::Actor>, BotError> {
    let guild = match who.guild {
        Some(g) => Some(g),
        None => plan_status::guild_of_plan(&*data.store, plan).await?.map(|g| serenity::all::GuildId::new(g.0)),
    };
    let Some(guild) = guild else { return Ok(None) };
    Ok(Some(build_actor(data, &Who { guild: Some(guild), ..who }).await?))
}

/// A status button. Dropping asks for a note in a modal.
pub async fn on_click(
    ctx: &serenity::all::Context,
    data: &Data,
    c: &ComponentInteraction,
    click: StatusClick,
) -> Result<(), BotError> {
    let who = Who::of_component(c);
    let fallback = who.fallback_lang();
    let Some(actor) = plan_actor(data, who, click.plan).await? else {
        c.create_response(ctx, ephemeral(t!(fallback, "err-plan-unknown", id = click.plan.0))).await?;
        return Ok(());
    };
    let response = if click.status == PlanStatus::Dropped {
        let id = CustomId::PlanDrop { plan: click.plan, asked_in: click.asked_in }.encode();
        let note = CustomId::PlanDropNote.encode();
        let input = CreateInputText::new(InputTextStyle::Paragraph, t!(actor.lang, "plan-drop-note"), note)
            .max_length(crate::domain::plan::MAX_NOTE_CHARS as u16)
            .required(true);
        CreateInteractionResponse::Modal(
            CreateModal::new(id, cut(&t!(actor.lang, "plan-drop-title"), 45))
                .components(vec![CreateActionRow::InputText(input)]),
        )
    } else {
        match plan_status::change_status(&*data.store, &*data.clock, &actor, click, None).await {
            Ok(p) => ephemeral(plan_status::changed_text(&p, actor.lang)),
            Err(e) => ephemeral(e.user_message(actor.lang)),
        }
    };
    c.create_response(ctx, response).await?;
    Ok(())
}

/// The submitted note of a dropped plan (the modal `CustomId::PlanDrop`).
pub async fn on_drop_note(
    ctx: &serenity::all::Context,
    data: &Data,
    m: &ModalInteraction,
    plan: PlanId,
    asked_in: Option<crate::domain::MeetingId>,
) -> Result<(), BotError> {
    let click = StatusClick { plan, status: PlanStatus::Dropped, asked_in };
    let note: String = m
        .data
        .components
        .iter()
        .flat_map(|row| &row.components)
        .find_map(|c| match c {
            ActionRowComponent::InputText(input)
                if CustomId::parse(&input.custom_id) == Some(CustomId::PlanDropNote) =>
            {
                input.value.clone()
            }
            _ => None,
        })
        .unwrap_or_default();
    let who = Who::of_modal(m);
    let fallback = who.fallback_lang();
    let text = match plan_actor(data, who, click.plan).await? {
        None => t!(fallback, "err-plan-unknown", id = click.plan.0),
        Some(actor) => match plan_status::change_status(&*data.store, &*data.clock, &actor, click, Some(&note)).await {
            Ok(p) => plan_status::changed_text(&p, actor.lang),
            Err(e) => e.user_message(actor.lang),
        },
    };
    m.create_response(ctx, ephemeral(text)).await?;
    Ok(())
}
