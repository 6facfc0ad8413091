//! Archived rooms on the wire: `/meeting config rooms_kept_days` and the scheduler deleting a
//! closed round's channels when that many days have passed (the clock moved, the bot's own
//! ticks waited for), `/breakout cleanup` deleting them at once; notes and summaries stay in
//! the export either way.

use chrono::Duration;
use fake_discord::{CommandOption, InteractionContext, InteractionFixture, MemberFixture, UserFixture};
use samrad::app::export::{export_meeting, ExportFormat};
use samrad::app::ports::prelude::*;
use samrad::app::ports::{Clock, Round};
use samrad::domain::GuildId;

use super::breakouts::{split_units, twenty_in_voice};
use super::{breakout, eventually, facilitator, member, organiser, Wire, GUILD, PLENARY, T, VOICE};

const NOTE: &str = "We agreed to share recruitment data across units.";

/// Splits, writes a note in room 1 and closes (rooms archived); returns the closed round.
async fn a_closed_round(w: &Wire) -> Round {
    let (sent, _) = w.send(split_units()).await;
    w.reply_containing(&sent, "Round").await;
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    let round = w.store.open_round(meeting.id).await.unwrap().unwrap();
    let room = &round.rooms[0];
    let inside = InteractionContext::new(
        GUILD,
        room.text_channel.unwrap().0,
        MemberFixture::new(UserFixture::new(room.members[0].0, "m")),
    );
    let (sent, _) =
        w.send(InteractionFixture::slash_command("note", vec![CommandOption::string("text", NOTE)], inside)).await;
    w.reply_containing(&sent, "Your note is saved").await;
    let (sent, _) = w.send(breakout("close", vec![], facilitator())).await;
    w.reply_containing(&sent, "5 summaries").await;
    round
}

/// The round's channel ids: rooms and categories.
fn channels_of(round: &Round) -> Vec<u64> {
    let mut ids: Vec<u64> =
        round.rooms.iter().flat_map(|r| [r.text_channel, r.voice_channel]).flatten().map(|c| c.0).collect();
    ids.extend(round.categories.iter().map(|c| c.0));
    ids
}

fn existing(w: &Wire, ids: &[u64]) -> usize {
    ids.iter().filter(|id| w.fake.channel(**id).is_some()).count()
}

/// The meeting's Markdown export still holds the note and the summaries.
async fn export_keeps_the_notes(w: &Wire) {
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    let md = export_meeting(&w.store, meeting.id, ExportFormat::parse("md").unwrap()).await.unwrap();
    assert!(md.contains("recruitment"), "the note's words are in the export:\n{md}");
    assert!(md.contains("room-1"), "the rooms are in the export");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn archived_rooms_go_when_rooms_kept_days_have_passed_and_their_notes_stay_in_the_export() {
    let w = twenty_in_voice().await;
    let config = InteractionFixture::slash_command(
        "meeting",
        vec![CommandOption::subcommand("config", vec![CommandOption::integer("rooms_kept_days", 2)])],
        organiser(),
    );
    let (sent, _) = w.send(config).await;
    w.reply_containing(&sent, "deleted 2 days after their round").await;

    let closed_at = w.clock.now();
    let round = a_closed_round(&w).await;
    let channels = channels_of(&round);
    assert_eq!(existing(&w, &channels), channels.len(), "closing archives the rooms");

    w.clock.set(closed_at + Duration::days(2) - Duration::minutes(1));
    assert!(w.ticks.wait_more(3, T).await, "the scheduler ticks");
    assert_eq!(existing(&w, &channels), channels.len(), "kept for the guild's 2 days");
    assert!(w.fake.requests_matching("DELETE /channels/{c}").is_empty());

    w.clock.set(closed_at + Duration::days(2) + Duration::minutes(1));
    w.fake.wait_until(T, |f| channels.iter().all(|id| f.channel(*id).is_none())).await.expect("rooms deleted");
    let left: Vec<u64> =
        w.fake.guild_channels(GUILD).iter().map(|c| c["id"].as_str().unwrap().parse().unwrap()).collect();
    assert_eq!(left.len(), 2, "plenary text and voice are left: {left:?}");
    assert!(left.contains(&PLENARY) && left.contains(&VOICE));
    let cleaned = || async { w.store.uncleaned_rounds(Some(GuildId(GUILD))).await.unwrap().is_empty() };
    eventually("the round recorded as cleaned", cleaned).await;
    export_keeps_the_notes(&w).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn breakout_cleanup_deletes_archived_rooms_at_once_for_facilitators_only() {
    let w = twenty_in_voice().await;
    let round = a_closed_round(&w).await;
    let channels = channels_of(&round);

    let (sent, _) = w.send(breakout("cleanup", vec![], member(0))).await;
    w.reply_containing(&sent, "Only facilitators and organisers").await;
    assert_eq!(existing(&w, &channels), channels.len(), "a member deletes nothing");

    let (sent, _) = w.send(breakout("cleanup", vec![], facilitator())).await;
    w.reply_containing(&sent, "Deleted the archived rooms of 1 rounds").await;
    assert_eq!(existing(&w, &channels), 0, "every room and the category deleted");
    assert_eq!(w.fake.requests_matching("DELETE /channels/{c}").len(), channels.len(), "one call per channel");

    let (sent, _) = w.send(breakout("cleanup", vec![], facilitator())).await;
    w.reply_containing(&sent, "of 0 rounds").await;
    assert_eq!(w.fake.requests_matching("DELETE /channels/{c}").len(), channels.len(), "nothing more to delete");
    export_keeps_the_notes(&w).await;
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ended_meetings_archived_rooms_still_go_when_their_days_have_passed() {
    let w = twenty_in_voice().await;
    let closed_at = w.clock.now();
    let round = a_closed_round(&w).await;
    let channels = channels_of(&round);
    // Ending the meeting cancels its scheduled posts, not the deletion of its rooms: nothing
    // else would ever delete them.
    let end = InteractionFixture::slash_command("meeting", vec![CommandOption::subcommand("end", vec![])], organiser());
    let (sent, _) = w.send(end).await;
    w.reply_containing(&sent, "The meeting is ended").await;
    let meeting = w.store.meeting(round.meeting).await.unwrap().unwrap();
    let pending = w.store.pending_jobs(meeting.id).await.unwrap();
    assert!(pending.iter().any(|j| j.kind == "rooms-cleanup"), "the rooms' deletion is still due: {pending:?}");
    assert_eq!(existing(&w, &channels), channels.len(), "archived, not yet deleted");

    // The default: 7 days.
    w.clock.set(closed_at + Duration::days(7) + Duration::minutes(1));
    w.fake.wait_until(T, |f| channels.iter().all(|id| f.channel(*id).is_none())).await.expect("rooms deleted");
    let cleaned = || async { w.store.uncleaned_rounds(Some(GuildId(GUILD))).await.unwrap().is_empty() };
    eventually("the round recorded as cleaned", cleaned).await;
    w.finish().await;
}
