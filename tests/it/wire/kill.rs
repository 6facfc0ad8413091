//! The real process killed: `samrad run` (the built binary) against the fake Discord, SIGKILLed
//! in the middle of a split and again in the middle of a close, then started again. The round
//! ends consistent each time: everyone in exactly one room or all back in plenary voice, no
//! channel nobody knows of, nothing posted twice.
//!
//! Every wait is on something the fake or the database shows (a request, a voice state, a
//! closed round). The fake enforces Discord's rate limits in windows a tenth as long, so the
//! bot is waiting for the move bucket's next window when it is killed.

use std::collections::BTreeSet;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fake_discord::{FakeDiscord, RateLimits};
use samrad::app::ports::prelude::*;
use samrad::app::ports::{Round, SystemClock};
use samrad::domain::GuildId;
use samrad::storage::SqliteStore;

use super::breakouts::{split_units, UNITS};
use super::{
    breakout, eventually, facilitator, guild, load_kit, member_id, open_store, prompts, reply_containing, seat_members,
    GUILD, PLENARY, T, VOICE,
};

const MOVES: &str = "PATCH /guilds/{g}/members/{u}";

/// A `samrad run` process; killed when dropped (also when the test fails).
struct Samrad(Child);

impl Samrad {
    async fn start(fake: &FakeDiscord, dir: &std::path::Path, db_url: &str) -> Samrad {
        let identified = fake.identifies();
        let log = std::fs::OpenOptions::new().create(true).append(true).open(dir.join("samrad.log")).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_samrad"))
            .arg("run")
            .current_dir(dir)
            .env("SAMRAD_DISCORD_TOKEN", "MTAw.fake.token")
            .env("SAMRAD_DISCORD_API_BASE", fake.base_url())
            .env("SAMRAD_DB", db_url)
            .env("SAMRAD_KITS", prompts())
            .env("SAMRAD_PRIVACY_SECRET", "ab".repeat(32))
            .env("RUST_LOG", "samrad=info,warn")
            .env_remove("SAMRAD_LLM_URL")
            .env_remove("SAMRAD_TICK_SECONDS")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("samrad run starts");
        let process = Samrad(child);
        fake.wait_until(T, |f| f.identifies() > identified && f.is_connected()).await.expect("samrad run identified");
        process
    }

    /// SIGKILL: no shutdown, no cleanup, as when the machine dies.
    fn kill(mut self) {
        self.0.kill().expect("SIGKILL");
        self.0.wait().expect("reaped");
    }
}

impl Drop for Samrad {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn rounds(store: &SqliteStore) -> Vec<Round> {
    let meeting = store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    store.rounds(meeting.id).await.unwrap()
}

fn everyone_in_plenary_voice(f: &FakeDiscord) -> bool {
    (0..20).all(|i| f.voice_channel_of(GUILD, member_id(i)) == Some(VOICE))
}

/// Every channel of the guild but plenary's is one a round of the database knows.
async fn no_orphans(fake: &FakeDiscord, store: &SqliteStore) {
    let mut known = BTreeSet::from([PLENARY, VOICE]);
    let mut live = store.open_rounds().await.unwrap();
    live.extend(store.uncleaned_rounds(Some(GuildId(GUILD))).await.unwrap().into_iter().map(|(_, r)| r));
    for round in &live {
        known.extend(round.categories.iter().map(|c| c.0));
        known.extend(round.rooms.iter().flat_map(|r| [r.text_channel, r.voice_channel]).flatten().map(|c| c.0));
    }
    let present: BTreeSet<u64> =
        fake.guild_channels(GUILD).iter().map(|c| c["id"].as_str().unwrap().parse().unwrap()).collect();
    assert_eq!(present, known, "the guild's channels are the rounds' own and plenary's");
}

/// No message posted twice anywhere (same text in the same channel).
fn no_duplicate_posts(fake: &FakeDiscord) {
    let mut seen = BTreeSet::new();
    for channel in fake.guild_channels(GUILD) {
        let id: u64 = channel["id"].as_str().unwrap().parse().unwrap();
        for m in fake.messages_in(id).iter().filter(|m| m.get("webhook_id").is_none()) {
            let text = m["content"].as_str().unwrap_or_default().to_owned();
            assert!(seen.insert((id, text.clone())), "posted twice in {id}: {text}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn samrad_killed_in_a_split_and_in_a_close_settles_the_round_when_it_starts_again() {
    let dir = tempfile::tempdir().unwrap();
    let (store, db_url) = open_store(dir.path(), true).await;
    load_kit(&store, &SystemClock, "example-en").await;
    seat_members(&store, 20, &UNITS).await;
    let fake = FakeDiscord::builder().heartbeat_interval(Duration::from_millis(500)).start().await;
    fake.add_guild(guild(20, true));
    fake.set_rate_limits(Some(RateLimits::discord().scaled(0.1)));

    // 1. Killed in the split: ten members moved, the bot waits for the bucket's next window.
    let samrad = Samrad::start(&fake, dir.path(), &db_url).await;
    fake.clear_requests();
    let split = fake.send_interaction(split_units()).await;
    fake.wait_for_n(10, |r| r.route_key() == "PATCH /guilds/{guild}/members/{user}" && r.status < 300, T)
        .await
        .expect("the split moves people");
    samrad.kill();
    let made = fake.requests_matching("POST /guilds/{g}/channels").len();
    assert!(made >= 3, "the split had made channels: {made}");
    assert!(!everyone_in_plenary_voice(&fake), "some were in rooms when it died");
    assert!(fake.original_response(&split.token).is_none_or(|r| !r.to_string().contains("Round 1:")));

    let samrad = Samrad::start(&fake, dir.path(), &db_url).await;
    fake.wait_until(T, everyone_in_plenary_voice).await.expect("everyone back in plenary voice");
    eventually("the half-made round is closed", || async { rounds(&store).await[0].closed_at.is_some() }).await;
    fake.wait_until(T, |f| f.guild_channels(GUILD).len() == 2).await.expect("the split's channels deleted");
    no_orphans(&fake, &store).await;

    // 2. A whole split, then killed in the close: ten members moved back.
    let (sent, _) = {
        let sent = fake.send_interaction(split_units()).await;
        let kind = fake.wait_acknowledged(&sent.token, T).await.expect("acknowledged");
        (sent, kind)
    };
    reply_containing(&fake, &sent, "Round 2: 5 rooms for 20 people").await;
    fake.clear_requests();
    let close = fake.send_interaction(breakout("close", vec![], facilitator())).await;
    fake.wait_for_n(10, |r| r.route_key() == "PATCH /guilds/{guild}/members/{user}" && r.status < 300, T)
        .await
        .expect("the close moves people back");
    samrad.kill();
    assert!(!everyone_in_plenary_voice(&fake), "some were still in rooms when it died");
    assert!(rounds(&store).await[1].closed_at.is_none(), "the close had not finished");
    assert!(fake.original_response(&close.token).is_none_or(|r| !r.to_string().contains("closed")));

    let samrad = Samrad::start(&fake, dir.path(), &db_url).await;
    fake.wait_until(T, everyone_in_plenary_voice).await.expect("everyone back in plenary voice");
    eventually("the round is closed", || async { rounds(&store).await[1].closed_at.is_some() }).await;
    let round = &rounds(&store).await[1];
    assert_eq!(round.rooms.len(), 5);
    let summaries = fake
        .messages_in(PLENARY)
        .iter()
        .filter(|m| m["content"].as_str().is_some_and(|c| c.starts_with("**room-")))
        .count();
    assert_eq!(summaries, 5, "one summary per room in plenary");
    for room in &round.rooms {
        let text = room.text_channel.expect("room 2's rooms have channels").0;
        assert_eq!(fake.messages_in(text).len(), 1, "{}: one brief", room.name);
    }
    no_orphans(&fake, &store).await;
    no_duplicate_posts(&fake);
    assert!(fake.requests().iter().all(|r| r.status != 429 || r.route_key() != MOVES), "no move into an empty bucket");
    drop(samrad);
    fake.assert_all_valid();
}
