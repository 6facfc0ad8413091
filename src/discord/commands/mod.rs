//! Slash commands. Each parses its options, builds the `Actor`, calls one `app::` function and
//! renders the result; errors are ephemeral replies in the actor's language.

use std::borrow::Cow;

use poise::CreateReply;

use super::bot::{BotError, Context, Data};
use super::chat::{cut, MESSAGE_LIMIT};
use super::context::{actor as build_actor, Who};
use crate::app::actor::UserMessage;
use crate::app::Actor;
use crate::i18n::{self, Lang};
use crate::t;

pub mod agenda;
pub mod answer;
pub mod breakout;
pub mod help;
pub mod kit;
pub mod meeting;
pub mod membership;
pub mod plan;
pub mod report;

pub use meeting::Language;

pub type Command = poise::Command<Data, BotError>;

/// All commands, with descriptions and nb/sv localisations from the catalogues.
pub fn commands() -> Vec<Command> {
    let mut list = vec![
        meeting::meeting(),
        membership::unit(),
        membership::role(),
        answer::answer(),
        answer::evaluate(),
        breakout::breakout(),
        breakout::note(),
        super::language::command(),
        help::help(),
    ];
    list.extend(report::commands());
    list.extend(agenda::commands());
    list.extend(plan::commands());
    list.extend(kit::commands());
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
            "breakout cleanup",
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
