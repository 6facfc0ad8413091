//! Sharding: two serenity clients, each one shard of two, on one fake. Each gets READY and
//! GUILD_CREATE for its own guilds only, and only its guilds' interactions; DMs go to shard 0.

use std::time::Duration;

use fake_discord::{
    ChannelFixture, FakeDiscord, GuildFixture, InteractionContext, InteractionFixture, MemberFixture, UserFixture,
};
use serenity::all::{ClientBuilder, Context, EventHandler, GatewayIntents, Guild, HttpBuilder, Interaction, Ready};
use serenity::async_trait;
use tokio::sync::mpsc;

const T: Duration = Duration::from_secs(10);
/// `(id >> 22) % 2`: guild ONE is on shard 1, guild TWO on shard 0.
const ONE: u64 = 1 << 22;
const TWO: u64 = 2 << 22;

struct Handler {
    shard: u32,
    events: mpsc::UnboundedSender<(u32, String)>,
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, _ctx: Context, ready: Ready) {
        let shard = ready.shard.map(|s| format!("{}/{}", s.id.0, s.total)).unwrap_or_default();
        let _ = self.events.send((self.shard, format!("ready:{shard}:{}", ready.guilds.len())));
    }

    async fn guild_create(&self, _ctx: Context, guild: Guild, _is_new: Option<bool>) {
        let _ = self.events.send((self.shard, format!("guild:{}", guild.id)));
    }

    async fn interaction_create(&self, _ctx: Context, interaction: Interaction) {
        let _ = self.events.send((self.shard, format!("interaction:{}", interaction.id())));
    }
}

fn guild(id: u64) -> GuildFixture {
    GuildFixture::new(id).channel(ChannelFixture::text(id + 1, "plenary")).member(member())
}

fn member() -> MemberFixture {
    MemberFixture::new(UserFixture::new(500, "ada"))
}

async fn next(events: &mut mpsc::UnboundedReceiver<(u32, String)>, prefix: &str) -> (u32, String) {
    tokio::time::timeout(T, async {
        loop {
            let event = events.recv().await.expect("handlers alive");
            if event.1.starts_with(prefix) {
                return event;
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("no `{prefix}` event within {T:?}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_shard_gets_its_own_guilds_and_their_events() {
    let fake = FakeDiscord::builder().recommended_shards(2).start().await;
    fake.add_guild(guild(ONE));
    fake.add_guild(guild(TWO));
    let (tx, mut events) = mpsc::unbounded_channel();
    let mut managers = Vec::new();
    for shard in 0..2u32 {
        let http = HttpBuilder::new("MTAw.fake.token").proxy(fake.base_url()).ratelimiter_disabled(true).build();
        let handler = Handler { shard, events: tx.clone() };
        let mut client =
            ClientBuilder::new_with_http(http, GatewayIntents::non_privileged()).event_handler(handler).await.unwrap();
        managers.push(client.shard_manager.clone());
        tokio::spawn(async move {
            let _ = client.start_shard(shard, 2).await;
        });
    }
    fake.wait_ready(T).await.expect("both shards live");
    let mut shards = fake.identified_shards();
    shards.sort_unstable();
    assert_eq!(shards, vec![[0, 2], [1, 2]]);

    let mut guilds = Vec::new();
    while guilds.len() < 2 {
        let (shard, event) = next(&mut events, "guild:").await;
        guilds.push((shard, event));
    }
    guilds.sort();
    assert_eq!(guilds, vec![(0, format!("guild:{TWO}")), (1, format!("guild:{ONE}"))]);

    let ping = |guild: u64| {
        InteractionFixture::slash_command("ping", vec![], InteractionContext::new(guild, guild + 1, member()))
    };
    let sent = fake.send_interaction(ping(ONE)).await;
    assert_eq!(next(&mut events, "interaction:").await, (1, format!("interaction:{}", sent.id)));
    let sent = fake.send_interaction(ping(TWO)).await;
    assert_eq!(next(&mut events, "interaction:").await, (0, format!("interaction:{}", sent.id)));
    let dm = InteractionFixture::button("answer", 901, InteractionContext::dm(900, member()));
    let sent = fake.send_interaction(dm).await;
    assert_eq!(next(&mut events, "interaction:").await, (0, format!("interaction:{}", sent.id)));

    for manager in managers {
        manager.shutdown_all().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_shard_is_refused() {
    let fake = FakeDiscord::start().await;
    let http = HttpBuilder::new("MTAw.fake.token").proxy(fake.base_url()).ratelimiter_disabled(true).build();
    let (tx, _events) = mpsc::unbounded_channel();
    let mut client = ClientBuilder::new_with_http(http, GatewayIntents::non_privileged())
        .event_handler(Handler { shard: 0, events: tx })
        .await
        .unwrap();
    // Shard 3 of 2 does not exist: Discord closes with 4010 and serenity gives up.
    let result = tokio::time::timeout(Duration::from_secs(2), client.start_shard(3, 2)).await;
    assert!(!fake.is_connected());
    assert_eq!(fake.identifies(), 0);
    drop(result);
}
