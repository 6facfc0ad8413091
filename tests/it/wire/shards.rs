//! Two bot processes, each running one shard of two, on one fake Discord and one database:
//! each serves its own guild's interactions, and the shared schedule posts each guild's
//! questions once although both processes run the scheduler.

use std::sync::Arc;
use std::time::Duration;

use fake_discord::{perms, FakeDiscord, InteractionContext, InteractionFixture, MemberFixture, UserFixture};
use samrad::app::ports::{Clock, GuildSettings, ManualClock};
use samrad::app::{meetings, Actor, Staff};
use samrad::discord::{BotSettings, ShardPlan, Ticks};
use samrad::domain::{ChannelId, GuildId, UserId};
use samrad::i18n::Lang;
use secrecy::SecretString;
use tokio::sync::oneshot;

use super::{coordination_guild, prompts, GuildIds, ORGANISER, T};
use crate::store::Db;

/// Guild ids whose shard of two differs: `(id >> 22) % 2`.
const ON_SHARD_0: GuildIds = GuildIds { guild: 6_000, plenary: 6_001, voice: 6_002, facilitator_role: 6_003 };
const ON_SHARD_1: GuildIds =
    GuildIds { guild: (1 << 22) + 7_000, plenary: 7_001, voice: 7_002, facilitator_role: 7_003 };

fn organiser_in(ids: GuildIds) -> InteractionContext {
    InteractionContext::new(ids.guild, ids.plenary, MemberFixture::new(UserFixture::new(ORGANISER, "org")))
        .permissions(perms::DEFAULT_EVERYONE | perms::ADMINISTRATOR)
}

fn questions_posts(fake: &FakeDiscord, channel: u64) -> usize {
    let posts = fake.messages_in(channel);
    posts.iter().filter(|m| super::opens_flow(m, samrad::domain::Phase::Reflection)).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_on_sqlite_each_serve_their_shard_and_post_the_shared_schedule_once() {
    two_processes_share_one_database(&Db::sqlite().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs PostgreSQL: SAMRAD_TEST_POSTGRES_URL (scripts/test.sh starts one)"]
async fn two_processes_on_postgres_each_serve_their_shard_and_post_the_shared_schedule_once() {
    let db = Db::postgres().await;
    two_processes_share_one_database(&db).await;
}

async fn two_processes_share_one_database(db: &Db) {
    let (db_url, store) = (db.url.clone(), db.store.clone());
    let kit = samrad::kit::find_kit(&prompts(), "example-en").unwrap();
    let clock = Arc::new(ManualClock::new("2027-01-01T08:00:00Z".parse().unwrap()));
    let fake =
        FakeDiscord::builder().recommended_shards(2).heartbeat_interval(Duration::from_millis(500)).start().await;
    for ids in [ON_SHARD_0, ON_SHARD_1] {
        fake.add_guild(coordination_guild(ids, "Coordination group", 2, false));
        let guild = GuildId(ids.guild);
        store.ensure_guild(guild, "Coordination group").await.unwrap();
        let settings = GuildSettings {
            facilitator_role: Some(ids.facilitator_role),
            plenary_channel: Some(ChannelId(ids.plenary)),
            locale: "en".into(),
            ..GuildSettings::default()
        };
        store.save_guild_settings(guild, &settings).await.unwrap();
        let organiser =
            Actor { guild, user: UserId(ORGANISER), name: "org".into(), staff: Staff::Organiser, lang: Lang::En };
        meetings::load_meeting(&*store, &*clock, &organiser, &kit, None, ChannelId(ids.plenary)).await.unwrap();
    }
    assert_eq!(fake.shard_of(ON_SHARD_0.guild), 0);

    let mut processes = Vec::new();
    for range in [0..1, 1..2] {
        // Each process opens its own store, as two `samrad run` processes do.
        let store = samrad::storage::open(&db_url).await.unwrap();
        let settings = BotSettings {
            token: SecretString::from("MTAw.fake.token"),
            api_base: Some(fake.base_url()),
            kits: Arc::new(samrad::app::kit_library::KitLibrary::from_folder(store.clone(), prompts())),
            store,
            summariser: Arc::new(samrad::app::summarise::Offline),
            tick_every: Duration::from_millis(50),
            clock: clock.clone() as Arc<dyn Clock>,
            shards: Some(ShardPlan { total: 2, range }),
            secret: samrad::domain::privacy::AuthorSecret::new(vec![7; 32]).unwrap(),
            ticks: Ticks::default(),
        };
        let ticks = settings.ticks.clone();
        let (stop, stopped) = oneshot::channel::<()>();
        let bot = tokio::spawn(samrad::discord::run_until(settings, async {
            let _ = stopped.await;
        }));
        processes.push((stop, bot, ticks));
    }
    fake.wait_ready(T).await.expect("both shards identified");
    let mut shards = fake.identified_shards();
    shards.sort_unstable();
    assert_eq!(shards, vec![[0, 2], [1, 2]]);
    assert_eq!(fake.shard_of(ON_SHARD_1.guild), 1);

    // Each guild's command reaches only its shard's process, and both are answered.
    for ids in [ON_SHARD_0, ON_SHARD_1] {
        let help = InteractionFixture::slash_command("help", vec![], organiser_in(ids));
        let sent = fake.send_interaction(help).await;
        fake.wait_acknowledged(&sent.token, T).await.expect("answered by the guild's shard");
    }

    // Answering opens: both schedulers tick on the shared database; each guild gets one post.
    let meeting = store.current_meeting(GuildId(ON_SHARD_0.guild)).await.unwrap().unwrap();
    let open = store.pending_jobs(meeting.id).await.unwrap().into_iter().find(|j| j.kind == "open").unwrap().due_at;
    clock.set(open);
    fake.wait_until(T, |f| questions_posts(f, ON_SHARD_0.plenary) > 0 && questions_posts(f, ON_SHARD_1.plenary) > 0)
        .await
        .expect("both guilds' questions are posted");
    // Several more ticks of both processes: nothing is posted again.
    for (_, _, ticks) in &processes {
        assert!(ticks.wait_more(3, T).await, "each process's scheduler ticks on");
    }
    assert_eq!(questions_posts(&fake, ON_SHARD_0.plenary), 1);
    assert_eq!(questions_posts(&fake, ON_SHARD_1.plenary), 1);
    let creates = fake.requests_matching("POST /channels/{channel}/messages");
    assert_eq!(
        creates.len(),
        2,
        "one create per guild, none repeated: {:?}",
        creates.iter().map(|r| &r.path).collect::<Vec<_>>()
    );

    // Killed, not stopped: serenity waits up to 5 s per shard for a clean close.
    for (_stop, bot, _) in processes {
        bot.abort();
        assert!(bot.await.unwrap_err().is_cancelled());
    }
    fake.assert_all_valid();
}
