//! Rounds at Discord's size limits: a national network day (500 people in rooms of 5, with
//! voice) spreads over several categories. (A guild without room for a whole round:
//! `wire::breakouts::a_full_server_is_refused_with_free_and_needed_channels_before_anything_is_made`.)

use std::collections::BTreeMap;
use std::time::Duration;

use fake_discord::CommandOption;
use samrad::app::ports::prelude::*;
use samrad::domain::GuildId;

use super::breakouts::UNITS;
use super::{breakout, facilitator, guild, member_id, Setup, Wire, GUILD};

fn split_in_fives(mode: i64) -> fake_discord::InteractionFixture {
    breakout(
        "split",
        vec![
            CommandOption::integer("mode", mode),
            CommandOption::integer("size", 5),
            CommandOption::integer("minutes", 10),
            CommandOption::boolean("voice", true),
        ],
        facilitator(),
    )
}

/// Waits for a reply containing `text`, for up to two minutes (a big split takes a while).
async fn long_reply(w: &Wire, sent: &fake_discord::SentInteraction, text: &str) {
    let (token, wanted) = (sent.token.clone(), text.to_owned());
    w.fake
        .wait_for(
            move |r| {
                r.path.contains(&token)
                    && r.status < 300
                    && r.body["content"].as_str().is_some_and(|c| c.contains(&wanted))
            },
            Duration::from_secs(120),
        )
        .await
        .unwrap_or_else(|e| panic!("no reply containing {text:?}: {e}"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_hundred_members_split_into_a_hundred_rooms_over_four_categories() {
    let w = Wire::start(Setup::new(guild(500, true))).await;
    w.load("example-en").await;
    w.seat(500, &UNITS).await;
    let (sent, _) = w.send(split_in_fives(2)).await;
    long_reply(&w, &sent, "Round 1: 100 rooms for 500 people").await;

    let channels = w.fake.guild_channels(GUILD);
    let categories: BTreeMap<String, String> = channels
        .iter()
        .filter(|c| c["type"] == 4)
        .map(|c| (c["id"].as_str().unwrap().to_owned(), c["name"].as_str().unwrap().to_owned()))
        .collect();
    let mut names: Vec<&str> = categories.values().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        ["Breakout round 1 (1/4)", "Breakout round 1 (2/4)", "Breakout round 1 (3/4)", "Breakout round 1 (4/4)"]
    );
    for (id, name) in &categories {
        let children = channels.iter().filter(|c| c["parent_id"] == id.as_str()).count();
        assert_eq!(children, 50, "{name} holds 25 rooms, text and voice");
    }
    assert!(w.fake.invalid_requests().is_empty(), "nothing refused by Discord's rules");

    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    let round = w.store.open_round(meeting.id).await.unwrap().unwrap();
    assert_eq!((round.rooms.len(), round.categories.len()), (100, 4));
    for room in &round.rooms {
        assert_eq!(room.members.len(), 5, "{}", room.name);
        for user in &room.members {
            assert_eq!(w.fake.voice_channel_of(GUILD, user.0), room.voice_channel.map(|c| c.0), "moved to their room");
        }
    }
    for i in [0, 250, 499] {
        let seats = round.rooms.iter().filter(|r| r.members.iter().any(|u| u.0 == member_id(i))).count();
        assert_eq!(seats, 1, "member {i} sits in one room");
    }
    w.finish().await;
}
