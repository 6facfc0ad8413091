//! The digest's themes: per free-text question, the answers grouped by key phrase
//! ([`crate::domain::summary::themes`]) with how many answers and units stand behind each and
//! one quote; and the few themes that run across all questions.

use std::collections::{HashMap, HashSet};

use super::{DigestAnswer, Representative, QUOTE_CHARS};
use crate::domain::summary::themes::find_themes;
use crate::domain::summary::Lang;
use crate::domain::Question;

/// One theme of the answers to a question.
#[derive(Debug, Clone, PartialEq)]
pub struct DigestTheme {
    /// A key phrase as the answers wrote it.
    pub label: String,
    pub answers: usize,
    /// Units behind the theme (members without a unit count one each).
    pub units: usize,
    pub quote: Representative,
    /// A concern an organiser must not miss (harassment, discrimination, whistleblowing).
    pub concern: bool,
}

/// A theme that several questions share, or one of the largest.
#[derive(Debug, Clone, PartialEq)]
pub struct OverallTheme {
    pub label: String,
    pub answers: usize,
    /// In how many questions it is a theme.
    pub questions: usize,
    pub concern: bool,
}

/// How many themes across all questions the digest lists.
pub const OVERALL_THEMES: usize = 5;

fn unit_key(a: &DigestAnswer) -> String {
    match &a.unit {
        Some(u) => u.key(),
        None => format!("\u{0}user:{}", a.user),
    }
}

/// Themes of one question's answers, and how many answers fit none.
pub(super) fn question_themes(
    question: &Question,
    answers: &[&DigestAnswer],
    texts: &[&str],
) -> (Vec<DigestTheme>, usize, Option<Lang>) {
    let found = find_themes(texts, None, &[question.text.as_str()]);
    let themes = found
        .themes
        .iter()
        .map(|t| {
            let units: HashSet<String> = t.answers.iter().map(|&i| unit_key(answers[i])).collect();
            let a = answers[t.quote];
            DigestTheme {
                label: t.label.clone(),
                answers: t.answers.len(),
                units: units.len(),
                quote: Representative {
                    unit: a.unit.clone(),
                    user: a.user,
                    text: crate::domain::text::truncate_words(texts[t.quote], QUOTE_CHARS),
                },
                concern: t.concern,
            }
        })
        .collect();
    (themes, found.other.len(), found.lang)
}

/// The themes across all questions: concerns first, then those in most questions and answers.
pub(super) fn overall<'a>(per_question: impl IntoIterator<Item = &'a [DigestTheme]>) -> Vec<OverallTheme> {
    let mut by_label: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<OverallTheme> = Vec::new();
    for themes in per_question {
        for t in themes {
            let key = t.label.to_lowercase();
            match by_label.get(&key) {
                Some(&i) => {
                    out[i].answers += t.answers;
                    out[i].questions += 1;
                    out[i].concern |= t.concern;
                }
                None => {
                    by_label.insert(key, out.len());
                    out.push(OverallTheme {
                        label: t.label.clone(),
                        answers: t.answers,
                        questions: 1,
                        concern: t.concern,
                    });
                }
            }
        }
    }
    // Stable: equal themes keep question order.
    out.sort_by(|a, b| b.concern.cmp(&a.concern).then(b.questions.cmp(&a.questions)).then(b.answers.cmp(&a.answers)));
    out.truncate(OVERALL_THEMES);
    out
}
