//! Privacy on the wire (#19): what the bot sends to Discord, read from every recorded request.
//! A member who never agreed to share has no words in any breakout room; anonymous answers
//! never travel beside their author's name or id (questions post, modal, digest, exports, room
//! briefs, the sharing post); `/my-data` is ephemeral and its files hold the member's own data
//! and nobody else's.

use fake_discord::{CommandOption, InteractionFixture, RecordedRequest};
use samrad::app::ports::prelude::*;
use samrad::app::{answers, Actor, Staff};
use samrad::domain::{GuildId, UserId};
use samrad::i18n::Lang;

use super::{breakout, guild, member, member_id, Setup, Wire, EPHEMERAL, GUILD, T};

/// The small wire kit's units.
const UNITS: [&str; 2] = ["Law", "Humanities"];

/// Member `i` as the app sees them (setup through the app, not under test).
fn actor(i: usize) -> Actor {
    Actor {
        guild: GuildId(GUILD),
        user: UserId(member_id(i)),
        name: format!("m{i}"),
        staff: Staff::Member,
        lang: Lang::En,
    }
}

/// What member `i` wrote.
fn words(i: usize) -> String {
    format!("Sentence{i} about our unit's action plan")
}

/// Loads `kit` (TOML, id `id`) from a kits folder of its own, with answering opened an hour
/// ago and `n` members in the plenary voice channel (so present for a split).
async fn loaded(kit: &str, id: &str, n: usize) -> (Wire, tempfile::TempDir) {
    let kits = tempfile::tempdir().unwrap();
    std::fs::write(kits.path().join(format!("{id}.toml")), kit).unwrap();
    let mut setup = Setup::new(guild(n, true));
    setup.kits_dir = kits.path().to_owned();
    setup.now = "2027-06-10T10:00:00Z".parse().unwrap();
    let w = Wire::start(setup).await;
    let load = InteractionFixture::slash_command(
        "meeting",
        vec![CommandOption::subcommand("load", vec![CommandOption::string("kit", id)])],
        super::organiser(),
    );
    let (sent, _) = w.send(load).await;
    w.reply_containing(&sent, "Loaded **").await;
    (w, kits)
}

/// The small wire kit's meeting with `n` members seated in its units, each having answered
/// with [`words`] (through the app: setup, not under test).
async fn answered(n: usize) -> (Wire, tempfile::TempDir) {
    let (w, kits) = loaded(super::answers::SMALL_KIT, "wire-check", n).await;
    super::answers::questions_post(&w).await;
    w.seat(n, &UNITS).await;
    for i in 0..n {
        let raw = [("status".to_owned(), words(i))];
        let report = answers::submit_answers(&w.store, &*w.clock, &actor(i), &raw).await.unwrap();
        assert!(report.refused.is_empty(), "{:?}", report.refused);
    }
    (w, kits)
}

/// `/breakout split mode:random size:3` by the facilitator, answered.
async fn split(w: &Wire) {
    let split = breakout(
        "split",
        vec![
            CommandOption::integer("mode", 0),
            CommandOption::integer("size", 3),
            CommandOption::integer("minutes", 10),
        ],
        super::facilitator(),
    );
    let (sent, _) = w.send(split).await;
    w.reply_containing(&sent, "Round 1").await;
}

/// The body of a request as sent, with the text of its files.
fn sent_text(r: &RecordedRequest) -> String {
    let files = r.attachments.iter().map(|a| String::from_utf8_lossy(&a.data).into_owned());
    std::iter::once(r.body.to_string()).chain(files).collect::<Vec<_>>().join("\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_who_never_consented_has_no_words_in_any_breakout_room() {
    let (w, _kits) = answered(6).await;
    // Members 0–4 agree with /privacy; member 5 never answers the question.
    for i in 0..5 {
        let share = InteractionFixture::slash_command(
            "privacy",
            vec![CommandOption::subcommand("share-in-rooms", vec![CommandOption::boolean("share", true)])],
            member(i),
        );
        let (sent, _) = w.send(share).await;
        w.reply_containing(&sent, "may now be shown").await;
    }
    split(&w).await;

    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    let round = w.store.open_round(meeting.id).await.unwrap().expect("a round");
    let rooms: Vec<String> = round.rooms.iter().map(|r| format!("/channels/{}/", r.text_channel.unwrap())).collect();
    let in_rooms: Vec<String> =
        w.fake.requests().iter().filter(|r| rooms.iter().any(|p| r.path.starts_with(p))).map(sent_text).collect();
    assert!(!in_rooms.is_empty(), "the rooms got their briefs");
    let silent = words(5);
    assert!(in_rooms.iter().all(|b| !b.contains(&silent)), "member 5's words reached a room: {in_rooms:#?}");
    // The briefs do carry the words of those who agreed (so the scan above can see words).
    let shared = (0..5).filter(|i| in_rooms.iter().any(|b| b.contains(&words(*i)))).count();
    assert_eq!(shared, 5, "every agreeing member's words are in their room: {in_rooms:#?}");
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn my_data_is_ephemeral_and_holds_the_members_own_data_and_nobody_elses() {
    let (w, _kits) = answered(3).await;
    let (sent, kind) = w.send(InteractionFixture::slash_command("my-data", vec![], member(0))).await;
    assert_eq!(kind, 5, "deferred");
    let flags = w.fake.requests_matching("POST /interactions/{i}/{t}/callback");
    let deferral = flags.iter().find(|r| r.path.contains(&sent.token)).expect("the deferral");
    assert_eq!(deferral.body["data"]["flags"].as_u64().unwrap_or(0) & EPHEMERAL, EPHEMERAL, "ephemeral");
    let token = sent.token.clone();
    let reply = w
        .fake
        .wait_for(move |r| r.path.contains(&token) && r.status < 300 && !r.attachments.is_empty(), T)
        .await
        .expect("a reply with files");
    let names: Vec<&str> = reply.attachments.iter().filter_map(|a| a.filename.as_deref()).collect();
    assert_eq!(names, ["samrad-my-data.md", "samrad-my-data.json"]);
    let file = |name: &str| {
        let a = reply.attachments.iter().find(|a| a.filename.as_deref() == Some(name)).unwrap();
        String::from_utf8(a.data.clone()).unwrap()
    };
    let (md, json) = (file("samrad-my-data.md"), file("samrad-my-data.json"));
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(parsed["name"], "m0");
    assert_eq!(parsed["unit"], UNITS[0]);
    assert!(json.contains(&words(0)) && md.contains(&words(0)), "their answer:\n{md}\n{json}");
    assert!(md.contains(UNITS[0]) && md.contains("m0"), "their membership:\n{md}");
    for other in 1..3 {
        for text in [&md, &json] {
            assert!(!text.contains(&words(other)), "member {other}'s words:\n{text}");
            assert!(!text.contains(&format!("m{other}")), "member {other}'s name:\n{text}");
        }
    }
    w.finish().await;
}

/// The small wire kit with a third unit, its one question anonymous, shared after the deadline.
fn anonymous_kit() -> String {
    let kit = super::answers::SMALL_KIT.replace("id = \"wire-check\"", "id = \"wire-anonymous\"").replace(
        "units = [\"Law\", \"Humanities\"]",
        "units = [\"Law\", \"Humanities\", \"Museum\"]\nshare_after_deadline = true",
    );
    format!("{kit}anonymous = true\n")
}

/// What member `i` wrote anonymously.
fn hidden(i: usize) -> String {
    format!("Remark{i} about the corridor culture")
}

/// Whether `text` holds `word` as a whole word (so "m1" is not found in "m10").
fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| w == word)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anonymous_answers_never_reach_discord_beside_their_authors_name_or_id() {
    let (w, _kits) = loaded(&anonymous_kit(), "wire-anonymous", 7).await;
    let post = super::answers::questions_post(&w).await;
    // Law 3, Humanities 3, Museum 1: everyone agreed to share in rooms (the most exposed case).
    let units = ["Law", "Law", "Law", "Humanities", "Humanities", "Humanities", "Museum"];
    w.seat(7, &units).await;
    for i in 0..7 {
        w.store.set_consent(GuildId(GUILD), UserId(member_id(i)), true).await.unwrap();
    }

    // Each answers through the questions post's button and the modal.
    for i in 0..7 {
        let (_, kind) = w.send(InteractionFixture::button(w.first_button(post), post, member(i))).await;
        assert_eq!(kind, 9, "the button opens a modal");
        let fields = vec![("samrad:q:status".to_owned(), hidden(i))];
        let (sent, _) = w.send(InteractionFixture::modal_submit("samrad:modal:0", fields, member(i))).await;
        w.reply_containing(&sent, "Saved").await;
    }
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    assert_eq!(w.store.anonymous_answers(meeting.id).await.unwrap().len(), 7);
    assert!(w.store.answers(meeting.id).await.unwrap().is_empty(), "stored without a member");

    // The organiser's digest and both exports; the rooms' briefs.
    let (sent, _) = w.send(InteractionFixture::slash_command("digest", vec![], super::organiser())).await;
    w.reply_containing(&sent, "Wire check").await;
    for format in [0, 1] {
        let export = InteractionFixture::slash_command(
            "export",
            vec![CommandOption::integer("format", format)],
            super::organiser(),
        );
        let (sent, _) = w.send(export).await;
        let token = sent.token.clone();
        w.fake
            .wait_for(move |r| r.path.contains(&token) && !r.attachments.is_empty(), T)
            .await
            .expect("an export file");
    }
    split(&w).await;

    // After the deadline: the digest job and "what the units said".
    let deadline = w.store.pending_jobs(meeting.id).await.unwrap().into_iter().find(|j| j.kind == "deadline").unwrap();
    w.clock.set(deadline.due_at);
    w.fake
        .wait_until(T, |f| {
            f.messages_in(super::PLENARY)
                .iter()
                .any(|m| m["content"].as_str().is_some_and(|c| c.contains("What the units said")))
        })
        .await
        .expect("the sharing post");

    // Every request the bot made, with its files: where an anonymous answer is, its author is not.
    let sent: Vec<String> = w.fake.requests().iter().map(sent_text).collect();
    for i in 0..7 {
        let (words, name, id) = (hidden(i), format!("m{i}"), member_id(i));
        let carrying: Vec<&String> = sent.iter().filter(|b| b.contains(&words)).collect();
        assert!(!carrying.is_empty(), "{name}'s words were read somewhere (digest, export)");
        for body in carrying {
            let named =
                has_word(body, &name) || body.contains(&format!("<@{id}>")) || body.contains(&format!("\"{id}\""));
            assert!(!named, "{name} beside their anonymous words:\n{body}");
        }
    }
    w.finish().await;
}
