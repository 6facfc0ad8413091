//! Breakout rooms over a season: archived rooms deleted after the guild's retention (and at
//! once with `/breakout cleanup`) while their notes stay; `choose` rounds with more rooms than
//! one message has buttons for; a guild without room for a round refused before anything is made.

use std::collections::BTreeSet;

use chrono::Duration;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use samrad::app::breakouts::{self, BreakoutError, SplitRequest};
use samrad::app::ports::prelude::*;
use samrad::app::ports::{Round, MAX_BUTTONS_PER_MESSAGE};
use samrad::app::{Actor, Staff, UserMessage};
use samrad::console::ChatEvent;
use samrad::domain::grouping::{Mode, Sizing};
use samrad::domain::ChannelId;
use samrad::i18n::Lang;

use crate::harness::World;

fn facilitator<S>(w: &World<S>) -> Actor {
    Actor { staff: Staff::Facilitator, ..w.organiser.clone() }
}

async fn split<S: Store>(
    w: &World<S>,
    people: &[Actor],
    mode: Mode,
    size: u32,
    voice: bool,
) -> Result<Round, BreakoutError> {
    let present = Some(people.iter().map(|p| p.user).collect());
    let req = SplitRequest {
        mode,
        sizing: Sizing::Size(size),
        minutes: 10,
        voice,
        channels: true,
        plan: None,
        present,
        topics: Vec::new(),
    };
    let mut rng = ChaCha8Rng::seed_from_u64(9);
    breakouts::split(&w.store, &w.chat, &w.clock, &facilitator(w), &req, &mut rng, &|_, _| {}).await
}

fn deleted<S>(w: &World<S>) -> BTreeSet<ChannelId> {
    w.chat
        .events()
        .into_iter()
        .filter_map(|e| match e {
            ChatEvent::Deleted(c) => Some(c),
            _ => None,
        })
        .collect()
}

/// The round's channels: rooms (text and voice) and categories.
fn channels_of(round: &Round) -> BTreeSet<ChannelId> {
    let rooms = round.rooms.iter().flat_map(|r| [r.text_channel, r.voice_channel]).flatten();
    rooms.chain(round.categories.iter().copied()).collect()
}

on_both_stores!(archived_rooms_are_deleted_after_the_guilds_retention_and_their_notes_stay, "example-en");
async fn archived_rooms_are_deleted_after_the_guilds_retention_and_their_notes_stay<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(3).await;
    let round = split(&w, &people, Mode::Random, 3, true).await.unwrap();
    let room = &round.rooms[0];
    let writer = people.iter().find(|p| room.members.contains(&p.user)).unwrap();
    breakouts::add_note(&w.store, &w.clock, writer, room.text_channel.unwrap(), "Vi trenger en felles mal.", false)
        .await
        .unwrap();
    let closed_at = w.now();
    breakouts::close(&w.store, &w.chat, &w.clock, &samrad::app::summarise::Offline, &facilitator(&w)).await.unwrap();
    assert!(deleted(&w).is_empty(), "closing archives the rooms");

    w.tick_at(closed_at + Duration::days(7) - Duration::minutes(1)).await;
    assert!(deleted(&w).is_empty(), "kept for the default 7 days");
    w.tick_at(closed_at + Duration::days(7) + Duration::minutes(1)).await;
    assert_eq!(deleted(&w), channels_of(&round), "every room and the category deleted after 7 days");

    let stored = w.store.rounds(round.meeting).await.unwrap().remove(0);
    let notes = w.store.notes(stored.rooms[0].id).await.unwrap();
    assert_eq!(notes.len(), 1, "the notes stay");
    assert!(w.store.uncleaned_rounds(None).await.unwrap().is_empty(), "recorded as cleaned");
}

on_both_stores!(a_shorter_retention_and_breakout_cleanup_delete_sooner_staff_only, "example-en");
async fn a_shorter_retention_and_breakout_cleanup_delete_sooner_staff_only<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(3).await;
    let member = &people[0];
    assert!(matches!(breakouts::set_room_retention(&w.store, member, 1).await, Err(BreakoutError::NotFacilitator)));
    let refused = breakouts::set_room_retention(&w.store, &w.organiser, 400).await.unwrap_err();
    assert!(refused.user_message(Lang::En).contains("400"), "names the bad value");
    assert_eq!(breakouts::set_room_retention(&w.store, &w.organiser, 2).await.unwrap(), 2);

    let first = split(&w, &people, Mode::Random, 3, false).await.unwrap();
    let closed_at = w.now();
    breakouts::close(&w.store, &w.chat, &w.clock, &samrad::app::summarise::Offline, &facilitator(&w)).await.unwrap();
    w.tick_at(closed_at + Duration::days(2) + Duration::minutes(1)).await;
    assert_eq!(deleted(&w), channels_of(&first), "deleted after the guild's 2 days");

    let second = split(&w, &people, Mode::Random, 3, false).await.unwrap();
    breakouts::close(&w.store, &w.chat, &w.clock, &samrad::app::summarise::Offline, &facilitator(&w)).await.unwrap();
    let refused = breakouts::cleanup(&w.store, &w.chat, &w.clock, member).await.unwrap_err();
    assert!(matches!(refused, BreakoutError::NotFacilitator), "members may not clean up");
    assert_eq!(breakouts::cleanup(&w.store, &w.chat, &w.clock, &facilitator(&w)).await.unwrap(), 1);
    let all: BTreeSet<ChannelId> = channels_of(&first).union(&channels_of(&second)).copied().collect();
    assert_eq!(deleted(&w), all, "the second round's rooms deleted at once");
    assert_eq!(breakouts::cleanup(&w.store, &w.chat, &w.clock, &facilitator(&w)).await.unwrap(), 0, "nothing left");
}

on_both_stores!(choose_with_thirty_rooms_offers_every_room_and_each_can_be_picked, "example-en");
async fn choose_with_thirty_rooms_offers_every_room_and_each_can_be_picked<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(20).await; // 60 people in rooms of 2
    let round = split(&w, &people, Mode::Choose, 2, false).await.unwrap();
    assert_eq!(round.rooms.len(), 30);
    let posts: Vec<_> = w
        .chat
        .events()
        .into_iter()
        .filter_map(|e| match e {
            ChatEvent::Post { message, .. } if !message.buttons.is_empty() => Some(message),
            _ => None,
        })
        .collect();
    assert_eq!(posts.len(), 2, "two messages of buttons");
    assert!(posts.iter().all(|m| m.buttons.len() <= MAX_BUTTONS_PER_MESSAGE));
    assert!(posts[1].text.contains("26") && posts[1].text.contains("30"), "{}", posts[1].text);
    let ids: BTreeSet<String> = posts
        .iter()
        .flat_map(|m| m.buttons.iter().map(|b| samrad::discord::ids::CustomId::from(&b.action).encode()))
        .collect();
    let expected: BTreeSet<String> = (1..=30).map(|n| format!("samrad:choose:{}:{n}", round.id)).collect();
    assert_eq!(ids, expected, "every room is pickable");
    let room = breakouts::pick_room(&w.store, &w.chat, &w.clock, &people[0], round.id, 30).await.unwrap();
    assert_eq!(room.number, 30, "a room past the 25th is picked");
}

on_both_stores!(a_round_the_guild_has_no_room_for_is_refused_before_anything_is_made, "example-en");
async fn a_round_the_guild_has_no_room_for_is_refused_before_anything_is_made<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(20).await; // 60 people: 20 rooms of 3 with voice need 40 channels and a category
    w.chat.add_existing_channels(470);
    let refused = split(&w, &people, Mode::Random, 3, true).await.unwrap_err();
    assert!(matches!(refused, BreakoutError::GuildFull { rooms: 20, needed: 41, free: 30 }), "{refused:?}");
    let said = refused.user_message(Lang::Nb);
    assert!(said.contains("41") && said.contains("30"), "free and needed in the reply: {said}");
    let made = w.chat.events().into_iter().filter(|e| matches!(e, ChatEvent::Category { .. } | ChatEvent::Room { .. }));
    assert_eq!(made.count(), 0, "nothing was made");
    let meeting = w.store.current_meeting(w.organiser.guild).await.unwrap().unwrap();
    assert!(w.store.rounds(meeting.id).await.unwrap().is_empty(), "no round stored");
}
