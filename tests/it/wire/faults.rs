//! Faults on the wire: rate limits, server errors, a dropped gateway. The bot recovers, posts
//! nothing twice and loses no answer.

use std::collections::BTreeSet;

use fake_discord::{CommandOption, Fault, InteractionFixture};
use samrad::app::ports::prelude::*;
use samrad::domain::GuildId;

use super::breakouts::{assert_private_rooms, split_units, twenty_in_voice, UNITS};
use super::{breakout, facilitator, guild, member, member_id, Setup, Wire, GUILD, T};

fn created_names(w: &Wire) -> Vec<String> {
    w.fake
        .requests_matching("POST /guilds/{g}/channels")
        .iter()
        .filter(|r| r.status < 300)
        .map(|r| format!("{}:{}", r.body["type"], r.body["name"].as_str().unwrap()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limited_room_is_retried_after_retry_after_and_no_room_is_made_twice() {
    let w = twenty_in_voice().await;
    w.fake.inject(Fault::rate_limit("POST /guilds/{g}/channels", 0.3).times(2));
    let (sent, kind) = w.send(split_units()).await;
    assert_eq!(kind, 5, "deferred before any room is made");
    w.reply_containing(&sent, "Round 1: 5 rooms for 20 people").await;

    let calls = w.fake.requests_matching("POST /guilds/{g}/channels");
    assert_eq!(calls.iter().filter(|r| r.status == 429).count(), 2);
    let limited = calls.iter().position(|r| r.status == 429).unwrap();
    let retry = &calls[limited + 1];
    assert!(retry.at.duration_since(calls[limited].at).as_secs_f64() >= 0.29, "waited retry_after");
    let names = created_names(&w);
    let unique: BTreeSet<_> = names.iter().collect();
    assert_eq!(names.len(), 11, "a category and 5 text + 5 voice rooms: {names:?}");
    assert_eq!(unique.len(), names.len(), "none twice");
    assert_private_rooms(&w, 5);

    // The callback (type 5) came before any follow-up, and progress before the summary.
    let requests = w.fake.requests();
    let callback = requests.iter().position(|r| r.path.contains(&sent.token) && r.path.ends_with("/callback")).unwrap();
    let first_room = requests.iter().position(|r| r.route_key() == "POST /guilds/{guild}/channels").unwrap();
    let follow_ups: Vec<usize> = requests
        .iter()
        .enumerate()
        .filter(|(_, r)| r.path.starts_with("/webhooks/") && r.path.contains(&sent.token))
        .map(|(i, _)| i)
        .collect();
    assert!(callback < first_room, "acknowledged before the slow work");
    assert!(!follow_ups.is_empty() && follow_ups.iter().all(|i| *i > callback));
    let contents: Vec<String> = follow_ups.iter().map(|i| requests[*i].body["content"].to_string()).collect();
    assert!(contents.first().unwrap().contains("rooms"), "progress first: {contents:?}");
    assert!(contents.iter().any(|c| c.contains("/5 rooms")), "progress counts rooms: {contents:?}");
    assert!(contents.last().unwrap().contains("Round 1"), "summary last: {contents:?}");
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_error_on_a_post_is_retried_and_the_message_appears_once() {
    let w = twenty_in_voice().await;
    let (sent, _) = w.send(split_units()).await;
    w.reply_containing(&sent, "Round 1").await;
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    let round = w.store.open_round(meeting.id).await.unwrap().unwrap();

    w.fake.inject(Fault::server_error("POST /channels/{c}/messages", 500));
    let (sent, _) =
        w.send(breakout("broadcast", vec![CommandOption::string("text", "Back at 11")], facilitator())).await;
    w.reply_containing(&sent, "Sent to 5 rooms").await;
    let posts = w.fake.requests_matching("POST /channels/{c}/messages");
    assert_eq!(posts.iter().filter(|r| r.status == 500).count(), 1, "the fault was hit");
    for room in &round.rooms {
        let heard = w
            .posts_in(room.text_channel.unwrap().0)
            .iter()
            .filter(|m| m["content"].as_str().unwrap().contains("Back at 11"))
            .count();
        assert_eq!(heard, 1, "{} got the broadcast exactly once", room.name);
    }
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_gateway_mid_split_resumes_and_loses_no_answer() {
    let mut setup = Setup::new(guild(20, true));
    setup.now = "2027-06-01T10:00:00Z".parse().unwrap(); // answering is open
    let w = Wire::start(setup).await;
    w.load("example-en").await;
    w.seat(20, &UNITS).await;
    super::answers::questions_post(&w).await; // answering is open
                                              // Slow the split down a little so the gateway drops while rooms are being made.
    w.fake.inject(Fault::rate_limit("POST /guilds/{g}/channels", 0.2).times(3));
    let resumes = w.fake.resumes();
    let (split, kind) = w.send(split_units()).await;
    assert_eq!(kind, 5);
    w.fake.wait_for_route("POST /guilds/{g}/channels", T).await.unwrap();
    w.fake.drop_gateway().await;
    // An answer sent while the bot is disconnected is replayed on RESUME.
    let submit = InteractionFixture::modal_submit(
        "samrad:modal:0",
        vec![("samrad:q:status".into(), "Sent during the outage.".into())],
        member(3),
    );
    let answer = w.fake.send_interaction(submit).await;
    w.fake.wait_resumed(resumes, T).await.expect("the bot resumes");
    assert_eq!(w.fake.identifies(), 1, "resumed, not re-identified");
    w.reply_containing(&split, "Round 1: 5 rooms for 20 people").await;
    w.fake.wait_acknowledged(&answer.token, T).await.expect("the replayed answer is handled");
    w.fake
        .wait_until(T, |f| {
            f.original_response(&answer.token).is_some_and(|m| m["flags"].as_u64().unwrap_or(0) & 128 == 0)
        })
        .await
        .unwrap();

    let names = created_names(&w);
    assert_eq!(names.len(), 11, "{names:?}");
    assert_eq!(names.iter().collect::<BTreeSet<_>>().len(), 11, "no room twice");
    assert_private_rooms(&w, 5);
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    let answers = w.store.answers(meeting.id).await.unwrap();
    let reply = w.fake.original_response(&answer.token).unwrap();
    assert!(reply["content"].as_str().unwrap().contains("Saved"), "{reply}");
    assert!(
        answers.iter().any(|a| a.user.0 == member_id(3) && a.value == "Sent during the outage."),
        "the answer is kept: {answers:?}"
    );
    // Later interactions still work.
    let (sent, _) =
        w.send(breakout("broadcast", vec![CommandOption::string("text", "Still here")], facilitator())).await;
    w.reply_containing(&sent, "Sent to 5 rooms").await;
    let round = w.store.open_round(meeting.id).await.unwrap().unwrap();
    for room in &round.rooms {
        let posts = w.posts_in(room.text_channel.unwrap().0);
        assert_eq!(posts.len(), 2, "{}: one brief and one broadcast, nothing twice", room.name);
    }
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broadcast_discord_posted_before_answering_502_appears_once_in_every_room() {
    let w = twenty_in_voice().await;
    let (sent, _) = w.send(split_units()).await;
    w.reply_containing(&sent, "Round 1").await;
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    let round = w.store.open_round(meeting.id).await.unwrap().unwrap();

    // The first room's post and its first retry are both made, then answered 502: neither
    // retry may post it again (the retry budget allows a third attempt, which succeeds).
    w.fake.inject(Fault::perform_then_error("POST /channels/{c}/messages", 502).times(2));
    let (sent, _) =
        w.send(breakout("broadcast", vec![CommandOption::string("text", "Back at 11")], facilitator())).await;
    w.reply_containing(&sent, "Sent to 5 rooms").await;
    let posts = w.fake.requests_matching("POST /channels/{c}/messages");
    assert_eq!(posts.iter().filter(|r| r.status == 502).count(), 2, "the faults were hit");
    for room in &round.rooms {
        let heard = w
            .posts_in(room.text_channel.unwrap().0)
            .iter()
            .filter(|m| m["content"].as_str().unwrap().contains("Back at 11"))
            .count();
        assert_eq!(heard, 1, "{} got the broadcast exactly once", room.name);
    }
    w.finish().await;
}
