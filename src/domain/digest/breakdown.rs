//! Who said what on closed questions: for yes/no, scale and choice questions, the units (and
//! roles, where members have them) behind each value ("No: Bydel Frogner, Bydel Alna"). The
//! seeds report per unit, so an organiser asks "which units said no", not only "how many".

use foldhash::HashMap;

use super::{DigestAnswer, Shown};
use crate::domain::{AnswerValue, QuestionKind, RoleName, UnitName, UserId};

/// One answer value of a closed question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueKey {
    Yes,
    No,
    Step(i32),
    Option(String),
}

/// The units and roles behind one value, in unit order (then first seen), with how many
/// answers each gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueBreakdown {
    pub value: ValueKey,
    pub units: Vec<(UnitName, usize)>,
    pub roles: Vec<(RoleName, usize)>,
}

fn key(kind: &QuestionKind, value: &AnswerValue) -> Option<ValueKey> {
    match (kind, value) {
        (QuestionKind::YesNo, AnswerValue::YesNo(true)) => Some(ValueKey::Yes),
        (QuestionKind::YesNo, AnswerValue::YesNo(false)) => Some(ValueKey::No),
        (QuestionKind::Scale { .. }, AnswerValue::Scale(v)) => Some(ValueKey::Step(*v)),
        (QuestionKind::Choice { .. }, AnswerValue::Choice(c)) => Some(ValueKey::Option(c.clone())),
        _ => None,
    }
}

/// The value order a digest shows: yes before no, scale steps ascending, options as the kit lists them.
fn order(kind: &QuestionKind, k: &ValueKey) -> usize {
    match (kind, k) {
        (_, ValueKey::Yes) => 0,
        (_, ValueKey::No) => 1,
        (QuestionKind::Scale { min, .. }, ValueKey::Step(v)) => (v - min).max(0) as usize,
        (QuestionKind::Choice { options }, ValueKey::Option(o)) => {
            options.iter().position(|x| x == o).unwrap_or(options.len())
        }
        _ => usize::MAX,
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
        let Some(k) = key(kind, &a.value) else { continue };
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
