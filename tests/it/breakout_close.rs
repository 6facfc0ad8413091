//! Closing many rooms: the summaries to plenary and the moves back to plenary voice run at
//! once (Discord limits them in separate buckets, and a language-model summary can take
//! seconds), so nobody waits in a breakout room for another room's summary; the facilitator
//! hears how far the close has come.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use samrad::app::breakouts::{self, SplitRequest};
use samrad::app::ports::prelude::*;
use samrad::app::summarise::{Purpose, Summariser};
use samrad::app::{Actor, Staff};
use samrad::console::MemoryChat;
use samrad::domain::grouping::{Mode, Sizing};
use samrad::domain::UserId;
use samrad::i18n::Lang;

use crate::harness::{World, PLENARY_VOICE};

/// A summariser that, for every room but the first (whose summary opens the close), only
/// answers once that room's members are back in plenary voice: a close that moved a room's
/// members only after its summary would wait for it in vain.
struct WaitsForTheRoom {
    chat: MemoryChat,
    rooms: Vec<(String, Vec<UserId>)>,
    held_up: Arc<Mutex<Vec<String>>>,
}

#[async_trait::async_trait]
impl Summariser for WaitsForTheRoom {
    async fn summarise(&self, _: Purpose, _: Lang, texts: &[String], offline: String) -> String {
        let Some((name, members)) = self.rooms.iter().skip(1).find(|(name, _)| texts.iter().any(|t| t.contains(name)))
        else {
            return offline;
        };
        let back = || members.iter().all(|u| self.chat.voice_channel_of(*u) == Some(PLENARY_VOICE));
        let waited = tokio::time::timeout(Duration::from_secs(5), async {
            while !back() {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        });
        if waited.await.is_err() {
            self.held_up.lock().unwrap().push(name.clone());
        }
        offline
    }
}

on_both_stores!(nobody_waits_in_a_room_for_the_summaries_and_the_facilitator_sees_each_room_emptied, "example-en");
async fn nobody_waits_in_a_room_for_the_summaries_and_the_facilitator_sees_each_room_emptied<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(3).await;
    for p in &people {
        w.chat.join_voice(p.user, PLENARY_VOICE);
    }
    let facilitator = Actor { staff: Staff::Facilitator, ..w.organiser.clone() };
    let request = SplitRequest {
        mode: Mode::Random,
        sizing: Sizing::Size(3),
        minutes: 10,
        voice: true,
        channels: true,
        plan: None,
        present: None,
        topics: Vec::new(),
    };
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let round =
        breakouts::split(&w.store, &w.chat, &w.clock, &facilitator, &request, &mut rng, &|_, _| {}).await.unwrap();
    assert!(round.rooms.len() >= 3, "several rooms: {}", round.rooms.len());
    for room in &round.rooms {
        let writer = people.iter().find(|p| room.members.contains(&p.user)).unwrap();
        let note = format!("Notes of {}: we share the recruitment data.", room.name);
        breakouts::add_note(&w.store, &w.clock, writer, room.text_channel.unwrap(), &note, false).await.unwrap();
    }
    let held_up = Arc::new(Mutex::new(Vec::new()));
    let summariser = WaitsForTheRoom {
        chat: w.chat.clone(),
        rooms: round.rooms.iter().map(|r| (format!("Notes of {}:", r.name), r.members.clone())).collect(),
        held_up: held_up.clone(),
    };
    let seen = Mutex::new(Vec::new());
    let progress = |done: usize, total: usize| seen.lock().unwrap().push((done, total));
    let closed = breakouts::close_with_progress(&w.store, &w.chat, &w.clock, &summariser, &facilitator, &progress)
        .await
        .unwrap();

    assert_eq!(closed.summaries, round.rooms.len(), "every room's summary posted");
    assert_eq!(*held_up.lock().unwrap(), Vec::<String>::new(), "moves back waited for these rooms' summaries");
    for p in &people {
        assert_eq!(w.chat.voice_channel_of(p.user), Some(PLENARY_VOICE), "{} is back", p.name);
    }
    let total = round.rooms.len();
    let expected: Vec<(usize, usize)> = (1..=total).map(|done| (done, total)).collect();
    assert_eq!(*seen.lock().unwrap(), expected, "progress after each room emptied");
}
