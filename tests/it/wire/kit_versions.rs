//! Versions of uploaded kits on the wire: a broken upload fixed and loaded (errors in the
//! organiser's Swedish), a running meeting that keeps the version it was loaded from while a
//! newer one is uploaded, and a guild's own kit that replaces a shipped one for that guild only.

use fake_discord::FileFixture;

use super::*;

const OTHER_GUILD: u64 = 6_000;
const OTHER_PLENARY: u64 = 6_001;

fn kit(sub: &str, options: Vec<CommandOption>, ctx: InteractionContext) -> InteractionFixture {
    InteractionFixture::slash_command("kit", vec![CommandOption::subcommand(sub, options)], ctx)
}

fn upload(file: &FileFixture, ctx: InteractionContext) -> InteractionFixture {
    kit("upload", vec![CommandOption::attachment("file", file)], ctx)
}

fn load(kit_id: &str, ctx: InteractionContext) -> InteractionFixture {
    let options = vec![CommandOption::string("kit", kit_id), CommandOption::string("date", "2027-06-10")];
    InteractionFixture::slash_command("meeting", vec![CommandOption::subcommand("load", options)], ctx)
}

/// The English template with another id and title, and `extra` appended.
fn template_as(id: &str, title: &str, extra: &str) -> String {
    let (_, text) = samrad::kit::template::template("en").expect("template");
    let text = text.replacen("id = \"my-meeting\"", &format!("id = \"{id}\""), 1);
    let text = text.replacen("title = \"Network meeting: from plans to practice\"", &format!("title = \"{title}\""), 1);
    format!("{text}{extra}")
}

fn content(reply: &RecordedRequest) -> String {
    reply.body["data"]["content"].as_str().or(reply.body["content"].as_str()).unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_swedish_organiser_fixes_a_refused_kit_and_loads_it() {
    let w = Wire::start(Setup::new(guild(1, false))).await;
    let good = template_as("natverk", "Nätverksträff", "");
    let broken = good.replacen("start = \"10:20\"", "start = \"10.70\"", 1).replacen("min = 1", "min = 9", 1);
    let line = |needle: &str| broken.lines().position(|l| l.starts_with(needle)).expect("line") + 1;
    let file = w.fake.add_file("natverk.toml", None, broken.clone().into_bytes());
    let (sent, _) = w.send(upload(&file, organiser()).locale("sv-SE")).await;
    let reply = w.reply_containing(&sent, "inget sparades:").await;
    let text = content(&reply);
    let time = format!(
        "`{}:9`: ogiltig tid \"10.70\" (tips: skriv en 24-timmarstid inom citattecken",
        line("start = \"10.70\"")
    );
    assert!(text.contains(&time), "{text}");
    let scale =
        format!("`{}:7`: skalans min (9) måste vara mindre än max (5) (tips: t.ex. min = 1, max = 5)", line("min = 9"));
    assert!(text.contains(&scale), "{text}");
    assert!(!text.contains("hint:") && !text.contains("bad time"), "{text}");
    assert!(w.store.guild_kits(GuildId(GUILD)).await.unwrap().is_empty(), "nothing stored");

    let fixed = w.fake.add_file("natverk.toml", None, good.into_bytes());
    let (sent, _) = w.send(upload(&fixed, organiser()).locale("sv-SE")).await;
    w.reply_containing(&sent, "som version 1").await;
    let (sent, _) = w.send(load("natverk", organiser())).await;
    w.reply_containing(&sent, "Loaded **Nätverksträff**").await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_running_meeting_keeps_the_agenda_of_the_version_it_was_loaded_from() {
    let w = Wire::start(Setup::new(guild(1, false))).await;
    let v1 = w.fake.add_file("dag.toml", None, template_as("dag", "Day one", "").into_bytes());
    let (sent, _) = w.send(upload(&v1, organiser())).await;
    w.reply_containing(&sent, "as version 1").await;
    let (sent, _) = w.send(load("dag", organiser())).await;
    w.reply_containing(&sent, "Loaded **Day one**").await;

    // Version 2 adds an agenda item and renames the meeting; the loaded meeting runs version 1.
    let more = "\n[[agenda]]\nstart = \"13:00\"\nminutes = 30\ntitle = \"Added in version 2\"\n";
    let v2 = w.fake.add_file("dag.toml", None, template_as("dag", "Day two", more).into_bytes());
    let (sent, _) = w.send(upload(&v2, organiser())).await;
    w.reply_containing(&sent, "as version 2").await;
    let start =
        InteractionFixture::slash_command("agenda", vec![CommandOption::subcommand("start", vec![])], organiser());
    let (sent, _) = w.send(start).await;
    let started = content(&w.reply_containing(&sent, "The agenda has started").await);
    assert!(started.contains("The agenda has started: 3 items"), "version 1 has three items: {started}");
    assert!(!started.contains("Added in version 2"), "{started}");

    // The next load takes the newest version.
    let end = InteractionFixture::slash_command("meeting", vec![CommandOption::subcommand("end", vec![])], organiser());
    let (sent, _) = w.send(end).await;
    w.reply_containing(&sent, "The meeting is ended").await;
    let (sent, _) = w.send(load("dag", organiser())).await;
    w.reply_containing(&sent, "Loaded **Day two**").await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guild_kit_with_a_shipped_id_wins_in_that_guild_only() {
    let w = Wire::start(Setup::new(guild(1, false))).await;
    let ids = GuildIds { guild: OTHER_GUILD, plenary: OTHER_PLENARY, voice: 6_002, facilitator_role: 6_003 };
    w.fake.add_guild(coordination_guild(ids, "Another group", 1, false));
    let other =
        InteractionContext::new(OTHER_GUILD, OTHER_PLENARY, MemberFixture::new(UserFixture::new(ORGANISER, "org")))
            .permissions(perms::DEFAULT_EVERYONE | perms::ADMINISTRATOR);

    let ours = template_as("benchmarking-1", "Our own benchmarking", "");
    let file = w.fake.add_file("benchmarking-1.toml", None, ours.into_bytes());
    let (sent, _) = w.send(upload(&file, organiser())).await;
    let stored = content(&w.reply_containing(&sent, "as version 1").await);
    assert!(stored.contains("This server now uses its own `benchmarking-1` instead of the kit shipped"), "{stored}");

    let (sent, _) = w.send(kit("list", vec![], organiser())).await;
    let list = content(&w.reply_containing(&sent, "Kits you can load here").await);
    assert!(list.contains("`benchmarking-1` — Our own benchmarking (en) · this server, version 1"), "{list}");
    assert!(!list.contains("Benchmarkingträff 1"), "the shipped one is replaced here: {list}");
    let (sent, _) = w.send(load("benchmarking-1", organiser())).await;
    w.reply_containing(&sent, "Loaded **Our own benchmarking**").await;

    let (sent, _) = w.send(kit("list", vec![], other.clone())).await;
    let theirs = content(&w.reply_containing(&sent, "Kits you can load here").await);
    assert!(theirs.contains("`benchmarking-1` — Benchmarkingträff 1 (sv) · shipped with samrad"), "{theirs}");
    let (sent, _) = w.send(load("benchmarking-1", other)).await;
    w.reply_containing(&sent, "Loaded **Benchmarkingträff 1**").await;
    w.finish().await;
}
