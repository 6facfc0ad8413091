//! Several scheduler processes on one database: each due job runs once, and a worker killed
//! mid-job hands the job over when its lease runs out, without anything posted twice.
//!
//! Each "process" is a worker with its own store (its own connection pool) on the same
//! database. The chat counts every send attempt by key; the platform underneath deduplicates
//! an enforced nonce as Discord does, so "posted once" is checked on both: the platform shows
//! one message per key, and no key was sent twice except by the take-over after a kill.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use samrad::app::ports::prelude::*;
use samrad::app::ports::{Chat, ChatError, ManualClock, MessageId, OutMessage, RoomSpec};
use samrad::app::summarise::Offline;
use samrad::app::tick::tick_as;
use samrad::app::worker::Worker;
use samrad::app::{meetings, Actor, Staff};
use samrad::console::MemoryChat;
use samrad::domain::{ChannelId, GuildId, UserId};
use samrad::i18n::Lang;
use tokio::sync::Notify;

use crate::harness::kit;
use crate::store::Db;

const GUILDS: u64 = 12;

/// A chat that counts sends per key and, when armed, stops dead in one send (a process
/// killed mid-job): before handing it to the platform, or after the platform took it.
#[derive(Default)]
struct Recorder {
    platform: MemoryChat,
    sends: Mutex<HashMap<String, usize>>,
    hang: Mutex<Option<Hang>>,
    hung: Notify,
}

#[derive(Clone, Copy, PartialEq)]
enum Hang {
    BeforeSend,
    AfterSend,
}

impl Recorder {
    fn sends_of(&self, key: &str) -> usize {
        self.sends.lock().unwrap().get(key).copied().unwrap_or(0)
    }

    fn max_sends(&self) -> usize {
        self.sends.lock().unwrap().values().copied().max().unwrap_or(0)
    }

    async fn send(
        &self,
        key: Option<&str>,
        send: impl std::future::Future<Output = Result<MessageId, ChatError>>,
    ) -> Result<MessageId, ChatError> {
        if let Some(k) = key {
            *self.sends.lock().unwrap().entry(k.to_owned()).or_default() += 1;
        }
        let hang = self.hang.lock().unwrap().take();
        if hang == Some(Hang::BeforeSend) {
            self.hung.notify_one();
            std::future::pending::<()>().await;
        }
        let sent = send.await;
        if hang == Some(Hang::AfterSend) {
            self.hung.notify_one();
            std::future::pending::<()>().await;
        }
        sent
    }
}

#[async_trait]
impl Chat for Recorder {
    async fn post(&self, channel: ChannelId, message: OutMessage, key: Option<&str>) -> Result<MessageId, ChatError> {
        self.send(key, self.platform.post(channel, message, key)).await
    }
    async fn dm(&self, user: UserId, message: OutMessage, key: Option<&str>) -> Result<MessageId, ChatError> {
        self.send(key, self.platform.dm(user, message, key)).await
    }
    async fn create_category(&self, guild: GuildId, name: &str) -> Result<ChannelId, ChatError> {
        self.platform.create_category(guild, name).await
    }
    async fn create_room(&self, spec: &RoomSpec) -> Result<ChannelId, ChatError> {
        self.platform.create_room(spec).await
    }
    async fn channel_count(&self, guild: GuildId) -> Result<usize, ChatError> {
        self.platform.channel_count(guild).await
    }
    async fn channels(&self, guild: GuildId) -> Result<Vec<samrad::app::ports::GuildChannel>, ChatError> {
        self.platform.channels(guild).await
    }
    async fn archive_room(&self, channel: ChannelId) -> Result<(), ChatError> {
        self.platform.archive_room(channel).await
    }
    async fn delete_channel(&self, channel: ChannelId) -> Result<(), ChatError> {
        self.platform.delete_channel(channel).await
    }
    async fn move_to_voice(&self, guild: GuildId, user: UserId, channel: ChannelId) -> Result<bool, ChatError> {
        self.platform.move_to_voice(guild, user, channel).await
    }
    async fn voice_members(&self, guild: GuildId, channel: ChannelId) -> Result<Vec<UserId>, ChatError> {
        self.platform.voice_members(guild, channel).await
    }
    async fn grant_room(&self, channel: ChannelId, user: UserId, allow: bool) -> Result<(), ChatError> {
        self.platform.grant_room(channel, user, allow).await
    }
}

fn channel_of(guild: u64) -> ChannelId {
    ChannelId(guild * 10)
}

/// `GUILDS` guilds, each with the example meeting loaded; returns when answering opens.
async fn loaded(store: &dyn Store, clock: &ManualClock) -> DateTime<Utc> {
    let kit = kit("example-en");
    for g in 1..=GUILDS {
        let organiser =
            Actor { guild: GuildId(g), user: UserId(1), name: "Org".into(), staff: Staff::Organiser, lang: Lang::En };
        meetings::load_meeting(store, clock, &organiser, &kit, None, channel_of(g)).await.expect("meeting loads");
    }
    let meeting = store.current_meeting(GuildId(1)).await.unwrap().unwrap();
    store.pending_jobs(meeting.id).await.unwrap().into_iter().find(|j| j.kind == "open").unwrap().due_at
}

/// Runs the scenario on the database at `url` (SQLite file or a fresh Postgres database).
async fn each_due_job_runs_once(url: &str) {
    let (a, b) = (samrad::storage::open(url).await.unwrap(), samrad::storage::open(url).await.unwrap());
    let clock = Arc::new(ManualClock::new("2027-01-01T08:00:00Z".parse().unwrap()));
    let open = loaded(&*a, &clock).await;
    clock.set(open);
    let chat = Recorder::default();
    // One job per claim, so the two workers interleave instead of one taking the lot.
    let (wa, wb) = (Worker::new("process-a").with_batch(1), Worker::new("process-b").with_batch(1));
    let (ra, rb) =
        tokio::join!(tick_as(&wa, &*a, &chat, &*clock, &Offline), tick_as(&wb, &*b, &chat, &*clock, &Offline));
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    let (da, db) = (&ra.done, &rb.done);
    assert_eq!(da.len() + db.len(), GUILDS as usize, "every guild's open job ran: a {da:?} b {db:?}");
    assert!(da.iter().all(|k| !db.contains(k)), "no job ran in both: a {da:?} b {db:?}");
    assert_eq!(chat.max_sends(), 1, "no post was attempted twice");
    for g in 1..=GUILDS {
        assert_eq!(chat.platform.posts_in(channel_of(g)).len(), 1, "guild {g}: one questions post");
    }
}

/// A worker dies inside a job (`hang`); the other takes the job over after the lease.
async fn a_killed_worker_hands_its_job_over(url: &str, hang: Hang) {
    let (a, b) = (samrad::storage::open(url).await.unwrap(), samrad::storage::open(url).await.unwrap());
    let clock = Arc::new(ManualClock::new("2027-01-01T08:00:00Z".parse().unwrap()));
    let open = loaded(&*a, &clock).await;
    clock.set(open);
    let chat = Arc::new(Recorder::default());
    *chat.hang.lock().unwrap() = Some(hang);
    let lease = Duration::seconds(60);
    let wa = Worker::new("process-a").with_lease(lease).with_batch(1);
    let wb = Worker::new("process-b").with_lease(lease).with_batch(1);

    let killed = {
        let (a, chat, clock, wa) = (a.clone(), chat.clone(), clock.clone(), wa.clone());
        tokio::spawn(async move { tick_as(&wa, &*a, &*chat, &*clock, &Offline).await })
    };
    chat.hung.notified().await;
    killed.abort();
    let _ = killed.await;
    let hung_key = chat.sends.lock().unwrap().keys().next().cloned().expect("the killed worker was sending");

    // Within the lease the dead worker's claims hold: B runs the other guilds' jobs only.
    let report = tick_as(&wb, &*b, &*chat, &*clock, &Offline).await.unwrap();
    assert!(report.failed.is_empty(), "{report:?}");
    let first = report.done.len();
    assert_eq!(first, GUILDS as usize - 1, "B runs all but the job A still holds: {report:?}");
    assert_eq!(chat.sends_of(&hung_key), 1);

    // The lease runs out: B takes over what A held, including the job A died in.
    clock.advance(lease + Duration::seconds(1));
    let report = tick_as(&wb, &*b, &*chat, &*clock, &Offline).await.unwrap();
    assert_eq!(first + report.done.len(), GUILDS as usize, "every job done once in all: {report:?}");
    assert_eq!(chat.sends_of(&hung_key), 2, "the job A died in was run again by B");
    for g in 1..=GUILDS {
        assert_eq!(chat.platform.posts_in(channel_of(g)).len(), 1, "guild {g}: posted once");
    }
    // Nothing is left to run, and A's leftovers cannot finish a job B owns.
    let report = tick_as(&wb, &*b, &*chat, &*clock, &Offline).await.unwrap();
    assert!(report.done.is_empty(), "{report:?}");
}

/// A worker that stalls past its lease (a long GC pause, a frozen VM) loses the job to another
/// worker, notices when it next renews, and stops instead of running on beside it.
async fn a_stalled_worker_stops_when_its_claim_is_taken(url: &str) {
    let (a, b) = (samrad::storage::open(url).await.unwrap(), samrad::storage::open(url).await.unwrap());
    let clock = Arc::new(ManualClock::new("2027-01-01T08:00:00Z".parse().unwrap()));
    let open = loaded(&*a, &clock).await;
    clock.set(open);
    let chat = Arc::new(Recorder::default());
    *chat.hang.lock().unwrap() = Some(Hang::BeforeSend);
    // A renews only after B has taken over (B's tick takes milliseconds), as a process frozen
    // past its lease would on waking.
    let lease = Duration::seconds(60);
    let wa = Worker::new("process-a").with_lease(lease).with_batch(1).renewing_every(std::time::Duration::from_secs(1));
    let wb = Worker::new("process-b").with_lease(lease).with_batch(1);
    let stalled = {
        let (a, chat, clock, wa) = (a.clone(), chat.clone(), clock.clone(), wa.clone());
        tokio::spawn(async move { tick_as(&wa, &*a, &*chat, &*clock, &Offline).await })
    };
    chat.hung.notified().await;
    // A's lease runs out on the clock before it renews; B takes A's job and the rest.
    clock.advance(lease + Duration::seconds(1));
    let report = tick_as(&wb, &*b, &*chat, &*clock, &Offline).await.unwrap();
    assert_eq!(report.done.len(), GUILDS as usize, "B ran every job, A's too: {report:?}");
    let report = tokio::time::timeout(std::time::Duration::from_secs(10), stalled).await.expect("A stops").unwrap();
    let report = report.unwrap();
    assert!(report.failed.iter().any(|f| f.ends_with("claim lost")), "{report:?}");
    assert!(report.done.is_empty(), "A finished nothing B owns: {report:?}");
    for g in 1..=GUILDS {
        assert_eq!(chat.platform.posts_in(channel_of(g)).len(), 1, "guild {g}: posted once");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_stalled_worker_stops_when_its_claim_is_taken() {
    a_stalled_worker_stops_when_its_claim_is_taken(&Db::sqlite().await.url).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: SAMRAD_TEST_POSTGRES_URL (scripts/test.sh starts one)"]
async fn postgres_a_stalled_worker_stops_when_its_claim_is_taken() {
    let db = Db::postgres().await;
    a_stalled_worker_stops_when_its_claim_is_taken(&db.url).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_two_schedulers_run_each_due_job_once() {
    each_due_job_runs_once(&Db::sqlite().await.url).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_worker_killed_before_sending_hands_its_job_over() {
    a_killed_worker_hands_its_job_over(&Db::sqlite().await.url, Hang::BeforeSend).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_worker_killed_after_sending_hands_its_job_over_without_a_second_post() {
    a_killed_worker_hands_its_job_over(&Db::sqlite().await.url, Hang::AfterSend).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: SAMRAD_TEST_POSTGRES_URL (scripts/test.sh starts one)"]
async fn postgres_two_schedulers_run_each_due_job_once() {
    let db = Db::postgres().await;
    each_due_job_runs_once(&db.url).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: SAMRAD_TEST_POSTGRES_URL (scripts/test.sh starts one)"]
async fn postgres_a_worker_killed_before_sending_hands_its_job_over() {
    let db = Db::postgres().await;
    a_killed_worker_hands_its_job_over(&db.url, Hang::BeforeSend).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: SAMRAD_TEST_POSTGRES_URL (scripts/test.sh starts one)"]
async fn postgres_a_worker_killed_after_sending_hands_its_job_over_without_a_second_post() {
    let db = Db::postgres().await;
    a_killed_worker_hands_its_job_over(&db.url, Hang::AfterSend).await;
}
