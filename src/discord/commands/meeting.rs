//! `/meeting load|status|end|config`: an organiser loads a kit into a channel, follows the
//! response rate, ends the meeting and configures roles, channels and language.

use chrono::NaiveDate;
use serenity::all::{Channel, Role};

use super::{actor, fail, reply};
use crate::app::settings::{self, SettingsChange};
use crate::app::{kits, meetings};
use crate::discord::bot::{BotError, Context};
use crate::domain::ChannelId;
use crate::t;

#[poise::command(
    slash_command,
    guild_only,
    subcommands("load", "status", "end", "config", "crate::discord::check::check"),
    subcommand_required
)]
pub async fn meeting(_: Context<'_>) -> Result<(), BotError> {
    Ok(())
}

/// Load a meeting kit into this channel.
#[poise::command(slash_command, guild_only)]
pub async fn load(
    ctx: Context<'_>,
    #[autocomplete = "super::kit::kit_ids"] kit: String,
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
    match kits::load_meeting(&*data.store, &*data.kits, &*data.clock, &actor, &kit, date, channel).await {
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
    match meetings::end_meeting(&*ctx.data().store, &*ctx.data().clock, &actor).await {
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
    #[min = 0]
    #[max = 365]
    rooms_kept_days: Option<u32>,
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
            let rooms_kept = match rooms_kept_days {
                Some(days) => match crate::app::breakouts::set_room_retention(&*ctx.data().store, &actor, days).await {
                    Ok(days) => format!("\n\n{}", t!(actor.lang, "rooms-kept-set", days = days)),
                    Err(e) => return fail(ctx, &actor, &e).await,
                },
                None => String::new(),
            };
            let check = crate::discord::check::checked(ctx, &s, actor.lang).await;
            reply(ctx, format!("{text}{retention}{rooms_kept}\n\n{check}")).await
        }
        Err(e) => fail(ctx, &actor, &e).await,
    }
}
