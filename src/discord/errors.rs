//! When a command cannot run: the framework's errors (an option poise cannot read, a missing
//! subcommand, a failed check, a command that returned an error) become one ephemeral sentence
//! in the member's language; what went wrong inside is logged with its cause chain.
//!
//! `Trouble` is what the member is told, decided from the error and the interaction's options
//! by pure functions, so it is unit-tested without Discord.

use std::error::Error;

use poise::{CreateReply, FrameworkError};
use serenity::all::{ResolvedOption, ResolvedValue};
use tracing::{error, info, warn};

use super::bot::{BotError, Context, Data};
use super::chat::{cut, MESSAGE_LIMIT};
use super::commands::who;
use super::context::actor;
use crate::i18n::Lang;
use crate::t;

/// The kinds of option values Discord sends (application command option types).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    Text,
    Integer,
    YesNo,
    Member,
    Channel,
    Role,
    Number,
    Attachment,
}

impl OptionKind {
    /// From Discord's option type number.
    pub fn from_type(kind: u64) -> Option<Self> {
        Some(match kind {
            3 => Self::Text,
            4 => Self::Integer,
            5 => Self::YesNo,
            6 => Self::Member,
            7 => Self::Channel,
            8 => Self::Role,
            10 => Self::Number,
            11 => Self::Attachment,
            _ => return None,
        })
    }

    fn label(self, lang: Lang) -> String {
        let id = match self {
            Self::Text => "arg-kind-text",
            Self::Integer => "arg-kind-integer",
            Self::YesNo => "arg-kind-yes-no",
            Self::Member => "arg-kind-member",
            Self::Channel => "arg-kind-channel",
            Self::Role => "arg-kind-role",
            Self::Number => "arg-kind-number",
            Self::Attachment => "arg-kind-attachment",
        };
        t!(lang, id)
    }
}

/// An option the command declares: its name, kind and (for choice options) the choice names.
#[derive(Debug, Clone, PartialEq)]
pub struct Declared {
    pub name: String,
    pub kind: Option<OptionKind>,
    pub required: bool,
    pub choices: Vec<String>,
}

/// An option as it arrived: its kind and its value as text.
#[derive(Debug, Clone, PartialEq)]
pub struct Given {
    pub name: String,
    pub kind: Option<OptionKind>,
    pub text: String,
}

/// What the member is told.
#[derive(Debug, Clone, PartialEq)]
pub enum Trouble {
    /// `given` is not a valid value of `option`, which takes `expected` (when known).
    BadValue {
        option: Option<String>,
        given: Option<String>,
        expected: Option<Expected>,
    },
    /// A required option was left out.
    Missing {
        option: String,
    },
    /// The options cannot be matched to the command (Discord's copy of it is out of date).
    OutOfDate,
    SubcommandRequired,
    GuildOnly,
    Cooldown {
        seconds: u64,
    },
    UserPermissions,
    BotPermissions {
        missing: String,
    },
    NotAllowed,
    Internal,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    Kind(OptionKind),
    OneOf(Vec<String>),
}

/// Why poise could not match the options to the command's parameters: the first option whose
/// kind differs from the declared one, a choice out of range, or a missing required option.
pub fn mismatch(declared: &[Declared], given: &[Given]) -> Trouble {
    for d in declared {
        let Some(g) = given.iter().find(|g| g.name == d.name) else {
            if d.required {
                return Trouble::Missing { option: d.name.clone() };
            }
            continue;
        };
        if !d.choices.is_empty() {
            let in_range = g.text.parse::<usize>().is_ok_and(|i| i < d.choices.len());
            if !in_range {
                return Trouble::BadValue {
                    option: Some(d.name.clone()),
                    given: Some(g.text.clone()),
                    expected: Some(Expected::OneOf(d.choices.clone())),
                };
            }
            continue;
        }
        if d.kind.is_some() && g.kind != d.kind {
            return Trouble::BadValue {
                option: Some(d.name.clone()),
                given: Some(g.text.clone()),
                expected: d.kind.map(Expected::Kind),
            };
        }
    }
    Trouble::OutOfDate
}

/// The option whose value was `input` (for a value poise could not parse).
pub fn bad_input(given: &[Given], input: Option<String>) -> Trouble {
    let option = input.as_ref().and_then(|i| given.iter().find(|g| &g.text == i)).map(|g| g.name.clone());
    Trouble::BadValue { option, given: input, expected: None }
}

/// The sentence for the member; `command` is the command's full name (`breakout split`).
pub fn render(trouble: &Trouble, command: &str, lang: Lang) -> String {
    let command = format!("/{command}");
    match trouble {
        Trouble::BadValue { option: Some(option), given: Some(given), expected: Some(expected) } => {
            let expected = match expected {
                Expected::Kind(k) => k.label(lang),
                Expected::OneOf(names) => t!(lang, "arg-one-of", choices = names.join(", ")),
            };
            t!(
                lang,
                "err-arg-expected",
                given = given.as_str(),
                option = option.as_str(),
                command = command,
                expected = expected
            )
        }
        Trouble::BadValue { option: Some(option), given: Some(given), expected: None } => {
            t!(lang, "err-arg-invalid", given = given.as_str(), option = option.as_str(), command = command)
        }
        Trouble::BadValue { given: Some(given), .. } => {
            t!(lang, "err-arg-invalid-value", given = given.as_str(), command = command)
        }
        Trouble::BadValue { .. } => t!(lang, "err-arg-unreadable", command = command),
        Trouble::Missing { option } => t!(lang, "err-arg-missing", option = option.as_str(), command = command),
        Trouble::OutOfDate => t!(lang, "err-command-out-of-date", command = command),
        Trouble::SubcommandRequired => t!(lang, "err-subcommand-required", command = command),
        Trouble::GuildOnly => t!(lang, "err-guild-only"),
        Trouble::Cooldown { seconds } => t!(lang, "err-cooldown", seconds = *seconds, command = command),
        Trouble::UserPermissions => t!(lang, "err-user-permissions", command = command),
        Trouble::BotPermissions { missing } => t!(lang, "err-bot-permissions", permissions = missing.as_str()),
        Trouble::NotAllowed => t!(lang, "err-not-allowed", command = command),
        Trouble::Internal => t!(lang, "err-internal"),
    }
}

/// An error and its sources, `outer: inner: innermost`, for the log.
pub fn cause_chain(err: &(dyn Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    for e in std::iter::successors(Some(err), |e: &&(dyn Error + 'static)| (*e).source()) {
        let s = e.to_string();
        // `#[error(transparent)]` and wrappers that repeat their source add nothing.
        if parts.last().is_none_or(|last| !last.ends_with(&s)) {
            parts.push(s);
        }
    }
    parts.join(": ")
}

fn declared(ctx: Context<'_>) -> Vec<Declared> {
    ctx.command()
        .parameters
        .iter()
        .map(|p| {
            let kind = p
                .create_as_slash_command_option()
                .and_then(|o| serde_json::to_value(o).ok())
                .and_then(|v| v["type"].as_u64())
                .and_then(OptionKind::from_type);
            Declared {
                name: p.name.to_string(),
                kind,
                required: p.required,
                choices: p.choices.iter().map(|c| c.name.to_string()).collect(),
            }
        })
        .collect()
}

fn given(args: &[ResolvedOption<'_>]) -> Vec<Given> {
    args.iter()
        .map(|o| {
            let (kind, text) = match &o.value {
                ResolvedValue::String(s) => (Some(OptionKind::Text), (*s).to_owned()),
                ResolvedValue::Integer(i) => (Some(OptionKind::Integer), i.to_string()),
                ResolvedValue::Number(n) => (Some(OptionKind::Number), n.to_string()),
                ResolvedValue::Boolean(b) => (Some(OptionKind::YesNo), b.to_string()),
                ResolvedValue::User(u, _) => (Some(OptionKind::Member), u.name.clone()),
                ResolvedValue::Channel(c) => (Some(OptionKind::Channel), c.name.clone().unwrap_or_default()),
                ResolvedValue::Role(r) => (Some(OptionKind::Role), r.name.clone()),
                ResolvedValue::Attachment(a) => (Some(OptionKind::Attachment), a.filename.clone()),
                ResolvedValue::Autocomplete { value, .. } => (None, (*value).to_owned()),
                _ => (None, String::new()),
            };
            Given { name: o.name.to_owned(), kind, text }
        })
        .collect()
}

fn args<'a>(ctx: Context<'a>) -> &'a [ResolvedOption<'a>] {
    match ctx {
        poise::Context::Application(app) => app.args,
        poise::Context::Prefix(_) => &[],
    }
}

/// The framework's `on_error`: tells the member (ephemeral, their language), logs the rest.
pub async fn on_error(err: FrameworkError<'_, Data, BotError>) {
    super::lifecycle::failed();
    let (ctx, trouble) = match err {
        FrameworkError::Command { error, ctx, .. } => match error {
            BotError::NotInGuild => (ctx, Trouble::GuildOnly),
            other => {
                let chain = cause_chain(&other);
                error!(error = %other, cause = %chain, command = %ctx.command().qualified_name, "command failed");
                (ctx, Trouble::Internal)
            }
        },
        FrameworkError::ArgumentParse { error, input, ctx, .. } => {
            info!(error = %cause_chain(&*error), input = ?input, command = %ctx.command().qualified_name, "argument not understood");
            (ctx, bad_input(&given(args(ctx)), input))
        }
        FrameworkError::CommandStructureMismatch { description, ctx, .. } => {
            let ctx = poise::Context::Application(ctx);
            let trouble = mismatch(&declared(ctx), &given(args(ctx)));
            warn!(description, trouble = ?trouble, command = %ctx.command().qualified_name, "options do not match the command");
            (ctx, trouble)
        }
        FrameworkError::SubcommandRequired { ctx } => (ctx, Trouble::SubcommandRequired),
        FrameworkError::CommandPanic { payload, ctx, .. } => {
            error!(payload = ?payload, command = %ctx.command().qualified_name, "command panicked");
            (ctx, Trouble::Internal)
        }
        FrameworkError::CooldownHit { remaining_cooldown, ctx, .. } => {
            (ctx, Trouble::Cooldown { seconds: remaining_cooldown.as_secs().max(1) })
        }
        FrameworkError::MissingBotPermissions { missing_permissions, ctx, .. } => {
            warn!(missing = %missing_permissions, command = %ctx.command().qualified_name, "bot lacks permissions");
            (ctx, Trouble::BotPermissions { missing: missing_permissions.to_string() })
        }
        FrameworkError::MissingUserPermissions { ctx, .. } => (ctx, Trouble::UserPermissions),
        FrameworkError::GuildOnly { ctx, .. } => (ctx, Trouble::GuildOnly),
        FrameworkError::NotAnOwner { ctx, .. } => (ctx, Trouble::NotAllowed),
        FrameworkError::CommandCheckFailed { error, ctx, .. } => {
            if let Some(e) = error {
                warn!(error = %cause_chain(&e), command = %ctx.command().qualified_name, "command check failed");
            }
            (ctx, Trouble::NotAllowed)
        }
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                error!(error = %cause_chain(&e), "error while handling an error");
            }
            return;
        }
    };
    let lang = match actor(ctx.data(), &who(ctx)).await {
        Ok(a) => a.lang,
        Err(_) => who(ctx).fallback_lang(),
    };
    let text = render(&trouble, &ctx.command().qualified_name, lang);
    if let Err(e) = ctx.send(CreateReply::default().content(cut(&text, MESSAGE_LIMIT)).ephemeral(true)).await {
        warn!(error = %cause_chain(&e), "cannot tell the member what went wrong");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared(name: &str, kind: OptionKind, required: bool) -> Declared {
        Declared { name: name.into(), kind: Some(kind), required, choices: vec![] }
    }

    fn given(name: &str, kind: OptionKind, text: &str) -> Given {
        Given { name: name.into(), kind: Some(kind), text: text.into() }
    }

    #[test]
    fn an_integer_option_sent_as_text_names_the_option_and_what_it_takes() {
        let trouble =
            mismatch(&[declared("minutes", OptionKind::Integer, true)], &[given("minutes", OptionKind::Text, "ten")]);
        assert_eq!(
            trouble,
            Trouble::BadValue {
                option: Some("minutes".into()),
                given: Some("ten".into()),
                expected: Some(Expected::Kind(OptionKind::Integer)),
            }
        );
        let en = render(&trouble, "agenda delay", Lang::En);
        assert!(en.contains("“ten”") && en.contains("minutes") && en.contains("/agenda delay"), "{en}");
        assert!(en.contains(&t!(Lang::En, "arg-kind-integer")), "{en}");
        let nb = render(&trouble, "agenda delay", Lang::Nb);
        assert!(nb.contains(&t!(Lang::Nb, "arg-kind-integer")) && nb != en, "{nb}");
        let sv = render(&trouble, "agenda delay", Lang::Sv);
        assert!(sv.contains("”ten”") && sv != nb, "{sv}");
    }

    #[test]
    fn a_choice_out_of_range_lists_the_choices() {
        let mode = Declared {
            name: "mode".into(),
            kind: Some(OptionKind::Integer),
            required: true,
            choices: vec!["random".into(), "roles".into()],
        };
        let trouble = mismatch(&[mode], &[given("mode", OptionKind::Integer, "7")]);
        let text = render(&trouble, "breakout split", Lang::En);
        assert!(text.contains("random, roles") && text.contains("“7”"), "{text}");
    }

    #[test]
    fn a_missing_required_option_is_named_and_otherwise_the_command_is_out_of_date() {
        let decl = [declared("kit", OptionKind::Text, true), declared("date", OptionKind::Text, false)];
        assert_eq!(mismatch(&decl, &[]), Trouble::Missing { option: "kit".into() });
        assert_eq!(mismatch(&decl, &[given("kit", OptionKind::Text, "x")]), Trouble::OutOfDate);
        let text = render(&Trouble::Missing { option: "kit".into() }, "meeting load", Lang::Sv);
        assert!(text.contains("kit") && text.contains("/meeting load"), "{text}");
    }

    #[test]
    fn a_value_that_cannot_be_parsed_is_traced_to_its_option() {
        let given = [given("kit", OptionKind::Text, "x"), given("date", OptionKind::Text, "soon")];
        let trouble = bad_input(&given, Some("soon".into()));
        assert_eq!(
            trouble,
            Trouble::BadValue { option: Some("date".into()), given: Some("soon".into()), expected: None }
        );
        assert!(render(&trouble, "meeting load", Lang::Nb).contains("«soon»"));
        assert!(!render(&bad_input(&given, None), "meeting load", Lang::En).is_empty());
    }

    #[test]
    fn every_trouble_has_a_sentence_in_every_language() {
        let all = [
            Trouble::BadValue { option: None, given: None, expected: None },
            Trouble::BadValue { option: None, given: Some("x".into()), expected: None },
            Trouble::OutOfDate,
            Trouble::SubcommandRequired,
            Trouble::GuildOnly,
            Trouble::Cooldown { seconds: 3 },
            Trouble::UserPermissions,
            Trouble::BotPermissions { missing: "Move Members".into() },
            Trouble::NotAllowed,
            Trouble::Internal,
        ];
        for lang in [Lang::En, Lang::Nb, Lang::Sv] {
            for trouble in &all {
                let text = render(trouble, "breakout split", lang);
                assert!(!text.is_empty() && !text.contains("err-") && !text.contains("arg-"), "{trouble:?} {text}");
            }
        }
    }

    #[derive(Debug, thiserror::Error)]
    #[error("saving failed")]
    struct Outer(#[source] std::io::Error);

    #[test]
    fn the_log_gets_the_cause_chain() {
        let err = Outer(std::io::Error::other("disk full"));
        assert_eq!(cause_chain(&err), "saving failed: disk full");
    }
}
