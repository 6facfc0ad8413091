//! What each question's answers add up to (counts, statistics, themes) and each unit's key
//! figures: the per-question parts of [`compute`](super::compute).

use foldhash::{HashMap, HashMapExt};

use super::{themes, DigestAnswer, DigestInput, KeyFigureRow, NumberStats, QuestionDetail, Shown, REPRESENTATIVES};
use crate::domain::{AnswerValue, Question, QuestionId, QuestionKind, UnitName};

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

fn number_stats(values: &[f64]) -> Option<NumberStats> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    Some(NumberStats {
        min: sorted[0],
        median: median(&sorted),
        max: sorted[sorted.len() - 1],
        mean: sorted.iter().sum::<f64>() / sorted.len() as f64,
    })
}

pub(super) fn question_detail(question: &Question, answers: &[&DigestAnswer], shown: &Shown) -> QuestionDetail {
    match &question.kind {
        QuestionKind::Free => {
            let texts: Vec<&str> = answers
                .iter()
                .map(|a| match &a.value {
                    AnswerValue::Text(t) | AnswerValue::Choice(t) => t.as_str(),
                    _ => "",
                })
                .collect();
            let (themes, other, lang) = themes::question_themes(question, answers, &texts, shown);
            let representatives = themes.iter().take(REPRESENTATIVES).map(|t| t.quote.clone()).collect();
            QuestionDetail::Free { themes, other, representatives, lang }
        }
        QuestionKind::YesNo => {
            let yes = answers.iter().filter(|a| a.value == AnswerValue::YesNo(true)).count();
            let no = answers.iter().filter(|a| a.value == AnswerValue::YesNo(false)).count();
            QuestionDetail::YesNo { yes, no }
        }
        QuestionKind::Scale { min, max } => {
            let mut histogram: Vec<(i32, usize)> = (*min..=*max).map(|v| (v, 0)).collect();
            let mut sum = 0i64;
            let mut n = 0usize;
            for a in answers {
                if let AnswerValue::Scale(v) = a.value {
                    if let Some(slot) = histogram.iter_mut().find(|(step, _)| *step == v) {
                        slot.1 += 1;
                        sum += i64::from(v);
                        n += 1;
                    }
                }
            }
            let mean = (n > 0).then(|| sum as f64 / n as f64);
            QuestionDetail::Scale { histogram, mean }
        }
        QuestionKind::Choice { options } => {
            let counts = options
                .iter()
                .map(|o| {
                    let n = answers.iter().filter(|a| matches!(&a.value, AnswerValue::Choice(c) if c == o)).count();
                    (o.clone(), n)
                })
                .collect();
            QuestionDetail::Choice { counts }
        }
        QuestionKind::Number => {
            let values: Vec<f64> = answers
                .iter()
                .filter_map(|a| match a.value {
                    AnswerValue::Number(v) => Some(v),
                    _ => None,
                })
                .collect();
            QuestionDetail::Number { stats: number_stats(&values) }
        }
    }
}

/// Per unit and `Number` question: the unit's figure (its one answer when units answer, else the
/// mean of its members' answers), with the earlier value.
pub(super) fn key_figures(
    input: &DigestInput,
    units: &[UnitName],
    by_question: &HashMap<&QuestionId, Vec<&DigestAnswer>>,
    shown: &Shown,
) -> Vec<KeyFigureRow> {
    let mut rows = Vec::new();
    for q in input.questions.iter().filter(|q| q.kind == QuestionKind::Number) {
        let answers = by_question.get(&q.id).map(Vec::as_slice).unwrap_or(&[]);
        let mut by_unit: HashMap<String, Vec<f64>> = HashMap::new();
        for a in answers {
            if let (Some(unit), AnswerValue::Number(v)) = (shown.unit_of(a), &a.value) {
                by_unit.entry(unit.key()).or_default().push(*v);
            }
        }
        for unit in units {
            let Some(values) = by_unit.get(&unit.key()) else {
                continue;
            };
            let previous = input
                .previous
                .as_ref()
                .and_then(|p| p.key_figures.iter().find(|k| k.question == q.id && &k.unit == unit).map(|k| k.value));
            rows.push(KeyFigureRow {
                question: q.id.clone(),
                unit: unit.clone(),
                value: values.iter().sum::<f64>() / values.len() as f64,
                previous,
            });
        }
    }
    rows
}
