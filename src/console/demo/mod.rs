//! `samrad demo`: a whole simulated meeting on the console, no Discord token needed.
//! Members, answers and clicks are scripted from a seeded RNG; the clock is simulated, so the
//! weeks between opening and the deadline pass in a moment. Everything goes through the same
//! use cases and SQLite store as the real bot; only the chat transport is the console.
//!
//! By meeting step: this file sets the demo up (guild, kit, members) and runs it to the end;
//! `reflection` is the reflection before the meeting, `breakouts` the splits of the day.

mod breakouts;
mod reflection;

use std::io::Write;
use std::sync::{Arc, Mutex};

use chrono::Duration;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::samples;
use super::MemoryChat;
use crate::app::ports::Store;
use crate::app::ports::{Clock, GuildSettings, ManualClock};
use crate::app::summarise::Offline;
use crate::app::worker::Worker;
use crate::app::{meetings, membership, tick, Actor, Staff, UserMessage};
use crate::domain::kit::Kit;
use crate::domain::schedule::JobKind;
use crate::domain::{ChannelId, GuildId, UserId};
use crate::i18n::Lang;
use crate::t;

pub const DEMO_GUILD: GuildId = GuildId(4_200);
pub const MEETING_CHANNEL: ChannelId = ChannelId(100);
pub const PLENARY_CHANNEL: ChannelId = ChannelId(101);
pub const ORGANISER_CHANNEL: ChannelId = ChannelId(102);
pub const PLENARY_VOICE: ChannelId = ChannelId(103);

/// A writer several parts of the demo print to (the narrator and the console chat).
#[derive(Clone)]
pub struct SharedOut(Arc<Mutex<Box<dyn Write + Send>>>);

impl SharedOut {
    pub fn new(out: Box<dyn Write + Send>) -> Self {
        Self(Arc::new(Mutex::new(out)))
    }
    fn line(&self, text: &str) {
        let mut out = self.0.lock().expect("demo output lock");
        let _ = writeln!(out, "{text}");
    }
}

impl Write for SharedOut {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("demo output lock").write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.lock().expect("demo output lock").flush()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("demo step failed: {0}")]
    Step(String),
    #[error(transparent)]
    Store(#[from] crate::app::ports::StoreError),
}

fn step<E: std::fmt::Display>(e: E) -> DemoError {
    DemoError::Step(e.to_string())
}

/// The scheduler worker of every demo run. Its leases and claims are held in the demo's
/// simulated time, which a later run on the same database starts before again; one fixed id
/// lets that run take them back (a per-process id would wait out the simulated weeks).
pub fn demo_worker() -> Worker {
    Worker::new("samrad-demo")
}

/// `samrad-demo-files/` beside the demo's database file (or in the working directory).
pub fn files_dir(db_url: &str) -> std::path::PathBuf {
    let path = std::path::Path::new(db_url.trim_start_matches("sqlite:").trim_start_matches("//"));
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new(".")).join("samrad-demo-files")
}

/// What the demo did, for the test that runs it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoReport {
    pub members: usize,
    pub answered: usize,
    pub reminded: usize,
    pub rooms: usize,
    pub summaries: usize,
}

pub struct Demo {
    pub store: std::sync::Arc<dyn Store>,
    pub chat: MemoryChat,
    pub clock: ManualClock,
    pub kit: Kit,
    pub lang: Lang,
    pub rng: ChaCha8Rng,
    pub out: SharedOut,
    pub people: Vec<Actor>,
    pub organiser: Actor,
    pub worker: Worker,
    /// Per question, the sample answers not drawn yet: no answer is given twice before all
    /// have been given once.
    decks: std::collections::HashMap<String, Vec<&'static str>>,
}

impl Demo {
    /// A demo on `store` (opened by `main`), saving attachments to `files` (see [`files_dir`]).
    pub fn new(
        kit: Kit,
        seed: u64,
        store: Arc<dyn Store>,
        files: std::path::PathBuf,
        out: SharedOut,
    ) -> Result<Self, DemoError> {
        let lang = Lang::from_code(&kit.language).unwrap_or_default();
        let jobs = crate::domain::schedule::plan(&kit.schedule, kit.date, kit.timezone).map_err(step)?;
        let start = jobs.first().map(|j| j.due_at - Duration::hours(1)).unwrap_or_else(chrono::Utc::now);
        let organiser =
            Actor { guild: DEMO_GUILD, user: UserId(1), name: "Organiser".into(), staff: Staff::Organiser, lang };
        Ok(Self {
            store,
            // The digest chart and other attachments land next to the demo database.
            chat: MemoryChat::printing(Box::new(out.clone())).saving_attachments(files),
            clock: ManualClock::new(start),
            kit,
            lang,
            rng: ChaCha8Rng::seed_from_u64(seed),
            out,
            people: Vec::new(),
            organiser,
            worker: demo_worker(),
            decks: std::collections::HashMap::new(),
        })
    }

    /// One scheduler step as the demo's worker (offline summaries: the demo's output is fixed).
    pub async fn tick(&self) -> Result<tick::TickReport, DemoError> {
        tick::tick_as(&self.worker, &*self.store, &self.chat, &self.clock, &Offline).await.map_err(step)
    }

    pub fn say(&self, text: &str) {
        self.out.line(text);
    }

    fn heading(&self, id: &str) {
        self.say("");
        self.say(&format!("=== {} ===", t!(self.lang, id)));
    }

    async fn advance_to(&self, kind: JobKind) -> Result<(), DemoError> {
        let meeting = self.store.current_meeting(DEMO_GUILD).await?.ok_or_else(|| step("no meeting"))?;
        let job = self.store.pending_jobs(meeting.id).await?.into_iter().find(|j| j.kind == kind.as_str());
        if let Some(job) = job {
            self.clock.set(job.due_at.max(self.clock.now()));
        }
        let report = self.tick().await?;
        for failed in &report.failed {
            self.say(&format!("! {failed}"));
        }
        Ok(())
    }

    /// Sets up the guild, loads the kit and seats members in units with roles.
    pub async fn setup(&mut self) -> Result<(), DemoError> {
        if self.store.current_meeting(DEMO_GUILD).await?.is_some() {
            meetings::end_meeting(&*self.store, &self.clock, &self.organiser).await.map_err(step)?;
        }
        let settings = GuildSettings {
            plenary_channel: Some(PLENARY_CHANNEL),
            plenary_voice: Some(PLENARY_VOICE),
            organiser_channel: Some(ORGANISER_CHANNEL),
            locale: self.lang.code().into(),
            ..GuildSettings::default()
        };
        self.store.save_guild_settings(DEMO_GUILD, &settings).await?;
        let loaded =
            meetings::load_meeting(&*self.store, &self.clock, &self.organiser, &self.kit, None, MEETING_CHANNEL)
                .await
                .map_err(|e| step(e.user_message(self.lang)))?;
        self.say(&t!(
            self.lang,
            "demo-loaded",
            title = loaded.meeting.title.as_str(),
            questions = loaded.meeting.questions.len(),
            jobs = loaded.jobs.len()
        ));
        let units = self.kit.units.clone();
        let roles = self.kit.roles.clone();
        let per_unit = if units.len() > 5 { 2 } else { 3 };
        let mut n = 0;
        for unit in units.iter().take(8) {
            for _ in 0..per_unit {
                let name = samples::PEOPLE[n % samples::PEOPLE.len()];
                let actor = Actor {
                    guild: DEMO_GUILD,
                    user: UserId(1_000 + n as u64),
                    name: name.to_owned(),
                    staff: Staff::Member,
                    lang: self.lang,
                };
                membership::join_unit(&*self.store, &actor, unit.as_str(), None).await.map_err(step)?;
                if !roles.is_empty() {
                    let role = &roles[n % roles.len()];
                    membership::set_role(&*self.store, &actor, role.as_str(), None).await.map_err(step)?;
                }
                self.people.push(actor);
                n += 1;
            }
        }
        self.say(&t!(self.lang, "demo-members", members = self.people.len(), units = units.len().min(8)));
        Ok(())
    }

    pub async fn finish(&self) -> Result<(), DemoError> {
        meetings::end_meeting(&*self.store, &self.clock, &self.organiser).await.map_err(step)?;
        self.say("");
        self.say(&t!(self.lang, "demo-done"));
        Ok(())
    }
}

/// Runs the whole scripted demo.
pub async fn run(
    kit: Kit,
    seed: u64,
    store: Arc<dyn Store>,
    files: std::path::PathBuf,
    out: SharedOut,
) -> Result<DemoReport, DemoError> {
    let mut demo = Demo::new(kit, seed, store, files, out)?;
    let mut report = DemoReport::default();
    demo.setup().await?;
    demo.reflection(&mut report).await?;
    demo.breakouts(&mut report).await?;
    demo.finish().await?;
    Ok(report)
}
