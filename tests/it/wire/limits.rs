//! At Discord's limits and after lost answers: a split and a close on a fake that enforces
//! Discord's rate limits send nothing into an empty bucket; a channel Discord made before its
//! answer was lost (5xx) is found again, never made twice; close needs no channel reads.

use std::collections::BTreeMap;

use fake_discord::{CommandOption, Fault, RateLimits};
use samrad::app::ports::prelude::*;
use samrad::domain::GuildId;

use super::breakouts::{split_units, twenty_in_voice};
use super::{breakout, facilitator, member_id, Wire, GUILD, VOICE};

/// The guild's channels by name and type, counted.
fn channel_counts(w: &Wire) -> BTreeMap<(String, u64), usize> {
    let mut counts = BTreeMap::new();
    for c in w.fake.guild_channels(GUILD) {
        *counts.entry((c["name"].as_str().unwrap().to_string(), c["type"].as_u64().unwrap())).or_default() += 1;
    }
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_split_and_a_close_at_discords_limits_never_send_into_an_empty_bucket() {
    let w = twenty_in_voice().await;
    // Discord's counts in windows a tenth as long: 10 moves and 10 creates per second.
    w.fake.set_rate_limits(Some(RateLimits::discord().scaled(0.1)));
    let (sent, _) = w.send(split_units()).await;
    w.reply_containing(&sent, "Round 1: 5 rooms for 20 people").await;
    let (sent, _) = w.send(breakout("close", vec![], facilitator())).await;
    w.reply_containing(&sent, "closed").await;
    for i in 0..20 {
        assert_eq!(w.fake.voice_channel_of(GUILD, member_id(i)), Some(VOICE), "member {i} is back");
    }
    let moves = w.fake.requests_matching("PATCH /guilds/{g}/members/{u}");
    assert_eq!(moves.len(), 40, "20 moves out, 20 back, none repeated");
    let refused: Vec<String> = w.fake.requests().iter().filter(|r| r.status == 429).map(|r| r.route_key()).collect();
    assert!(refused.is_empty(), "sent into an empty bucket: {refused:?}");
    // The eleventh move waited for the next window instead of being refused.
    assert!(moves[10].received_at.duration_since(moves[0].received_at).as_secs_f64() >= 0.95);
    // Close archives with the overwrites the split gave each room: no reads, one edit each.
    assert!(w.fake.requests_matching("GET /channels/{c}").is_empty(), "close reads no channel");
    assert_eq!(w.fake.requests_matching("PATCH /channels/{c}").len(), 10, "one archive call per room channel");
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn channels_made_before_their_answer_was_lost_are_found_and_never_made_twice() {
    let w = twenty_in_voice().await;
    // The category, room 1's text and voice channels: made, then answered 502.
    w.fake.inject(Fault::perform_then_error("POST /guilds/{g}/channels", 502).times(3));
    let (sent, _) = w.send(split_units()).await;
    w.reply_containing(&sent, "Round 1: 5 rooms for 20 people").await;
    assert!(w.fake.pending_faults().is_empty(), "the faults were hit");

    let counts = channel_counts(&w);
    assert_eq!(counts.len(), 2 + 11, "plenary, plenary voice, a category, 5 text and 5 voice rooms: {counts:?}");
    assert!(counts.values().all(|n| *n == 1), "nothing made twice: {counts:?}");
    // Every channel in the round's category is one the round knows: no orphans.
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    let round = w.store.open_round(meeting.id).await.unwrap().unwrap();
    let category = round.categories.first().expect("category recorded").0.to_string();
    let known: Vec<String> =
        round.rooms.iter().flat_map(|r| [r.text_channel, r.voice_channel]).flatten().map(|c| c.0.to_string()).collect();
    let in_category: Vec<String> = w
        .fake
        .guild_channels(GUILD)
        .iter()
        .filter(|c| c["parent_id"] == category.as_str())
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(in_category.len(), 10);
    assert!(in_category.iter().all(|c| known.contains(c)), "{in_category:?} vs {known:?}");
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_move_answered_5xx_after_it_was_done_is_not_a_failure() {
    let w = twenty_in_voice().await;
    w.fake.inject(Fault::perform_then_error("PATCH /guilds/{g}/members/{u}", 500).times(2));
    let (sent, _) = w.send(split_units()).await;
    w.reply_containing(&sent, "Round 1: 5 rooms for 20 people").await;
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    let round = w.store.open_round(meeting.id).await.unwrap().unwrap();
    for room in &round.rooms {
        for user in &room.members {
            assert_eq!(w.fake.voice_channel_of(GUILD, user.0), room.voice_channel.map(|c| c.0));
        }
    }
    let (sent, _) = w.send(breakout("broadcast", vec![CommandOption::string("text", "hei")], facilitator())).await;
    w.reply_containing(&sent, "Sent to 5 rooms").await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_close_at_discords_limits_shows_the_facilitator_its_progress_room_by_room() {
    let w = twenty_in_voice().await;
    w.fake.set_rate_limits(Some(RateLimits::discord().scaled(0.1)));
    let (sent, _) = w.send(split_units()).await;
    w.reply_containing(&sent, "Round 1: 5 rooms for 20 people").await;
    w.fake.clear_requests();
    let (sent, kind) = w.send(breakout("close", vec![], facilitator())).await;
    assert_eq!(kind, 5, "deferred before the slow work");
    w.reply_containing(&sent, "The rooms are closed").await;

    let requests = w.fake.requests();
    let replies: Vec<(usize, &fake_discord::RecordedRequest)> = requests
        .iter()
        .enumerate()
        .filter(|(_, r)| r.path.starts_with("/webhooks/") && r.path.contains(&sent.token) && r.status < 300)
        .collect();
    let text = |r: &fake_discord::RecordedRequest| r.body["content"].as_str().unwrap_or_default().to_owned();
    let progress: Vec<(usize, &fake_discord::RecordedRequest)> =
        replies.iter().copied().filter(|(_, r)| text(r).starts_with("Closing rooms")).collect();
    assert!(!progress.is_empty(), "progress shown: {:?}", replies.iter().map(|(_, r)| text(r)).collect::<Vec<_>>());
    assert!(text(replies.last().unwrap().1).contains("The rooms are closed"), "the summary comes last");
    assert!(progress.iter().any(|(_, r)| text(r).contains("5/5 rooms")), "counts up to every room");
    // One message, edited in place: the first is a follow-up, the rest edit it.
    assert_eq!(progress[0].1.method, "POST");
    let edits: std::collections::BTreeSet<&str> = progress[1..].iter().map(|(_, r)| r.path.as_str()).collect();
    assert!(progress[1..].iter().all(|(_, r)| r.method == "PATCH"), "the progress is edited");
    assert!(edits.len() <= 1 && edits.iter().all(|p| p.contains("/messages/")), "one message: {edits:?}");
    // The facilitator hears of the first rooms while people are still being moved back.
    let last_move = requests.iter().rposition(|r| r.route_key() == "PATCH /guilds/{guild}/members/{user}").unwrap();
    assert!(progress[0].0 < last_move, "progress before the close has moved everyone");
    let refused = requests.iter().filter(|r| r.status == 429).count();
    assert_eq!(refused, 0, "nothing sent into an empty bucket");
    w.finish().await;
}
