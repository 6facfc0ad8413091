//! One submission's answers as a single multi-row upsert on both backends: the rows to send
//! (one per question, the last value winning, in question order so that two submissions lock
//! rows in the same order) and the revisions the upsert returned, back in the caller's order.

use std::collections::BTreeMap;

use crate::domain::QuestionId;

/// (question id, value) pairs: one per question, ordered by question id.
pub(super) fn rows(answers: &[(QuestionId, String)]) -> Vec<(&str, &str)> {
    let last: BTreeMap<&str, &str> = answers.iter().map(|(q, v)| (q.as_str(), v.as_str())).collect();
    last.into_iter().collect()
}

/// The revision of each of `answers` (in their order) from the upsert's (question id,
/// revision) rows.
pub(super) fn revisions(answers: &[(QuestionId, String)], saved: &[(String, i64)]) -> Vec<u32> {
    let by_question: BTreeMap<&str, i64> = saved.iter().map(|(q, r)| (q.as_str(), *r)).collect();
    answers.iter().map(|(q, _)| by_question.get(q.as_str()).and_then(|r| u32::try_from(*r).ok()).unwrap_or(1)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(id: &str) -> QuestionId {
        QuestionId::try_from(id).unwrap()
    }

    #[test]
    fn a_question_given_twice_is_sent_once_with_its_last_value_in_question_order() {
        let answers = [(q("b"), "1".to_owned()), (q("a"), "2".to_owned()), (q("b"), "3".to_owned())];
        assert_eq!(rows(&answers), [("a", "2"), ("b", "3")]);
        assert_eq!(revisions(&answers, &[("a".into(), 1), ("b".into(), 4)]), [4, 1, 4]);
    }
}
