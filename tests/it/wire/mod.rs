//! The Discord adapter on the wire: the real bot (`samrad::discord::run_until`) against the fake
//! Discord on loopback. Each test starts its own fake, bot and temp SQLite; every wait is bounded.

mod answers;
mod breakouts;
mod cleanup;
mod commands;
mod day;
mod during;
mod faults;
mod kill;
mod kit_versions;
mod kits;
mod limits;
pub mod ops;
mod plans;
mod privacy;
mod scale;
mod shards;
mod speaking;
mod statements;
mod tables;
mod unit_answers;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use fake_discord::{
    perms, CommandOption, FakeDiscord, GuildFixture, InteractionContext, InteractionFixture, MemberFixture,
    RecordedRequest, SentInteraction, UserFixture,
};
use samrad::app::ports::prelude::*;
use samrad::app::ports::{Clock, GuildSettings, ManualClock};
use samrad::app::{meetings, membership, Actor, Staff};
use samrad::discord::ids::CustomId;
use samrad::discord::{BotError, BotSettings, Ticks};
use samrad::domain::{ChannelId, GuildId, Phase, UserId};
use samrad::i18n::Lang;
use samrad::storage::SqliteStore;
use secrecy::SecretString;
use tokio::sync::oneshot;

/// Upper bound of every wait.
#[path = "../../support/guild.rs"]
mod shared_guild;
pub use shared_guild::{coordination_guild, member_id, GuildIds, FACILITATOR, ORGANISER};

pub const T: Duration = Duration::from_secs(15);

pub const GUILD: u64 = 4_000;
pub const PLENARY: u64 = 4_001;
pub const VOICE: u64 = 4_002;
pub const FACILITATOR_ROLE: u64 = 4_003;

/// The guild: plenary text and voice, a facilitator role, the organiser, the facilitator and
/// `members` members, all of them sitting in the plenary voice channel when `in_voice`.
pub fn guild(members: usize, in_voice: bool) -> GuildFixture {
    let ids = GuildIds { guild: GUILD, plenary: PLENARY, voice: VOICE, facilitator_role: FACILITATOR_ROLE };
    coordination_guild(ids, "Coordination group", members, in_voice)
}

pub fn organiser() -> InteractionContext {
    InteractionContext::new(GUILD, PLENARY, MemberFixture::new(UserFixture::new(ORGANISER, "org")))
        .permissions(perms::DEFAULT_EVERYONE | perms::ADMINISTRATOR)
}

pub fn facilitator() -> InteractionContext {
    InteractionContext::new(
        GUILD,
        PLENARY,
        MemberFixture::new(UserFixture::new(FACILITATOR, "fay")).role(FACILITATOR_ROLE),
    )
}

pub fn member(i: usize) -> InteractionContext {
    InteractionContext::new(GUILD, PLENARY, MemberFixture::new(UserFixture::new(member_id(i), format!("m{i}"))))
}

pub fn prompts() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("prompts")
}

/// `/breakout <sub> ...` as the fake sends it.
pub fn breakout(sub: &str, options: Vec<CommandOption>, ctx: InteractionContext) -> InteractionFixture {
    InteractionFixture::slash_command("breakout", vec![CommandOption::subcommand(sub, options)], ctx)
}

/// A running bot against a fake Discord.
pub struct Wire {
    pub fake: FakeDiscord,
    pub store: SqliteStore,
    pub clock: Arc<ManualClock>,
    /// The bot's database (`sqlite:PATH`).
    pub db_url: String,
    /// The bot's scheduler ticks, to wait for a few more.
    pub ticks: Ticks,
    kits: PathBuf,
    stop: Option<oneshot::Sender<()>>,
    bot: Option<BotTask>,
    _dir: tempfile::TempDir,
}

/// What to prepare before the bot starts.
pub struct Setup {
    pub guild: GuildFixture,
    pub kits_dir: PathBuf,
    pub now: DateTime<Utc>,
    /// Facilitator role, plenary text and voice channels configured.
    pub configured: bool,
}

impl Setup {
    pub fn new(guild: GuildFixture) -> Self {
        Setup { guild, kits_dir: prompts(), now: "2027-06-10T08:00:00Z".parse().unwrap(), configured: true }
    }
}

/// Logs as `RUST_LOG` says (default: warnings, samrad's info), and every SQL statement filed
/// under its interaction (`statements`).
fn init_logs() {
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    use tracing_subscriber::Layer;
    let env = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn,samrad=info".into());
    let _ = tracing_subscriber::registry()
        .with(tracing_subscriber::fmt::layer().with_test_writer().with_filter(env))
        .with(statements::Counter.with_filter(statements::Wanted))
        .try_init();
}

/// The bot's SQLite database in `dir` (and its `sqlite:` URL), the guild configured (facilitator
/// role, plenary text and voice) when `configured`.
pub async fn open_store(dir: &std::path::Path, configured: bool) -> (SqliteStore, String) {
    let db_url = format!("sqlite:{}", dir.join("samrad.db").display());
    let store = SqliteStore::open(&db_url).await.expect("store opens");
    if configured {
        let settings = GuildSettings {
            facilitator_role: Some(FACILITATOR_ROLE),
            plenary_channel: Some(ChannelId(PLENARY)),
            plenary_voice: Some(ChannelId(VOICE)),
            locale: "en".into(),
            ..GuildSettings::default()
        };
        store.ensure_guild(GuildId(GUILD), "Coordination group").await.unwrap();
        store.save_guild_settings(GuildId(GUILD), &settings).await.unwrap();
    }
    (store, db_url)
}

/// Loads `kit` for the guild through the app (setup, not under test), meeting channel plenary.
pub async fn load_kit(store: &SqliteStore, clock: &dyn Clock, kit: &str) {
    let kit = samrad::kit::find_kit(&prompts(), kit).expect("kit");
    let organiser = Actor {
        guild: GuildId(GUILD),
        user: UserId(ORGANISER),
        name: "org".into(),
        staff: Staff::Organiser,
        lang: Lang::En,
    };
    meetings::load_meeting(store, clock, &organiser, &kit, None, ChannelId(PLENARY)).await.expect("meeting loads");
}

/// Seats members `0..n` in `units` in turn.
pub async fn seat_members(store: &SqliteStore, n: usize, units: &[&str]) {
    for i in 0..n {
        let actor = Actor {
            guild: GuildId(GUILD),
            user: UserId(member_id(i)),
            name: format!("m{i}"),
            staff: Staff::Member,
            lang: Lang::En,
        };
        membership::join_unit(store, &actor, units[i % units.len()], None).await.unwrap();
    }
}

type BotTask = tokio::task::JoinHandle<Result<(), BotError>>;

/// Starts the bot (`samrad::discord::run_until`) against `fake`, on `store` and `clock`.
fn spawn_bot(
    fake: &FakeDiscord,
    store: &SqliteStore,
    clock: &Arc<ManualClock>,
    kits: &std::path::Path,
) -> (Ticks, oneshot::Sender<()>, BotTask) {
    let port: Arc<dyn samrad::app::ports::Store> = Arc::new(store.clone());
    let settings = BotSettings {
        token: SecretString::from("MTAw.fake.token"),
        api_base: Some(fake.base_url()),
        kits: Arc::new(samrad::app::kit_library::KitLibrary::from_folder(port.clone(), kits.to_owned())),
        store: port,
        summariser: Arc::new(samrad::app::summarise::Offline),
        tick_every: Duration::from_millis(100),
        clock: clock.clone() as Arc<dyn Clock>,
        shards: None,
        secret: samrad::domain::privacy::AuthorSecret::new(vec![7; 32]).unwrap(),
        ticks: Ticks::default(),
    };
    let ticks = settings.ticks.clone();
    let (stop, stopped) = oneshot::channel::<()>();
    let bot = tokio::spawn(samrad::discord::run_until(settings, async {
        let _ = stopped.await;
    }));
    (ticks, stop, bot)
}

impl Wire {
    pub async fn start(setup: Setup) -> Wire {
        init_logs();
        let dir = tempfile::tempdir().expect("temp dir");
        let (store, db_url) = open_store(dir.path(), setup.configured).await;
        let fake = FakeDiscord::builder().heartbeat_interval(Duration::from_millis(500)).start().await;
        fake.add_guild(setup.guild);
        let clock = Arc::new(ManualClock::new(setup.now));
        let kits = setup.kits_dir;
        let (ticks, stop, bot) = spawn_bot(&fake, &store, &clock, &kits);
        fake.wait_ready(T).await.expect("bot identified");
        fake.wait_for_route("PUT /applications/{app}/commands", T).await.expect("commands registered");
        Wire { fake, store, clock, db_url, ticks, kits, stop: Some(stop), bot: Some(bot), _dir: dir }
    }

    /// Stops the bot (as a deploy or a crash would, between two ticks), lets `down` pass on the
    /// clock, and starts a new bot on the same database and fake Discord.
    pub async fn restart(&mut self, down: chrono::Duration) {
        self.stop_bot().await;
        self.clock.advance(down);
        let identified = self.fake.identifies();
        let (ticks, stop, bot) = spawn_bot(&self.fake, &self.store, &self.clock, &self.kits);
        (self.ticks, self.stop, self.bot) = (ticks, Some(stop), Some(bot));
        self.fake.wait_until(T, |f| f.identifies() > identified).await.expect("the new bot identified");
        self.fake.wait_ready(T).await.expect("the new bot is ready");
    }

    async fn stop_bot(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(bot) = self.bot.take() {
            let result = tokio::time::timeout(T, bot).await.expect("bot stops in time").expect("bot task");
            result.expect("bot ran without error");
        }
    }

    /// Stops the bot (bounded) and checks every request the bot made.
    pub async fn finish(mut self) {
        self.stop_bot().await;
        self.fake.assert_all_valid();
        self.fake.assert_no_unknown_routes();
    }

    /// Loads `kit` for the guild through the app (setup, not under test), meeting channel plenary.
    pub async fn load(&self, kit: &str) {
        load_kit(&self.store, &*self.clock, kit).await;
    }

    /// Seats members `0..n` in the kit's units in turn.
    pub async fn seat(&self, n: usize, units: &[&str]) {
        seat_members(&self.store, n, units).await;
    }

    /// Sends an interaction and waits until the bot acknowledged it; returns it and the
    /// callback type.
    pub async fn send(&self, fixture: InteractionFixture) -> (SentInteraction, u64) {
        let sent = self.fake.send_interaction(fixture).await;
        let kind = self.fake.wait_acknowledged(&sent.token, T).await.expect("interaction acknowledged");
        (sent, kind)
    }

    /// Waits for a response to `sent` (callback message, follow-up or edit) whose content
    /// contains `text`; returns that request.
    pub async fn reply_containing(&self, sent: &SentInteraction, text: &str) -> RecordedRequest {
        reply_containing(&self.fake, sent, text).await
    }

    /// Messages the bot posted in `channel` (not interaction responses).
    pub fn posts_in(&self, channel: u64) -> Vec<serde_json::Value> {
        self.fake.messages_in(channel).into_iter().filter(|m| m.get("webhook_id").is_none()).collect()
    }

    /// The answer-flow custom id `rest` (`modal:0`, `eval:pick:-.0:rating`) as samrad spells it
    /// in a flow of the guild's current meeting: with that meeting (`samrad:m<id>:modal:0`).
    pub async fn flow_id(&self, rest: &str) -> String {
        let meeting = self.store.current_meeting(GuildId(GUILD)).await.unwrap().expect("a current meeting");
        format!("samrad:m{}:{rest}", meeting.id)
    }

    /// The custom id of the first button on message `message` (what a click on it sends).
    pub fn first_button(&self, message: u64) -> String {
        let m = self.fake.message(message).expect("the message");
        first_button(&m).expect("a button").to_owned()
    }
}

/// The custom id of a posted message's first button.
pub fn first_button(message: &serde_json::Value) -> Option<&str> {
    message["components"][0]["components"][0]["custom_id"].as_str()
}

/// Whether a posted message's first button opens the answer flow of `phase` (the questions
/// post and reminders, the evaluation post, a meeting-day post).
pub fn opens_flow(message: &serde_json::Value, phase: Phase) -> bool {
    let id = first_button(message).and_then(CustomId::parse);
    matches!(id, Some(CustomId::Answer(flow)) if flow.phase == phase)
}

/// Waits for a response to `sent` (callback message, follow-up or edit) whose content
/// contains `text`; returns that request.
pub async fn reply_containing(fake: &FakeDiscord, sent: &SentInteraction, text: &str) -> RecordedRequest {
    let token = sent.token.clone();
    let wanted = text.to_owned();
    let found = fake
        .wait_for(
            move |r| {
                r.path.contains(&token)
                    && r.status < 300
                    && [&r.body["content"], &r.body["data"]["content"]]
                        .iter()
                        .any(|c| c.as_str().is_some_and(|c| c.contains(&wanted)))
            },
            T,
        )
        .await;
    match found {
        Ok(r) => r,
        Err(e) => {
            let seen: Vec<String> = fake
                .requests()
                .iter()
                .filter(|r| r.path.contains(&sent.token))
                .map(|r| format!("{} {} {}", r.method, r.path, r.body))
                .collect();
            panic!("{e}: no reply containing {:?}; replies seen:\n{}", text, seen.join("\n"))
        }
    }
}

/// Polls until `check` holds, for state the bot writes where the fake cannot see it (the
/// database), at most `T`.
pub async fn eventually<F: std::future::Future<Output = bool>>(what: &str, check: impl Fn() -> F) {
    let deadline = tokio::time::Instant::now() + T;
    while !check().await {
        assert!(tokio::time::Instant::now() < deadline, "{what}: not within {T:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Flags of an ephemeral message.
pub const EPHEMERAL: u64 = 1 << 6;
