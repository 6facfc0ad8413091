//! Breakout rooms on the wire: private rooms, voice moves, broadcast, close.

use std::collections::BTreeSet;

use fake_discord::{perms, CommandOption};
use samrad::app::ports::prelude::*;
use samrad::domain::GuildId;

use super::{breakout, facilitator, guild, member_id, Setup, Wire, GUILD, PLENARY, VOICE};

pub const UNITS: [&str; 3] = ["Faculty of Law", "Faculty of Humanities", "Museum of Cultural History"];

/// 20 members in voice, seated in three units, meeting loaded.
pub async fn twenty_in_voice() -> Wire {
    let w = Wire::start(Setup::new(guild(20, true))).await;
    w.load("example-en").await;
    w.seat(20, &UNITS).await;
    w
}

/// `/breakout split mode:units size:4 voice:true` → 5 rooms.
pub fn split_units() -> fake_discord::InteractionFixture {
    breakout(
        "split",
        vec![
            CommandOption::integer("mode", 2),
            CommandOption::integer("size", 4),
            CommandOption::integer("minutes", 10),
            CommandOption::boolean("voice", true),
        ],
        facilitator(),
    )
}

fn id(v: &serde_json::Value) -> u64 {
    v.as_str().and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("id in {v}"))
}

fn bits(v: &serde_json::Value) -> u64 {
    v.as_str().and_then(|s| s.parse().ok()).or(v.as_u64()).unwrap_or(0)
}

/// Checks each room-creating call: private to @everyone, open to each of its members.
pub fn assert_private_rooms(w: &Wire, rooms: usize) -> Vec<BTreeSet<u64>> {
    let created = w.fake.requests_matching("POST /guilds/{g}/channels");
    let rooms_made: Vec<_> = created.iter().filter(|r| r.status < 300 && r.body["type"] != 4).collect();
    assert_eq!(rooms_made.len(), rooms * 2, "a text and a voice channel per room");
    let mut seated = Vec::new();
    for r in &rooms_made {
        let overwrites = r.body["permission_overwrites"].as_array().expect("overwrites inline in the create call");
        let everyone = overwrites.iter().find(|o| id(&o["id"]) == GUILD).expect("@everyone overwrite");
        assert_eq!(everyone["type"], 0, "a role overwrite");
        assert_eq!(bits(&everyone["deny"]) & perms::VIEW_CHANNEL, perms::VIEW_CHANNEL, "@everyone may not view");
        let members: BTreeSet<u64> = overwrites
            .iter()
            .filter(|o| o["type"] == 1)
            .inspect(|o| assert_ne!(bits(&o["allow"]) & perms::VIEW_CHANNEL, 0, "members may view"))
            .map(|o| id(&o["id"]))
            .collect();
        assert!(!members.is_empty());
        if r.body["type"] == 0 {
            seated.push(members);
        }
    }
    let everyone: BTreeSet<u64> = seated.iter().flatten().copied().collect();
    assert_eq!(seated.iter().map(BTreeSet::len).sum::<usize>(), 20, "nobody in two rooms");
    assert_eq!(everyone, (0..20).map(member_id).collect(), "everyone present has a room");
    seated
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_facilitator_splits_twenty_members_into_private_rooms_and_moves_voice() {
    let w = twenty_in_voice().await;
    let (sent, kind) = w.send(split_units()).await;
    assert_eq!(kind, 5, "a split defers at once");
    w.reply_containing(&sent, "Round 1: 5 rooms for 20 people").await;
    let seated = assert_private_rooms(&w, 5);
    for members in &seated {
        assert!((3..=4).contains(&members.len()), "sizes differ by at most one: {members:?}");
    }
    // Voice: each member moved to the voice channel of their room.
    let moves = w.fake.requests_matching("PATCH /guilds/{g}/members/{u}");
    assert_eq!(moves.len(), 20, "one move each");
    let round = w.store.open_round(w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap().id).await;
    let round = round.unwrap().expect("round open");
    for room in &round.rooms {
        for user in &room.members {
            assert_eq!(w.fake.voice_channel_of(GUILD, user.0), room.voice_channel.map(|c| c.0), "{user} moved");
        }
        let text = room.text_channel.unwrap().0;
        assert_eq!(w.posts_in(text).len(), 1, "one brief per room");
    }
    assert!(moves.iter().all(|m| m.body["channel_id"].is_string()));
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broadcast_reaches_every_room_and_close_posts_one_summary_per_room() {
    let w = twenty_in_voice().await;
    let (sent, _) = w.send(split_units()).await;
    w.reply_containing(&sent, "Round 1").await;
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    let round = w.store.open_round(meeting.id).await.unwrap().unwrap();

    let (sent, kind) =
        w.send(breakout("broadcast", vec![CommandOption::string("text", "Five minutes left")], facilitator())).await;
    assert_eq!(kind, 5);
    w.reply_containing(&sent, "Sent to 5 rooms").await;
    for room in &round.rooms {
        let posts = w.posts_in(room.text_channel.unwrap().0);
        let heard = posts.iter().filter(|m| m["content"].as_str().unwrap().contains("Five minutes left")).count();
        assert_eq!(heard, 1, "{} heard the broadcast once", room.name);
    }

    // A note from inside room 1, then close.
    let room1 = &round.rooms[0];
    let inside = fake_discord::InteractionContext::new(
        GUILD,
        room1.text_channel.unwrap().0,
        fake_discord::MemberFixture::new(fake_discord::UserFixture::new(room1.members[0].0, "m")),
    );
    let note = fake_discord::InteractionFixture::slash_command(
        "note",
        vec![CommandOption::string("text", "We agreed to share recruitment data across units.")],
        inside,
    );
    let (sent, kind) = w.send(note).await;
    assert_eq!(kind, 4, "a note is answered at once");
    w.reply_containing(&sent, "Your note is saved").await;

    // (The schedule posts in plenary too; summaries start with the room's name.)
    let is_summary = |m: &serde_json::Value| m["content"].as_str().is_some_and(|c| c.starts_with("**room-"));
    assert!(!w.posts_in(PLENARY).iter().any(is_summary));
    let (sent, _) = w.send(breakout("close", vec![], facilitator())).await;
    w.reply_containing(&sent, "5 summaries").await;
    let summaries: Vec<_> = w.posts_in(PLENARY).into_iter().filter(is_summary).collect();
    assert_eq!(summaries.len(), 5, "one summary per room");
    for room in &round.rooms {
        let n = summaries.iter().filter(|m| m["content"].as_str().unwrap().contains(room.name.as_str())).count();
        assert_eq!(n, 1, "{} summarised once", room.name);
    }
    assert!(summaries.iter().any(|m| m["content"].as_str().unwrap().contains("recruitment")), "the note is used");
    // Voice members are back in plenary; the round is closed.
    for i in 0..20 {
        assert_eq!(w.fake.voice_channel_of(GUILD, member_id(i)), Some(VOICE));
    }
    assert!(w.store.open_round(meeting.id).await.unwrap().is_none());
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_choose_mode_members_pick_a_room_with_the_plenary_buttons() {
    let w = twenty_in_voice().await;
    let split =
        breakout("split", vec![CommandOption::integer("mode", 5), CommandOption::integer("size", 5)], facilitator());
    let (sent, _) = w.send(split).await;
    w.reply_containing(&sent, "members pick one with the buttons").await;
    let post = w
        .posts_in(PLENARY)
        .into_iter()
        .find(|m| {
            m["components"][0]["components"][0]["custom_id"].as_str().is_some_and(|c| c.starts_with("samrad:choose:"))
        })
        .expect("a post with room buttons");
    let button = post["components"][0]["components"][1]["custom_id"].as_str().unwrap().to_owned();
    let message: u64 = post["id"].as_str().unwrap().parse().unwrap();
    let (pick, kind) = w.send(fake_discord::InteractionFixture::button(&button, message, super::member(7))).await;
    assert_eq!(kind, 5, "deferred: access and voice take several calls");
    w.reply_containing(&pick, "You are in room-2").await;
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    let round = w.store.open_round(meeting.id).await.unwrap().unwrap();
    let room = round.rooms.iter().find(|r| r.number == 2).unwrap();
    assert_eq!(room.members.iter().map(|u| u.0).collect::<Vec<_>>(), vec![member_id(7)]);
    let text = room.text_channel.unwrap().0;
    let overwrites = w.fake.channel(text).unwrap()["permission_overwrites"].clone();
    assert!(
        overwrites.as_array().unwrap().iter().any(|o| id(&o["id"]) == member_id(7) && o["type"] == 1),
        "the picker may see the room: {overwrites}"
    );
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_server_is_refused_with_free_and_needed_channels_before_anything_is_made() {
    let mut g = guild(20, true);
    for i in 0..492 {
        g = g.channel(fake_discord::ChannelFixture::text(50_000 + i, format!("old-{i}")));
    }
    let w = Wire::start(Setup::new(g)).await;
    w.load("example-en").await;
    w.seat(20, &UNITS).await;
    let before = w.fake.guild_channels(GUILD).len();
    assert_eq!(before, 494);
    let (sent, _) = w.send(split_units()).await; // needs 11 channels, 6 fit
    w.reply_containing(&sent, "5 rooms need 11 channels and the server has only 6 free").await;
    assert!(w.fake.requests_matching("POST /guilds/{g}/channels").is_empty(), "counted first, nothing made");
    assert_eq!(w.fake.guild_channels(GUILD).len(), before);
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    assert!(w.store.open_round(meeting.id).await.unwrap().is_none(), "no half-made round");
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_facilitator_extends_the_round_and_moves_a_member() {
    let w = twenty_in_voice().await;
    let (sent, _) = w.send(split_units()).await;
    w.reply_containing(&sent, "Round 1").await;
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    let round = w.store.open_round(meeting.id).await.unwrap().unwrap();

    let (sent, kind) = w.send(breakout("extend", vec![CommandOption::integer("minutes", 5)], facilitator())).await;
    assert_eq!(kind, 4, "extend only touches the store: answered at once");
    w.reply_containing(&sent, "The rooms now end").await;
    let extended = w.store.open_round(meeting.id).await.unwrap().unwrap();
    assert_eq!(extended.ends_at - round.ends_at, chrono::Duration::minutes(5));

    let who = round.rooms[0].members[0];
    let to = round.rooms[1].clone();
    let (sent, _) = w
        .send(breakout(
            "move",
            vec![CommandOption::user("member", who.0), CommandOption::integer("room", 2)],
            facilitator(),
        ))
        .await;
    w.reply_containing(&sent, "is now in room-2").await;
    assert_eq!(w.fake.voice_channel_of(GUILD, who.0), to.voice_channel.map(|c| c.0), "moved in voice too");
    let overwrites = w.fake.channel(to.text_channel.unwrap().0).unwrap()["permission_overwrites"].clone();
    assert!(overwrites.as_array().unwrap().iter().any(|o| id(&o["id"]) == who.0), "{overwrites}");
    let old = w.fake.channel(round.rooms[0].text_channel.unwrap().0).unwrap()["permission_overwrites"].clone();
    assert!(!old.as_array().unwrap().iter().any(|o| id(&o["id"]) == who.0), "access to the old room revoked");
    w.finish().await;
}
