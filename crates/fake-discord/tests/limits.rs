//! Discord's limits on the wire: per-route buckets with `X-RateLimit-*` headers and 429 bodies,
//! the global limit (interaction callbacks exempt), channels per category and per guild, and the
//! "carried out, then answered 5xx" fault.

use std::time::{Duration, Instant};

use fake_discord::{
    ChannelFixture, FakeDiscord, Fault, GuildFixture, InteractionContext, InteractionFixture, MemberFixture,
    RateLimits, UserFixture, VoiceStateFixture,
};
use serde_json::{json, Value};

const GUILD: u64 = 8_000;
const LOBBY: u64 = 8_001;
const ROOM: u64 = 8_002;
const TEXT: u64 = 8_003;
const OTHER_TEXT: u64 = 8_004;

fn guild(members: u64) -> GuildFixture {
    let mut g = GuildFixture::new(GUILD)
        .channel(ChannelFixture::voice(LOBBY, "lobby"))
        .channel(ChannelFixture::voice(ROOM, "room"))
        .channel(ChannelFixture::text(TEXT, "plenary"))
        .channel(ChannelFixture::text(OTHER_TEXT, "notes"));
    for id in 1..=members {
        g = g
            .member(MemberFixture::new(UserFixture::new(id, format!("m{id}"))))
            .voice_state(VoiceStateFixture::new(id, LOBBY));
    }
    g
}

struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Value,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    fn seconds(&self, name: &str) -> f64 {
        self.header(name).and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("header {name} in {:?}", self.headers))
    }
}

async fn call(fake: &FakeDiscord, method: reqwest::Method, path: &str, body: Value) -> Answer {
    let resp = reqwest::Client::new()
        .request(method, format!("{}{path}", fake.api_url()))
        .header("authorization", "Bot t")
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("loopback answers");
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let bytes = resp.bytes().await.expect("body");
    Answer { status, headers, body: serde_json::from_slice(&bytes).unwrap_or(Value::Null) }
}

async fn move_member(fake: &FakeDiscord, user: u64) -> Answer {
    let path = format!("/guilds/{GUILD}/members/{user}");
    call(fake, reqwest::Method::PATCH, &path, json!({ "channel_id": ROOM.to_string() })).await
}

#[tokio::test]
async fn voice_moves_carry_bucket_headers_and_the_eleventh_in_a_window_gets_discords_429() {
    // Discord's counts in shorter windows: 10 moves per 3 s per guild.
    let fake = FakeDiscord::builder().rate_limits(RateLimits::discord().scaled(0.3)).start().await;
    fake.add_guild(guild(11));
    let started = Instant::now();
    let mut remaining = Vec::new();
    for user in 1..=10 {
        let a = move_member(&fake, user).await;
        assert_eq!(a.status, 200);
        assert_eq!(a.header("x-ratelimit-limit"), Some("10"));
        assert!(!a.header("x-ratelimit-bucket").unwrap_or("").is_empty());
        assert!(a.seconds("x-ratelimit-reset-after") <= 3.0);
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs_f64();
        let reset = a.seconds("x-ratelimit-reset");
        assert!(reset > now - 0.01 && reset <= now + 3.01, "reset {reset} is an epoch time within the window");
        remaining.push(a.header("x-ratelimit-remaining").unwrap().to_string());
    }
    assert_eq!(remaining, ["9", "8", "7", "6", "5", "4", "3", "2", "1", "0"]);

    let refused = move_member(&fake, 11).await;
    assert_eq!(refused.status, 429);
    assert_eq!(refused.body["message"], "You are being rate limited.");
    assert_eq!(refused.body["global"], false);
    let retry_after = refused.body["retry_after"].as_f64().expect("retry_after in seconds");
    assert!(retry_after > 0.0 && retry_after <= 3.0, "{retry_after}");
    assert_eq!(refused.header("x-ratelimit-scope"), Some("user"));
    assert_eq!(refused.header("x-ratelimit-remaining"), Some("0"));
    assert!(refused.header("retry-after").is_some());
    assert_eq!(fake.voice_channel_of(GUILD, 11), Some(LOBBY), "a refused move is not carried out");

    tokio::time::sleep(Duration::from_secs_f64(retry_after)).await;
    let after = move_member(&fake, 11).await;
    assert_eq!(after.status, 200, "the bucket refills when its window ends");
    assert_eq!(after.header("x-ratelimit-remaining"), Some("9"));
    assert!(started.elapsed() >= Duration::from_secs(3));
    assert_eq!(fake.voice_channel_of(GUILD, 11), Some(ROOM));
}

#[tokio::test]
async fn message_posts_are_limited_per_channel_and_channel_creates_per_guild() {
    let fake = FakeDiscord::builder().rate_limits(RateLimits::discord()).start().await;
    fake.add_guild(guild(0));
    let post = |channel: u64| {
        let fake = &fake;
        async move {
            let path = format!("/channels/{channel}/messages");
            call(fake, reqwest::Method::POST, &path, json!({ "content": "hei" })).await.status
        }
    };
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(post(TEXT).await);
    }
    assert_eq!(statuses, [200, 200, 200, 200, 200, 429]);
    assert_eq!(post(OTHER_TEXT).await, 200, "another channel has its own bucket");
    assert_eq!(fake.messages_in(TEXT).len(), 5);

    let mut created = Vec::new();
    for i in 0..11 {
        let body = json!({ "name": format!("room-{i}"), "type": 2 });
        created.push(call(&fake, reqwest::Method::POST, &format!("/guilds/{GUILD}/channels"), body).await.status);
    }
    assert_eq!(created[..10], [201; 10]);
    assert_eq!(created[10], 429);
}

#[tokio::test]
async fn the_global_limit_counts_every_route_but_spares_interaction_callbacks() {
    let fake = FakeDiscord::builder().rate_limits(RateLimits::discord().scaled(10.0)).start().await;
    fake.add_guild(guild(1));
    for i in 0..50 {
        let path = if i % 2 == 0 { "/users/@me".to_string() } else { format!("/channels/{TEXT}") };
        assert_eq!(call(&fake, reqwest::Method::GET, &path, Value::Null).await.status, 200, "request {i}");
    }
    let refused = call(&fake, reqwest::Method::GET, &format!("/guilds/{GUILD}"), Value::Null).await;
    assert_eq!(refused.status, 429);
    assert_eq!(refused.body["global"], true);
    assert_eq!(refused.header("x-ratelimit-global"), Some("true"));
    assert_eq!(refused.header("x-ratelimit-scope"), Some("global"));

    let ctx = InteractionContext::new(GUILD, TEXT, MemberFixture::new(UserFixture::new(1, "m1")));
    let sent = fake.send_interaction(InteractionFixture::slash_command("ping", vec![], ctx)).await;
    let path = format!("/interactions/{}/{}/callback", sent.id, sent.token);
    let answer = call(&fake, reqwest::Method::POST, &path, json!({ "type": 4, "data": { "content": "pong" } })).await;
    assert_eq!(answer.status, 204, "interaction callbacks are not under the global limit");
}

#[tokio::test]
async fn a_category_holds_fifty_channels_and_a_guild_five_hundred_with_discords_errors() {
    let fake = FakeDiscord::start().await;
    let mut g = GuildFixture::new(GUILD).channel(ChannelFixture::category(9_000, "Round 1"));
    for i in 0..50 {
        g = g.channel(ChannelFixture::voice(9_001 + i, format!("room-{i}")).parent(9_000));
    }
    fake.add_guild(g);
    let create = |name: String, parent: Option<u64>| {
        let fake = &fake;
        let mut body = json!({ "name": name, "type": 2 });
        if let Some(parent) = parent {
            body["parent_id"] = json!(parent.to_string());
        }
        async move { call(fake, reqwest::Method::POST, &format!("/guilds/{GUILD}/channels"), body).await }
    };
    let full = create("room-50".into(), Some(9_000)).await;
    assert_eq!(full.status, 400);
    assert_eq!(full.body["code"], 50035);
    assert_eq!(full.body["errors"]["parent_id"]["_errors"][0]["code"], "CHANNEL_PARENT_MAX_CHANNELS");
    assert_eq!(
        full.body["errors"]["parent_id"]["_errors"][0]["message"],
        "Maximum number of channels in category reached (50)"
    );
    // 51 so far; fill the guild to 500, then the 501st is refused with 30013.
    for i in 51..500 {
        assert_eq!(create(format!("c{i}"), None).await.status, 201);
    }
    let over = create("one too many".into(), None).await;
    assert_eq!(over.status, 400);
    assert_eq!(over.body["code"], 30013);
    assert_eq!(over.body["message"], "Maximum number of guild channels reached (500)");
    assert_eq!(fake.guild_channels(GUILD).len(), 500);
}

#[tokio::test]
async fn perform_then_error_carries_the_request_out_and_answers_5xx() {
    let fake = FakeDiscord::start().await;
    fake.add_guild(guild(0));
    fake.inject(Fault::perform_then_error("POST /guilds/{g}/channels", 502));
    fake.inject(Fault::perform_then_error("POST /channels/{c}/messages", 500));
    let created = call(
        &fake,
        reqwest::Method::POST,
        &format!("/guilds/{GUILD}/channels"),
        json!({ "name": "room-1", "type": 0 }),
    )
    .await;
    assert_eq!(created.status, 502);
    assert_eq!(fake.channels_named("room-1").len(), 1, "the channel was made although the answer was 502");
    let posted =
        call(&fake, reqwest::Method::POST, &format!("/channels/{TEXT}/messages"), json!({ "content": "hei" })).await;
    assert_eq!(posted.status, 500);
    assert_eq!(fake.messages_in(TEXT).len(), 1, "the message was posted although the answer was 500");
    assert!(fake.pending_faults().is_empty());
    let again =
        call(&fake, reqwest::Method::POST, &format!("/channels/{TEXT}/messages"), json!({ "content": "hei" })).await;
    assert_eq!(again.status, 200, "the fault was used up");
}
