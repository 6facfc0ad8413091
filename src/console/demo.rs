//! `samrad demo`: a whole simulated meeting on the console, no Discord token needed.
//! Members, answers and clicks are scripted from a seeded RNG; the clock is simulated, so the
//! weeks between opening and the deadline pass in a moment. Everything goes through the same
//! use cases and SQLite store as the real bot; only the chat transport is the console.

use std::io::Write;
use std::sync::{Arc, Mutex};

use chrono::Duration;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::samples;
use super::MemoryChat;
use crate::app::ports::Store;
use crate::app::ports::{Clock, GuildSettings, ManualClock};
use crate::app::summarise::Offline;
use crate::app::worker::Worker;
use crate::app::{answers, meetings, membership, tick, Actor, Staff, UserMessage};
use crate::domain::kit::Kit;
use crate::domain::schedule::JobKind;
use crate::domain::{ChannelId, GuildId, Phase, Question, QuestionKind, UnitName, UserId};
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

    /// A member of a unit that has answered, other than the one who wrote the answer.
    async fn unit_editor(&self, answered: &[(Option<UnitName>, UserId)]) -> Result<Option<Actor>, DemoError> {
        for person in &self.people {
            let unit = self.store.member(DEMO_GUILD, person.user).await?.and_then(|m| m.unit);
            if unit.is_some() && answered.iter().any(|(u, writer)| u == &unit && *writer != person.user) {
                return Ok(Some(person.clone()));
            }
        }
        Ok(None)
    }

    fn sample_answer(&mut self, q: &Question) -> String {
        self.sample_value(&q.kind, false, |demo| {
            let deck = demo.decks.entry(q.id.to_string()).or_default();
            if deck.is_empty() {
                deck.extend(samples::answers_for(&demo.kit.id, q.id.as_str(), demo.lang));
                deck.shuffle(&mut demo.rng);
            }
            deck.pop().unwrap_or("-").to_owned()
        })
    }

    /// A sample answer of `kind` (both demos): `pleased` leans to the top of a scale, yes and
    /// the first option (the day's evaluation); `free` writes a text answer.
    pub(super) fn sample_value(
        &mut self,
        kind: &QuestionKind,
        pleased: bool,
        free: impl FnOnce(&mut Self) -> String,
    ) -> String {
        match kind.sample(&mut self.rng, pleased) {
            Some(value) => value,
            None => free(self),
        }
    }

    /// The reflection phase: open, answer, edit, remind, status, deadline, digest.
    pub async fn reflection(&mut self, report: &mut DemoReport) -> Result<(), DemoError> {
        self.heading("demo-step-open");
        self.advance_to(JobKind::Open).await?;

        self.heading("demo-step-answers");
        let people = self.people.clone();
        let questions: Vec<Question> =
            self.kit.questions.iter().filter(|q| q.phase == Phase::Reflection).cloned().collect();
        let mut answered_units = Vec::new();
        for person in &people {
            // About two in three answer before the first reminder; where units answer, one
            // member writes the unit's answer.
            let unit = self.store.member(DEMO_GUILD, person.user).await?.and_then(|m| m.unit);
            if !self.rng.gen_bool(0.65) || (self.kit.unit_answers && answered_units.iter().any(|(u, _)| u == &unit)) {
                continue;
            }
            answered_units.push((unit, person.user));
            let raw: Vec<(String, String)> =
                questions.iter().map(|q| (q.id.to_string(), self.sample_answer(q))).collect();
            let saved = answers::submit_answers(&*self.store, &self.clock, person, &raw).await.map_err(step)?;
            self.say(&format!("{} → {}", person.name, answers::render_report(&saved, self.lang)));
            report.answered += 1;
            self.clock.advance(Duration::minutes(7));
        }
        // Where units answer, another member of a unit edits the unit's answer.
        let editor =
            if self.kit.unit_answers { self.unit_editor(&answered_units).await? } else { people.first().cloned() };
        // A free-text answer is edited (a new sample, so the edit shows as a new version).
        let edited_question = questions.iter().find(|q| q.kind == QuestionKind::Free).or(questions.first());
        if let (Some(first), Some(q)) = (editor.as_ref(), edited_question) {
            let text = self.sample_answer(q);
            let edited = answers::submit_answers(&*self.store, &self.clock, first, &[(q.id.to_string(), text)])
                .await
                .map_err(step)?;
            self.say(&t!(self.lang, "demo-edit", name = first.name.as_str()));
            self.say(&answers::render_report(&edited, self.lang));
            if self.kit.unit_answers {
                let (meeting, mine) = answers::my_answers(&*self.store, first).await.map_err(step)?;
                self.say(&answers::render_mine(&meeting, &mine, self.lang));
            }
        }
        // An answer that breaks the rules is refused with a reason, and nothing is lost.
        if let (Some(person), Some(q)) = (people.get(1), questions.first()) {
            let too_long = "x".repeat(4001);
            let refused = answers::submit_answers(&*self.store, &self.clock, person, &[(q.id.to_string(), too_long)])
                .await
                .map_err(step)?;
            let first_line = answers::render_report(&refused, self.lang);
            self.say(&format!("{} → {}", person.name, first_line.lines().next().unwrap_or_default()));
        }

        self.heading("demo-step-remind");
        let before = self.chat.events().len();
        self.advance_to(JobKind::Remind).await?;
        report.reminded =
            self.chat.events()[before..].iter().filter(|e| matches!(e, super::ChatEvent::Dm { .. })).count();

        self.heading("demo-step-status");
        let status = meetings::meeting_status(&*self.store, &self.organiser).await.map_err(step)?;
        self.say(&meetings::render_status(&status, self.lang));

        self.heading("demo-step-deadline");
        self.advance_to(JobKind::Deadline).await?;
        if let (Some(late), Some(q)) = (people.last(), questions.first()) {
            let text = self.sample_answer(q);
            match answers::submit_answers(&*self.store, &self.clock, late, &[(q.id.to_string(), text)]).await {
                Ok(_) => self.say("!"),
                Err(e) => self.say(&format!("{} → {}", late.name, e.user_message(self.lang))),
            }
        }

        self.heading("demo-step-digest");
        self.advance_to(JobKind::Digest).await?;
        report.members = people.len();
        Ok(())
    }

    /// The meeting day: a split in every mode, a broadcast, notes, a rapporteur summary, and the
    /// close that brings one summary per room back to plenary.
    pub async fn breakouts(&mut self, report: &mut DemoReport) -> Result<(), DemoError> {
        use crate::app::breakouts::{self, SplitRequest};
        use crate::domain::grouping::{Mode, Sizing};
        let present: Vec<UserId> = self.people.iter().map(|p| p.user).collect();
        for p in &self.people {
            self.chat.join_voice(p.user, PLENARY_VOICE);
        }
        let facilitator = Actor { staff: Staff::Facilitator, ..self.organiser.clone() };
        let notes = samples::answers(self.lang);
        for mode in Mode::ALL {
            self.say("");
            self.say(&format!("=== {} ===", t!(self.lang, "demo-step-split", mode = mode.as_str())));
            let plan = self.kit.breakouts.iter().find(|p| p.mode == mode).cloned();
            let request = SplitRequest {
                mode,
                sizing: Sizing::from_size(plan.as_ref().and_then(|p| p.size).or(Some(4))),
                minutes: plan.as_ref().map_or(10, |p| p.minutes),
                voice: mode == Mode::Units,
                channels: true,
                plan,
                present: Some(present.clone()),
                topics: Vec::new(),
            };
            let round = breakouts::split(
                &*self.store,
                &self.chat,
                &self.clock,
                &facilitator,
                &request,
                &mut self.rng,
                &|_, _| {},
            )
            .await
            .map_err(|e| step(e.user_message(self.lang)))?;
            report.rooms += round.rooms.len();
            if mode == Mode::Choose {
                for (i, p) in self.people.clone().iter().enumerate() {
                    let room = (i % round.rooms.len()) as u32 + 1;
                    if let Err(e) = breakouts::pick_room(&*self.store, &self.chat, &self.clock, p, round.id, room).await
                    {
                        self.say(&format!("{} → {}", p.name, e.user_message(self.lang)));
                    }
                }
            }
            if mode == Mode::Random {
                let n = breakouts::broadcast(
                    &*self.store,
                    &self.chat,
                    &self.clock,
                    &facilitator,
                    &t!(self.lang, "demo-broadcast"),
                )
                .await
                .map_err(step)?;
                self.say(&t!(self.lang, "demo-broadcast-reached", rooms = n));
            }
            let round = self.store.open_round(round.meeting).await?.ok_or_else(|| step("round"))?;
            for (i, room) in round.rooms.iter().enumerate() {
                let Some(channel) = room.text_channel else { continue };
                for (j, user) in room.members.iter().take(2).enumerate() {
                    let Some(writer) = self.people.iter().find(|p| p.user == *user) else { continue };
                    let text = notes[(i + j) % notes.len()];
                    let rapporteur = i == 0 && j == 1;
                    breakouts::add_note(&*self.store, &self.clock, writer, channel, text, rapporteur)
                        .await
                        .map_err(step)?;
                }
            }
            // Let the timer run out: the scheduler warns, then closes and reports to plenary.
            self.clock.set(round.ends_at - Duration::seconds(30));
            self.tick().await?;
            self.clock.set(round.ends_at);
            let before = self.chat.posts_in(PLENARY_CHANNEL).len();
            self.tick().await?;
            report.summaries += self.chat.posts_in(PLENARY_CHANNEL).len() - before;
            self.clock.advance(Duration::minutes(5));
        }
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
