//! Anonymous answers in a digest: never a name (they carry none), and a unit only where
//! [`units_to_show`] allows it for that question (k-anonymity with k = 3, the rest included).
//! Every view of the digest (the whole meeting, one unit, key figures, quotes) asks
//! [`Shown`], so no view shows a unit another view hides.

use std::collections::{HashMap, HashSet};

use super::{DigestAnswer, DigestInput};
use crate::domain::privacy::units_to_show;
use crate::domain::{Question, QuestionId, UnitName};

/// Per anonymous question, the keys of the units its answers may be shown with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shown(HashMap<QuestionId, HashSet<String>>);

/// One given answer as far as [`Shown`] needs it: its question, its unit, and whether it
/// carries a member.
pub type Given<'a> = (&'a QuestionId, Option<&'a UnitName>, bool);

impl Shown {
    /// Computed from all of the meeting's current answers (before any one-unit view).
    pub fn of(questions: &[Question], answers: &[&DigestAnswer]) -> Self {
        Self::of_given(questions, answers.iter().map(|a| (&a.question, a.unit.as_ref(), a.user.is_some())))
    }

    /// [`Shown::of`] from bare answers. A question is anonymous when the kit says so or an
    /// answer to it carries no member (a question made named after anonymous answers were
    /// given stays protected).
    pub fn of_given<'a>(questions: &[Question], answers: impl IntoIterator<Item = Given<'a>>) -> Self {
        let answers: Vec<Given<'a>> = answers.into_iter().collect();
        let unnamed: HashSet<&QuestionId> =
            answers.iter().filter(|(_, _, named)| !named).map(|(id, _, _)| *id).collect();
        let mut out = HashMap::new();
        for q in questions {
            // Most questions are named with named answers: no need to look at their answers.
            if !q.anonymity.is_anonymous() && !unnamed.contains(&q.id) {
                continue;
            }
            let mine: Vec<&Given<'a>> = answers.iter().filter(|(id, _, _)| **id == q.id).collect();
            if !q.anonymity.is_anonymous() && mine.iter().all(|(_, _, named)| *named) {
                continue;
            }
            let mut counts: Vec<(String, usize)> = Vec::new();
            let mut without_unit = 0;
            for (_, unit, _) in &mine {
                match unit {
                    Some(u) => match counts.iter_mut().find(|(k, _)| *k == u.key()) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((u.key(), 1)),
                    },
                    None => without_unit += 1,
                }
            }
            let show = units_to_show(&counts.iter().map(|(_, n)| *n).collect::<Vec<_>>(), without_unit);
            let keys = counts.into_iter().zip(show).filter(|(_, s)| *s).map(|((k, _), _)| k).collect();
            out.insert(q.id.clone(), keys);
        }
        Self(out)
    }

    /// Whether answers to `question` may be shown with `unit` (always for named questions).
    pub fn unit(&self, question: &QuestionId, unit: &UnitName) -> bool {
        self.0.get(question).is_none_or(|keys| keys.contains(&unit.key()))
    }

    /// Whether `question`'s answers are anonymous.
    pub fn is_anonymous(&self, question: &QuestionId) -> bool {
        self.0.contains_key(question)
    }

    /// The answer's unit as it may be shown: `None` where the unit is withheld.
    pub fn unit_of(&self, a: &DigestAnswer) -> Option<UnitName> {
        a.unit.clone().filter(|u| self.unit(&a.question, u))
    }
}

/// Keeps only `unit`: its members, the answers given for it, and the unit itself. Anonymous
/// answers stay only where the whole meeting's digest shows that unit for that question.
pub fn only_unit(input: &mut DigestInput, unit: &UnitName) {
    let current: Vec<&DigestAnswer> = input.answers.iter().collect();
    let shown = Shown::of(&input.questions, &current);
    input.title = format!("{} — {unit}", input.title);
    input.units = vec![unit.clone()];
    input.members.retain(|m| m.unit.as_ref() == Some(unit));
    input.answers.retain(|a| a.unit.as_ref() == Some(unit) && shown.unit(&a.question, unit));
    let members: HashSet<_> = input.members.iter().map(|m| m.user).collect();
    input.anonymous_respondents.retain(|(user, _)| members.contains(user));
}
