//! Meeting days on the wire (#18): `/breakout split mode:choose topics:` (rooms named after
//! their topics, buttons showing them, 30 rooms over two messages, bad topics refused).

use fake_discord::{CommandOption, InteractionFixture};
use samrad::app::ports::prelude::*;
use samrad::app::{meetings, Actor, Staff};
use samrad::domain::{ChannelId, GuildId, UserId};
use samrad::i18n::Lang;

use super::{breakout, facilitator, guild, member, member_id, prompts, Setup, Wire, EPHEMERAL, GUILD, ORGANISER};
use super::{PLENARY, T};

const CHOOSE: i64 = 5;

fn split_topics(topics: &str) -> InteractionFixture {
    breakout(
        "split",
        vec![CommandOption::integer("mode", CHOOSE), CommandOption::string("topics", topics)],
        facilitator(),
    )
}

fn actor(i: usize) -> Actor {
    Actor {
        guild: GuildId(GUILD),
        user: UserId(member_id(i)),
        name: format!("m{i}"),
        staff: Staff::Member,
        lang: Lang::En,
    }
}

/// Posts in plenary with room buttons, in order.
fn button_posts(w: &Wire) -> Vec<serde_json::Value> {
    w.posts_in(PLENARY)
        .into_iter()
        .filter(|m| {
            m["components"][0]["components"][0]["custom_id"].as_str().is_some_and(|c| c.starts_with("samrad:choose:"))
        })
        .collect()
}

fn buttons(post: &serde_json::Value) -> Vec<(String, String)> {
    let rows = post["components"].as_array().cloned().unwrap_or_default();
    rows.iter()
        .flat_map(|r| r["components"].as_array().cloned().unwrap_or_default())
        .map(|b| (b["custom_id"].as_str().unwrap().to_owned(), b["label"].as_str().unwrap().to_owned()))
        .collect()
}

fn created_channel_names(w: &Wire) -> Vec<String> {
    w.fake
        .requests_matching("POST /guilds/{g}/channels")
        .into_iter()
        .filter(|r| r.status < 300 && r.body["type"] == 0)
        .map(|r| r.body["name"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_choose_a_room_by_topic_and_the_room_reads_their_answers() {
    let w = Wire::start(Setup::new(guild(6, true))).await;
    // Answering is still open ten days before the meeting.
    let kit = samrad::kit::find_kit(&prompts(), "example-en").unwrap();
    let org = Actor { user: UserId(ORGANISER), staff: Staff::Organiser, ..actor(0) };
    let date = Some("2027-06-20".parse().unwrap());
    meetings::load_meeting(&w.store, &*w.clock, &org, &kit, date, ChannelId(PLENARY)).await.unwrap();
    super::answers::questions_post(&w).await;
    w.seat(6, &["Faculty of Law", "Faculty of Humanities"]).await;
    let raw = vec![("status".to_string(), "We are drafting a new plan with HR".to_string())];
    samrad::app::answers::submit_answers(&w.store, &*w.clock, &actor(3), &raw).await.unwrap();
    samrad::app::privacy::set_share_in_rooms(&w.store, &actor(3), true).await.unwrap();

    let (sent, _) = w.send(split_topics("Recruitment and promotion; Pay gap; Leadership and culture")).await;
    w.reply_containing(&sent, "3 rooms are open; members pick one").await;
    assert_eq!(created_channel_names(&w), ["Recruitment and promotion", "Pay gap", "Leadership and culture"]);
    let posts = button_posts(&w);
    assert_eq!(posts.len(), 1);
    assert!(posts[0]["content"].as_str().unwrap().starts_with("Pick a topic (3"), "{}", posts[0]["content"]);
    let offered = buttons(&posts[0]);
    let labels: Vec<&str> = offered.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(labels, ["Recruitment and promotion", "Pay gap", "Leadership and culture"]);

    let message: u64 = posts[0]["id"].as_str().unwrap().parse().unwrap();
    let (pick, _) = w.send(InteractionFixture::button(&offered[1].0, message, member(3))).await;
    w.reply_containing(&pick, "You are in Pay gap").await;
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    let round = w.store.open_round(meeting.id).await.unwrap().unwrap();
    let room = round.rooms.iter().find(|r| r.name == "Pay gap").unwrap();
    assert_eq!(room.members, vec![UserId(member_id(3))]);
    let channel = room.text_channel.unwrap().0;
    w.fake
        .wait_until(T, |f| {
            f.messages_in(channel)
                .iter()
                .any(|m| m["content"].as_str().is_some_and(|c| c.contains("We are drafting a new plan with HR")))
        })
        .await
        .expect("the room reads the picker's answer");
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thirty_topics_make_thirty_rooms_over_two_messages_of_buttons() {
    let w = Wire::start(Setup::new(guild(4, true))).await;
    w.load("example-en").await;
    w.seat(4, &["Faculty of Law", "Faculty of Humanities"]).await;
    let topics: Vec<String> = (1..=30).map(|i| format!("Topic {i:02}: practice")).collect();
    let (sent, _) = w.send(split_topics(&topics.join("; "))).await;
    w.reply_containing(&sent, "30 rooms are open").await;
    assert_eq!(created_channel_names(&w), topics);
    let posts = button_posts(&w);
    assert_eq!(posts.len(), 2, "25 buttons to a message");
    let offered: Vec<(String, String)> = posts.iter().flat_map(buttons).collect();
    assert_eq!(buttons(&posts[0]).len(), 25);
    assert_eq!(offered.iter().map(|(_, l)| l.clone()).collect::<Vec<_>>(), topics);
    assert!(posts[1]["content"].as_str().unwrap().contains("26–30"), "{}", posts[1]["content"]);
    let message: u64 = posts[1]["id"].as_str().unwrap().parse().unwrap();
    let (pick, _) = w.send(InteractionFixture::button(&offered[29].0, message, member(0))).await;
    w.reply_containing(&pick, "You are in Topic 30: practice").await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_topics_get_a_private_answer_naming_the_problem_and_nothing_is_made() {
    let w = Wire::start(Setup::new(guild(4, true))).await;
    w.load("example-en").await;
    w.seat(4, &["Faculty of Law", "Faculty of Humanities"]).await;
    let long = "x".repeat(81);
    let cases = [
        ("Pay gap;;Culture", "Topic 2 is empty"),
        (long.as_str(), "Topic 1 has 81 characters; a room name and a button hold at most 80"),
        ("Pay gap; Culture; pay gap", "“pay gap” is given twice (topics 1 and 3)"),
        (" ; ", "No topics were given"),
    ];
    for (topics, said) in cases {
        let (sent, _) = w.send(split_topics(topics)).await;
        w.reply_containing(&sent, said).await;
        let reply = w.fake.original_response(&sent.token).expect("the deferred message holds the refusal");
        assert_eq!(reply["flags"].as_u64().unwrap() & EPHEMERAL, EPHEMERAL, "ephemeral");
    }
    let random = breakout(
        "split",
        vec![CommandOption::integer("mode", 0), CommandOption::string("topics", "A; B")],
        facilitator(),
    );
    let (sent, _) = w.send(random).await;
    w.reply_containing(&sent, "Topics are for mode choose").await;
    assert!(w.fake.requests_matching("POST /guilds/{g}/channels").is_empty(), "no channel created");
    w.finish().await;
}
