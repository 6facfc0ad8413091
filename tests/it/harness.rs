//! A meeting ready to test: a store (a temp SQLite file, or a scratch Postgres database),
//! memory chat, manual clock, the English example kit.
//!
//! `World::new` is the SQLite world every test uses; `World::postgres` the same world on a
//! fresh Postgres database when `SAMRAD_TEST_POSTGRES_URL` names a server. `on_both_stores!`
//! runs one scenario on each.

use crate::pg::ScratchDatabase;
use chrono::{DateTime, Utc};
use samrad::app::ports::prelude::*;
use samrad::app::ports::{Clock, GuildSettings, ManualClock};
use samrad::app::{meetings, membership, Actor, Staff};
use samrad::console::MemoryChat;
use samrad::domain::kit::Kit;
use samrad::domain::{ChannelId, GuildId, UserId};
use samrad::i18n::Lang;
use samrad::storage::{PgStore, SqliteStore};

pub const GUILD: GuildId = GuildId(77);
pub const MEETING_CHANNEL: ChannelId = ChannelId(500);
pub const PLENARY: ChannelId = ChannelId(501);
pub const ORGANISERS: ChannelId = ChannelId(502);
pub const PLENARY_VOICE: ChannelId = ChannelId(503);

/// Runs `async fn $scenario<S: Store>(w: World<S>)` as two tests, `$scenario::sqlite` and
/// `$scenario::postgres` (which skips without `SAMRAD_TEST_POSTGRES_URL`).
macro_rules! on_both_stores {
    ($scenario:ident, $kit:literal) => {
        mod $scenario {
            #[tokio::test]
            async fn sqlite() {
                super::$scenario($crate::harness::World::new($kit).await).await
            }

            #[tokio::test]
            #[ignore = "needs PostgreSQL: SAMRAD_TEST_POSTGRES_URL (scripts/test.sh starts one)"]
            async fn postgres() {
                super::$scenario($crate::harness::World::postgres($kit).await).await
            }
        }
    };
}

pub struct World<S = SqliteStore> {
    pub store: S,
    pub chat: MemoryChat,
    pub clock: ManualClock,
    pub kit: Kit,
    pub organiser: Actor,
    pub db_url: String,
    _scratch: Scratch,
}

/// Where the world's database lives; removed when the world is dropped.
enum Scratch {
    Dir(#[allow(dead_code)] tempfile::TempDir),
    Pg(#[allow(dead_code)] ScratchDatabase),
}

pub fn kit(name: &str) -> Kit {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts").join(format!("{name}.toml"));
    samrad::kit::load_kit(&path).expect("shipped kit loads")
}

pub fn member(user: u64, name: &str) -> Actor {
    Actor { guild: GUILD, user: UserId(user), name: name.into(), staff: Staff::Member, lang: Lang::En }
}

impl World<SqliteStore> {
    pub async fn new(kit_name: &str) -> World {
        let dir = tempfile::tempdir().expect("temp dir");
        let db_url = format!("sqlite:{}", dir.path().join("samrad.db").display());
        let store = SqliteStore::open(&db_url).await.expect("store opens");
        World::with_store(store, db_url, Scratch::Dir(dir), kit_name).await
    }
}

impl World<PgStore> {
    /// The world on a fresh database on the Postgres test server (see `crate::pg`).
    pub async fn postgres(kit_name: &str) -> World<PgStore> {
        let db = ScratchDatabase::create().await;
        let store = PgStore::open(&db.url).await.expect("postgres store opens");
        let db_url = db.url.clone();
        World::with_store(store, db_url, Scratch::Pg(db), kit_name).await
    }
}

impl<S: Store> World<S> {
    async fn with_store(store: S, db_url: String, scratch: Scratch, kit_name: &str) -> World<S> {
        let kit = kit(kit_name);
        let clock = ManualClock::new("2027-01-01T08:00:00Z".parse().unwrap());
        let organiser =
            Actor { guild: GUILD, user: UserId(1), name: "Org".into(), staff: Staff::Organiser, lang: Lang::En };
        let settings = GuildSettings {
            plenary_channel: Some(PLENARY),
            organiser_channel: Some(ORGANISERS),
            plenary_voice: Some(PLENARY_VOICE),
            locale: "en".into(),
            ..GuildSettings::default()
        };
        store.save_guild_settings(GUILD, &settings).await.unwrap();
        World { store, chat: MemoryChat::new(), clock, kit, organiser, db_url, _scratch: scratch }
    }

    pub async fn load(&self) -> meetings::LoadedMeeting {
        meetings::load_meeting(&self.store, &self.clock, &self.organiser, &self.kit, None, MEETING_CHANNEL)
            .await
            .expect("meeting loads")
    }

    /// `n` members per unit, roles in turn; returns them in order.
    pub async fn seat(&self, per_unit: usize) -> Vec<Actor> {
        let mut people = Vec::new();
        for (u, unit) in self.kit.units.iter().enumerate() {
            for i in 0..per_unit {
                let n = people.len();
                let actor = member(100 + (u * 1000 + i) as u64, &format!("M{n}"));
                membership::join_unit(&self.store, &actor, unit.as_str(), None).await.unwrap();
                let role = &self.kit.roles[n % self.kit.roles.len()];
                membership::set_role(&self.store, &actor, role.as_str(), None).await.unwrap();
                people.push(actor);
            }
        }
        people
    }

    pub async fn due(&self, kind: &str) -> DateTime<Utc> {
        let meeting = self.store.current_meeting(GUILD).await.unwrap().unwrap();
        self.store.pending_jobs(meeting.id).await.unwrap().into_iter().find(|j| j.kind == kind).unwrap().due_at
    }

    pub async fn tick_at(&self, at: DateTime<Utc>) -> samrad::app::tick::TickReport {
        self.clock.set(at);
        samrad::app::tick::tick(&self.store, &self.chat, &self.clock).await.unwrap()
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}

/// What a demo writes, captured: pass `out` to the demo, read `text()` after.
#[derive(Clone, Default)]
pub struct DemoOutput(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl DemoOutput {
    pub fn out(&self) -> samrad::console::demo::SharedOut {
        samrad::console::demo::SharedOut::new(Box::new(self.clone()))
    }
    pub fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

impl std::io::Write for DemoOutput {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
