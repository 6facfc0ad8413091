//! Critical friends across a series: `mode:pairs` at Lärandeträff 2 avoids the unit pairs of
//! Benchmarking 1 (the meeting its kit follows up), not only those of its own earlier rounds.

use std::collections::BTreeSet;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use samrad::app::breakouts::{self, SplitRequest};
use samrad::app::ports::prelude::*;
use samrad::app::ports::Round;
use samrad::app::{meetings, Actor, Staff};
use samrad::domain::grouping::{Mode, Sizing};

use crate::harness::{kit, World};

/// Which units were paired, as sets of unit names.
type Pairing = BTreeSet<BTreeSet<String>>;

fn pairing(round: &Round) -> Pairing {
    round
        .rooms
        .iter()
        .map(|r| r.label.as_deref().unwrap_or("").split('↔').map(|u| u.trim().to_owned()).collect())
        .collect()
}

/// `/breakout split mode:pairs channels:false` with the given seed, then `/breakout close`.
async fn pairs_round<S: Store>(w: &World<S>, seed: u64) -> Pairing {
    let facilitator = Actor { staff: Staff::Facilitator, ..w.organiser.clone() };
    let request = SplitRequest {
        mode: Mode::Pairs,
        sizing: Sizing::Size(4),
        minutes: 10,
        voice: false,
        channels: false,
        plan: None,
        present: None,
        topics: Vec::new(),
    };
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let round = breakouts::split(&w.store, &w.chat, &w.clock, &facilitator, &request, &mut rng, &|_, _| {})
        .await
        .expect("pairs split");
    breakouts::close(&w.store, &w.chat, &w.clock, &samrad::app::summarise::Offline, &facilitator).await.unwrap();
    pairing(&round)
}

on_both_stores!(critical_friends_at_the_next_meeting_of_a_series_meet_new_units, "benchmarking-1");
async fn critical_friends_at_the_next_meeting_of_a_series_meet_new_units<S: Store>(mut w: World<S>) {
    w.load().await;
    w.seat(2).await; // four units, two people each: three ways to pair them
    let first = pairs_round(&w, 1).await;
    let second = pairs_round(&w, 2).await;
    assert_eq!(first.len(), 2, "two pairs of units: {first:?}");
    assert_ne!(first, second, "within a meeting, the second round pairs other units");
    meetings::end_meeting(&w.store, &w.clock, &w.organiser).await.unwrap();

    // Each Lärandeträff 2 follows up Benchmarking 1: only the third pairing is new. Several
    // meetings with different seeds, so a split that forgot the series would hit an old
    // pairing in one of them.
    w.kit = kit("larandetraff-2");
    let all_units: BTreeSet<String> = w.kit.units.iter().map(|u| u.to_string()).collect();
    for seed in 0..8 {
        w.load().await;
        let next = pairs_round(&w, seed).await;
        assert!(next != first && next != second, "seed {seed}: {next:?} repeats a pairing of Benchmarking 1");
        assert_eq!(next.iter().flatten().cloned().collect::<BTreeSet<_>>(), all_units, "every unit has a friend");
        meetings::end_meeting(&w.store, &w.clock, &w.organiser).await.unwrap();
    }
}
