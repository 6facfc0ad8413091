//! Repeat avoidance: seat swaps that lower how often people who already sat together meet
//! again, while keeping a mode's rules.
//!
//! A randomised local search. Each pass visits, in random order, everyone who has an old
//! tablemate (or, for `units`, someone of their own unit) at their table, looks at the people
//! at up to [`SCAN_TABLES`] other tables they may swap with, and makes the best swap that
//! lowers the cost; a swap that keeps the cost sometimes happens too, to walk off plateaus.
//! It stops after a pass without improvement or after [`MAX_PASSES`]. Swaps keep table sizes,
//! and the cost never rises, so the result is never worse than the start.
//!
//! Cost, compared in this order: same-unit pairs at a table (only when `units` is given),
//! then the sum over pairs at a table of the times they sat together before.

use rand::seq::SliceRandom;
use rand::Rng;

use super::roster::NONE;

const MAX_PASSES: usize = 40;
const SCAN_TABLES: usize = 48;

/// What a swap must respect.
pub(super) struct Rules<'a> {
    /// Swap only with someone of the same class (role for `roles`, unit for `same-unit`);
    /// tables must then hold one class each. `None`: anyone may swap with anyone.
    pub class: Option<&'a [u32]>,
    /// Unit per person (`NONE` for none) and the number of units, for the spread rule.
    pub units: Option<(&'a [u32], usize)>,
}

/// Improves `tables` (people as indices) in place. `adj` holds each person's earlier
/// tablemates with the times they met (see `Roster::history_lists`).
pub(super) fn improve(tables: &mut [Vec<usize>], adj: &[Vec<(u32, u32)>], rules: &Rules, rng: &mut impl Rng) {
    let n = adj.len();
    let rooms = tables.len();
    if rooms < 2 || adj.iter().all(Vec::is_empty) {
        return;
    }
    let mut at = vec![0usize; n];
    for (t, table) in tables.iter().enumerate() {
        for &p in table {
            at[p] = t;
        }
    }
    // Tables a person may swap into: those of their class.
    let class_of = |p: usize| rules.class.map_or(0, |c| c[p]);
    let mut candidates: Vec<(u32, Vec<usize>)> = Vec::new();
    for (t, table) in tables.iter().enumerate() {
        let Some(&first) = table.first() else {
            continue;
        };
        let c = class_of(first);
        match candidates.iter_mut().find(|(k, _)| *k == c) {
            Some((_, list)) => list.push(t),
            None => candidates.push((c, vec![t])),
        }
    }
    let (unit, units) = rules.units.unwrap_or((&[], 0));
    let mut count = vec![0u32; if units > 0 { rooms * units } else { 0 }];
    if units > 0 {
        for (p, &u) in unit.iter().enumerate() {
            if u != NONE {
                count[at[p] * units + u as usize] += 1;
            }
        }
    }
    let clash = |count: &[u32], p: usize, t: usize| -> i64 {
        if units == 0 || unit[p] == NONE {
            0
        } else {
            i64::from(count[t * units + unit[p] as usize])
        }
    };

    let mut weight_to = vec![0u32; n];
    let mut per_table = vec![0u32; rooms];
    let mut order: Vec<usize> = Vec::with_capacity(n);
    for _ in 0..MAX_PASSES {
        order.clear();
        order.extend(
            (0..n).filter(|&p| clash(&count, p, at[p]) > 1 || adj[p].iter().any(|&(m, _)| at[m as usize] == at[p])),
        );
        if order.is_empty() {
            return;
        }
        order.shuffle(rng);
        let mut improved = false;
        for &a in &order {
            let g = at[a];
            for &(m, w) in &adj[a] {
                weight_to[m as usize] = w;
                per_table[at[m as usize]] += w;
            }
            let own_clash = (clash(&count, a, g) - 1).max(0);
            if per_table[g] > 0 || own_clash > 0 {
                let list = &candidates.iter().find(|(k, _)| *k == class_of(a)).unwrap().1;
                let start = rng.gen_range(0..list.len());
                let mut best: Option<((i64, i64), usize)> = None;
                for &h in list.iter().cycle().skip(start).take(list.len().min(SCAN_TABLES + 1)) {
                    if h == g {
                        continue;
                    }
                    for &b in &tables[h] {
                        let d_clash = if units == 0 || unit[a] == unit[b] {
                            0
                        } else {
                            clash(&count, a, h) - (clash(&count, a, g) - 1).max(0) + clash(&count, b, g)
                                - (clash(&count, b, h) - 1).max(0)
                        };
                        let (mut b_g, mut b_h) = (0i64, 0i64);
                        for &(m, w) in &adj[b] {
                            let t = at[m as usize];
                            if t == g {
                                b_g += i64::from(w);
                            } else if t == h {
                                b_h += i64::from(w);
                            }
                        }
                        let w_ab = i64::from(weight_to[b]);
                        let d_rep = i64::from(per_table[h]) - w_ab - i64::from(per_table[g]) + (b_g - w_ab) - b_h;
                        let delta = (d_clash, d_rep);
                        if best.is_none_or(|(d, _)| delta < d) {
                            best = Some((delta, b));
                        }
                    }
                }
                if let Some((delta, b)) = best {
                    if delta < (0, 0) || (delta == (0, 0) && rng.gen_ratio(1, 4)) {
                        improved |= delta < (0, 0);
                        let h = at[b];
                        swap(tables, &mut at, a, b);
                        if units > 0 {
                            for (p, from, to) in [(a, g, h), (b, h, g)] {
                                if unit[p] != NONE {
                                    count[from * units + unit[p] as usize] -= 1;
                                    count[to * units + unit[p] as usize] += 1;
                                }
                            }
                        }
                    }
                }
            }
            for &(m, _) in &adj[a] {
                weight_to[m as usize] = 0;
            }
            per_table.iter_mut().for_each(|w| *w = 0);
        }
        if !improved {
            return;
        }
    }
}

fn swap(tables: &mut [Vec<usize>], at: &mut [usize], a: usize, b: usize) {
    let (g, h) = (at[a], at[b]);
    let ia = tables[g].iter().position(|&p| p == a).expect("a sits at its table");
    let ib = tables[h].iter().position(|&p| p == b).expect("b sits at its table");
    tables[g][ia] = b;
    tables[h][ib] = a;
    at[a] = h;
    at[b] = g;
}
