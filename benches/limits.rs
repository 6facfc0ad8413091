//! Split and recall at Discord's rate limits: 20, 100 and 500 members in the plenary voice
//! channel split into rooms of 5 with voice, then closed (everyone moved back), on a fake
//! Discord that enforces Discord's limits (`RateLimits::discord()`), in windows scaled by
//! `SAMRAD_LIMITS_SCALE` (default 0.1: every window a tenth as long, the same counts). Wall
//! time against the floor the buckets allow: n calls on a bucket of `limit` per `window` need
//! (⌈n / limit⌉ − 1) windows after the first call. Writes `target/bench/limits.md`.
//!
//! `SAMRAD_LIMITS_SIZES=20,100` picks the sizes.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use fake_discord::{CommandOption, FakeDiscord, InteractionFixture, RateLimits, RecordedRequest, SentInteraction};
use samrad::app::ports::prelude::*;
use samrad::app::ports::ManualClock;
use samrad::domain::GuildId;
use samrad::storage::SqliteStore;

#[path = "support/bot.rs"]
#[allow(dead_code)]
mod bot;
#[path = "../tests/support/guild.rs"]
mod shared_guild;
use bot::{facilitator_ctx, guild, ids, prepare_guild, write_kit, Bot};

const SIZE: usize = 5;
const MOVES: &str = "PATCH /guilds/{guild}/members/{user}";
const CREATES: &str = "POST /guilds/{guild}/channels";
const POSTS: &str = "POST /channels/{channel}/messages";

/// The bucket floor: `n` calls at `limit` per `window`.
fn floor(n: usize, limit: usize, window: Duration) -> Duration {
    window * (n.div_ceil(limit).saturating_sub(1)) as u32
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// One phase (split or recall): its wall time, floor, calls and progress messages.
struct Phase {
    wall: Duration,
    floor: Duration,
    /// What sets the floor.
    bound: &'static str,
    moves: usize,
    creates: usize,
    posts: usize,
    refused: usize,
    failed: usize,
    /// Progress edits seen by the facilitator, and the longest time without one.
    updates: usize,
    longest_silence: Duration,
}

async fn run_phase(
    fake: &FakeDiscord,
    fixture: InteractionFixture,
    done: &str,
    progress: &str,
    scale: f64,
) -> (Phase, Vec<RecordedRequest>) {
    fake.clear_requests();
    let sent: SentInteraction = fake.send_interaction(fixture).await;
    let token = sent.token.clone();
    let wanted = done.to_owned();
    let content = |r: &RecordedRequest| -> Option<String> {
        [&r.body["content"], &r.body["data"]["content"]].iter().find_map(|c| c.as_str().map(str::to_owned))
    };
    let finished = fake
        .wait_for(
            move |r| {
                r.path.contains(&token)
                    && r.status < 300
                    && [&r.body["content"], &r.body["data"]["content"]]
                        .iter()
                        .any(|c| c.as_str().is_some_and(|c| c.contains(&wanted)))
            },
            Duration::from_secs(3600),
        )
        .await
        .expect("the phase reports its end");
    let requests = fake.requests();
    let of = |route: &str| requests.iter().filter(|r| r.route_key() == route).count();
    let (moves, creates, posts) = (of(MOVES), of(CREATES), of(POSTS));
    let refused = requests.iter().filter(|r| r.status == 429).count();
    let failed = requests.iter().filter(|r| r.status >= 300 && r.status != 429).count();
    let plenary_posts = requests.iter().filter(|r| r.route_key() == POSTS && r.path.contains(&ids(0).1.to_string()));
    let plenary_posts = plenary_posts.count();
    let updates: Vec<Instant> = requests
        .iter()
        .filter(|r| r.path.contains(&sent.token) && content(r).is_some_and(|c| c.contains(progress)))
        .map(|r| r.at)
        .collect();
    let mut stamps = vec![sent.sent_at];
    stamps.extend(&updates);
    stamps.push(finished.at);
    let longest_silence = stamps.windows(2).map(|w| w[1].saturating_duration_since(w[0])).max().unwrap_or_default();
    let ten = Duration::from_secs(10).mul_f64(scale);
    let bounds = [
        (floor(moves, 10, ten), "moves"),
        (floor(creates, 10, ten), "channel creates"),
        (floor(plenary_posts, 5, Duration::from_secs(5).mul_f64(scale)), "plenary posts"),
        (floor(requests.len(), 50, Duration::from_secs(1).mul_f64(scale)), "global"),
    ];
    let (floor, bound) = bounds.into_iter().max_by_key(|(d, _)| *d).unwrap();
    let phase = Phase {
        wall: finished.at - sent.sent_at,
        floor,
        bound,
        moves,
        creates,
        posts,
        refused,
        failed,
        updates: updates.len(),
        longest_silence,
    };
    (phase, requests)
}

struct Run {
    members: usize,
    split: Phase,
    recall: Phase,
}

async fn run(dir: &Path, members: usize, scale: f64) -> Run {
    let kit = write_kit(dir, "2027-06-20");
    let now: DateTime<Utc> = "2027-06-05T08:00:00Z".parse().unwrap(); // nothing due: the split alone
    let db_url = format!("sqlite:{}", dir.join(format!("limits-{members}.db")).display());
    let store = SqliteStore::open(&db_url).await.unwrap();
    prepare_guild(&store, &ManualClock::new(now), &kit, 0, members).await;
    let limits = RateLimits::discord().scaled(scale);
    let fake = FakeDiscord::builder().heartbeat_interval(Duration::from_secs(5)).rate_limits(limits).start().await;
    fake.add_guild(guild(0, members, true));
    let bot = Bot::start(&fake, &db_url, dir, now).await;
    tokio::time::sleep(Duration::from_millis(500)).await; // let the catch-up tick settle
    let (gid, _, voice, _) = ids(0);

    let rooms = members / SIZE;
    let split = InteractionFixture::slash_command(
        "breakout",
        vec![CommandOption::subcommand(
            "split",
            vec![
                CommandOption::integer("mode", 0),
                CommandOption::integer("size", SIZE as i64),
                CommandOption::integer("minutes", 20),
                CommandOption::boolean("voice", true),
            ],
        )],
        facilitator_ctx(0),
    );
    let done = format!("Round 1: {rooms} rooms for {members} people");
    let (split, _) = run_phase(&fake, split, &done, "Creating rooms", scale).await;
    let meeting = store.current_meeting(GuildId(gid)).await.unwrap().unwrap();
    let round = store.open_round(meeting.id).await.unwrap().unwrap();
    for room in &round.rooms {
        for user in &room.members {
            assert_eq!(fake.voice_channel_of(gid, user.0), room.voice_channel.map(|c| c.0), "moved to its room");
        }
    }

    // Rooms talk for minutes before they are recalled: the split's last window of moves is
    // long over by then. Without this wait the recall's first moves queue behind the split's
    // and it measures one window above its floor, which no real recall pays.
    tokio::time::sleep(Duration::from_secs(10).mul_f64(scale)).await;
    let close = InteractionFixture::slash_command(
        "breakout",
        vec![CommandOption::subcommand("close", vec![])],
        facilitator_ctx(0),
    );
    let (recall, _) = run_phase(&fake, close, "The rooms are closed", "Closing rooms", scale).await;
    for i in 0..members {
        assert_eq!(fake.voice_channel_of(gid, shared_guild::member_id(i)), Some(voice), "member {i} is back");
    }
    fake.assert_all_valid();
    fake.assert_no_unknown_routes();
    bot.stop().await;
    Run { members, split, recall }
}

fn row(members: usize, what: &str, p: &Phase) -> String {
    format!(
        "| {members} | {what} | {} | {} | {} | {:.2} | {:.2} ({}) | {:.3} | {} | {} | {} | {:.2} |\n",
        p.moves,
        p.creates,
        p.posts,
        secs(p.wall),
        secs(p.floor),
        p.bound,
        secs(p.wall) / secs(p.floor).max(f64::EPSILON),
        p.refused,
        p.failed,
        p.updates,
        secs(p.longest_silence),
    )
}

fn main() {
    // `cargo test --benches` runs bench targets with --bench absent; only measure under `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()))
        .try_init();
    let scale: f64 = std::env::var("SAMRAD_LIMITS_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(0.1);
    let sizes: Vec<usize> = std::env::var("SAMRAD_LIMITS_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![20, 100, 500]);
    let rt =
        tokio::runtime::Builder::new_multi_thread().worker_threads(1).thread_name("fake").enable_all().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut rows = String::new();
    let mut worst: f64 = 0.0;
    let mut clean = true;
    for members in sizes {
        let r = rt.block_on(run(dir.path(), members, scale));
        for (what, p) in [("split", &r.split), ("recall", &r.recall)] {
            let line = row(r.members, what, p);
            print!("{line}");
            rows.push_str(&line);
            worst = worst.max(secs(p.wall) / secs(p.floor).max(f64::EPSILON));
            clean &= p.refused == 0 && p.failed == 0;
        }
    }
    let verdict = if worst <= 1.05 && clean { "met" } else { "missed" };
    let report = format!(
        "### Split and recall at Discord's rate limits\n\n`cargo bench --bench limits`. Members in the plenary \
         voice channel split with `/breakout split mode:random size:5 voice:true`, then `/breakout close` moves \
         everyone back. The fake enforces Discord's limits (50 requests/s per token, moves and channel creates 10 \
         per 10 s per guild, posts 5 per 5 s per channel) with every window scaled by {scale} (the same counts; \
         the ratio to the floor is what is compared). Wall: from the fake queueing the command to the final reply. \
         Floor: the bucket that needs the most windows, (⌈calls / limit⌉ − 1) × window. Refused: 429 answers; \
         failed: any other error answer. Progress: edits of the facilitator's progress message, and the longest \
         time without news.\n\n| members | phase | moves | creates | posts | wall s | floor s | ratio | refused \
         | failed | progress edits | longest silence s |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n{rows}\n\
         Target ≤ 1.05× the floor at every size, nothing refused or failed: **{verdict}** (worst {worst:.3}×).\n"
    );
    let out: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("limits.md"), report).unwrap();
}
