//! `[[breakouts]]` plans and the `[[agenda]]`: times, durations, overlaps and the
//! references between them (agenda → plan → questions).

use std::collections::HashMap;
use std::ops::Range;

use chrono::{NaiveTime, Timelike};

use super::error::{KitText, Sink};
use super::raw::{RawAgendaItem, RawBreakout, S};
use super::schedule::parse_time_value;
use super::suggest::{choose_hint, did_you_mean, suggest};
use super::validate::{line_of, non_empty, required, slug};
use crate::domain::grouping::{check_topics, Mode, TopicError};
use crate::domain::kit::{AgendaItem, AgendaKind, BreakoutPlan};
use crate::domain::{Phase, Question, QuestionId, UnitName};

const AGENDA_KINDS: &[&str] = &["plenary", "presentation", "breakout", "reflection", "evaluation", "break"];
const MINUTES_PER_DAY: i64 = 24 * 60;

pub(super) fn breakouts(
    sink: &mut Sink<'_>,
    raw: &[S<RawBreakout>],
    questions: &[Option<Question>],
    written: &[&str],
    source: &str,
) -> Vec<Option<BreakoutPlan>> {
    let known: Vec<&str> = questions.iter().flatten().map(|q| q.id.as_str()).collect();
    let modes: Vec<&str> = Mode::ALL.iter().map(|m| m.as_str()).collect();
    let modes = modes.join(", ");
    let mut seen: HashMap<String, usize> = HashMap::new();
    raw.iter()
        .enumerate()
        .map(|(i, spanned)| {
            let b = spanned.get_ref();
            let table = spanned.span();
            let place = KitText::new("kit-place-plan").num("n", i as i64 + 1);
            let missing = |hint: KitText| (table.clone(), place.clone(), hint);
            let id = required(sink, &b.id, missing(KitText::new("kit-h-plan-id")), "id")
                .and_then(|id| slug(sink, id, "kit-e-slug-plan"));
            if let (Some(id), Some(raw_id)) = (&id, &b.id) {
                if let Some(line) = seen.get(id) {
                    let message = KitText::new("kit-e-duplicate-plan").arg("id", id).num("line", *line as i64);
                    sink.hint(raw_id.span(), message, KitText::new("kit-h-duplicate-plan"));
                } else {
                    seen.insert(id.clone(), line_of(source, &raw_id.span()));
                }
            }
            let title = required(sink, &b.title, missing(KitText::new("kit-h-plan-title")), "title")
                .and_then(|t| non_empty(sink, t, "kit-e-empty-plan-title"));
            let one_of = KitText::new("kit-h-one-of").arg("ids", modes.as_str());
            let mode = required(sink, &b.mode, missing(one_of), "mode").and_then(|m| {
                let mode = Mode::parse(m.get_ref());
                if mode.is_none() {
                    let message = KitText::new("kit-e-mode").arg("value", m.get_ref());
                    sink.hint(m.span(), message, choose_hint(m.get_ref(), &Mode::names()));
                }
                mode
            });
            let size = match &b.size {
                None => Some(None),
                Some(s) if *s.get_ref() >= 2 && *s.get_ref() <= 1000 => Some(Some(*s.get_ref() as u32)),
                Some(s) => {
                    let message = KitText::new("kit-e-room-size").arg("value", s.get_ref().to_string());
                    sink.hint(s.span(), message, KitText::new("kit-h-room-size"));
                    None
                }
            };
            let mut plan_questions = Vec::new();
            for q in &b.questions {
                if let Some(question) = questions.iter().flatten().find(|x| x.id.as_str() == q.get_ref()) {
                    plan_questions.push(question.id.clone());
                } else if !written.contains(&q.get_ref().as_str()) {
                    let hint = suggest(q.get_ref(), &known, "kit-h-no-questions", "kit-h-question-ids");
                    sink.hint(q.span(), KitText::new("kit-e-plan-question").arg("id", q.get_ref()), hint);
                }
                // else: the question exists but is invalid, and is reported already
            }
            let minutes = required(sink, &b.minutes, missing(KitText::new("kit-h-plan-minutes")), "minutes")
                .and_then(|m| minutes(sink, m));
            let topics = topics(sink, b.topics.as_ref(), mode);
            Some(BreakoutPlan {
                id: id?,
                title: title?,
                mode: mode?,
                size: size?,
                questions: plan_questions,
                minutes: minutes?,
                topics: topics?,
            })
        })
        .collect()
}

/// A plan's `topics`: `choose` plans only, each topic checked as `/breakout split topics:` is.
fn topics(sink: &mut Sink<'_>, raw: Option<&S<Vec<S<String>>>>, mode: Option<Mode>) -> Option<Vec<String>> {
    let Some(raw) = raw else { return Some(Vec::new()) };
    if mode.is_some_and(|m| m != Mode::Choose) {
        sink.say(raw.span(), KitText::new("kit-e-topics-not-choose"), Some(KitText::new("kit-h-topics-not-choose")));
        return None;
    }
    let list = raw.get_ref();
    let at = |position: usize| list.get(position.saturating_sub(1)).map_or(raw.span(), S::span);
    let texts: Vec<&str> = list.iter().map(|t| t.get_ref().as_str()).collect();
    match check_topics(&texts) {
        Ok(topics) => Some(topics),
        Err(e) => {
            let (span, message) = match &e {
                TopicError::NoTopics => (raw.span(), KitText::new("kit-e-topics-none")),
                TopicError::Empty { position } => (at(*position), KitText::new("kit-e-topic-empty")),
                TopicError::TooLong { position, chars, max } => (
                    at(*position),
                    KitText::new("kit-e-topic-long").arg("chars", chars.to_string()).arg("max", max.to_string()),
                ),
                TopicError::Duplicate { topic, second, first } => {
                    (at(*second), KitText::new("kit-e-topic-twice").arg("topic", topic).arg("first", first.to_string()))
                }
                TopicError::TooMany { count, max } => (
                    raw.span(),
                    KitText::new("kit-e-topics-many").arg("count", count.to_string()).arg("max", max.to_string()),
                ),
            };
            sink.say(span, message, Some(KitText::new("kit-h-topics")));
            None
        }
    }
}

fn minutes(sink: &mut Sink<'_>, value: &S<i64>) -> Option<u32> {
    let m = *value.get_ref();
    if (1..MINUTES_PER_DAY).contains(&m) {
        Some(m as u32)
    } else {
        sink.hint(value.span(), KitText::new("kit-e-minutes").num("value", m), KitText::new("kit-h-minutes"));
        None
    }
}
struct Placed {
    item: AgendaItem,
    line: usize,
    span: Range<usize>,
}

pub(super) fn agenda(
    sink: &mut Sink<'_>,
    raw: &[S<RawAgendaItem>],
    plans: &[Option<BreakoutPlan>],
    written_plans: &[&str],
    (questions, written_questions): (&[Option<Question>], &[&str]),
    units: &[UnitName],
    source: &str,
) -> Option<Vec<AgendaItem>> {
    let mut ok = true;
    let mut placed: Vec<Placed> = Vec::new();
    let mut asked_on: HashMap<String, usize> = HashMap::new();
    for (i, spanned) in raw.iter().enumerate() {
        let ask = asked(sink, &spanned.get_ref().ask, questions, written_questions, &mut asked_on, source);
        match agenda_item(sink, spanned, i + 1, plans, written_plans) {
            Some(item) => {
                let Some(speaking) = super::speaking::speaking(sink, spanned, item.kind, item.minutes, units) else {
                    ok = false;
                    continue;
                };
                let item = AgendaItem { ask: ask.clone(), speaking, ..item };
                let span = spanned.get_ref().start.as_ref().map_or(spanned.span(), S::span);
                placed.push(Placed { item, line: line_of(source, &span), span });
            }
            None => ok = false,
        }
    }
    for (j, later) in placed.iter().enumerate() {
        if let Some(earlier) = placed[..j].iter().find(|e| overlaps(&e.item, &later.item)) {
            let message = KitText::new("kit-e-overlap")
                .arg("title", later.item.title.as_str())
                .arg("start", hm(later.item.start))
                .arg("end", hm(later.item.end()))
                .arg("other", earlier.item.title.as_str())
                .arg("other_start", hm(earlier.item.start))
                .arg("other_end", hm(earlier.item.end()))
                .num("line", earlier.line as i64);
            sink.hint(later.span.clone(), message, KitText::new("kit-h-overlap"));
            ok = false;
        }
    }
    let mut items: Vec<AgendaItem> = placed.into_iter().map(|p| p.item).collect();
    items.sort_by_key(|i| i.start);
    ok.then_some(items)
}

/// The `ask` list of one agenda item: known questions of phase `during`, each asked at one
/// item only (`asked_on`: the line where each was asked first).
fn asked(
    sink: &mut Sink<'_>,
    ask: &[S<String>],
    questions: &[Option<Question>],
    written: &[&str],
    asked_on: &mut HashMap<String, usize>,
    source: &str,
) -> Vec<QuestionId> {
    let known: Vec<&str> = questions.iter().flatten().map(|q| q.id.as_str()).collect();
    let mut out = Vec::new();
    for id in ask {
        let name = id.get_ref().as_str();
        let Some(question) = questions.iter().flatten().find(|q| q.id.as_str() == name) else {
            // A question that exists but is invalid is reported already.
            if !written.contains(&name) {
                let hint = match did_you_mean(name, &known) {
                    Some(c) => KitText::new("kit-h-did-you-mean").arg("close", c),
                    None => KitText::new("kit-h-ask-add-question"),
                };
                sink.say(id.span(), KitText::new("kit-e-ask-unknown").arg("id", name), Some(hint));
            }
            continue;
        };
        if question.phase != Phase::During {
            sink.say(
                id.span(),
                KitText::new("kit-e-ask-not-during").arg("id", name),
                Some(KitText::new("kit-h-ask-not-during")),
            );
            continue;
        }
        if let Some(line) = asked_on.get(name) {
            sink.say(
                id.span(),
                KitText::new("kit-e-ask-twice").arg("id", name).arg("line", line.to_string()),
                Some(KitText::new("kit-h-ask-twice")),
            );
            continue;
        }
        asked_on.insert(name.to_owned(), line_of(source, &id.span()));
        out.push(question.id.clone());
    }
    out
}

fn overlaps(a: &AgendaItem, b: &AgendaItem) -> bool {
    a.start < b.end() && b.start < a.end()
}

pub(crate) fn hm(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

fn agenda_item(
    sink: &mut Sink<'_>,
    spanned: &S<RawAgendaItem>,
    n: usize,
    plans: &[Option<BreakoutPlan>],
    written_plans: &[&str],
) -> Option<AgendaItem> {
    let a = spanned.get_ref();
    let table = spanned.span();
    let place = KitText::new("kit-place-agenda").num("n", n as i64);
    let missing = |hint: &'static str| (table.clone(), place.clone(), KitText::new(hint));
    let title = required(sink, &a.title, missing("kit-h-agenda-title"), "title")
        .and_then(|t| non_empty(sink, t, "kit-e-empty-agenda-title"));
    let kind = match &a.kind {
        None => Some(AgendaKind::Plenary),
        Some(k) => {
            let kind = crate::domain::agenda::parse_kind(k.get_ref());
            if kind.is_none() {
                let message = KitText::new("kit-e-agenda-kind").arg("value", k.get_ref());
                sink.hint(k.span(), message, choose_hint(k.get_ref(), AGENDA_KINDS));
            }
            kind
        }
    };
    let start =
        required(sink, &a.start, missing("kit-h-agenda-start"), "start").and_then(|s| parse_time_value(sink, s));
    let start_min = start.map(|t| i64::from(t.num_seconds_from_midnight() / 60));
    let end_min =
        a.end.as_ref().and_then(|e| parse_time_value(sink, e)).map(|t| i64::from(t.num_seconds_from_midnight() / 60));
    let minutes = match (&a.minutes, &a.end) {
        (None, None) => {
            required(sink, &a.minutes, missing("kit-h-agenda-minutes"), "minutes");
            None
        }
        (Some(m), _) => {
            let m_val = *m.get_ref();
            if let (Some(s), Some(e), Some(end)) = (start_min, end_min, &a.end) {
                if e - s != m_val {
                    let message =
                        KitText::new("kit-e-end-mismatch").arg("end", end.get_ref().to_string()).num("minutes", m_val);
                    sink.hint(end.span(), message, KitText::new("kit-h-end-mismatch"));
                }
            }
            if m_val < 1 {
                sink.hint(m.span(), KitText::new("kit-e-minutes").num("value", m_val), KitText::new("kit-h-minutes"));
                None
            } else {
                Some(m_val)
            }
        }
        (None, Some(end)) => match (start_min, end_min) {
            (Some(s), Some(e)) if e > s => Some(e - s),
            (Some(_), Some(_)) => {
                let message = KitText::new("kit-e-end-before-start").arg("end", end.get_ref().to_string());
                sink.hint(end.span(), message, KitText::new("kit-h-end-before-start"));
                None
            }
            _ => None,
        },
    };
    let mut past_midnight = false;
    if let (Some(s), Some(m), Some(start)) = (start_min, minutes, start) {
        if s + m >= MINUTES_PER_DAY {
            let span = a.minutes.as_ref().map_or(table.clone(), S::span);
            let message = KitText::new("kit-e-past-midnight").arg("start", hm(start)).num("minutes", m);
            sink.hint(span, message, KitText::new("kit-h-past-midnight"));
            past_midnight = true;
        }
    }
    let breakout = match &a.breakout {
        None => Some(None),
        Some(b) if kind != Some(AgendaKind::Breakout) => {
            sink.hint(b.span(), KitText::new("kit-e-only-breakout"), KitText::new("kit-h-only-breakout"));
            None
        }
        Some(b) => {
            let ids: Vec<&str> = plans.iter().flatten().map(|p| p.id.as_str()).collect();
            match plans.iter().flatten().find(|p| p.id == *b.get_ref()) {
                Some(plan) => {
                    if let Some(m) = minutes {
                        if i64::from(plan.minutes) > m {
                            let message = KitText::new("kit-e-plan-longer")
                                .arg("plan", plan.id.as_str())
                                .num("plan_minutes", plan.minutes)
                                .num("minutes", m);
                            sink.hint(b.span(), message, KitText::new("kit-h-plan-longer"));
                        }
                    }
                    Some(Some(plan.id.clone()))
                }
                // the plan exists but is invalid, and is reported already
                None if written_plans.contains(&b.get_ref().as_str()) => Some(Some(b.get_ref().clone())),
                None => {
                    let hint = suggest(b.get_ref(), &ids, "kit-h-add-plan", "kit-h-plan-ids");
                    sink.hint(b.span(), KitText::new("kit-e-missing-plan").arg("id", b.get_ref()), hint);
                    None
                }
            }
        }
    };
    if past_midnight {
        return None;
    }
    Some(AgendaItem {
        start: start?,
        minutes: u32::try_from(minutes?).ok()?,
        kind: kind?,
        title: title?,
        breakout: breakout?,
        ask: Vec::new(),
        speaking: None,
    })
}
