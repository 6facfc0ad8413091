//! Who said what on closed questions: for yes/no, scale and choice questions, the units (and
//! roles, where members have them) behind each value ("No: Bydel Frogner, Bydel Alna"). The
//! seeds report per unit, so an organiser asks "which units said no", not only "how many".

use foldhash::HashMap;

use super::{DigestAnswer, Shown};
use crate::domain::{QuestionKind, RoleName, UnitName, UserId, ValueKey};

/// The units and roles behind one value, in unit order (then first seen), with how many
/// answers each gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueBreakdown {
    pub value: ValueKey,
    pub units: Vec<(UnitName, usize)>,
    pub roles: Vec<(RoleName, usize)>,
}

/// The value order a digest shows: yes before no, scale steps ascending, options as the kit
/// lists them.
fn order(kind: &QuestionKind, k: &ValueKey) -> (u8, i64) {
    match k {
        ValueKey::Yes => (0, 0),
        ValueKey::No => (1, 0),
        ValueKey::Step(v) => (2, i64::from(*v)),
        ValueKey::Option(o) => {
            let options = kind.options();
            (3, options.iter().position(|x| x == o).unwrap_or(options.len()) as i64)
        }
    }
}

fn bump<T: PartialEq + Clone>(list: &mut Vec<(T, usize)>, item: &T) {
    match list.iter_mut().find(|(x, _)| x == item) {
        Some((_, n)) => *n += 1,
        None => list.push((item.clone(), 1)),
    }
}

/// The breakdown of one closed question's answers; empty for free text and numbers. A value
/// whose answers are all hidden has no units: the totals still count it.
pub(super) fn breakdown(
    kind: &QuestionKind,
    answers: &[&DigestAnswer],
    units: &[UnitName],
    roles: &HashMap<UserId, &RoleName>,
    shown: &Shown,
) -> Vec<ValueBreakdown> {
    let mut out: Vec<ValueBreakdown> = Vec::new();
    for a in answers {
        let Some(k) = a.value.picked() else { continue };
        let i = match out.iter().position(|b| b.value == k) {
            Some(i) => i,
            None => {
                out.push(ValueBreakdown { value: k, units: Vec::new(), roles: Vec::new() });
                out.len() - 1
            }
        };
        // Anonymous answers: only units shown under k-anonymity, and never a role (no member).
        if let Some(u) = shown.unit_of(a) {
            bump(&mut out[i].units, &u);
        }
        if let Some(r) = a.user.and_then(|u| roles.get(&u)) {
            bump(&mut out[i].roles, *r);
        }
    }
    let unit_pos = |u: &UnitName| units.iter().position(|x| x == u).unwrap_or(usize::MAX);
    for b in &mut out {
        // Stable: units the meeting does not list keep the order they answered in.
        b.units.sort_by_key(|(u, _)| unit_pos(u));
    }
    out.sort_by_key(|b| order(kind, &b.value));
    out
}
