//! `/meeting check` (also shown after `/meeting config`): samrad's effective permissions where
//! meetings happen, read fresh from Discord (the server's roles, samrad's own member record,
//! each configured channel's overwrites), computed as Discord does (`access`), with what is
//! missing listed in plain words, before a breakout split fails halfway.

use std::collections::HashMap;

use serenity::all::{Channel, GuildId as SGuildId, Http, Permissions, UserId as SUserId};

use super::access::{self, Place, Subject};
use super::bot::{BotError, Context};
use super::commands::{actor, reply};
use crate::app::ports::GuildSettings;
use crate::i18n::Lang;
use crate::t;

/// What one place lacks (empty: nothing).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub place: Place,
    pub channel: Option<u64>,
    pub missing: Vec<Permissions>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckReport {
    pub findings: Vec<Finding>,
    /// Places `/meeting config` has not set, so not checked.
    pub not_configured: Vec<Place>,
}

impl CheckReport {
    pub fn all_granted(&self) -> bool {
        self.findings.iter().all(|f| f.missing.is_empty())
    }
}

/// Reads samrad's permissions in `guild` from Discord and compares them with what each
/// configured place requires.
pub async fn check_guild(
    http: &Http,
    guild: SGuildId,
    bot: SUserId,
    settings: &GuildSettings,
) -> Result<CheckReport, serenity::Error> {
    let server = http.get_guild(guild).await?;
    let member = http.get_member(guild, bot).await?;
    let who =
        Subject { guild: guild.get(), user: bot.get(), roles: member.roles.clone(), owner: server.owner_id == bot };
    let roles: HashMap<_, _> = server.roles.iter().map(|(id, role)| (*id, role.permissions)).collect();
    let base = access::base_permissions(&who, &roles);
    let mut report = CheckReport {
        findings: vec![Finding { place: Place::Server, channel: None, missing: access::missing(Place::Server, base) }],
        not_configured: Vec::new(),
    };
    let places = [
        (Place::PlenaryText, settings.plenary_channel),
        (Place::PlenaryVoice, settings.plenary_voice),
        (Place::OrganiserChannel, settings.organiser_channel),
    ];
    for (place, channel) in places {
        let Some(channel) = channel else {
            report.not_configured.push(place);
            continue;
        };
        let overwrites = match http.get_channel(serenity::all::ChannelId::new(channel.0)).await? {
            Channel::Guild(c) => c.permission_overwrites,
            _ => Vec::new(),
        };
        let has = access::channel_permissions(base, &who, &overwrites);
        report.findings.push(Finding { place, channel: Some(channel.0), missing: access::missing(place, has) });
    }
    Ok(report)
}

/// The report in plain words.
pub fn render(report: &CheckReport, lang: Lang) -> String {
    let mut text = if report.all_granted() {
        t!(lang, "check-ok")
    } else {
        let mut lines = vec![t!(lang, "check-missing")];
        for f in report.findings.iter().filter(|f| !f.missing.is_empty()) {
            let missing: Vec<String> = f.missing.iter().map(|p| t!(lang, access::plain_words_id(*p))).collect();
            lines.push(t!(lang, "check-line", place = place_name(f, lang), missing = missing.join(", ")));
        }
        lines.join("\n")
    };
    if !report.not_configured.is_empty() {
        let places: Vec<String> = report.not_configured.iter().map(|p| format!("`{}`", option_name(*p))).collect();
        text.push_str("\n\n");
        text.push_str(&t!(lang, "check-not-configured", places = places.join(", ")));
    }
    text
}

fn place_name(f: &Finding, lang: Lang) -> String {
    match f.channel {
        Some(c) => t!(lang, f.place.message_id(), channel = format!("<#{c}>")),
        None => t!(lang, f.place.message_id()),
    }
}

/// The `/meeting config` option that sets a place.
fn option_name(place: Place) -> &'static str {
    match place {
        Place::Server => "",
        Place::PlenaryText => "plenary_channel",
        Place::PlenaryVoice => "plenary_voice",
        Place::OrganiserChannel => "organiser_channel",
    }
}

/// The check for the guild of `ctx` with `settings`, rendered; a failure to read from Discord
/// is said as such.
pub async fn checked(ctx: Context<'_>, settings: &GuildSettings, lang: Lang) -> String {
    let Some(guild) = ctx.guild_id() else { return String::new() };
    match check_guild(ctx.http(), guild, ctx.framework().bot_id(), settings).await {
        Ok(report) => render(&report, lang),
        Err(e) => {
            tracing::warn!(error = %e, "permission check failed");
            t!(lang, "check-failed", detail = e.to_string())
        }
    }
}

/// Check that samrad may post, move members and create breakout rooms here.
#[poise::command(slash_command, guild_only)]
pub async fn check(ctx: Context<'_>) -> Result<(), BotError> {
    let actor = actor(ctx).await?;
    if !actor.can_facilitate() {
        return reply(ctx, t!(actor.lang, "err-not-facilitator")).await;
    }
    ctx.defer_ephemeral().await?;
    let settings = ctx.data().store.guild_settings(actor.guild).await?;
    reply(ctx, checked(ctx, &settings, actor.lang).await).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(missing: Vec<Permissions>) -> CheckReport {
        CheckReport {
            findings: vec![
                Finding { place: Place::Server, channel: None, missing: Vec::new() },
                Finding { place: Place::PlenaryVoice, channel: Some(42), missing },
            ],
            not_configured: vec![Place::OrganiserChannel],
        }
    }

    #[test]
    fn missing_permissions_are_named_in_plain_words_per_place() {
        let text = render(&report(vec![Permissions::CONNECT, Permissions::MOVE_MEMBERS]), Lang::En);
        assert!(text.contains("• plenary voice <#42>: connect to voice, move members"), "{text}");
        assert!(!text.contains("the server"), "{text}");
        assert!(text.contains("`organiser_channel`"), "{text}");
        let nb = render(&report(vec![Permissions::MOVE_MEMBERS]), Lang::Nb);
        assert!(nb.contains("plenum-talekanalen <#42>: flytte medlemmer"), "{nb}");
        let sv = render(&report(vec![Permissions::MOVE_MEMBERS]), Lang::Sv);
        assert!(sv.contains("flytta medlemmar"), "{sv}");
    }

    #[test]
    fn nothing_missing_says_so() {
        let text = render(&report(Vec::new()), Lang::En);
        assert!(text.starts_with("samrad has every permission it needs"), "{text}");
    }
}
