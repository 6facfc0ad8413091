//! Buttons, selects and modal submits of the answer flow, dispatched from the gateway's
//! INTERACTION_CREATE events. Each interaction runs in its own tracing span.

use serenity::all::{
    ActionRowComponent, ComponentInteraction, ComponentInteractionDataKind, CreateInteractionResponse,
    CreateInteractionResponseMessage, EditInteractionResponse, FullEvent, Interaction, ModalInteraction,
};
use tracing::{info, info_span, warn, Instrument};

use super::bot::{BotError, Data};
use super::chat::{cut, MESSAGE_LIMIT};
use super::context::{actor, actor_and_member, Who};
use super::forms::{self, follow_up};
use super::ids::{AnswerFlow, CustomId, Nav};
use crate::app::actor::UserMessage;
use crate::app::answers::{self, AnswerForm};
use crate::app::breakouts;
use crate::app::Actor;
use crate::domain::Phase;
use crate::t;

pub async fn on_event(ctx: poise::FrameworkContext<'_, Data, BotError>, event: &FullEvent) -> Result<(), BotError> {
    if let FullEvent::GuildCreate { guild, .. } = event {
        recover_once(ctx.user_data, guild.id.get());
        return Ok(());
    }
    let FullEvent::InteractionCreate { interaction } = event else { return Ok(()) };
    let sctx = ctx.serenity_context;
    let data = ctx.user_data;
    match interaction {
        Interaction::Component(c) => {
            let span = info_span!("interaction", id = %c.id, custom_id = %c.data.custom_id, user = %c.user.id, guild = ?c.guild_id);
            let result = on_component(sctx, data, c).instrument(span.clone()).await;
            if let Err(e) = &result {
                super::lifecycle::failed();
                span.in_scope(|| warn!(error = %e, "component failed"));
            }
        }
        Interaction::Modal(m) => {
            let span = info_span!("interaction", id = %m.id, custom_id = %m.data.custom_id, user = %m.user.id, guild = ?m.guild_id);
            let result = on_modal(sctx, data, m).instrument(span.clone()).await;
            if let Err(e) = &result {
                super::lifecycle::failed();
                span.in_scope(|| warn!(error = %e, "modal failed"));
            }
        }
        _ => {}
    }
    Ok(())
}

/// The first time this process sees `guild` (its GUILD_CREATE, so voice states are in the
/// cache), settles a breakout round a dead process left half-done (`breakouts::recover`):
/// only rounds open before this process started, never one it is opening itself.
fn recover_once(data: &Data, guild: u64) {
    if !data.recovered.lock().unwrap_or_else(|p| p.into_inner()).insert(guild) {
        return;
    }
    let (store, chat, clock) = (data.store.clone(), data.chat.clone(), data.clock.clone());
    let summariser = data.summariser.clone();
    let inherited = data.inherited.lock().unwrap_or_else(|p| p.into_inner()).clone();
    tokio::spawn(async move {
        let guild = crate::domain::GuildId(guild);
        match crate::app::breakouts::recover(&*store, &*chat, &*clock, &*summariser, guild, &inherited).await {
            Ok(done) if done.is_empty() => {}
            Ok(done) => info!(%guild, ?done, "half-done breakout rounds settled"),
            Err(e) => warn!(%guild, error = %e, "cannot settle a half-done breakout round"),
        }
    });
}

/// Where to take the member in the answer flow: which questions, which modal page (past the
/// last page, the pickers).
#[derive(Debug, Clone, Copy)]
pub struct Flow {
    pub phase: Phase,
    pub page: usize,
}

impl Flow {
    /// The start of the flow of `phase`.
    pub fn start(phase: Phase) -> Self {
        Flow { phase, page: 0 }
    }
}

fn ephemeral(text: String) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(
        CreateInteractionResponseMessage::new().content(cut(&text, MESSAGE_LIMIT)).ephemeral(true),
    )
}

async fn form(data: &Data, actor: &Actor, phase: Phase) -> Result<AnswerForm, answers::AnswerFlowError> {
    let mut form = answers::answer_form(&*data.store, &*data.clock, actor, phase).await?;
    // The member's own anonymous answers prefill the form too (found by their key).
    let anonymous = crate::app::anonymous::current_of(&*data.store, &data.secret, &form.meeting, actor).await?;
    form.current.extend(anonymous);
    Ok(form)
}

/// Last meeting's plans of the member's unit, for the top of the flow's first reply (a failure
/// to read them is logged and leaves them out: they are a reminder, not the flow).
async fn previous_plans(data: &Data, form: &AnswerForm, lang: crate::i18n::Lang) -> Option<String> {
    match answers::previous_plans_note(&*data.store, form, lang).await {
        Ok(note) => note,
        Err(e) => {
            warn!(error = %e, "previous plans left out of the answer flow");
            None
        }
    }
}

/// `head` above `body`, either of which may be empty.
fn stack(head: Option<String>, body: String) -> String {
    match head {
        Some(h) if body.is_empty() => h,
        Some(h) => format!("{h}\n\n{body}"),
        None => body,
    }
}

/// The response that opens the answer flow at `flow`: a modal page, or the pickers when there
/// are no (more) text questions, or the reason answering is not possible now.
pub async fn answer_response(data: &Data, actor: &Actor, flow: Flow) -> CreateInteractionResponse {
    let form = match form(data, actor, flow.phase).await {
        Ok(f) => f,
        Err(e) => return ephemeral(e.user_message(actor.lang)),
    };
    if let Some(modal) = forms::modal_page(&form, flow.page, actor.lang) {
        return CreateInteractionResponse::Modal(modal);
    }
    if form.pages.is_empty() && form.pickers.is_empty() {
        return ephemeral(t!(actor.lang, "flow-no-questions"));
    }
    // Without text questions this message is the flow's first reply.
    let head = if form.pages.is_empty() { previous_plans(data, &form, actor.lang).await } else { None };
    let up = follow_up(&form, Nav::default(), actor.lang);
    CreateInteractionResponse::Message(
        CreateInteractionResponseMessage::new()
            .content(cut(&stack(head, up.text), MESSAGE_LIMIT))
            .components(up.rows)
            .ephemeral(true),
    )
}

async fn on_component(ctx: &serenity::all::Context, data: &Data, c: &ComponentInteraction) -> Result<(), BotError> {
    let Some(id) = CustomId::parse(&c.data.custom_id) else { return Ok(()) };
    let flow = match id {
        CustomId::Choose { round, room } => return choose_room(ctx, data, c, round, room).await,
        CustomId::Consent(_) | CustomId::Forget(_) => return super::privacy_buttons::on_click(ctx, data, c, &id).await,
        CustomId::PlanStatus(click) => return super::commands::plan::on_click(ctx, data, c, click).await,
        CustomId::Modal(..) | CustomId::Input(_) | CustomId::PlanDrop { .. } | CustomId::PlanDropNote => return Ok(()),
        CustomId::Answer(flow) | CustomId::Page(flow, _) | CustomId::More(flow, _) | CustomId::Pick { flow, .. } => {
            flow
        }
    };
    let who = Who::of_component(c);
    let actor = match actor_and_member(data, &who, flow.meeting).await {
        Ok((a, _)) => a,
        Err(BotError::NotInGuild) => {
            c.create_response(ctx, ephemeral(t!(who.fallback_lang(), "err-guild-only"))).await?;
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    let response = match id {
        CustomId::Answer(flow) => answer_response(data, &actor, Flow::start(flow.phase)).await,
        CustomId::Page(flow, page) => answer_response(data, &actor, Flow { phase: flow.phase, page }).await,
        CustomId::More(flow, nav) => match form(data, &actor, flow.phase).await {
            Ok(f) => update(follow_up(&f, nav, actor.lang), None),
            Err(e) => ephemeral(e.user_message(actor.lang)),
        },
        CustomId::Pick { flow: AnswerFlow { phase, .. }, nav, question, value } => {
            let value = value.or_else(|| match &c.data.kind {
                ComponentInteractionDataKind::StringSelect { values } => values.first().cloned(),
                _ => None,
            });
            pick(data, &actor, phase, nav, &question, value.unwrap_or_default()).await
        }
        // Answered by the first match.
        CustomId::Modal(..)
        | CustomId::Input(_)
        | CustomId::Choose { .. }
        | CustomId::Consent(_)
        | CustomId::Forget(_)
        | CustomId::PlanStatus(_)
        | CustomId::PlanDrop { .. }
        | CustomId::PlanDropNote => return Ok(()),
    };
    c.create_response(ctx, response).await?;
    Ok(())
}

/// A room button of a `choose` round: deferred first (granting access and moving voice are
/// several calls), then the room or the reason as an ephemeral message.
async fn choose_room(
    ctx: &serenity::all::Context,
    data: &Data,
    c: &ComponentInteraction,
    round: i64,
    room: u32,
) -> Result<(), BotError> {
    c.defer_ephemeral(ctx).await?;
    let who = Who::of_component(c);
    let text = match actor(data, &who).await {
        Ok(actor) => match breakouts::pick_room(&*data.store, &*data.chat, &*data.clock, &actor, round, room).await {
            Ok(r) => super::commands::breakout::joined_text(&r, actor.lang),
            Err(e) => e.user_message(actor.lang),
        },
        Err(BotError::NotInGuild) => t!(who.fallback_lang(), "err-guild-only"),
        Err(e) => return Err(e),
    };
    c.edit_response(ctx, EditInteractionResponse::new().content(cut(&text, MESSAGE_LIMIT))).await?;
    Ok(())
}

/// A yes/no, scale or choice answer: saved at once; the picker message is redrawn with the
/// result on top.
async fn pick(
    data: &Data,
    actor: &Actor,
    phase: Phase,
    nav: Nav,
    question: &crate::domain::QuestionId,
    value: String,
) -> CreateInteractionResponse {
    let before = match form(data, actor, phase).await {
        Ok(f) => f,
        Err(e) => return ephemeral(e.user_message(actor.lang)),
    };
    let raw = before.meeting.question(question).map(|q| forms::picked_value(q, &value)).unwrap_or(value);
    let report = match answers::submit_answers_keyed(
        &*data.store,
        &*data.clock,
        Some(&data.secret),
        actor,
        &[(question.to_string(), raw)],
    )
    .await
    {
        Ok(r) => answers::render_report(&r, actor.lang),
        Err(e) => return ephemeral(e.user_message(actor.lang)),
    };
    match form(data, actor, phase).await {
        Ok(after) => update(follow_up(&after, nav, actor.lang), Some(report)),
        Err(e) => ephemeral(e.user_message(actor.lang)),
    }
}

fn update(up: forms::FollowUp, header: Option<String>) -> CreateInteractionResponse {
    let text = stack(header, up.text);
    CreateInteractionResponse::UpdateMessage(
        CreateInteractionResponseMessage::new().content(cut(&text, MESSAGE_LIMIT)).components(up.rows),
    )
}

/// The (question id, text) pairs of a submitted modal.
pub fn modal_answers(components: &[serenity::all::ActionRow]) -> Vec<(String, String)> {
    components
        .iter()
        .flat_map(|row| &row.components)
        .filter_map(|c| match c {
            ActionRowComponent::InputText(input) => match CustomId::parse(&input.custom_id) {
                Some(CustomId::Input(q)) => Some((q.to_string(), input.value.clone().unwrap_or_default())),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

async fn on_modal(ctx: &serenity::all::Context, data: &Data, m: &ModalInteraction) -> Result<(), BotError> {
    let (flow, page) = match CustomId::parse(&m.data.custom_id) {
        Some(CustomId::Modal(flow, page)) => (flow, page),
        Some(CustomId::PlanDrop { plan, asked_in }) => {
            return super::commands::plan::on_drop_note(ctx, data, m, plan, asked_in).await
        }
        _ => return Ok(()),
    };
    let phase = flow.phase;
    // Acknowledge first: Discord allows 3 s, and saving plus re-reading the form may be slow.
    m.defer_ephemeral(ctx).await?;
    let who = Who::of_modal(m);
    let (actor, member) = match actor_and_member(data, &who, flow.meeting).await {
        Ok(a) => a,
        Err(BotError::NotInGuild) => {
            m.edit_response(ctx, EditInteractionResponse::new().content(t!(who.fallback_lang(), "err-guild-only")))
                .await?;
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    let raw = modal_answers(&m.data.components);
    let submitted =
        answers::submit_form(&*data.store, &*data.clock, Some(&data.secret), &actor, member.as_ref(), phase, &raw)
            .await;
    let edit = match submitted {
        Err(e) => EditInteractionResponse::new().content(e.user_message(actor.lang)),
        Ok(answers::Submitted { report, form }) => {
            let report = answers::render_report(&report, actor.lang);
            match form {
                Ok(f) => {
                    let next_page = Some(page + 1).filter(|p| *p < f.pages.len());
                    let up = follow_up(&f, Nav { next_page, offset: 0 }, actor.lang);
                    // The first page's reply is the flow's first message: last meeting's plans on top.
                    let head = if page == 0 { previous_plans(data, &f, actor.lang).await } else { None };
                    let text = stack(head, stack(Some(report), up.text));
                    EditInteractionResponse::new().content(cut(&text, MESSAGE_LIMIT)).components(up.rows)
                }
                Err(e) => EditInteractionResponse::new().content(format!("{report}\n{}", e.user_message(actor.lang))),
            }
        }
    };
    m.edit_response(ctx, edit).await?;
    // The first time a member answers, they are asked (once) whether their answers may be
    // shown in their breakout room.
    super::privacy_buttons::ask_consent_once(ctx, data, &actor, member.as_ref(), m).await?;
    Ok(())
}
