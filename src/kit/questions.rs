//! `[[questions]]`: ids, texts, kinds (free, yes_no, scale, choice, number) and phases.

use std::collections::HashMap;
use std::ops::Range;

use super::error::{KitText, Sink};
use super::raw::{RawQuestion, S};
use super::suggest::choose_hint;
use super::validate::{line_of, non_empty, required};
use crate::domain::privacy::Anonymity;
use crate::domain::{Phase, Question, QuestionId, QuestionKind};

const PHASES: &[&str] = &["reflection", "evaluation", "during"];
/// Discord select menus hold at most 25 options; scale and choice questions use one.
const MAX_SELECT_OPTIONS: usize = 25;
const MAX_OPTION_CHARS: usize = 100;

/// `anonymous`: (whether questions are anonymous unless they say otherwise, how anonymous).
pub(super) fn questions(
    sink: &mut Sink<'_>,
    raw: &[S<RawQuestion>],
    source: &str,
    anonymous: (bool, Anonymity),
) -> Vec<Option<Question>> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    raw.iter()
        .enumerate()
        .map(|(i, q)| {
            let question = question(sink, q, i + 1, anonymous);
            if let (Some(question), Some(id)) = (&question, &q.get_ref().id) {
                let key = question.id.as_str().to_owned();
                if let Some(line) = seen.get(&key) {
                    let message = KitText::new("kit-e-duplicate-question").arg("id", key).num("line", *line as i64);
                    sink.hint(id.span(), message, KitText::new("kit-h-duplicate-question"));
                    return None;
                }
                seen.insert(key, line_of(source, &id.span()));
            }
            question
        })
        .collect()
}

fn question(sink: &mut Sink<'_>, spanned: &S<RawQuestion>, n: usize, anonymous: (bool, Anonymity)) -> Option<Question> {
    let q = spanned.get_ref();
    let table = spanned.span();
    let missing =
        |hint: &'static str| (table.clone(), KitText::new("kit-place-question").num("n", n as i64), KitText::new(hint));
    let id = required(sink, &q.id, missing("kit-h-question-id"), "id").and_then(|id| {
        let qid = QuestionId::try_from(id.get_ref().as_str()).ok();
        if qid.is_none() {
            let message = KitText::new("kit-e-question-id").arg("value", id.get_ref());
            sink.hint(
                id.span(),
                message,
                KitText::new("kit-h-question-id-chars").num("max", QuestionId::MAX_LEN as i64),
            );
        }
        qid
    });
    let text = required(sink, &q.text, missing("kit-h-question-text"), "text")
        .and_then(|t| non_empty(sink, t, "kit-e-empty-question-text"));
    let help = q.help.as_ref().and_then(|h| non_empty(sink, h, "kit-e-empty-help"));
    let phase = match &q.phase {
        None => Some(Phase::Reflection),
        Some(p) => match p.get_ref().as_str() {
            "reflection" => Some(Phase::Reflection),
            "evaluation" => Some(Phase::Evaluation),
            "during" => Some(Phase::During),
            other => {
                sink.hint(p.span(), KitText::new("kit-e-phase").arg("value", other), choose_hint(other, PHASES));
                None
            }
        },
    };
    let kind_name = q.kind.as_ref().map_or("free", |k| k.get_ref().as_str());
    let kind_span = q.kind.as_ref().map_or(table.clone(), S::span);
    let kind = question_kind(sink, q, kind_name, kind_span);
    let anonymity = if q.anonymous.unwrap_or(anonymous.0) { anonymous.1 } else { Anonymity::Named };
    Some(Question {
        id: id?,
        text: text?,
        kind: kind?,
        help,
        required: q.required.unwrap_or(true),
        phase: phase?,
        anonymity,
    })
}

fn question_kind(sink: &mut Sink<'_>, q: &RawQuestion, name: &str, span: Range<usize>) -> Option<QuestionKind> {
    if name != "scale" {
        for (key, value) in [("min", &q.min), ("max", &q.max)] {
            if let Some(v) = value {
                let message = KitText::new("kit-e-only-scale").arg("key", key);
                sink.hint(v.span(), message, KitText::new("kit-h-only-scale"));
            }
        }
    }
    if name != "choice" {
        if let Some(o) = &q.options {
            sink.hint(o.span(), KitText::new("kit-e-only-choice"), KitText::new("kit-h-only-choice"));
        }
    }
    match name {
        "free" => Some(QuestionKind::Free),
        "yes_no" => Some(QuestionKind::YesNo),
        "number" => Some(QuestionKind::Number),
        "scale" => scale(sink, q, span),
        "choice" => choice(sink, q, span),
        other => {
            let message = KitText::new("kit-e-question-kind").arg("value", other);
            sink.hint(span, message, choose_hint(other, &QuestionKind::NAMES));
            None
        }
    }
}

fn scale(sink: &mut Sink<'_>, q: &RawQuestion, span: Range<usize>) -> Option<QuestionKind> {
    let bound = |sink: &mut Sink<'_>, v: &Option<S<i64>>, default: i32| match v {
        None => Some(default),
        Some(v) => match i32::try_from(*v.get_ref()) {
            Ok(n) => Some(n),
            Err(_) => {
                let message = KitText::new("kit-e-scale-range").arg("value", v.get_ref().to_string());
                sink.hint(v.span(), message, KitText::new("kit-h-scale-range"));
                None
            }
        },
    };
    let min = bound(sink, &q.min, 1)?;
    let max = bound(sink, &q.max, 5)?;
    let at = q.min.as_ref().or(q.max.as_ref()).map_or(span, S::span);
    if min >= max {
        let message = KitText::new("kit-e-scale-order").num("min", min).num("max", max);
        sink.hint(at, message, KitText::new("kit-h-scale-order"));
        return None;
    }
    let steps = i64::from(max) - i64::from(min) + 1;
    if steps > MAX_SELECT_OPTIONS as i64 {
        let most = MAX_SELECT_OPTIONS as i64;
        let message =
            KitText::new("kit-e-scale-steps").num("min", min).num("max", max).num("steps", steps).num("most", most);
        sink.hint(at, message, KitText::new("kit-h-scale-steps").num("most", most));
        return None;
    }
    Some(QuestionKind::Scale { min, max })
}

fn choice(sink: &mut Sink<'_>, q: &RawQuestion, span: Range<usize>) -> Option<QuestionKind> {
    let Some(options) = &q.options else {
        sink.hint(span, KitText::new("kit-e-choice-options"), KitText::new("kit-h-choice-options"));
        return None;
    };
    let mut ok = true;
    let mut out: Vec<String> = Vec::new();
    for o in options.get_ref() {
        let text = o.get_ref().trim();
        if text.is_empty() || text.chars().count() > MAX_OPTION_CHARS {
            let message = KitText::new("kit-e-option-length").num("most", MAX_OPTION_CHARS as i64);
            sink.hint(o.span(), message, KitText::new("kit-h-option-length"));
            ok = false;
        } else if out.iter().any(|x| x.to_lowercase() == text.to_lowercase()) {
            let message = KitText::new("kit-e-duplicate-option").arg("option", text);
            sink.hint(o.span(), message, KitText::new("kit-h-duplicate-option"));
            ok = false;
        } else {
            out.push(text.to_owned());
        }
    }
    let n = options.get_ref().len();
    if n < 2 {
        let message = KitText::new("kit-e-choice-few").num("count", n as i64);
        sink.hint(options.span(), message, KitText::new("kit-h-choice-few"));
        ok = false;
    } else if n > MAX_SELECT_OPTIONS {
        let most = MAX_SELECT_OPTIONS as i64;
        let message = KitText::new("kit-e-choice-many").num("count", n as i64).num("most", most);
        sink.hint(options.span(), message, KitText::new("kit-h-choice-many").num("most", most));
        ok = false;
    }
    ok.then_some(QuestionKind::Choice { options: out })
}
