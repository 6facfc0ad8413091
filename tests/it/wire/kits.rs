//! `/kit` on the wire: an organiser uploads a kit as an attachment (downloaded from the fake's
//! file URL), fixes it, loads it, downloads it again and deletes it; bad files are refused with
//! line numbers and nothing stored; one guild never sees another's kits.

use fake_discord::FileFixture;
use samrad::app::ports::KitSource;

use super::*;

const OTHER_GUILD: u64 = 5_000;
const OTHER_PLENARY: u64 = 5_001;

fn kit(sub: &str, options: Vec<CommandOption>, ctx: InteractionContext) -> InteractionFixture {
    InteractionFixture::slash_command("kit", vec![CommandOption::subcommand(sub, options)], ctx)
}

fn upload(file: &FileFixture, ctx: InteractionContext) -> InteractionFixture {
    kit("upload", vec![CommandOption::attachment("file", file)], ctx)
}

/// The English template under another id, with `extra` appended.
fn my_kit(extra: &str) -> String {
    let (_, text) = samrad::kit::template::template("en").expect("template");
    format!("{}{extra}", text.replacen("id = \"my-meeting\"", "id = \"var-mote\"", 1))
}

fn is_ephemeral(r: &RecordedRequest) -> bool {
    [&r.body["flags"], &r.body["data"]["flags"]].iter().any(|f| f.as_u64().is_some_and(|f| f & EPHEMERAL != 0))
}

/// The kit ids autocompletion offers for `/meeting load` in `ctx`'s guild.
async fn load_choices(w: &Wire, ctx: InteractionContext) -> Vec<String> {
    let option = CommandOption::string("kit", "").focused();
    let fixture =
        InteractionFixture::autocomplete("meeting", vec![CommandOption::subcommand("load", vec![option])], ctx);
    let sent = w.fake.send_interaction(fixture).await;
    let token = sent.token.clone();
    let answer = w.fake.wait_for(move |r| r.path.contains(&token) && r.body["type"] == 8, T).await.expect("choices");
    answer.body["data"]["choices"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["value"].as_str().map(String::from))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organiser_uploads_fixes_loads_downloads_and_deletes_a_kit() {
    let w = Wire::start(Setup::new(guild(2, false))).await;

    let v1 = my_kit("");
    let file = w.fake.add_file("var-mote.toml", Some("application/toml; charset=utf-8"), v1.clone().into_bytes());
    let (sent, _) = w.send(upload(&file, organiser())).await;
    let stored = w.reply_containing(&sent, "as version 1").await;
    assert!(is_ephemeral(&stored), "the reply is private: {}", stored.body);
    assert_eq!(w.fake.file_downloads(file.id), 1, "the bot fetched the attachment from the file URL");

    // A second version; the shipped kits and this guild's kit are both offered for loading.
    let v2 = my_kit("\n# v2\n");
    let file2 = w.fake.add_file("var-mote.toml", None, v2.clone().into_bytes());
    let (sent, _) = w.send(upload(&file2, organiser())).await;
    w.reply_containing(&sent, "as version 2").await;
    let choices = load_choices(&w, organiser()).await;
    assert!(choices.contains(&"var-mote".to_owned()) && choices.contains(&"benchmarking-1".to_owned()), "{choices:?}");

    let (sent, _) = w.send(kit("list", vec![], organiser())).await;
    w.reply_containing(&sent, "`var-mote` — Network meeting: from plans to practice (en) · this server, version 2")
        .await;

    let load = InteractionFixture::slash_command(
        "meeting",
        vec![CommandOption::subcommand(
            "load",
            vec![CommandOption::string("kit", "var-mote"), CommandOption::string("date", "2027-06-10")],
        )],
        organiser(),
    );
    let (sent, _) = w.send(load).await;
    w.reply_containing(&sent, "Loaded **Network meeting").await;
    // The purpose of the day opens the questions post (answering opened weeks ago: caught up)
    // and the reply to /agenda start, which runs the uploaded kit's agenda.
    let purpose = "• Share how each unit turns the equality plan into practice.";
    w.fake
        .wait_until(T, |f| {
            f.messages_in(PLENARY).iter().any(|m| {
                m["content"].as_str().is_some_and(|c| c.starts_with("**Network meeting") && c.contains(purpose))
            })
        })
        .await
        .expect("the questions post with the purpose");
    let (sent, _) = w
        .send(InteractionFixture::slash_command(
            "agenda",
            vec![CommandOption::subcommand("start", vec![])],
            organiser(),
        ))
        .await;
    let started = w.reply_containing(&sent, "The agenda has started: 3 items").await;
    let text =
        started.body["content"].as_str().or(started.body["data"]["content"].as_str()).unwrap_or_default().to_owned();
    assert!(text.starts_with("**Purpose of the day**") && text.contains(purpose), "{text}");
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().expect("loaded");
    let kept = KitSource { kit_id: "var-mote".into(), version: Some(2), source: v2.clone() };
    assert_eq!(w.store.meeting_kit(meeting.id).await.unwrap(), Some(kept.clone()));

    // A newer upload does not change the running meeting.
    let file3 = w.fake.add_file("var-mote.toml", None, my_kit("\n# v3\n").into_bytes());
    let (sent, _) = w.send(upload(&file3, organiser())).await;
    w.reply_containing(&sent, "as version 3").await;
    assert_eq!(w.store.meeting_kit(meeting.id).await.unwrap(), Some(kept));

    let (sent, _) = w.send(kit("download", vec![CommandOption::string("kit", "var-mote")], organiser())).await;
    let download = w.reply_containing(&sent, "Kit `var-mote`").await;
    let attached = download.attachments.first().expect("the kit as a file");
    assert_eq!(attached.filename.as_deref(), Some("var-mote.toml"));
    assert_eq!(String::from_utf8_lossy(&attached.data), my_kit("\n# v3\n"));

    let (sent, _) = w.send(kit("template", vec![CommandOption::integer("language", 0)], member(0))).await;
    let template = w.reply_containing(&sent, "Rediger det").await;
    let file = template.attachments.first().expect("the template as a file");
    assert!(samrad::kit::parse_upload(&file.data, "kit-nb.toml").is_ok(), "the template passes the checks");

    let (sent, _) = w.send(kit("delete", vec![CommandOption::string("kit", "var-mote")], organiser())).await;
    w.reply_containing(&sent, "(3 versions)").await;
    assert!(w.store.guild_kits(GuildId(GUILD)).await.unwrap().is_empty());
    assert!(w.store.meeting_kit(meeting.id).await.unwrap().is_some(), "the meeting keeps its copy");
    let (sent, _) = w.send(kit("delete", vec![CommandOption::string("kit", "benchmarking-1")], organiser())).await;
    w.reply_containing(&sent, "shipped with samrad and cannot be deleted").await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_files_are_refused_with_their_place_and_nothing_is_stored() {
    let w = Wire::start(Setup::new(guild(2, false))).await;

    // Mistakes in the kit: each with line:column and a hint.
    let broken = my_kit("").replacen("language = \"en\"", "language = \"de\"", 1).replacen(
        "kind = \"yes_no\"",
        "kind = \"ja_nei\"",
        1,
    );
    let line = |needle: &str| broken.lines().position(|l| l.starts_with(needle)).expect("line") + 1;
    let file = w.fake.add_file("var-mote.toml", None, broken.clone().into_bytes());
    let (sent, _) = w.send(upload(&file, organiser())).await;
    let reply = w.reply_containing(&sent, "problems; nothing was stored:").await;
    assert!(is_ephemeral(&reply));
    let content =
        reply.body["data"]["content"].as_str().or(reply.body["content"].as_str()).unwrap_or_default().to_owned();
    assert!(content.contains(&format!("`{}:12`: language `de` is not supported", line("language"))), "{content}");
    assert!(
        content.contains(&format!(
            "`{}:8`: unknown question kind `ja_nei` (hint: write `yes_no`",
            line("kind = \"ja_nei\"")
        )),
        "{content}"
    );

    let png = w.fake.add_file("screenshot.png", Some("image/png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec());
    let (sent, _) = w.send(upload(&png, organiser())).await;
    w.reply_containing(&sent, "not a kit but a PNG image").await;

    let latin1 = w.fake.add_file("k.toml", None, b"id = \"x\"\n# spr\xE5k\n".to_vec());
    let (sent, _) = w.send(upload(&latin1, organiser())).await;
    w.reply_containing(&sent, "`2:6`: the file is not UTF-8 text").await;

    let huge = w.fake.add_file("big.toml", None, vec![b'#'; 10 * 1024 * 1024]);
    let (sent, _) = w.send(upload(&huge, organiser())).await;
    w.reply_containing(&sent, "The file is 10240 KiB; a kit may be at most 256 KiB").await;
    assert_eq!(w.fake.file_downloads(huge.id), 0, "refused by its size, never downloaded");

    let deep = format!("id = \"x\"\na = {}{}\n", "[".repeat(5000), "]".repeat(5000));
    let deep = w.fake.add_file("deep.toml", None, deep.into_bytes());
    let (sent, _) = w.send(upload(&deep, organiser())).await;
    w.reply_containing(&sent, "nested more than 16 levels deep").await;

    let cargo = w.fake.add_file("Cargo.toml", None, b"[package]\nname = \"x\"\nversion = \"1.0.0\"\n".to_vec());
    let (sent, _) = w.send(upload(&cargo, organiser())).await;
    w.reply_containing(&sent, "not a meeting kit").await;

    let good = w.fake.add_file("var-mote.toml", None, my_kit("").into_bytes());
    let (sent, _) = w.send(upload(&good, member(1))).await;
    w.reply_containing(&sent, "Only organisers can do that.").await;
    assert_eq!(w.fake.file_downloads(good.id), 0, "a member's attachment is not even fetched");
    assert!(w.store.guild_kits(GuildId(GUILD)).await.unwrap().is_empty(), "nothing was stored");

    let (sent, _) = w.send(upload(&good, organiser())).await;
    w.reply_containing(&sent, "as version 1").await;
    let (sent, _) = w.send(upload(&good, organiser())).await;
    w.reply_containing(&sent, "Kit `var-mote` version 1 already has exactly this text").await;
    assert_eq!(w.store.guild_kit_versions(GuildId(GUILD), "var-mote").await.unwrap().len(), 1);
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_guilds_kits_are_never_seen_by_another() {
    let w = Wire::start(Setup::new(guild(1, false))).await;
    let ids = GuildIds { guild: OTHER_GUILD, plenary: OTHER_PLENARY, voice: 5_002, facilitator_role: 5_003 };
    w.fake.add_guild(coordination_guild(ids, "Another group", 1, false));
    let other_organiser =
        InteractionContext::new(OTHER_GUILD, OTHER_PLENARY, MemberFixture::new(UserFixture::new(ORGANISER, "org")))
            .permissions(perms::DEFAULT_EVERYONE | perms::ADMINISTRATOR);

    let file = w.fake.add_file("var-mote.toml", None, my_kit("").into_bytes());
    let (sent, _) = w.send(upload(&file, organiser())).await;
    w.reply_containing(&sent, "as version 1").await;

    let theirs = load_choices(&w, other_organiser.clone()).await;
    assert!(!theirs.contains(&"var-mote".to_owned()), "{theirs:?}");
    assert!(theirs.contains(&"benchmarking-1".to_owned()), "shipped kits are everyone's: {theirs:?}");
    let load = InteractionFixture::slash_command(
        "meeting",
        vec![CommandOption::subcommand("load", vec![CommandOption::string("kit", "var-mote")])],
        other_organiser.clone(),
    );
    let (sent, _) = w.send(load).await;
    w.reply_containing(&sent, "There is no kit `var-mote` here").await;
    let (sent, _) =
        w.send(kit("download", vec![CommandOption::string("kit", "var-mote")], other_organiser.clone())).await;
    w.reply_containing(&sent, "There is no kit `var-mote` here").await;
    let (sent, _) = w.send(kit("delete", vec![CommandOption::string("kit", "var-mote")], other_organiser)).await;
    w.reply_containing(&sent, "There is no kit `var-mote` here").await;
    assert_eq!(w.store.guild_kits(GuildId(GUILD)).await.unwrap().len(), 1, "still there for its own guild");
    w.finish().await;
}

/// A management group's kit: no units, members answer for themselves.
const NO_UNITS: &str = r#"id = "ledning"
title = "Management group"
language = "en"
date = 2027-06-20
roles = ["Director", "Coordinator"]

[[questions]]
id = "status"
text = "Which equality problem matters most here?"
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kit_without_units_is_answered_by_members_who_never_joined_one() {
    let w = Wire::start(Setup::new(guild(2, false))).await;
    let file = w.fake.add_file("ledning.toml", None, NO_UNITS.as_bytes().to_vec());
    let (sent, _) = w.send(upload(&file, organiser())).await;
    w.reply_containing(&sent, "as version 1").await;
    let load = InteractionFixture::slash_command(
        "meeting",
        vec![CommandOption::subcommand("load", vec![CommandOption::string("kit", "ledning")])],
        organiser(),
    );
    let (sent, _) = w.send(load).await;
    w.reply_containing(&sent, "Loaded **Management group**").await;
    let post = super::answers::questions_post(&w).await; // answering opened days ago

    let join = InteractionFixture::slash_command(
        "unit",
        vec![CommandOption::subcommand("join", vec![CommandOption::string("name", "Anything")])],
        member(0),
    );
    let (sent, _) = w.send(join).await;
    w.reply_containing(&sent, "This meeting has no units: everyone answers for themselves").await;

    let role = InteractionFixture::slash_command(
        "role",
        vec![CommandOption::subcommand("set", vec![CommandOption::string("role", "Director")])],
        member(0),
    );
    let (sent, _) = w.send(role).await;
    w.reply_containing(&sent, "Your role is now **Director**").await;
    let (_, kind) = w.send(InteractionFixture::button(w.first_button(post), post, member(0))).await;
    assert_eq!(kind, 9, "the button opens the modal without asking for a unit");
    let fields = vec![("samrad:q:status".to_owned(), "Pay gaps in the regional offices.".to_owned())];
    let (sent, _) = w.send(InteractionFixture::modal_submit("samrad:modal:0", fields, member(0))).await;
    w.fake
        .wait_until(T, |f| {
            f.original_response(&sent.token).is_some_and(|m| m["flags"].as_u64().unwrap_or(0) & 128 == 0)
        })
        .await
        .expect("the answer is saved");
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().expect("meeting");
    let answers = w.store.answers(meeting.id).await.unwrap();
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert_eq!((answers[0].user.0, answers[0].unit.clone()), (member_id(0), None));
    // The digest reports per role.
    let digest = samrad::app::digest::digest_input(&w.store, &meeting).await.unwrap();
    let groups: Vec<&str> = digest.units.iter().map(|u| u.as_str()).collect();
    assert_eq!(groups[..2], ["Director", "Coordinator"], "{groups:?}");
    assert_eq!(digest.answers[0].unit.as_ref().map(|u| u.as_str()), Some("Director"));

    let status =
        InteractionFixture::slash_command("meeting", vec![CommandOption::subcommand("status", vec![])], organiser());
    let (sent, _) = w.send(status).await;
    let reply = w.reply_containing(&sent, "Management group").await;
    let text = reply.body["content"].as_str().or(reply.body["data"]["content"].as_str()).unwrap_or_default().to_owned();
    assert!(!text.contains("not joined a unit"), "nobody is asked to join a unit: {text}");

    let split = breakout("split", vec![CommandOption::integer("mode", 2)], facilitator()); // units
    let (sent, _) = w.send(split).await;
    w.reply_containing(&sent, "seats people by unit, and this meeting has no units").await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_norwegian_organiser_reads_the_upload_errors_in_norwegian() {
    let w = Wire::start(Setup::new(guild(2, false))).await;
    let typo = my_kit("").replacen("title = ", "titel = ", 1);
    let line = typo.lines().position(|l| l.starts_with("titel")).expect("line") + 1;
    let file = w.fake.add_file("var-mote.toml", None, typo.into_bytes());
    let (sent, _) = w.send(upload(&file, organiser()).locale("nb")).await;
    let reply = w.reply_containing(&sent, "ingenting ble lagret").await;
    let content =
        reply.body["data"]["content"].as_str().or(reply.body["content"].as_str()).unwrap_or_default().to_owned();
    assert!(
        content.contains(&format!("`{line}:1`: ukjent nøkkel `titel` på øverste nivå (tips: mente du `title`?)")),
        "{content}"
    );
    assert!(!content.contains("unknown key") && !content.contains("hint:"), "{content}");

    // The same file from an English-speaking organiser stays English.
    let (sent, _) = w.send(upload(&file, organiser())).await;
    w.reply_containing(&sent, "unknown key `titel` at the top level (hint: did you mean `title`?)").await;
    w.finish().await;
}
