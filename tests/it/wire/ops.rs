//! Running samrad as a service, on the wire: the permission check against roles and
//! overwrites the fake serves, and a backup taken while the bot runs.

use fake_discord::{
    perms, ChannelFixture, CommandOption, InteractionFixture, MemberFixture, Overwrite, RoleFixture, UserFixture,
    DEFAULT_APPLICATION_ID,
};
use samrad::app::ports::prelude::*;
use samrad::domain::GuildId;

use super::{guild, member, organiser, Setup, Wire, EPHEMERAL, GUILD, PLENARY, VOICE};

pub const SAMRAD_ROLE: u64 = 4_090;

/// The coordination guild with samrad in it, holding its own role with `role_permissions`.
pub fn guild_with_bot(role_permissions: u64, plenary_overwrite: Option<Overwrite>) -> fake_discord::GuildFixture {
    with_bot(guild(2, false), role_permissions, plenary_overwrite)
}

/// `g` with samrad in it, holding its own role with `role_permissions`.
pub fn with_bot(
    g: fake_discord::GuildFixture,
    role_permissions: u64,
    plenary_overwrite: Option<Overwrite>,
) -> fake_discord::GuildFixture {
    let mut g = g
        .role(RoleFixture::new(SAMRAD_ROLE, "samrad").permissions(role_permissions))
        .member(MemberFixture::new(UserFixture::bot(DEFAULT_APPLICATION_ID, "samrad")).role(SAMRAD_ROLE));
    if let Some(o) = plenary_overwrite {
        g.channels.retain(|c| c.id != PLENARY);
        g = g.channel(ChannelFixture::text(PLENARY, "plenary").overwrite(o));
    }
    g
}

pub fn check(ctx: fake_discord::InteractionContext) -> InteractionFixture {
    InteractionFixture::slash_command("meeting", vec![CommandOption::subcommand("check", vec![])], ctx)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_check_names_what_samrad_lacks_on_the_server_and_in_the_plenary_channel() {
    // samrad's role may manage channels but not permissions or moves; @everyone may not attach
    // files in plenary.
    let no_attach = Overwrite::role(GUILD, 0, 1 << 15);
    let w = Wire::start(Setup::new(guild_with_bot(perms::MANAGE_CHANNELS | (1 << 14), Some(no_attach)))).await;
    let (sent, _) = w.send(check(organiser())).await;
    let reply = w.reply_containing(&sent, "samrad is missing permissions").await;
    let text = reply.body["content"].as_str().or(reply.body["data"]["content"].as_str()).unwrap().to_owned();
    assert!(
        text.contains(
            "• the server (to create breakout categories and rooms): move members, manage permissions (private rooms)"
        ),
        "{text}"
    );
    assert!(text.contains(&format!("• the plenary channel <#{PLENARY}>: attach files (charts)")), "{text}");
    assert!(text.contains(&format!("• plenary voice <#{VOICE}>: move members")), "{text}");
    assert!(!text.contains("embed links"), "embedding is granted by samrad's role: {text}");
    assert!(text.contains("`organiser_channel`"), "not configured yet: {text}");
    let answer = w.fake.original_response(&sent.token).expect("the deferred answer");
    assert_eq!(answer["flags"].as_u64().unwrap() & EPHEMERAL, EPHEMERAL, "ephemeral");
    for route in ["GET /guilds/{g}", "GET /guilds/{g}/members/{u}", "GET /channels/{c}"] {
        assert!(!w.fake.requests_matching(route).is_empty(), "read fresh from Discord: {route}");
    }
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_every_permission_the_check_says_so_in_the_members_language() {
    let all = perms::MANAGE_CHANNELS | perms::MANAGE_ROLES | perms::MOVE_MEMBERS | (1 << 14) | (1 << 15);
    let w = Wire::start(Setup::new(guild_with_bot(all, None))).await;
    let (sent, _) = w.send(check(organiser()).locale("nb")).await;
    w.reply_containing(&sent, "samrad har alle tillatelsene den trenger").await;
    // /meeting config shows the check after saving.
    let config = InteractionFixture::slash_command(
        "meeting",
        vec![CommandOption::subcommand("config", vec![CommandOption::integer("locale", 2)])],
        organiser(),
    );
    let (sent, _) = w.send(config).await;
    let reply = w.reply_containing(&sent, "Settings saved").await;
    let text = reply.body["content"].as_str().or(reply.body["data"]["content"].as_str()).unwrap_or_default();
    assert!(text.contains("samrad has every permission it needs"), "{text}");
    // Members are not told about the server's permissions.
    let (sent, _) = w.send(check(member(0))).await;
    w.reply_containing(&sent, "Only facilitators and organisers").await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_the_bot_runs_restores_every_row() {
    let w = Wire::start(Setup::new(guild(4, false))).await;
    w.load("example-en").await;
    w.seat(4, &["Faculty of Law", "Faculty of Humanities"]).await;
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("samrad-backup.db");
    let restored = format!("sqlite:{}", dir.path().join("restored.db").display());
    let samrad = |args: Vec<String>| {
        tokio::task::spawn_blocking(move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_samrad")).args(&args).output().expect("samrad runs")
        })
    };
    // The bot keeps answering while the backup runs.
    let running =
        samrad(vec!["backup".into(), "--db".into(), w.db_url.clone(), "--to".into(), backup.display().to_string()]);
    let (sent, _) = w.send(check(member(1))).await;
    let out = running.await.unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("integrity ok"));
    w.reply_containing(&sent, "Only facilitators").await;

    let again =
        samrad(vec!["backup".into(), "--db".into(), w.db_url.clone(), "--to".into(), backup.display().to_string()]);
    let out = again.await.unwrap();
    assert_eq!(out.status.code(), Some(2), "an existing backup is never overwritten");
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));

    let out =
        samrad(vec!["restore".into(), "--from".into(), backup.display().to_string(), "--to".into(), restored.clone()])
            .await
            .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("every row count and checksum matches"), "{stdout}");
    let copy = samrad::storage::SqliteStore::open(&restored).await.unwrap();
    let members = copy.members(GuildId(GUILD)).await.unwrap();
    assert_eq!(members.len(), 4, "every seated member is in the restored database");
    w.finish().await;
}
