//! `[[questions]]`: ids, texts, kinds (free, yes_no, scale, choice, number) and phases.

use std::collections::HashMap;
use std::ops::Range;

use super::error::{choose_hint, Sink};
use super::raw::{RawQuestion, S};
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
                    sink.at(
                        id.span(),
                        format!("duplicate question id `{key}` (first used on line {line})"),
                        "give every question its own id",
                    );
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
    let place = format!("in question #{n}");
    let id =
        required(sink, &q.id, &table, "id", &place, "a short id such as `q1`").and_then(
            |id| match QuestionId::try_from(id.get_ref().as_str()) {
                Ok(qid) => Some(qid),
                Err(e) => {
                    sink.at(
                        id.span(),
                        format!("invalid question id: {e}"),
                        "use a-z, 0-9, '-' and '_' only, at most 32 characters, e.g. `q1` or `nokkeltal-lon`",
                    );
                    None
                }
            },
        );
    let text = required(sink, &q.text, &table, "text", &place, "the question as members will read it")
        .and_then(|t| non_empty(sink, t, "question text"));
    let help = q.help.as_ref().and_then(|h| non_empty(sink, h, "help text"));
    let phase = match &q.phase {
        None => Some(Phase::Reflection),
        Some(p) => match p.get_ref().as_str() {
            "reflection" => Some(Phase::Reflection),
            "evaluation" => Some(Phase::Evaluation),
            "during" => Some(Phase::During),
            other => {
                sink.at(p.span(), format!("unknown phase `{other}`"), choose_hint(other, PHASES));
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
                sink.at(
                    v.span(),
                    format!("`{key}` only applies to scale questions"),
                    "remove it, or set kind = \"scale\"",
                );
            }
        }
    }
    if name != "choice" {
        if let Some(o) = &q.options {
            sink.at(o.span(), "`options` only applies to choice questions", "remove it, or set kind = \"choice\"");
        }
    }
    match name {
        "free" => Some(QuestionKind::Free),
        "yes_no" => Some(QuestionKind::YesNo),
        "number" => Some(QuestionKind::Number),
        "scale" => scale(sink, q, span),
        "choice" => choice(sink, q, span),
        other => {
            sink.at(span, format!("unknown question kind `{other}`"), choose_hint(other, &QuestionKind::NAMES));
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
                sink.at(
                    v.span(),
                    format!("{} is out of range", v.get_ref()),
                    "scales are small whole numbers, e.g. 1 to 5",
                );
                None
            }
        },
    };
    let min = bound(sink, &q.min, 1)?;
    let max = bound(sink, &q.max, 5)?;
    let at = q.min.as_ref().or(q.max.as_ref()).map_or(span, S::span);
    if min >= max {
        sink.at(at, format!("scale min ({min}) must be less than max ({max})"), "e.g. min = 1, max = 5");
        return None;
    }
    let steps = i64::from(max) - i64::from(min) + 1;
    if steps > MAX_SELECT_OPTIONS as i64 {
        sink.at(
            at,
            format!("a scale from {min} to {max} has {steps} steps; at most {MAX_SELECT_OPTIONS} fit"),
            "Discord select menus hold 25 options; use a shorter scale or a number question",
        );
        return None;
    }
    Some(QuestionKind::Scale { min, max })
}

fn choice(sink: &mut Sink<'_>, q: &RawQuestion, span: Range<usize>) -> Option<QuestionKind> {
    let Some(options) = &q.options else {
        sink.at(span, "a choice question needs `options`", "e.g. options = [\"Ja\", \"Delvis\", \"Nei\"]");
        return None;
    };
    let mut ok = true;
    let mut out: Vec<String> = Vec::new();
    for o in options.get_ref() {
        let text = o.get_ref().trim();
        if text.is_empty() || text.chars().count() > MAX_OPTION_CHARS {
            sink.at(o.span(), "an option must have 1 to 100 characters", "Discord shows options in a select menu");
            ok = false;
        } else if out.iter().any(|x| x.to_lowercase() == text.to_lowercase()) {
            sink.at(o.span(), format!("duplicate option `{text}`"), "list each option once");
            ok = false;
        } else {
            out.push(text.to_owned());
        }
    }
    let n = options.get_ref().len();
    if n < 2 {
        sink.at(
            options.span(),
            format!("a choice question needs at least 2 options (got {n})"),
            "use yes_no for a single yes/no, or add options",
        );
        ok = false;
    } else if n > MAX_SELECT_OPTIONS {
        sink.at(
            options.span(),
            format!("{n} options is too many; at most {MAX_SELECT_OPTIONS} fit"),
            "Discord select menus hold 25 options",
        );
        ok = false;
    }
    ok.then_some(QuestionKind::Choice { options: out })
}
