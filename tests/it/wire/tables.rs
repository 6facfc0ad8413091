//! A day in one room on the wire: `/breakout split channels:false` seats people at tables,
//! creates no channel and moves nobody, posts the table plan (a message and the printable
//! files), and the next round and the export read the seating.

use std::collections::BTreeSet;

use fake_discord::{CommandOption, InteractionFixture, RecordedRequest};
use samrad::app::ports::prelude::*;
use samrad::app::ports::Round;
use samrad::domain::{GuildId, UserId};

use super::breakouts::twenty_in_voice;
use super::{breakout, facilitator, guild, member_id, organiser, Setup, Wire, GUILD, PLENARY};

fn split_at_tables(mode: i64, size: i64) -> InteractionFixture {
    breakout(
        "split",
        vec![
            CommandOption::integer("mode", mode),
            CommandOption::integer("size", size),
            CommandOption::boolean("channels", false),
        ],
        facilitator(),
    )
}

/// The table-plan post in plenary for round `number`, once it is there.
async fn plan_post(w: &Wire, number: u32) -> RecordedRequest {
    let title = format!("Table plan, round {number}:");
    w.fake
        .wait_for(
            move |r| {
                r.method == "POST"
                    && r.path == format!("/channels/{PLENARY}/messages")
                    && r.body["content"].as_str().is_some_and(|c| c.contains(&title))
            },
            super::T,
        )
        .await
        .expect("the table plan is posted in plenary")
}

fn file(post: &RecordedRequest, name: &str) -> String {
    let f = post.attachments.iter().find(|a| a.filename.as_deref() == Some(name));
    String::from_utf8(f.unwrap_or_else(|| panic!("{name} attached")).data.clone()).unwrap()
}

/// Who sat with whom in each table of a round.
fn tables(round: &Round) -> Vec<BTreeSet<UserId>> {
    round.rooms.iter().map(|r| r.members.iter().copied().collect()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_in_person_split_posts_a_table_plan_and_touches_no_channel_and_nobody_in_voice() {
    let w = twenty_in_voice().await;
    let (sent, kind) = w.send(split_at_tables(2, 4)).await;
    assert_eq!(kind, 5, "a split defers at once");
    w.reply_containing(&sent, "Round 1: 5 tables for 20 people").await;
    let post = plan_post(&w, 1).await;
    assert!(w.fake.requests_matching("POST /guilds/{g}/channels").is_empty(), "no channel or category made");
    assert!(w.fake.requests_matching("PATCH /guilds/{g}/members/{u}").is_empty(), "nobody moved in voice");

    let content = post.body["content"].as_str().unwrap();
    assert!(content.starts_with("**Table plan, round 1: 20 people at 5 tables**"), "{content}");
    for i in 0..20 {
        assert!(content.contains(&format!("m{i} (")), "m{i} and their unit in the post: {content}");
    }
    let csv = file(&post, "table-plan-round-1.csv");
    assert!(csv.starts_with("\u{feff}round,table,label,name,unit\r\n"), "{csv}");
    assert_eq!(csv.lines().count(), 21, "one row per person");
    assert!(csv.contains(",m0,Faculty of Law\r\n"), "{csv}");
    let md = file(&post, "table-plan-round-1.md");
    assert!(md.starts_with("# Table plan, round 1: 20 people at 5 tables\n") && md.contains("\n## Table 5\n"), "{md}");

    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    let round = w.store.open_round(meeting.id).await.unwrap().expect("the round runs");
    assert!(round.in_person && round.categories.is_empty());
    assert_eq!(
        round.rooms.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ["Table 1", "Table 2", "Table 3", "Table 4", "Table 5"]
    );
    assert!(round.rooms.iter().all(|r| r.text_channel.is_none() && r.voice_channel.is_none()));
    let seated: BTreeSet<UserId> = round.rooms.iter().flat_map(|r| r.members.iter().copied()).collect();
    assert_eq!(seated, (0..20).map(|i| UserId(member_id(i))).collect(), "everyone has a table");

    // Nothing to broadcast to; closing archives nothing.
    let (sent, _) = w.send(breakout("broadcast", vec![CommandOption::string("text", "Hi")], facilitator())).await;
    w.reply_containing(&sent, "at tables in the room").await;
    let (sent, _) = w.send(breakout("close", vec![], facilitator())).await;
    w.reply_containing(&sent, "The tables are closed.").await;
    assert!(w.store.open_round(meeting.id).await.unwrap().is_none(), "closed");
    let touched = w.fake.requests().into_iter().filter(|r| r.path.contains("/channels/") && r.method != "POST").count();
    assert_eq!(touched, 0, "no channel edited or deleted");
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_next_round_at_tables_avoids_the_first_rounds_tablemates_and_the_export_carries_both_plans() {
    let w = Wire::start(Setup::new(guild(8, false))).await;
    w.load("example-en").await;
    w.seat(8, &super::breakouts::UNITS).await;
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();

    let (sent, _) = w.send(split_at_tables(0, 2)).await;
    w.reply_containing(&sent, "Round 1: 4 tables for 8 people").await;
    plan_post(&w, 1).await;
    let first = tables(&w.store.open_round(meeting.id).await.unwrap().unwrap());
    let (sent, _) = w.send(breakout("reshuffle", vec![], facilitator())).await;
    w.reply_containing(&sent, "Round 2: 4 tables for 8 people").await;
    plan_post(&w, 2).await;
    let second = w.store.open_round(meeting.id).await.unwrap().unwrap();
    assert!(second.in_person, "a round at tables is followed by one at tables");
    for table in tables(&second) {
        assert!(!first.contains(&table), "{table:?} sat together in round 1 already");
    }
    assert!(w.fake.requests_matching("POST /guilds/{g}/channels").is_empty());

    // A member who asks to be forgotten leaves no trace in the plans.
    let forgotten = UserId(member_id(7));
    w.store.forget_member(GuildId(GUILD), forgotten).await.unwrap();
    let (sent, _) = w
        .send(InteractionFixture::slash_command("export", vec![CommandOption::integer("format", 0)], organiser()))
        .await;
    let reply = w.reply_containing(&sent, "").await;
    let export = reply.attachments.first().expect("the export as a file");
    let text = String::from_utf8_lossy(&export.data);
    let seats: Vec<&str> = text.lines().filter(|l| l.starts_with("seat,")).collect();
    assert_eq!(seats.len(), 14, "two rounds of 8 seats, less the forgotten member's two: {seats:#?}");
    assert!(seats.iter().any(|l| l.starts_with(&format!("seat,{},", meeting.id)) && l.contains(",m0,")));
    assert!(!text.contains("m7"), "the forgotten member is not in the export");
    let rounds: BTreeSet<&str> = seats.iter().map(|l| l.split(',').nth(5).unwrap()).collect();
    assert_eq!(rounds, BTreeSet::from(["1", "2"]), "every round's plan");
    w.finish().await;
}
