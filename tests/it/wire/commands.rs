//! Registration and permission checks on the wire.

use fake_discord::CommandOption;

use super::{breakout, facilitator, guild, member, Setup, Wire, EPHEMERAL, GUILD};

fn localized<'a>(v: &'a serde_json::Value, key: &str, locale: &str) -> &'a str {
    v[key][locale].as_str().unwrap_or_else(|| panic!("{key} {locale} missing in {v}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_are_registered_with_norwegian_and_swedish_names() {
    let w = Wire::start(Setup::new(guild(0, false))).await;
    let put = w.fake.requests_matching("PUT /applications/{app}/commands");
    assert_eq!(put.len(), 1, "registered once");
    let commands = w.fake.commands();
    let names: Vec<&str> = commands.iter().filter_map(|c| c["name"].as_str()).collect();
    for expected in ["meeting", "unit", "role", "answer", "breakout", "note", "help"] {
        assert!(names.contains(&expected), "{expected} in {names:?}");
    }
    let breakout = commands.iter().find(|c| c["name"] == "breakout").unwrap();
    assert_eq!(localized(breakout, "name_localizations", "no"), "grupperom");
    assert_eq!(localized(breakout, "name_localizations", "sv-SE"), "grupprum");
    let split = breakout["options"].as_array().unwrap().iter().find(|o| o["name"] == "split").unwrap();
    assert_eq!(split["type"], 1, "a subcommand");
    assert_eq!(localized(split, "name_localizations", "no"), "del");
    let mode = split["options"].as_array().unwrap().iter().find(|o| o["name"] == "mode").unwrap();
    assert_eq!(mode["required"], true);
    let choices = mode["choices"].as_array().unwrap();
    let choice_names: Vec<&str> = choices.iter().filter_map(|c| c["name"].as_str()).collect();
    assert_eq!(choice_names, ["random", "roles", "units", "same-unit", "pairs", "choose"]);
    assert_eq!(localized(&choices[3], "name_localizations", "no"), "samme enhet");
    assert_eq!(localized(&choices[0], "name_localizations", "sv-SE"), "slumpvis");
    for option in split["options"].as_array().unwrap() {
        localized(option, "name_localizations", "no");
        localized(option, "description_localizations", "sv-SE");
    }
    let note = commands.iter().find(|c| c["name"] == "note").unwrap();
    assert_eq!(localized(note, "name_localizations", "no"), "notat");
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_commands_are_registered_hidden_from_members() {
    use samrad::discord::staff::{FACILITATOR_PERMISSIONS, ORGANISER_PERMISSIONS};
    let w = Wire::start(Setup::new(guild(0, false))).await;
    let commands = w.fake.commands();
    let permissions = |name: &str| {
        let c = commands.iter().find(|c| c["name"] == name).unwrap_or_else(|| panic!("{name} registered"));
        c["default_member_permissions"].as_str().map(str::to_owned)
    };
    let facilitator = FACILITATOR_PERMISSIONS.bits().to_string();
    let organiser = ORGANISER_PERMISSIONS.bits().to_string();
    assert_eq!(facilitator, "16777216", "Move Members");
    assert_eq!(organiser, "32", "Manage Server");
    for name in ["breakout", "agenda"] {
        assert_eq!(permissions(name).as_deref(), Some(facilitator.as_str()), "/{name}");
    }
    for name in ["meeting", "digest", "export", "kit"] {
        assert_eq!(permissions(name).as_deref(), Some(organiser.as_str()), "/{name}");
    }
    for name in ["answer", "unit", "note", "privacy", "forget-me", "help"] {
        assert_eq!(permissions(name), None, "/{name} is for every member");
    }
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_without_the_facilitator_role_is_refused_and_nothing_is_created() {
    let w = Wire::start(Setup::new(guild(4, true))).await;
    w.load("example-en").await;
    w.seat(4, &["Faculty of Law", "Faculty of Humanities"]).await;
    let channels_before = w.fake.guild_channels(GUILD).len();
    let (sent, kind) = w.send(breakout("split", vec![CommandOption::integer("mode", 0)], member(0))).await;
    assert_eq!(kind, 5, "deferred first");
    w.reply_containing(&sent, "Only facilitators").await;
    let refusal = w.fake.original_response(&sent.token).expect("the deferred message holds the refusal");
    assert_eq!(refusal["flags"].as_u64().unwrap() & EPHEMERAL, EPHEMERAL, "ephemeral");
    assert!(w.fake.requests_matching("POST /guilds/{g}/channels").is_empty(), "no channel created");
    assert!(w.fake.requests_matching("PATCH /guilds/{g}/members/{u}").is_empty(), "nobody moved");
    assert_eq!(w.fake.guild_channels(GUILD).len(), channels_before);
    // Same for broadcast and close.
    let (sent, _) = w.send(breakout("close", vec![], member(1))).await;
    w.reply_containing(&sent, "Only facilitators").await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_option_of_the_wrong_kind_gets_an_answer_naming_it() {
    let w = Wire::start(Setup::new(guild(1, false))).await;
    w.load("example-en").await;
    // Discord would not send text for an integer option unless its copy of the command is stale;
    // the member is told what was wrong instead of waiting for an answer that never comes.
    let delay = fake_discord::InteractionFixture::slash_command(
        "agenda",
        vec![CommandOption::subcommand("delay", vec![CommandOption::string("minutes", "ten")])],
        facilitator(),
    );
    let (sent, kind) = w.send(delay).await;
    assert_eq!(kind, 4, "answered at once");
    let reply =
        w.reply_containing(&sent, "“ten” is not a valid minutes for /agenda delay: it takes a whole number").await;
    assert_eq!(reply.body["data"]["flags"].as_u64().unwrap_or(0) & EPHEMERAL, EPHEMERAL, "ephemeral");

    // In the member's language: a Norwegian Discord client gets Norwegian.
    let split = breakout(
        "split",
        vec![CommandOption::integer("mode", 0), CommandOption::string("minutes", "ti")],
        facilitator(),
    );
    let (sent, _) = w.send(split.locale("nb")).await;
    w.reply_containing(&sent, "«ti» er ikke gyldig som minutes i /breakout split: den tar et heltall").await;
    w.finish().await;
}
