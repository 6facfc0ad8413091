//! What the wire benchmarks share (`benches/wire.rs`, `benches/limits.rs`): the bench kit, a
//! configured guild with its meeting loaded and members seated, and the bot on its own runtime.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use fake_discord::{FakeDiscord, GuildFixture, InteractionContext, MemberFixture, UserFixture};
use samrad::app::ports::prelude::*;
use samrad::app::ports::{Clock, GuildSettings, ManualClock};
use samrad::app::{meetings, membership, Actor, Staff};
use samrad::discord::{BotError, BotSettings};
use samrad::domain::{ChannelId, GuildId, UserId};
use samrad::i18n::Lang;
use samrad::storage::SqliteStore;
use secrecy::SecretString;
use tokio::sync::oneshot;

use super::shared_guild::{coordination_guild, member_id, GuildIds, FACILITATOR, ORGANISER};

/// Upper bound of the bot's start and stop.
const WAIT: Duration = Duration::from_secs(120);

pub const QUESTIONS: usize = 5;
pub const UNITS: [&str; 4] = ["Law", "Humanities", "Medicine", "Museum"];

/// A kit of five free-text questions (one modal page); answering opens ten days before `date`.
pub fn kit_toml(date: &str) -> String {
    let mut kit = format!(
        "id = \"wire-bench\"\ntitle = \"Wire bench\"\nlanguage = \"en\"\ntimezone = \"UTC\"\ndate = \"{date}\"\n\
         units = [\"Law\", \"Humanities\", \"Medicine\", \"Museum\"]\nroles = [\"Coordinator\"]\n\n[schedule]\n\
         open_days_before = 10\ntime = \"09:00\"\nreminders_days_before = [3]\ndeadline_days_before = 1\n\
         deadline_time = \"16:00\"\ndigest_days_before = 1\n"
    );
    for q in 1..=QUESTIONS {
        kit.push_str(&format!(
            "\n[[questions]]\nid = \"q{q}\"\ntext = \"Question {q}: where does your unit stand?\"\n"
        ));
    }
    kit
}

pub fn write_kit(dir: &Path, date: &str) -> samrad::domain::kit::Kit {
    let path = dir.join("wire-bench.toml");
    std::fs::write(&path, kit_toml(date)).unwrap();
    samrad::kit::load_kit(&path).expect("bench kit is valid")
}

/// Ids of guild `g`: the guild, plenary text, plenary voice, facilitator role.
pub fn ids(g: u64) -> (u64, u64, u64, u64) {
    let base = 10_000 * (g + 1);
    (base, base + 1, base + 2, base + 3)
}

pub fn guild(g: u64, members: usize, in_voice: bool) -> GuildFixture {
    let (guild, plenary, voice, facilitator_role) = ids(g);
    coordination_guild(
        GuildIds { guild, plenary, voice, facilitator_role },
        &format!("Coordination group {g}"),
        members,
        in_voice,
    )
}

pub fn member_ctx(g: u64, i: usize) -> InteractionContext {
    let (id, plenary, _, _) = ids(g);
    InteractionContext::new(id, plenary, MemberFixture::new(UserFixture::new(member_id(i), format!("m{i}"))))
}

pub fn facilitator_ctx(g: u64) -> InteractionContext {
    let (id, plenary, _, role) = ids(g);
    InteractionContext::new(id, plenary, MemberFixture::new(UserFixture::new(FACILITATOR, "fay")).role(role))
}

/// Configures guild `g`, loads the kit (meeting channel plenary) and seats `members` in units.
pub async fn prepare_guild(
    store: &SqliteStore,
    clock: &dyn Clock,
    kit: &samrad::domain::kit::Kit,
    g: u64,
    members: usize,
) {
    let (id, plenary, voice, role) = ids(g);
    let settings = GuildSettings {
        facilitator_role: Some(role),
        plenary_channel: Some(ChannelId(plenary)),
        plenary_voice: Some(ChannelId(voice)),
        locale: "en".into(),
        ..GuildSettings::default()
    };
    store.ensure_guild(GuildId(id), &format!("Coordination group {g}")).await.unwrap();
    store.save_guild_settings(GuildId(id), &settings).await.unwrap();
    let organiser = Actor {
        guild: GuildId(id),
        user: UserId(ORGANISER),
        name: "org".into(),
        staff: Staff::Organiser,
        lang: Lang::En,
    };
    meetings::load_meeting(store, clock, &organiser, kit, None, ChannelId(plenary)).await.expect("meeting loads");
    for i in 0..members {
        let actor = Actor {
            guild: GuildId(id),
            user: UserId(member_id(i)),
            name: format!("m{i}"),
            staff: Staff::Member,
            lang: Lang::En,
        };
        membership::join_unit(store, &actor, UNITS[i % UNITS.len()], None).await.unwrap();
    }
}

/// The bot of `samrad::discord::run_until` on its own runtime, against `fake`.
pub struct Bot {
    rt: tokio::runtime::Runtime,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<Result<(), BotError>>>,
}

impl Bot {
    pub async fn start(fake: &FakeDiscord, db_url: &str, kits_dir: &Path, now: DateTime<Utc>) -> Bot {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("bot")
            .enable_all()
            .build()
            .unwrap();
        // The store is opened on the bot's runtime, where its pool's connections live.
        let url = db_url.to_owned();
        let store = rt.spawn(async move { samrad::storage::open(&url).await }).await.unwrap().expect("store opens");
        let settings = BotSettings {
            token: SecretString::from("MTAw.fake.token"),
            api_base: Some(fake.base_url()),
            kits: Arc::new(samrad::app::kit_library::KitLibrary::from_folder(store.clone(), kits_dir.to_owned())),
            store,
            summariser: Arc::new(samrad::app::summarise::Offline),
            tick_every: Duration::from_millis(200),
            clock: Arc::new(ManualClock::new(now)) as Arc<dyn Clock>,
            shards: None,
            secret: samrad::domain::privacy::AuthorSecret::new(vec![7; 32]).unwrap(),
            ticks: samrad::discord::Ticks::default(),
        };
        let (stop, stopped) = oneshot::channel::<()>();
        let task = rt.spawn(samrad::discord::run_until(settings, async {
            let _ = stopped.await;
        }));
        fake.wait_ready(WAIT).await.expect("bot identified");
        fake.wait_for_route("PUT /applications/{app}/commands", WAIT).await.expect("commands registered");
        Bot { rt, stop: Some(stop), task: Some(task) }
    }

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let result = tokio::time::timeout(WAIT, task).await.expect("bot stops in time").expect("bot task");
            result.expect("bot ran without error");
        }
        self.rt.shutdown_background();
    }
}
