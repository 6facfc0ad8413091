//! Splitting a large network: 500 members in 40 units with 4 roles into 100 rooms, each mode,
//! without history and after 10 earlier rounds.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use samrad::domain::grouping::{repeat_pairs, split, History, Mode, Seat, Sizing};
use samrad::domain::{RoleName, UnitName, UserId};

const ROLES: [&str; 4] = ["Nyckelperson", "Chef", "Förtroendevald", "Facklig"];

fn network() -> Vec<Seat> {
    (0..500u64)
        .map(|i| Seat {
            user: UserId(1000 + i),
            unit: Some(UnitName::try_from(format!("Unit {:02}", i % 40).as_str()).unwrap()),
            role: Some(RoleName::try_from(ROLES[(i / 3 % 4) as usize]).unwrap()),
        })
        .collect()
}

fn earlier_rounds(seats: &[Seat], rounds: u64) -> History {
    let mut history = History::default();
    for r in 0..rounds {
        let mut rng = ChaCha8Rng::seed_from_u64(r);
        let groups = split(seats, Mode::Random, Sizing::Rooms(100), &history, &mut rng).unwrap();
        history.record_groups(&groups);
        let mut rng = ChaCha8Rng::seed_from_u64(100 + r);
        let friends = split(seats, Mode::Pairs, Sizing::Auto, &history, &mut rng).unwrap();
        for g in &friends {
            let key = History::unit_key(&g.units[0], &g.units[1]);
            *history.unit_pairs.entry(key).or_default() += 1;
        }
    }
    history
}

fn bench(c: &mut Criterion) {
    let seats = network();
    let fresh = History::default();
    let ten = earlier_rounds(&seats, 10);
    let mut group = c.benchmark_group("split_500_into_100");
    for (name, history) in [("fresh", &fresh), ("10_rounds", &ten)] {
        for mode in Mode::ALL {
            let id = BenchmarkId::new(mode.as_str(), name);
            let mut seed = 0;
            group.bench_function(id, |b| {
                b.iter(|| {
                    seed += 1;
                    let mut rng = ChaCha8Rng::seed_from_u64(seed);
                    split(&seats, mode, Sizing::Rooms(100), history, &mut rng).unwrap()
                })
            });
        }
    }
    group.finish();

    // Not timed: how many repeats are left after 10 rounds (printed once for the report). The
    // seed differs from those of the earlier rounds, which a split without history would replay.
    for mode in [Mode::Random, Mode::Units, Mode::Roles, Mode::SameUnit] {
        let mut rng = ChaCha8Rng::seed_from_u64(12_345);
        let groups = split(&seats, mode, Sizing::Rooms(100), &ten, &mut rng).unwrap();
        let mut rng = ChaCha8Rng::seed_from_u64(12_345);
        let unaware = split(&seats, mode, Sizing::Rooms(100), &fresh, &mut rng).unwrap();
        println!(
            "{}: repeats after 10 rounds {} (without history: {})",
            mode.as_str(),
            repeat_pairs(&groups, &ten),
            repeat_pairs(&unaware, &ten)
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
