//! `[[breakouts]]` plans and the `[[agenda]]`: times, durations, overlaps and the
//! references between them (agenda → plan → questions).

use std::collections::HashMap;
use std::ops::Range;

use chrono::{NaiveTime, Timelike};

use super::error::{choose_hint, did_you_mean, KitText, Sink};
use super::raw::{RawAgendaItem, RawBreakout, S};
use super::schedule::parse_time_value;
use super::validate::{line_of, non_empty, required, slug};
use crate::domain::grouping::Mode;
use crate::domain::kit::{AgendaItem, AgendaKind, BreakoutPlan};
use crate::domain::{Phase, Question, QuestionId};

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
    let modes = format!("one of {}", modes.join(", "));
    let mut seen: HashMap<String, usize> = HashMap::new();
    raw.iter()
        .enumerate()
        .map(|(i, spanned)| {
            let b = spanned.get_ref();
            let table = spanned.span();
            let place = format!("in breakout plan #{}", i + 1);
            let id = required(sink, &b.id, &table, "id", &place, "a short id such as `smagrupper`")
                .and_then(|id| slug(sink, id, "breakout plan id"));
            if let (Some(id), Some(raw_id)) = (&id, &b.id) {
                if let Some(line) = seen.get(id) {
                    sink.at(
                        raw_id.span(),
                        format!("duplicate breakout plan id `{id}` (first used on line {line})"),
                        "give every plan its own id",
                    );
                } else {
                    seen.insert(id.clone(), line_of(source, &raw_id.span()));
                }
            }
            let title = required(sink, &b.title, &table, "title", &place, "what the rooms are for")
                .and_then(|t| non_empty(sink, t, "breakout title"));
            let mode = required(sink, &b.mode, &table, "mode", &place, &modes).and_then(|m| {
                let mode = Mode::parse(m.get_ref());
                if mode.is_none() {
                    sink.at(
                        m.span(),
                        format!("unknown breakout mode `{}`", m.get_ref()),
                        choose_hint(m.get_ref(), &Mode::names()),
                    );
                }
                mode
            });
            let size = match &b.size {
                None => Some(None),
                Some(s) if *s.get_ref() >= 2 && *s.get_ref() <= 1000 => Some(Some(*s.get_ref() as u32)),
                Some(s) => {
                    sink.at(
                        s.span(),
                        format!("room size {} is too small", s.get_ref()),
                        "a room needs at least 2 people; leave `size` out to let the mode decide",
                    );
                    None
                }
            };
            let mut plan_questions = Vec::new();
            for q in &b.questions {
                if let Some(question) = questions.iter().flatten().find(|x| x.id.as_str() == q.get_ref()) {
                    plan_questions.push(question.id.clone());
                } else if !written.contains(&q.get_ref().as_str()) {
                    let hint = match did_you_mean(q.get_ref(), &known) {
                        Some(c) => format!("did you mean `{c}`?"),
                        None if known.is_empty() => "the kit has no [[questions]]".to_owned(),
                        None => format!("question ids in this kit: {}", known.join(", ")),
                    };
                    sink.at(q.span(), format!("breakout plan refers to unknown question `{}`", q.get_ref()), hint);
                }
                // else: the question exists but is invalid, and is reported already
            }
            let minutes = required(sink, &b.minutes, &table, "minutes", &place, "how long the rooms stay open")
                .and_then(|m| minutes(sink, m));
            Some(BreakoutPlan {
                id: id?,
                title: title?,
                mode: mode?,
                size: size?,
                questions: plan_questions,
                minutes: minutes?,
            })
        })
        .collect()
}

fn minutes(sink: &mut Sink<'_>, value: &S<i64>) -> Option<u32> {
    let m = *value.get_ref();
    if (1..MINUTES_PER_DAY).contains(&m) {
        Some(m as u32)
    } else {
        sink.at(
            value.span(),
            format!("{m} minutes is not a duration"),
            "a whole number of minutes from 1, e.g. minutes = 30",
        );
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
    questions: &[Option<Question>],
    written_questions: &[&str],
    source: &str,
) -> Option<Vec<AgendaItem>> {
    let mut ok = true;
    let mut placed: Vec<Placed> = Vec::new();
    let mut asked_on: HashMap<String, usize> = HashMap::new();
    for (i, spanned) in raw.iter().enumerate() {
        let ask = asked(sink, &spanned.get_ref().ask, questions, written_questions, &mut asked_on, source);
        match agenda_item(sink, spanned, i + 1, plans, written_plans) {
            Some(item) => {
                let item = AgendaItem { ask: ask.clone(), ..item };
                let span = spanned.get_ref().start.as_ref().map_or(spanned.span(), S::span);
                placed.push(Placed { item, line: line_of(source, &span), span });
            }
            None => ok = false,
        }
    }
    for (j, later) in placed.iter().enumerate() {
        if let Some(earlier) = placed[..j].iter().find(|e| overlaps(&e.item, &later.item)) {
            sink.at(
                later.span.clone(),
                format!(
                    "agenda item `{}` ({}–{}) overlaps `{}` ({}–{}, line {})",
                    later.item.title,
                    hm(later.item.start),
                    hm(later.item.end()),
                    earlier.item.title,
                    hm(earlier.item.start),
                    hm(earlier.item.end()),
                    earlier.line
                ),
                "start it when the other one ends, or shorten the other one",
            );
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
    let place = format!("in agenda item #{n}");
    let title = required(sink, &a.title, &table, "title", &place, "what happens, e.g. title = \"Lunsj\"")
        .and_then(|t| non_empty(sink, t, "agenda title"));
    let kind = match &a.kind {
        None => Some(AgendaKind::Plenary),
        Some(k) => {
            let kind = crate::domain::agenda::parse_kind(k.get_ref());
            if kind.is_none() {
                sink.at(
                    k.span(),
                    format!("unknown agenda kind `{}`", k.get_ref()),
                    choose_hint(k.get_ref(), AGENDA_KINDS),
                );
            }
            kind
        }
    };
    let start = required(sink, &a.start, &table, "start", &place, "e.g. start = \"09:30\"")
        .and_then(|s| parse_time_value(sink, s));
    let start_min = start.map(|t| i64::from(t.num_seconds_from_midnight() / 60));
    let end_min =
        a.end.as_ref().and_then(|e| parse_time_value(sink, e)).map(|t| i64::from(t.num_seconds_from_midnight() / 60));
    let minutes = match (&a.minutes, &a.end) {
        (None, None) => {
            sink.at(
                table.clone(),
                format!("missing required key `minutes` {place}"),
                "how long it takes, e.g. minutes = 30 (or give end = \"10:00\")",
            );
            None
        }
        (Some(m), _) => {
            let m_val = *m.get_ref();
            if let (Some(s), Some(e), Some(end)) = (start_min, end_min, &a.end) {
                if e - s != m_val {
                    sink.at(
                        end.span(),
                        format!("`end` ({}) does not match start + minutes ({m_val})", end.get_ref()),
                        "give either `minutes` or `end`",
                    );
                }
            }
            if m_val < 1 {
                sink.at(m.span(), format!("{m_val} minutes is not a duration"), "a whole number of minutes from 1");
                None
            } else {
                Some(m_val)
            }
        }
        (None, Some(end)) => match (start_min, end_min) {
            (Some(s), Some(e)) if e > s => Some(e - s),
            (Some(_), Some(_)) => {
                sink.at(
                    end.span(),
                    format!("agenda item ends ({}) before it starts, or past midnight", end.get_ref()),
                    "agenda items end on the meeting day, after they start",
                );
                None
            }
            _ => None,
        },
    };
    let mut past_midnight = false;
    if let (Some(s), Some(m), Some(start)) = (start_min, minutes, start) {
        if s + m >= MINUTES_PER_DAY {
            let span = a.minutes.as_ref().map_or(table.clone(), S::span);
            sink.at(
                span,
                format!("agenda item starting {} with {m} minutes runs to midnight or past it", hm(start)),
                "agenda items end on the meeting day; check start and minutes",
            );
            past_midnight = true;
        }
    }
    let breakout = match &a.breakout {
        None => Some(None),
        Some(b) if kind != Some(AgendaKind::Breakout) => {
            sink.at(
                b.span(),
                "`breakout` only applies to agenda items with kind = \"breakout\"",
                "set kind = \"breakout\" or remove the line",
            );
            None
        }
        Some(b) => {
            let ids: Vec<&str> = plans.iter().flatten().map(|p| p.id.as_str()).collect();
            match plans.iter().flatten().find(|p| p.id == *b.get_ref()) {
                Some(plan) => {
                    if let Some(m) = minutes {
                        if i64::from(plan.minutes) > m {
                            sink.at(
                                b.span(),
                                format!(
                                    "breakout plan `{}` takes {} minutes but this agenda item has {m}",
                                    plan.id, plan.minutes
                                ),
                                "make the item longer or the plan's minutes shorter",
                            );
                        }
                    }
                    Some(Some(plan.id.clone()))
                }
                // the plan exists but is invalid, and is reported already
                None if written_plans.contains(&b.get_ref().as_str()) => Some(Some(b.get_ref().clone())),
                None => {
                    let hint = match did_you_mean(b.get_ref(), &ids) {
                        Some(c) => format!("did you mean `{c}`?"),
                        None if ids.is_empty() => "add a [[breakouts]] plan with this id".to_owned(),
                        None => format!("breakout plans in this kit: {}", ids.join(", ")),
                    };
                    sink.at(b.span(), format!("agenda item refers to missing breakout plan `{}`", b.get_ref()), hint);
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
    })
}
