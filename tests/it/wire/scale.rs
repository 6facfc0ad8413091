//! Rounds at Discord's size limits: a national network day (500 people in rooms of 5, with
//! voice) spreads over several categories; a guild without room for a whole round is refused
//! before anything is made.

use std::collections::BTreeMap;
use std::time::Duration;

use fake_discord::{ChannelFixture, CommandOption};
use samrad::app::ports::prelude::*;
use samrad::domain::GuildId;

use super::breakouts::UNITS;
use super::{breakout, facilitator, guild, member_id, reply_containing, Setup, Wire, GUILD};

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

/// Waits for a reply containing `text`, for up to a minute (a big split takes a while).
async fn long_reply(w: &Wire, sent: &fake_discord::SentInteraction, text: &str) {
    tokio::time::timeout(Duration::from_secs(60), reply_containing(&w.fake, sent, text))
        .await
        .unwrap_or_else(|_| panic!("no reply containing {text:?}"));
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_split_the_guild_has_no_room_for_is_refused_and_makes_nothing() {
    // 450 channels of the guild's own, plenary and its voice channel: 48 free of Discord's 500.
    let mut fixture = guild(200, true);
    for i in 0..450 {
        fixture = fixture.channel(ChannelFixture::text(90_000 + i, format!("archive-{i}")));
    }
    let w = Wire::start(Setup::new(fixture)).await;
    w.load("example-en").await;
    w.seat(200, &UNITS).await;
    let before = w.fake.guild_channels(GUILD).len();
    let (sent, _) = w.send(split_in_fives(2)).await; // 40 rooms: 80 channels and 2 categories
    long_reply(&w, &sent, "40 rooms need 82 channels and the server has only 48 free").await;
    assert_eq!(w.fake.guild_channels(GUILD).len(), before, "nothing was created");
    assert!(w.fake.requests_matching("POST /guilds/{g}/channels").is_empty());
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    assert!(w.store.open_round(meeting.id).await.unwrap().is_none(), "no round was opened");
    w.finish().await;
}
