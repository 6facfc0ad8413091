//! Every fixture payload parses into serenity 0.12.5's models: serenity drops gateway events it
//! cannot parse without a word (DEBUG log only), so a fixture that fails here would make an
//! end-to-end test hang instead of fail.

use fake_discord::fixtures::{message_json, ready_json};
use fake_discord::{
    perms, ChannelFixture, CommandOption, FileFixture, GuildFixture, InteractionContext, InteractionFixture,
    MemberFixture, Overwrite, RoleFixture, UserFixture, VoiceStateFixture,
};
use serde_json::{json, Value};
use serenity::model::application::{Interaction, ResolvedValue};
use serenity::model::channel::{ChannelType, GuildChannel, Message, PrivateChannel};
use serenity::model::event::{Event, GatewayEvent};
use serenity::model::guild::{Member, Role};
use serenity::model::user::User;
use serenity::model::voice::VoiceState;

const GUILD: u64 = 100;
const PLENARY: u64 = 101;
const VOICE: u64 = 102;
const CATEGORY: u64 = 103;
const FACILITATOR: u64 = 110;

fn parse<T: serde::de::DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{e}\npayload: {value:#}"))
}

/// Parses a dispatch exactly as serenity's shard does (the whole frame).
fn dispatch(event: &str, d: Value) -> Event {
    let frame = json!({ "op": 0, "s": 7, "t": event, "d": d });
    match parse::<GatewayEvent>(frame) {
        GatewayEvent::Dispatch(7, event) => event,
        other => panic!("not a dispatch: {other:?}"),
    }
}

fn ada() -> MemberFixture {
    MemberFixture::new(UserFixture::new(200, "ada").global_name("Ada")).role(FACILITATOR).nick("Ada L")
}

fn guild() -> GuildFixture {
    GuildFixture::new(GUILD)
        .name("Coordination group")
        .owner(200)
        .channel(ChannelFixture::category(CATEGORY, "Breakouts"))
        .channel(ChannelFixture::text(PLENARY, "plenary").position(1))
        .channel(
            ChannelFixture::voice(VOICE, "Plenary voice")
                .parent(CATEGORY)
                .overwrite(Overwrite::role(GUILD, 0, perms::VIEW_CHANNEL))
                .overwrite(Overwrite::member(200, perms::VIEW_CHANNEL | perms::CONNECT, 0)),
        )
        .role(RoleFixture::new(FACILITATOR, "facilitator").permissions(perms::MOVE_MEMBERS).color(0x3498db))
        .member(ada())
        .member(MemberFixture::new(UserFixture::new(201, "bo")))
        .voice_state(VoiceStateFixture::new(200, VOICE))
}

fn ctx() -> InteractionContext {
    InteractionContext::new(GUILD, PLENARY, ada())
}

#[test]
fn user_fixture_parses_as_user() {
    let user: User = parse(UserFixture::new(5, "ada").global_name("Ada").to_json());
    assert_eq!(user.id.get(), 5);
    assert_eq!(user.name, "ada");
    assert_eq!(user.global_name.as_deref(), Some("Ada"));
    let bot: User = parse(UserFixture::bot(6, "samrad").to_json());
    assert!(bot.bot);
}

#[test]
fn role_fixture_parses_with_colours_and_permissions() {
    let role: Role =
        parse(RoleFixture::new(7, "facilitator").permissions(perms::MOVE_MEMBERS).color(0xff0000).to_json());
    assert_eq!(role.name, "facilitator");
    assert!(role.permissions.move_members());
    assert_eq!(role.colour.0, 0xff0000);
}

#[test]
fn channel_fixtures_parse_as_guild_channels() {
    let text: GuildChannel = parse(ChannelFixture::text(PLENARY, "plenary").to_json(GUILD));
    assert_eq!(text.kind, ChannelType::Text);
    assert_eq!(text.guild_id.get(), GUILD);
    let voice: GuildChannel = parse(
        ChannelFixture::voice(VOICE, "v")
            .parent(CATEGORY)
            .overwrite(Overwrite::member(200, perms::CONNECT, 0))
            .to_json(GUILD),
    );
    assert_eq!(voice.kind, ChannelType::Voice);
    assert_eq!(voice.parent_id.map(|p| p.get()), Some(CATEGORY));
    assert_eq!(voice.permission_overwrites.len(), 1);
    let category: GuildChannel = parse(ChannelFixture::category(CATEGORY, "c").to_json(GUILD));
    assert_eq!(category.kind, ChannelType::Category);
}

#[test]
fn dm_channel_shape_parses_as_private_channel() {
    let dm = json!({ "id": "55", "type": 1, "last_message_id": null, "recipients": [UserFixture::new(5, "ada").to_json()], "flags": 0 });
    let channel: PrivateChannel = parse(dm);
    assert_eq!(channel.recipient.id.get(), 5);
}

#[test]
fn member_fixture_parses_as_member() {
    let mut value = ada().to_json();
    value["guild_id"] = json!(GUILD.to_string());
    let member: Member = parse(value);
    assert_eq!(member.user.id.get(), 200);
    assert_eq!(member.roles.len(), 1);
    assert_eq!(member.nick.as_deref(), Some("Ada L"));
}

#[test]
fn voice_state_fixture_parses() {
    let state: VoiceState = parse(VoiceStateFixture::new(200, VOICE).to_json(Some(GUILD)));
    assert_eq!(state.channel_id.map(|c| c.get()), Some(VOICE));
    let event = dispatch("VOICE_STATE_UPDATE", VoiceStateFixture::new(200, VOICE).to_json(Some(GUILD)));
    assert!(matches!(event, Event::VoiceStateUpdate(_)), "{event:?}");
}

#[test]
fn guild_create_carries_channels_roles_members_and_voice() {
    let event = dispatch("GUILD_CREATE", guild().to_create_json());
    let Event::GuildCreate(create) = event else { panic!("not GUILD_CREATE: {event:?}") };
    let guild = create.guild;
    assert_eq!(guild.name, "Coordination group");
    assert_eq!(guild.channels.len(), 3);
    assert_eq!(guild.roles.len(), 2, "@everyone + facilitator");
    assert_eq!(guild.members.len(), 2);
    assert_eq!(guild.voice_states.len(), 1);
    let voice = &guild.channels[&serenity::model::id::ChannelId::new(VOICE)];
    assert_eq!(voice.guild_id.get(), GUILD, "guild id filled into channels");
}

#[test]
fn ready_parses_with_application_and_resume_url() {
    let bot = UserFixture::bot(9, "samrad");
    let event = dispatch("READY", ready_json(&bot, 9, &[GUILD], "s1", "ws://127.0.0.1:1/ws", json!([0, 1])));
    let Event::Ready(ready) = event else { panic!("not READY: {event:?}") };
    assert_eq!(ready.ready.session_id, "s1");
    assert_eq!(ready.ready.application.id.get(), 9);
    assert_eq!(ready.ready.guilds.len(), 1);
}

#[test]
fn resumed_parses() {
    assert!(matches!(dispatch("RESUMED", json!({})), Event::Resumed(_)));
}

fn interaction(fixture: &InteractionFixture, message: Option<Value>) -> Interaction {
    let event = dispatch("INTERACTION_CREATE", fixture.to_json(1234, "tok", 9, message));
    let Event::InteractionCreate(create) = event else { panic!("not INTERACTION_CREATE: {event:?}") };
    create.interaction
}

#[test]
fn slash_command_with_options_parses() {
    let fixture = InteractionFixture::slash_command(
        "breakout",
        vec![CommandOption::subcommand(
            "split",
            vec![
                CommandOption::string("mode", "units"),
                CommandOption::integer("size", 4),
                CommandOption::boolean("voice", true),
            ],
        )],
        ctx(),
    );
    let Interaction::Command(command) = interaction(&fixture, None) else { panic!("not a command") };
    assert_eq!(command.data.name, "breakout");
    assert_eq!(command.token, "tok");
    assert_eq!(command.guild_id.map(|g| g.get()), Some(GUILD));
    let member = command.member.expect("member");
    assert_eq!(member.user.id.get(), 200);
    let options = command.data.options();
    let ResolvedValue::SubCommand(sub) = &options[0].value else { panic!("no subcommand: {options:?}") };
    assert_eq!(sub.len(), 3);
    assert!(matches!(sub[0].value, ResolvedValue::String("units")));
    assert!(matches!(sub[1].value, ResolvedValue::Integer(4)));
}

#[test]
fn slash_command_with_entity_options_parses() {
    let fixture = InteractionFixture::slash_command(
        "unit",
        vec![
            CommandOption::user("who", 201),
            CommandOption::channel("where", PLENARY),
            CommandOption::number("x", 1.5),
        ],
        ctx(),
    );
    assert!(matches!(interaction(&fixture, None), Interaction::Command(_)));
}

#[test]
fn slash_command_with_an_attachment_parses_and_resolves() {
    let file = FileFixture {
        id: 4321,
        filename: "kit.toml".into(),
        content_type: Some("application/toml".into()),
        size: 12,
        url: "http://127.0.0.1:9/attachments/4321/kit.toml".into(),
    };
    let fixture = InteractionFixture::slash_command(
        "kit",
        vec![CommandOption::subcommand("upload", vec![CommandOption::attachment("file", &file)])],
        ctx(),
    );
    let mut payload = fixture.to_json(1234, "tok", 9, None);
    // As the fake's send_interaction resolves it.
    payload["data"]["resolved"] = json!({ "attachments": { "4321": file.to_json() } });
    let Event::InteractionCreate(create) = dispatch("INTERACTION_CREATE", payload) else {
        panic!("not an interaction")
    };
    let Interaction::Command(command) = create.interaction else { panic!("not a command") };
    let options = command.data.options();
    let ResolvedValue::SubCommand(sub) = &options[0].value else { panic!("no subcommand: {options:?}") };
    let ResolvedValue::Attachment(attachment) = sub[0].value else { panic!("no attachment: {sub:?}") };
    assert_eq!(attachment.filename, "kit.toml");
    assert_eq!(attachment.size, 12);
    assert_eq!(attachment.url, file.url);
}

#[test]
fn autocomplete_parses() {
    let fixture =
        InteractionFixture::autocomplete("meeting", vec![CommandOption::string("kit", "uio").focused()], ctx());
    let Interaction::Autocomplete(auto) = interaction(&fixture, None) else { panic!("not autocomplete") };
    assert_eq!(auto.data.autocomplete().map(|a| a.value), Some("uio"));
}

#[test]
fn button_parses_with_stub_and_real_messages() {
    let author = UserFixture::bot(9, "samrad").to_json();
    let message = message_json(555, PLENARY, Some(GUILD), &author, "Answer the questions");
    let fixture = InteractionFixture::button("answer:open", 555, ctx());
    let Interaction::Component(component) = interaction(&fixture, Some(message)) else { panic!("not a component") };
    assert_eq!(component.data.custom_id, "answer:open");
    assert_eq!(component.message.id.get(), 555);
}

#[test]
fn a_button_in_a_dm_parses_without_guild_or_member() {
    let author = UserFixture::bot(9, "samrad").to_json();
    let message = message_json(556, 77, None, &author, "A reminder");
    let fixture = InteractionFixture::button("answer:open", 556, InteractionContext::dm(77, ada()));
    let Interaction::Component(component) = interaction(&fixture, Some(message)) else { panic!("not a component") };
    assert!(component.guild_id.is_none() && component.member.is_none());
    assert_eq!(component.user.name, "ada");
    assert_eq!(component.channel_id.get(), 77);
}

#[test]
fn select_parses() {
    let author = UserFixture::bot(9, "samrad").to_json();
    let message = message_json(556, PLENARY, Some(GUILD), &author, "pick");
    let fixture = InteractionFixture::select("scale:q1", vec!["4".into()], 556, ctx());
    let Interaction::Component(component) = interaction(&fixture, Some(message)) else { panic!("not a component") };
    let serenity::model::application::ComponentInteractionDataKind::StringSelect { values } = component.data.kind
    else {
        panic!("not a string select")
    };
    assert_eq!(values, vec!["4".to_string()]);
}

#[test]
fn modal_submit_parses_with_fields() {
    let fixture = InteractionFixture::modal_submit(
        "answers:q",
        vec![("q1".into(), "We share data weekly".into()), ("q2".into(), "yes".into())],
        ctx(),
    );
    let Interaction::Modal(modal) = interaction(&fixture, None) else { panic!("not a modal") };
    assert_eq!(modal.data.custom_id, "answers:q");
    assert_eq!(modal.data.components.len(), 2);
}

#[test]
fn message_fixture_parses_as_message() {
    let author = UserFixture::bot(9, "samrad").to_json();
    let message: Message = parse(message_json(1, PLENARY, Some(GUILD), &author, "hello"));
    assert_eq!(message.content, "hello");
    assert_eq!(message.guild_id.map(|g| g.get()), Some(GUILD));
}

/// Why the fixtures send `colors`: without it serenity 0.12.5 rejects the role, and with it
/// the whole GUILD_CREATE.
#[test]
fn a_role_without_colors_does_not_parse() {
    let mut role = RoleFixture::new(7, "x").to_json();
    role.as_object_mut().unwrap().remove("colors");
    assert!(serde_json::from_value::<Role>(role.clone()).is_err());
    let mut guild = GuildFixture::new(GUILD).to_create_json();
    guild["roles"] = json!([role]);
    let frame = json!({ "op": 0, "s": 1, "t": "GUILD_CREATE", "d": guild });
    // serenity turns it into an unknown event (or an error): either way no GuildCreate.
    let parsed = serde_json::from_value::<GatewayEvent>(frame);
    assert!(!matches!(parsed, Ok(GatewayEvent::Dispatch(_, Event::GuildCreate(_)))), "{parsed:?}");
}

/// Why interactions carry `attachment_size_limit`: without it serenity 0.12.5 drops them.
#[test]
fn an_interaction_without_attachment_size_limit_does_not_parse() {
    let mut payload = InteractionFixture::slash_command("x", vec![], ctx()).to_json(1, "t", 9, None);
    payload.as_object_mut().unwrap().remove("attachment_size_limit");
    assert!(serde_json::from_value::<Interaction>(payload.clone()).is_err());
    let frame = json!({ "op": 0, "s": 1, "t": "INTERACTION_CREATE", "d": payload });
    let parsed = serde_json::from_value::<GatewayEvent>(frame);
    assert!(!matches!(parsed, Ok(GatewayEvent::Dispatch(_, Event::InteractionCreate(_)))), "{parsed:?}");
}
