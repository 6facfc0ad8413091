//! Slash commands. Each parses its options, builds the `Actor`, calls one `app::` function and
//! renders the result; errors are ephemeral replies in the actor's language.

use std::borrow::Cow;
use std::sync::atomic::Ordering;

use chrono::NaiveDate;
use poise::CreateReply;
use serenity::all::{AutocompleteChoice, Channel, CreateAutocompleteResponse, Role, User};

use super::bot::{BotError, Context, Data};
use super::chat::{cut, MESSAGE_LIMIT};
use super::components::{answer_response, Flow};
use super::context::{actor as build_actor, user_name, Who};
use crate::app::actor::UserMessage;
use crate::app::settings::{self, SettingsChange};
use crate::app::{answers, kits, meetings, membership, Actor};
use crate::domain::{ChannelId, Phase, UserId};
use crate::i18n::{self, Lang};
use crate::t;

pub type Command = poise::Command<Data, BotError>;

/// All commands, with descriptions and nb/sv localisations from the catalogues.
pub fn commands() -> Vec<Command> {
    let mut list = vec![
        meeting(),
        unit(),
        role(),
        answer(),
        evaluate(),
        super::breakouts::breakout(),
        super::breakouts::note(),
        super::language::command(),
        help(),
    ];
    list.extend(super::report_commands::commands());
    list.extend(super::agenda_commands::commands());
    list.extend(super::plan_commands::commands());
    list.extend(super::kit_commands::commands());
    for cmd in &mut list {
        let name = cmd.name.clone();
        localize(cmd, &name);
    }
    super::staff::restrict(&mut list);
    list
}

/// Catalogue ids: `cmd-<path>-name` / `cmd-<path>-description` for commands and subcommands
/// (`cmd-meeting-load-…`), `cmd-<path>-<option>-name` / `-description` for options.
fn localize(cmd: &mut Command, path: &str) {
    let (names, descriptions) = localizations(path);
    cmd.description = Some(t!(Lang::En, &format!("cmd-{path}-description")).into());
    cmd.name_localizations = names;
    cmd.description_localizations = descriptions;
    for p in &mut cmd.parameters {
        let base = format!("{path}-{}", p.name.replace('_', "-"));
        let (names, descriptions) = localizations(&base);
        p.description = Some(t!(Lang::En, &format!("cmd-{base}-description")).into());
        p.name_localizations = names;
        p.description_localizations = descriptions;
        for choice in p.choices.to_mut() {
            let id = format!("cmd-{base}-choice-{}", choice.name);
            choice.localizations = Cow::Owned(
                [Lang::Nb, Lang::Sv]
                    .into_iter()
                    .filter(|l| i18n::has(*l, &id))
                    .map(|l| (l.discord_locale().into(), t!(l, &id).into()))
                    .collect(),
            );
        }
    }
    for sub in &mut cmd.subcommands {
        let sub_path = format!("{path}-{}", sub.name);
        localize(sub, &sub_path);
    }
}

type Localizations = Cow<'static, [(Cow<'static, str>, Cow<'static, str>)]>;

fn localizations(base: &str) -> (Localizations, Localizations) {
    let (mut names, mut descriptions) = (Vec::new(), Vec::new());
    for lang in [Lang::Nb, Lang::Sv] {
        let (name_id, desc_id) = (format!("cmd-{base}-name"), format!("cmd-{base}-description"));
        if i18n::has(lang, &name_id) {
            names.push((lang.discord_locale().into(), t!(lang, &name_id).into()));
        }
        if i18n::has(lang, &desc_id) {
            descriptions.push((lang.discord_locale().into(), t!(lang, &desc_id).into()));
        }
    }
    (Cow::Owned(names), Cow::Owned(descriptions))
}

// ---------------------------------------------------------------- plumbing

pub(super) fn who<'a>(ctx: Context<'a>) -> Who<'a> {
    let (locale, guild_locale, member) = match ctx {
        poise::Context::Application(app) => (
            app.interaction.locale.as_str(),
            app.interaction.guild_locale.as_deref(),
            app.interaction.member.as_deref(),
        ),
        poise::Context::Prefix(_) => ("en-US", None, None),
    };
    Who {
        guild: ctx.guild_id(),
        guild_name: ctx.guild().map(|g| g.name.clone()),
        user: ctx.author(),
        member,
        locale,
        guild_locale,
    }
}

pub(super) async fn actor(ctx: Context<'_>) -> Result<Actor, BotError> {
    build_actor(ctx.data(), &who(ctx)).await
}

pub(super) async fn reply(ctx: Context<'_>, text: String) -> Result<(), BotError> {
    ctx.send(CreateReply::default().content(cut(&text, MESSAGE_LIMIT)).ephemeral(true)).await?;
    Ok(())
}

pub(super) async fn fail(
    ctx: Context<'_>,
    actor: &Actor,
    err: &(impl UserMessage + std::error::Error),
) -> Result<(), BotError> {
    tracing::info!(error = %err, "refused");
    reply(ctx, err.user_message(actor.lang)).await
}

// ---------------------------------------------------------------- /meeting

#[poise::command(
    slash_command,
    guild_only,
    subcommands("load", "status", "end", "config", "super::check::check"),
    subcommand_required
)]
pub async fn meeting(_: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Load a meeting kit into this channel.
#[poise::command(slash_command, guild_only)]
pub async fn load(
    ctx: Context<'_>,
    #[autocomplete = "super::kit_commands::kit_ids"] kit: String,
    date: Option<String>,
) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let date = match date.as_deref().map(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(_)) => return reply(ctx, t!(actor.lang, "err-bad-date", given = date.unwrap_or_default())).await,
    };
    let data = ctx.data();
    let channel = ChannelId(ctx.channel_id().get());
    let shipped = super::kit_commands::shipped(data);
    match kits::load_meeting(&*data.store, &*data.clock, &actor, &shipped, &kit, date, channel).await {
        Ok(m) => {
            let text = t!(
                actor.lang,
                "meeting-loaded",
                title = m.meeting.title.as_str(),
                questions = m.meeting.questions.len(),
                jobs = m.jobs.len()
            );
            reply(ctx, text).await
        }
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

/// Response rate per unit.
#[poise::command(slash_command, guild_only)]
pub async fn status(ctx: Context<'_>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    match meetings::meeting_status(&*ctx.data().store, &actor).await {
        Ok(s) => {
            let mut text = meetings::render_status(&s, actor.lang);
            // Organisers also see who exported or read the group's data lately.
            if let Some(audit) = crate::app::audit::status_section(&*ctx.data().store, &actor).await? {
                text.push_str("\n\n");
                text.push_str(&audit);
            }
            reply(ctx, text).await
        }
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

/// End the meeting.
#[poise::command(slash_command, guild_only)]
pub async fn end(ctx: Context<'_>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    match meetings::end_meeting(&*ctx.data().store, &actor).await {
        Ok(_) => reply(ctx, t!(actor.lang, "meeting-ended")).await,
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum Language {
    #[name = "norsk (bokmål)"]
    Nb,
    #[name = "svenska"]
    Sv,
    #[name = "English"]
    En,
}

/// Configure roles, channels and language.
// One parameter per slash-command option: poise reads the options from the signature.
#[allow(clippy::too_many_arguments)]
#[poise::command(slash_command, guild_only)]
pub async fn config(
    ctx: Context<'_>,
    organiser_role: Option<Role>,
    facilitator_role: Option<Role>,
    plenary_channel: Option<Channel>,
    organiser_channel: Option<Channel>,
    locale: Option<Language>,
    plenary_voice: Option<Channel>,
    #[min = 0]
    #[max = 3650]
    retention_days: Option<u32>,
) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let change = SettingsChange {
        organiser_role: organiser_role.map(|r| r.id.get()),
        facilitator_role: facilitator_role.map(|r| r.id.get()),
        plenary_channel: plenary_channel.map(|c| ChannelId(c.id().get())),
        plenary_voice: plenary_voice.map(|c| ChannelId(c.id().get())),
        organiser_channel: organiser_channel.map(|c| ChannelId(c.id().get())),
        locale: locale.map(|l| match l {
            Language::Nb => "nb".to_owned(),
            Language::Sv => "sv".to_owned(),
            Language::En => "en".to_owned(),
        }),
    };
    match settings::configure(&*ctx.data().store, &actor, change).await {
        Ok(s) => {
            let none = t!(actor.lang, "config-none");
            let role = |r: Option<u64>| r.map(|r| format!("<@&{r}>")).unwrap_or_else(|| none.clone());
            let channel = |c: Option<ChannelId>| c.map(|c| format!("<#{c}>")).unwrap_or_else(|| none.clone());
            let text = t!(
                actor.lang,
                "config-saved",
                organiser = role(s.organiser_role),
                facilitator = role(s.facilitator_role),
                plenary = channel(s.plenary_channel),
                voice = channel(s.plenary_voice),
                organisers = channel(s.organiser_channel),
                locale = if s.locale.is_empty() { none.clone() } else { s.locale.clone() }
            );
            ctx.defer_ephemeral().await?;
            let retention = match retention_days {
                Some(days) => {
                    match crate::app::retention::set_retention(&*ctx.data().store, &actor, Some(days)).await {
                        Ok(said) => format!("\n\n{said}"),
                        Err(e) => return fail(ctx, &actor, &e).await,
                    }
                }
                None => String::new(),
            };
            let check = super::check::checked(ctx, &s, actor.lang).await;
            reply(ctx, format!("{text}{retention}\n\n{check}")).await
        }
        Err(e) => fail(ctx, &actor, &e).await,
    }
}

// ---------------------------------------------------------------- /unit, /role

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

// ---------------------------------------------------------------- /answer, /help

/// Answer the questions (or see your answers with mine:true).
#[poise::command(slash_command, guild_only)]
pub async fn answer(ctx: Context<'_>, mine: Option<bool>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    let data = ctx.data();
    if mine.unwrap_or(false) {
        return match answers::my_answers(&*data.store, &actor).await {
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

/// What samrad does and how.
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), BotError> {
    let lang = match actor(ctx).await {
        Ok(a) => a.lang,
        Err(_) => who(ctx).fallback_lang(),
    };
    reply(ctx, t!(lang, "help-text")).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk<'a>(cmds: &'a [Command], path: &str, out: &mut Vec<(String, &'a Command)>) {
        for c in cmds {
            let p = if path.is_empty() { c.name.to_string() } else { format!("{path} {}", c.name) };
            out.push((p.clone(), c));
            walk(&c.subcommands, &p, out);
        }
    }

    #[test]
    fn every_command_is_registered() {
        let cmds = commands();
        let mut all = Vec::new();
        walk(&cmds, "", &mut all);
        let names: Vec<&str> = all.iter().map(|(p, _)| p.as_str()).collect();
        for expected in [
            "meeting load",
            "meeting status",
            "meeting end",
            "meeting config",
            "unit join",
            "unit leave",
            "unit list",
            "role set",
            "answer",
            "evaluate",
            "help",
            "breakout split",
            "breakout broadcast",
            "breakout extend",
            "breakout move",
            "breakout join",
            "breakout reshuffle",
            "breakout close",
            "note",
        ] {
            assert!(names.contains(&expected), "{expected} missing from {names:?}");
        }
    }

    fn valid_name(s: &str) -> bool {
        (1..=32).contains(&s.chars().count())
            && s.chars().all(|c| c == '-' || c == '_' || c.is_alphanumeric())
            && s.to_lowercase() == s
    }

    #[test]
    fn every_command_and_option_speaks_norwegian_and_swedish() {
        let cmds = commands();
        let mut all = Vec::new();
        walk(&cmds, "", &mut all);
        for (path, c) in all {
            let desc = c.description.as_deref().unwrap_or("");
            assert!(!desc.is_empty() && !desc.starts_with("cmd-") && desc.chars().count() <= 100, "{path}: {desc}");
            for locale in ["no", "sv-SE"] {
                let name = c.name_localizations.iter().find(|(l, _)| l == locale).map(|(_, n)| n.as_ref());
                let d = c.description_localizations.iter().find(|(l, _)| l == locale).map(|(_, n)| n.as_ref());
                assert!(name.is_some_and(valid_name), "{path} {locale}: name {name:?}");
                assert!(d.is_some_and(|d| !d.is_empty() && d.chars().count() <= 100), "{path} {locale}: {d:?}");
            }
            for p in &c.parameters {
                let pd = p.description.as_deref().unwrap_or("");
                assert!(!pd.is_empty() && !pd.starts_with("cmd-") && pd.chars().count() <= 100, "{path} {}", p.name);
                for locale in ["no", "sv-SE"] {
                    let name = p.name_localizations.iter().find(|(l, _)| l == locale).map(|(_, n)| n.as_ref());
                    assert!(name.is_some_and(valid_name), "{path} {} {locale}: {name:?}", p.name);
                    assert!(p.description_localizations.iter().any(|(l, _)| l == locale), "{path} {}", p.name);
                    // Language names are written in their own language; every other choice is
                    // in the catalogue.
                    for choice in p.choices.iter().filter(|_| p.name != "locale" && p.name != "language") {
                        let found = choice.localizations.iter().find(|(l, _)| l == locale);
                        assert!(found.is_some_and(|(_, n)| !n.is_empty()), "{path} {} {}", p.name, choice.name);
                    }
                }
            }
        }
    }
}
