//! Properties that hold for any network (proptest): everyone seated once, balanced tables,
//! units spread, role groups unmixed, a seed's split fixed, repeats avoided.

use std::collections::HashSet;

use proptest::prelude::*;

use super::*;

/// A network: people, units, roles, some without a unit (`guests`), a sizing and a seed.
fn any_case() -> impl Strategy<Value = (Vec<Seat>, Sizing, u64)> {
    (2usize..70, 1usize..12, 1usize..5, any::<u64>(), any::<bool>(), 0u32..100).prop_map(
        |(n, units, roles, seed, by_rooms, pick)| {
            let seats = network(n, units, roles);
            let sizing = if by_rooms {
                Sizing::Rooms(1 + pick % (n as u32 / 2))
            } else {
                Sizing::Size(2 + pick % (n as u32 - 1))
            };
            (seats, sizing, seed)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn everyone_present_sits_at_exactly_one_table((seats, sizing, seed) in any_case(), rounds in 0u64..3) {
        let history = earlier_rounds(&seats, sizing, rounds);
        for mode in [Mode::Random, Mode::Roles, Mode::Units, Mode::SameUnit, Mode::Pairs] {
            match split(&seats, mode, sizing, &history, &mut rng(seed)) {
                Ok(groups) => prop_assert!(seated_once(&seats, &groups), "{}", mode.as_str()),
                Err(SplitError::TooFewUnits) => prop_assert_eq!(mode, Mode::Pairs),
                Err(e) => prop_assert!(false, "{}: {e}", mode.as_str()),
            }
        }
    }

    #[test]
    fn random_and_mixed_tables_differ_by_at_most_one((seats, sizing, seed) in any_case(), rounds in 0u64..3) {
        let history = earlier_rounds(&seats, sizing, rounds);
        for mode in [Mode::Random, Mode::Units] {
            let groups = run(&seats, mode, sizing, &history, seed);
            let s = sizes(&groups);
            prop_assert!(s.iter().max().unwrap() - s.iter().min().unwrap() <= 1, "{s:?}");
            prop_assert!(s.len() == 1 || s.iter().all(|&x| x >= 2), "a table of one: {s:?}");
            if let Sizing::Size(max) = sizing {
                prop_assert!(s.iter().all(|&x| x <= max as usize) || s.len() == seats.len() / 2);
            }
        }
    }

    #[test]
    fn mixed_tables_spread_every_unit_as_far_as_it_goes((seats, sizing, seed) in any_case(), rounds in 0u64..3) {
        let history = earlier_rounds(&seats, sizing, rounds);
        let groups = run(&seats, Mode::Units, sizing, &history, seed);
        let tables = groups.len();
        // Fewest possible: each unit of k spread evenly over the tables.
        let mut per_unit = std::collections::BTreeMap::new();
        for s in &seats {
            *per_unit.entry(s.unit.as_ref().unwrap().key()).or_insert(0u32) += 1;
        }
        let least: u32 = per_unit.values().map(|&k| {
            let (q, r) = (k / tables as u32, k % tables as u32);
            r * (q + 1) * q / 2 + (tables as u32 - r) * q * q.saturating_sub(1) / 2
        }).sum();
        prop_assert_eq!(same_unit_pairs(&groups, &seats), least);
        if per_unit.values().all(|&k| k as usize <= tables) {
            prop_assert_eq!(least, 0);
        }
    }

    #[test]
    fn role_groups_are_never_mixed((seats, sizing, seed) in any_case(), rounds in 0u64..3) {
        let history = earlier_rounds(&seats, sizing, rounds);
        for g in run(&seats, Mode::Roles, sizing, &history, seed) {
            let roles: HashSet<_> = g.members.iter().map(|&m| role_of(&seats, m)).collect();
            prop_assert_eq!(roles.len(), 1);
        }
        for g in run(&seats, Mode::SameUnit, sizing, &history, seed) {
            let units: HashSet<_> = g.members.iter().map(|&m| unit_of(&seats, m)).collect();
            prop_assert_eq!(units.len(), 1);
        }
    }

    #[test]
    fn the_same_seed_always_gives_the_same_split((seats, sizing, seed) in any_case(), rounds in 0u64..3) {
        let history = earlier_rounds(&seats, sizing, rounds);
        for mode in Mode::ALL {
            let a = split(&seats, mode, sizing, &history, &mut rng(seed));
            let b = split(&seats, mode, sizing, &history, &mut rng(seed));
            prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn avoiding_repeats_is_never_worse_than_shuffling(history_seed in 0u64..1000) {
        // 24 people at 6 tables of 4 after 3 rounds: repeats are hard to avoid entirely.
        let seats = network(24, 6, 1);
        let mut history = History::default();
        for r in 0..3 {
            history.record_groups(&plain_shuffle(&seats, 6, history_seed * 10 + r));
        }
        let (mut avoiding, mut shuffled) = (0, 0);
        for seed in 0..6 {
            avoiding += repeat_pairs(&run(&seats, Mode::Random, Sizing::Size(4), &history, seed), &history);
            shuffled += repeat_pairs(&plain_shuffle(&seats, 6, 500 + seed), &history);
        }
        prop_assert!(avoiding <= shuffled, "avoiding {avoiding}, shuffled {shuffled}");
    }
}
