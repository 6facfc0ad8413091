//! An agenda item's presenters and their slots: `presenters = ["KHM", "@Ella Ghosh"]` (units of
//! the kit, or members by their Discord name after `@`) or `presenters = "units"` (every unit, in
//! the kit's order), `speaker_minutes` each (default: the item shared out), `questions_minutes`
//! after each (default 0) and `prepare_days_before` (default 3; 0: no reminder). All of it must
//! fit in the item.

use super::error::{KitText, Sink};
use super::raw::{RawAgendaItem, S};
use super::suggest::did_you_mean;
use crate::domain::kit::AgendaKind;
use crate::domain::speaking::{Presenter, Speaking};
use crate::domain::UnitName;

/// What `presenters = "units"` stands for.
const EVERY_UNIT: &str = "units";
/// The longest a preparation reminder may come before the meeting.
const MAX_PREPARE_DAYS: i64 = 60;

/// The item's speaking plan, `Some(None)` when it names no presenters, `None` after an error.
pub(super) fn speaking(
    sink: &mut Sink<'_>,
    item: &S<RawAgendaItem>,
    kind: AgendaKind,
    minutes: u32,
    units: &[UnitName],
) -> Option<Option<Speaking>> {
    let a = item.get_ref();
    let Some(raw) = &a.presenters else {
        let slot_keys = [&a.speaker_minutes, &a.questions_minutes, &a.prepare_days_before];
        if let Some(key) = slot_keys.into_iter().flatten().next() {
            sink.say(key.span(), KitText::new("kit-e-slot-without-presenters"), Some(KitText::new("kit-h-presenters")));
            return None;
        }
        return Some(None);
    };
    if matches!(kind, AgendaKind::Break | AgendaKind::Breakout) {
        sink.say(raw.span(), KitText::new("kit-e-presenters-kind"), Some(KitText::new("kit-h-presenters-kind")));
        return None;
    }
    let presenters = presenters(sink, raw, units);
    let mut whole = |v: &Option<S<i64>>, least: i64, most: i64| match v {
        None => Some(None),
        Some(m) if (least..=most).contains(m.get_ref()) => Some(Some(*m.get_ref() as u32)),
        Some(m) => {
            let message = KitText::new("kit-e-slot-minutes").arg("value", m.get_ref().to_string());
            let hint = KitText::new("kit-h-slot-minutes").num("least", least).num("most", most);
            sink.hint(m.span(), message, hint);
            None
        }
    };
    let talk = whole(&a.speaker_minutes, 1, i64::from(minutes));
    let questions = whole(&a.questions_minutes, 0, i64::from(minutes));
    let prepare = whole(&a.prepare_days_before, 0, MAX_PREPARE_DAYS);
    let (presenters, talk, questions, prepare) = (presenters?, talk?, questions?.unwrap_or(0), prepare?);
    let n = presenters.len() as u32;
    // Without `speaker_minutes`, the item is shared out, questions taken off first.
    let talk = talk.unwrap_or_else(|| minutes.saturating_sub(questions * n) / n);
    let speaking = Speaking {
        presenters,
        talk_minutes: talk,
        questions_minutes: questions,
        prepare_days_before: prepare.unwrap_or(Speaking::DEFAULT_PREPARE_DAYS),
    };
    if talk == 0 || speaking.total_minutes() > minutes {
        let message = KitText::new("kit-e-presenters-overrun")
            .num("count", n)
            .num("talk", talk)
            .num("questions", questions)
            .num("total", speaking.total_minutes())
            .num("minutes", minutes);
        sink.hint(raw.span(), message, KitText::new("kit-h-presenters-overrun"));
        return None;
    }
    Some(Some(speaking))
}

fn presenters(sink: &mut Sink<'_>, raw: &S<toml::Value>, units: &[UnitName]) -> Option<Vec<Presenter>> {
    let shape = |sink: &mut Sink<'_>| {
        sink.hint(raw.span(), KitText::new("kit-e-presenters-shape"), KitText::new("kit-h-presenters"));
        None
    };
    let list: Vec<&str> = match raw.get_ref() {
        toml::Value::String(s) if s.trim() == EVERY_UNIT => {
            if units.is_empty() {
                sink.hint(raw.span(), KitText::new("kit-e-presenters-no-units"), KitText::new("kit-h-presenters"));
                return None;
            }
            return Some(units.iter().cloned().map(Presenter::Unit).collect());
        }
        toml::Value::Array(items) if !items.is_empty() => match items.iter().map(|i| i.as_str()).collect() {
            Some(list) => list,
            None => return shape(sink),
        },
        _ => return shape(sink),
    };
    let names: Vec<String> = units.iter().map(|u| u.to_string()).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut out: Vec<Presenter> = Vec::new();
    let mut ok = true;
    for text in list {
        let p = match Presenter::parse(text) {
            None => {
                sink.hint(raw.span(), KitText::new("kit-e-presenter-empty"), KitText::new("kit-h-presenters"));
                ok = false;
                continue;
            }
            Some(Presenter::Unit(u)) => match units.iter().find(|k| k.key() == u.key()) {
                Some(known) => Presenter::Unit(known.clone()),
                None => {
                    let hint = match did_you_mean(u.as_str(), &names) {
                        Some(close) => KitText::new("kit-h-did-you-mean").arg("close", close),
                        None => KitText::new("kit-h-presenter-unit").arg("units", names.join(", ")),
                    };
                    sink.hint(raw.span(), KitText::new("kit-e-presenter-unknown").arg("name", text.trim()), hint);
                    ok = false;
                    continue;
                }
            },
            Some(member) => member,
        };
        if out.iter().any(|q| q.is_named(&p.name())) {
            let message = KitText::new("kit-e-presenter-twice").arg("name", p.name());
            sink.hint(raw.span(), message, KitText::new("kit-h-presenter-twice"));
            ok = false;
            continue;
        }
        out.push(p);
    }
    ok.then_some(out)
}
