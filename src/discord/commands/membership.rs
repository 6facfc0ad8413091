//! `/unit join|leave|list` and `/role set`: members say which unit they speak for and which
//! role they have (facilitators may set them for someone else).

use serenity::all::{AutocompleteChoice, CreateAutocompleteResponse, User};

use super::{actor, fail, reply};
use crate::app::membership;
use crate::discord::bot::{BotError, Context};
use crate::discord::context::user_name;
use crate::domain::UserId;
use crate::i18n::Lang;
use crate::t;

#[poise::command(slash_command, guild_only, subcommands("join", "leave", "list"), subcommand_required)]
pub async fn unit(_: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

async fn unit_names(ctx: Context<'_>, partial: &str) -> CreateAutocompleteResponse {
    let names = match actor(ctx).await {
        Ok(actor) => membership::unit_suggestions(&*ctx.data().store, &actor, partial).await,
        Err(_) => Vec::new(),
    };
    CreateAutocompleteResponse::new().set_choices(names.into_iter().map(AutocompleteChoice::from).collect())
}

async fn role_names(ctx: Context<'_>, partial: &str) -> CreateAutocompleteResponse {
    let names = match actor(ctx).await {
        Ok(actor) => membership::role_suggestions(&*ctx.data().store, &actor, partial).await,
        Err(_) => Vec::new(),
    };
    CreateAutocompleteResponse::new().set_choices(names.into_iter().map(AutocompleteChoice::from).collect())
}

fn other(member: &Option<User>) -> Option<(UserId, String)> {
    member.as_ref().map(|u| (UserId(u.id.get()), user_name(u)))
}

/// Join your unit.
#[poise::command(slash_command, guild_only)]
pub async fn join(
    ctx: Context<'_>,
    #[autocomplete = "unit_names"] name: String,
    member: Option<User>,
) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let other = other(&member);
    let target = other.as_ref().map(|(u, n)| (*u, n.as_str()));
    match membership::join_unit(&*ctx.data().store, &actor, &name, target).await {
        Ok(unit) => match other.filter(|(u, _)| *u != actor.user) {
            Some((_, who)) => reply(ctx, t!(actor.lang, "unit-joined-other", name = who, unit = unit.as_str())).await,
            None => reply(ctx, t!(actor.lang, "unit-joined", unit = unit.as_str())).await,
        },
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

/// Leave your unit.
#[poise::command(slash_command, guild_only)]
pub async fn leave(ctx: Context<'_>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    match membership::leave_unit(&*ctx.data().store, &actor).await {
        Ok(Some(unit)) => reply(ctx, t!(actor.lang, "unit-left", unit = unit.as_str())).await,
        Ok(None) => reply(ctx, t!(actor.lang, "unit-left-none")).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

/// Units and their members.
#[poise::command(slash_command, guild_only)]
pub async fn list(ctx: Context<'_>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    match membership::list_units(&*ctx.data().store, &actor).await {
        Ok(rosters) => reply(ctx, render_units(&rosters, actor.lang)).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

pub fn render_units(rosters: &[membership::UnitRoster], lang: Lang) -> String {
    let mut out = t!(lang, "unit-list-title");
    for r in rosters {
        let names: Vec<&str> = r.members.iter().map(|m| m.name.as_str()).collect();
        let names = if names.is_empty() { t!(lang, "unit-list-nobody") } else { names.join(", ") };
        out.push_str(&format!("\n**{}** ({}): {}", r.unit, r.members.len(), names));
    }
    out
}

#[poise::command(slash_command, guild_only, subcommands("set"), subcommand_required)]
pub async fn role(_: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Take your role.
#[poise::command(slash_command, guild_only)]
pub async fn set(
    ctx: Context<'_>,
    #[autocomplete = "role_names"] role: String,
    member: Option<User>,
) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let other = other(&member);
    let target = other.as_ref().map(|(u, n)| (*u, n.as_str()));
    match membership::set_role(&*ctx.data().store, &actor, &role, target).await {
        Ok(r) => match other.filter(|(u, _)| *u != actor.user) {
            Some((_, who)) => reply(ctx, t!(actor.lang, "role-set-other", name = who, role = r.as_str())).await,
            None => reply(ctx, t!(actor.lang, "role-set", role = r.as_str())).await,
        },
        Err(e) => fail(ctx, &actor, &e).await,
    }
}
