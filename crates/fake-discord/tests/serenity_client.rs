//! A real serenity 0.12.5 `Client` against the fake: connects, gets READY + GUILD_CREATE into
//! its cache, answers interactions over REST, survives a dropped gateway by RESUMing (and gets
//! the events it missed), sees injected 429/5xx, and its REST calls parse and validate.

use std::sync::Arc;
use std::time::Duration;

use fake_discord::{
    perms, ChannelFixture, CommandOption, FakeDiscord, Fault, GuildFixture, InteractionContext, InteractionFixture,
    MemberFixture, RoleFixture, UserFixture, VoiceStateFixture,
};
use serenity::all::{
    ChannelId, ChannelType, Client, ClientBuilder, CommandOptionType, Context, CreateActionRow, CreateAttachment,
    CreateAutocompleteResponse, CreateButton, CreateChannel, CreateCommand, CreateCommandOption, CreateInputText,
    CreateInteractionResponse, CreateInteractionResponseFollowup, CreateInteractionResponseMessage, CreateMessage,
    CreateModal, EditChannel, EventHandler, GatewayIntents, GuildId, HttpBuilder, InputTextStyle, Interaction,
    PermissionOverwrite, PermissionOverwriteType, Permissions, Ready, RoleId, UserId,
};
use serenity::async_trait;
use serenity::cache::Cache;
use serenity::http::Http;
use tokio::sync::mpsc;

const GUILD: u64 = 7_000;
const PLENARY: u64 = 7_001;
const VOICE: u64 = 7_002;
const ROOMS: u64 = 7_003;
const FACILITATOR: u64 = 7_010;
const ADA: u64 = 7_100;
const BO: u64 = 7_101;
const T: Duration = Duration::from_secs(10);

struct Handler {
    events: mpsc::UnboundedSender<String>,
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        let _ = self.events.send(format!("ready:{}", ready.session_id));
        let commands = vec![CreateCommand::new("breakout").description("Breakout rooms").add_option(
            CreateCommandOption::new(CommandOptionType::Integer, "mode", "How to split")
                .add_int_choice("random", 0)
                .add_int_choice("units", 1),
        )];
        if let Err(e) = serenity::model::application::Command::set_global_commands(&ctx.http, commands).await {
            let _ = self.events.send(format!("error:register:{e}"));
        }
    }

    async fn resume(&self, _ctx: Context, _: serenity::model::event::ResumedEvent) {
        let _ = self.events.send("resumed".into());
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let result = match &interaction {
            Interaction::Command(command) if command.data.name == "slow" => {
                let defer = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(true));
                match command.create_response(&ctx.http, defer).await {
                    Ok(()) => command
                        .create_followup(&ctx.http, CreateInteractionResponseFollowup::new().content("done"))
                        .await
                        .map(|_| ()),
                    Err(e) => Err(e),
                }
            }
            Interaction::Command(command) => {
                let reply = CreateInteractionResponseMessage::new()
                    .content(format!("pong {}", command.data.name))
                    .components(vec![CreateActionRow::Buttons(vec![CreateButton::new("answer:open").label("Answer")])]);
                command.create_response(&ctx.http, CreateInteractionResponse::Message(reply)).await
            }
            Interaction::Component(component) if component.data.custom_id == "answer:open" => {
                let modal = CreateModal::new("answers:q", "Your answers").components(vec![CreateActionRow::InputText(
                    CreateInputText::new(InputTextStyle::Paragraph, "What works?", "q1"),
                )]);
                component.create_response(&ctx.http, CreateInteractionResponse::Modal(modal)).await
            }
            Interaction::Component(component) => {
                let update = CreateInteractionResponseMessage::new().content("chosen");
                component.create_response(&ctx.http, CreateInteractionResponse::UpdateMessage(update)).await
            }
            Interaction::Modal(modal) => {
                let thanks = CreateInteractionResponseMessage::new().content("saved").ephemeral(true);
                modal.create_response(&ctx.http, CreateInteractionResponse::Message(thanks)).await
            }
            Interaction::Autocomplete(auto) => {
                let choices = CreateAutocompleteResponse::new().add_string_choice("UiO kit", "uio");
                auto.create_response(&ctx.http, CreateInteractionResponse::Autocomplete(choices)).await
            }
            _ => Ok(()),
        };
        let _ = self.events.send(match (result, interaction.id()) {
            (Ok(()), id) => format!("answered:{id}"),
            (Err(e), id) => format!("error:{id}:{e}"),
        });
    }
}

fn guild() -> GuildFixture {
    let ada = MemberFixture::new(UserFixture::new(ADA, "ada")).role(FACILITATOR);
    GuildFixture::new(GUILD)
        .name("Coordination group")
        .channel(ChannelFixture::text(PLENARY, "plenary"))
        .channel(ChannelFixture::voice(VOICE, "Plenary voice"))
        .channel(ChannelFixture::category(ROOMS, "Breakout rooms"))
        .role(RoleFixture::new(FACILITATOR, "facilitator").permissions(perms::MOVE_MEMBERS | perms::MANAGE_CHANNELS))
        .member(ada)
        .member(MemberFixture::new(UserFixture::new(BO, "bo")))
        .voice_state(VoiceStateFixture::new(ADA, VOICE))
}

fn ctx() -> InteractionContext {
    InteractionContext::new(GUILD, PLENARY, MemberFixture::new(UserFixture::new(ADA, "ada")).role(FACILITATOR))
}

struct Running {
    fake: FakeDiscord,
    http: Arc<Http>,
    cache: Arc<Cache>,
    events: mpsc::UnboundedReceiver<String>,
    shards: Arc<serenity::gateway::ShardManager>,
}

async fn start() -> Running {
    let fake = FakeDiscord::builder().heartbeat_interval(Duration::from_millis(500)).start().await;
    fake.add_guild(guild());
    let http = HttpBuilder::new("MTAw.fake.token").proxy(fake.base_url()).ratelimiter_disabled(true).build();
    let (tx, events) = mpsc::unbounded_channel();
    let intents = GatewayIntents::non_privileged();
    let mut client: Client =
        ClientBuilder::new_with_http(http, intents).event_handler(Handler { events: tx }).await.expect("client builds");
    let (http, cache, shards) = (client.http.clone(), client.cache.clone(), client.shard_manager.clone());
    tokio::spawn(async move {
        let _ = client.start().await;
    });
    Running { fake, http, cache, events, shards }
}

async fn next_event(events: &mut mpsc::UnboundedReceiver<String>, prefix: &str) -> String {
    tokio::time::timeout(T, async {
        loop {
            let event = events.recv().await.expect("handler alive");
            assert!(!event.starts_with("error:"), "handler failed: {event}");
            if event.starts_with(prefix) {
                return event;
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("no `{prefix}` event within {T:?}"))
}

async fn eventually(what: &str, check: impl Fn() -> bool) {
    let deadline = tokio::time::Instant::now() + T;
    while !check() {
        assert!(tokio::time::Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serenity_connects_answers_resumes_and_sees_faults() {
    let Running { fake, http, cache, mut events, shards } = start().await;

    // READY + GUILD_CREATE land in serenity's cache.
    fake.wait_ready(T).await.expect("bot identified");
    next_event(&mut events, "ready:").await;
    eventually("guild in cache", || cache.guild(GuildId::new(GUILD)).is_some()).await;
    {
        let guild = cache.guild(GuildId::new(GUILD)).unwrap();
        assert_eq!(guild.channels.len(), 3);
        assert_eq!(guild.members.len(), 2);
        assert_eq!(guild.voice_states.len(), 1);
    }
    fake.wait_for_route("PUT /applications/{app}/commands", T).await.expect("commands registered");
    assert_eq!(fake.commands()[0]["options"][0]["type"], 4, "int choice option");
    let identify = fake.gateway_frames().into_iter().find(|f| f.op == 2).expect("IDENTIFY");
    assert_eq!(identify.d["properties"]["browser"], "serenity");

    // A slash command is answered with a REST callback (type 4) that carries a button.
    let sent = fake
        .send_interaction(InteractionFixture::slash_command("breakout", vec![CommandOption::integer("mode", 1)], ctx()))
        .await;
    assert_eq!(fake.wait_acknowledged(&sent.token, T).await.unwrap(), 4);
    let callback = fake
        .wait_for(|r| r.method == "POST" && r.path == format!("/interactions/{}/{}/callback", sent.id, sent.token), T)
        .await
        .unwrap();
    assert_eq!(callback.status, 204);
    assert!(sent.sent_at <= callback.received_at, "sent before the bot answered");
    assert!(callback.received_at <= callback.at, "received before recorded");
    assert!(callback.received_at - sent.sent_at < T, "answer time is measurable");
    let original = fake.original_response(&sent.token).expect("original message");
    assert_eq!(original["content"], "pong breakout");

    // Button → modal (type 9) → submit → ephemeral message.
    let message_id: u64 = original["id"].as_str().unwrap().parse().unwrap();
    let button = fake.send_interaction(InteractionFixture::button("answer:open", message_id, ctx())).await;
    assert_eq!(fake.wait_acknowledged(&button.token, T).await.unwrap(), 9);
    let modal = fake
        .send_interaction(InteractionFixture::modal_submit(
            "answers:q",
            vec![("q1".into(), "Weekly syncs".into())],
            ctx(),
        ))
        .await;
    assert_eq!(fake.wait_acknowledged(&modal.token, T).await.unwrap(), 4);
    assert_eq!(fake.original_response(&modal.token).unwrap()["flags"], 64, "ephemeral");

    // Select → update (7) edits the message; autocomplete → 8; deferred (5) + follow-up.
    let select = fake.send_interaction(InteractionFixture::select("pick", vec!["a".into()], message_id, ctx())).await;
    assert_eq!(fake.wait_acknowledged(&select.token, T).await.unwrap(), 7);
    assert_eq!(fake.message(message_id).unwrap()["content"], "chosen");
    let auto = fake
        .send_interaction(InteractionFixture::autocomplete(
            "meeting",
            vec![CommandOption::string("kit", "u").focused()],
            ctx(),
        ))
        .await;
    assert_eq!(fake.wait_acknowledged(&auto.token, T).await.unwrap(), 8);
    let slow = fake.send_interaction(InteractionFixture::slash_command("slow", vec![], ctx())).await;
    next_event(&mut events, &format!("answered:{}", slow.id)).await;
    let filled = fake.original_response(&slow.token).unwrap();
    assert_eq!(filled["content"], "done", "follow-up fills the deferred message");
    assert_eq!(filled["flags"], 64, "still ephemeral, no longer loading");

    // The gateway drops; an interaction sent meanwhile arrives after RESUME (replay).
    let resumes = fake.resumes();
    fake.drop_gateway().await;
    let missed = fake.send_interaction(InteractionFixture::slash_command("breakout", vec![], ctx())).await;
    fake.wait_resumed(resumes, T).await.expect("bot resumed");
    next_event(&mut events, "resumed").await;
    assert_eq!(fake.identifies(), 1, "resumed, not re-identified");
    assert_eq!(fake.wait_acknowledged(&missed.token, T).await.unwrap(), 4);
    let resume = fake.gateway_frames().into_iter().find(|f| f.op == 6).expect("RESUME frame");
    assert_eq!(resume.d["session_id"], "fake-session-1");

    // Heartbeats are sent and acknowledged.
    eventually("a heartbeat", || fake.gateway_frames().iter().any(|f| f.op == 1)).await;

    // An injected 429 reaches the caller (no ratelimiter retries it), then the route works.
    fake.inject(Fault::rate_limit("POST /guilds/{id}/channels", 0.2));
    let room = CreateChannel::new("room-1").kind(ChannelType::Text).category(ChannelId::new(ROOMS)).permissions(vec![
        PermissionOverwrite {
            allow: Permissions::empty(),
            deny: Permissions::VIEW_CHANNEL,
            kind: PermissionOverwriteType::Role(RoleId::new(GUILD)),
        },
        PermissionOverwrite {
            allow: Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES,
            deny: Permissions::empty(),
            kind: PermissionOverwriteType::Member(UserId::new(ADA)),
        },
    ]);
    let err = GuildId::new(GUILD).create_channel(&http, room.clone()).await.expect_err("429");
    assert!(err.to_string().contains("rate limited") || format!("{err:?}").contains("429"), "{err:?}");
    let limited = fake.requests_matching("POST /guilds/{id}/channels");
    assert_eq!(limited[0].status, 429);
    let channel = GuildId::new(GUILD).create_channel(&http, room).await.expect("created after the 429");
    assert_eq!(channel.permission_overwrites.len(), 2);
    assert_eq!(channel.parent_id, Some(ChannelId::new(ROOMS)));
    let fetched = http.get_channel(channel.id).await.expect("GET /channels/{id}");
    assert_eq!(fetched.guild().unwrap().name, "room-1");
    eventually("CHANNEL_CREATE in cache", || {
        cache.guild(GuildId::new(GUILD)).is_some_and(|g| g.channels.contains_key(&channel.id))
    })
    .await;

    // 5xx too.
    fake.inject(Fault::server_error("POST /channels/{id}/messages", 502));
    assert!(channel.id.say(&http, "hello").await.is_err());
    channel.id.say(&http, "hello").await.expect("second try works");
    assert_eq!(fake.messages_in(channel.id.get()).len(), 1);

    shards.shutdown_all().await;
    fake.assert_all_valid();
    fake.assert_no_unknown_routes();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serenity_rest_calls_parse_and_change_state() {
    let fake = FakeDiscord::start().await;
    fake.add_guild(guild());
    let http = HttpBuilder::new("MTAw.fake.token").proxy(fake.base_url()).ratelimiter_disabled(true).build();

    let app = http.get_current_application_info().await.expect("application info");
    assert_eq!(app.id.get(), fake.application_id());
    let me = http.get_current_user().await.expect("current user");
    assert_eq!(me.id.get(), fake.bot_user_id());

    // Messages: create with a file, edit, fetch.
    let plenary = ChannelId::new(PLENARY);
    let message = plenary
        .send_message(
            &http,
            CreateMessage::new()
                .content("digest")
                .add_file(CreateAttachment::bytes(b"unit,rate\nA,3\n".to_vec(), "digest.csv")),
        )
        .await
        .expect("message with file");
    assert_eq!(message.attachments.len(), 1);
    let posted = fake.requests_matching("POST /channels/{id}/messages");
    assert_eq!(posted[0].body["content"], "digest");
    assert_eq!(posted[0].attachments[0].filename.as_deref(), Some("digest.csv"));
    let edited = plenary
        .edit_message(&http, message.id, serenity::builder::EditMessage::new().content("digest v2"))
        .await
        .expect("edit");
    assert_eq!(edited.content, "digest v2");
    assert_eq!(fake.messages_in(PLENARY)[0]["content"], "digest v2");

    // Channels: edit, permission, list, delete.
    plenary.edit(&http, EditChannel::new().name("plenary-2")).await.expect("edit channel");
    let overwrite = PermissionOverwrite {
        allow: Permissions::VIEW_CHANNEL,
        deny: Permissions::empty(),
        kind: PermissionOverwriteType::Member(UserId::new(BO)),
    };
    plenary.create_permission(&http, overwrite).await.expect("put permission");
    assert_eq!(fake.channel(PLENARY).unwrap()["permission_overwrites"][0]["id"], BO.to_string());
    let channels = GuildId::new(GUILD).channels(&http).await.expect("guild channels");
    assert_eq!(channels.len(), 3);
    ChannelId::new(ROOMS).delete(&http).await.expect("delete");
    assert!(fake.channel(ROOMS).is_none());

    // Members: fetch, move in voice, DM.
    let member = http.get_member(GuildId::new(GUILD), UserId::new(ADA)).await.expect("member");
    assert_eq!(member.user.name, "ada");
    GuildId::new(GUILD).move_member(&http, UserId::new(ADA), ChannelId::new(PLENARY)).await.expect("move");
    assert_eq!(fake.voice_channel_of(GUILD, ADA), Some(PLENARY));
    let dm = UserId::new(BO).create_dm_channel(&http).await.expect("dm channel");
    dm.say(&http, "Your answers are due at 14:00").await.expect("dm sent");
    assert_eq!(fake.dms(BO)[0]["content"], "Your answers are due at 14:00");

    // Unknown routes are 404s and recorded.
    assert!(http.get_guild_roles(GuildId::new(GUILD)).await.is_ok());
    assert!(http.get_emojis(GuildId::new(GUILD)).await.is_err());
    assert_eq!(fake.unknown_requests().len(), 1);

    fake.assert_all_valid();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_bodies_are_recorded_and_reported() {
    let fake = FakeDiscord::start().await;
    fake.add_guild(guild());
    let client = HttpBuilder::new("MTAw.fake.token").proxy(fake.base_url()).ratelimiter_disabled(true).build();
    let too_long = "x".repeat(2001);
    // serenity's builders check lengths client-side, so send the raw body.
    let body = serde_json::json!({ "content": too_long, "flags": "x" });
    let _ = client.send_message(ChannelId::new(PLENARY), vec![], &body).await;
    let bad = fake.invalid_requests();
    assert_eq!(bad.len(), 1);
    assert!(bad[0].validation_errors[0].contains("content"), "{:?}", bad[0].validation_errors);
    let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| fake.assert_all_valid()));
    assert!(panic.is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_enforced_nonce_returns_the_first_message_instead_of_a_second() {
    use serenity::all::{ChannelId, CreateMessage, Nonce};
    let Running { fake, http, shards, .. } = start().await;
    fake.wait_ready(T).await.expect("ready");
    let channel = ChannelId::new(PLENARY);
    let keyed =
        |nonce: &str| CreateMessage::new().content("hello").nonce(Nonce::String(nonce.into())).enforce_nonce(true);
    let first = channel.send_message(&http, keyed("m1:open")).await.expect("first send");
    let again = channel.send_message(&http, keyed("m1:open")).await.expect("repeated send");
    assert_eq!(first.id, again.id, "the repeat is the first message");
    let other = channel.send_message(&http, keyed("m1:remind")).await.expect("another key");
    assert_ne!(first.id, other.id);
    assert_eq!(fake.messages_in(PLENARY).len(), 2);
    shards.shutdown_all().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attached_files_are_served_on_loopback_and_counted() {
    let fake = FakeDiscord::start().await;
    let file = fake.add_file("kit.toml", Some("application/toml"), b"id = \"x\"\n".to_vec());
    assert!(file.url.starts_with("http://127.0.0.1:"), "{}", file.url);
    let attachment: serenity::model::channel::Attachment =
        serde_json::from_value(file.to_json()).expect("attachment parses");
    let bytes = attachment.download().await.expect("download from the fake");
    assert_eq!(bytes, b"id = \"x\"\n");
    assert_eq!(fake.file_downloads(file.id), 1);
}
