//! Scores of a split: repeats with earlier rounds and same-unit pairs at a table.

use std::collections::HashMap;

use super::{Group, History, Seat};

/// Sum over pairs sharing a table of the times they already sat together: a pair that met
/// twice before counts twice. This is what the repeat avoidance minimises.
pub fn repeat_pairs(groups: &[Group], history: &History) -> u32 {
    if history.pairs.is_empty() {
        return 0;
    }
    groups
        .iter()
        .map(|g| {
            let m = &g.members;
            (0..m.len())
                .flat_map(|i| (i + 1..m.len()).map(move |j| (m[i], m[j])))
                .map(|(a, b)| history.times_together(a, b))
                .sum::<u32>()
        })
        .sum()
}

/// Pairs at a table who come from the same unit (people without a unit never count).
pub fn same_unit_pairs(groups: &[Group], seats: &[Seat]) -> u32 {
    let unit: HashMap<_, _> = seats.iter().filter_map(|s| s.unit.as_ref().map(|u| (s.user, u.key()))).collect();
    groups
        .iter()
        .map(|g| {
            let mut per_unit: HashMap<&str, u32> = HashMap::new();
            for m in &g.members {
                if let Some(k) = unit.get(m) {
                    *per_unit.entry(k).or_default() += 1;
                }
            }
            per_unit.values().map(|&c| c * c.saturating_sub(1) / 2).sum::<u32>()
        })
        .sum()
}
