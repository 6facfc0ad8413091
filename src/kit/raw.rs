//! The kit file as written: serde structs that mirror the TOML, with spans for locations.
//! Nearly every key is optional here so that a missing key becomes a located error in
//! validation (all of them reported at once) rather than serde's first-error stop.
//!
//! Unknown keys: serde's `deny_unknown_fields` stops at the first one, so `unknown_keys`
//! walks a key tree of the whole document first and reports every unknown key with a
//! "did you mean" hint. The key lists below must match the structs; the test kit
//! `prompts/example-en.toml` uses every key, so a drift fails the prompt tests.

use std::ops::Range;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use toml::Spanned;

use super::error::{KitText, Sink};
use super::suggest::did_you_mean;

pub(crate) type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawKit {
    pub id: Option<S<String>>,
    pub title: Option<S<String>>,
    pub language: Option<S<String>>,
    pub timezone: Option<S<String>>,
    /// A TOML date (`2027-03-15`) or a string (`"2027-03-15"`).
    pub date: Option<S<toml::Value>>,
    pub previous: Option<S<String>>,
    /// Every question anonymous (a question's own `anonymous` wins).
    pub anonymous: Option<bool>,
    /// Anonymous answers lose their unit too.
    pub anonymous_hide_unit: Option<bool>,
    /// One answer per unit per question instead of one per member.
    pub unit_answers: Option<S<bool>>,
    /// Post "what the units said" in the meeting channel after the deadline.
    pub share_after_deadline: Option<bool>,
    #[serde(default)]
    pub purpose: Vec<S<String>>,
    #[serde(default)]
    pub units: Vec<S<String>>,
    #[serde(default)]
    pub roles: Vec<S<String>>,
    pub schedule: Option<S<RawSchedule>>,
    #[serde(default)]
    pub questions: Vec<S<RawQuestion>>,
    #[serde(default)]
    pub agenda: Vec<S<RawAgendaItem>>,
    #[serde(default)]
    pub breakouts: Vec<S<RawBreakout>>,
}

pub(crate) const KIT_KEYS: &[&str] = &[
    "id",
    "title",
    "language",
    "timezone",
    "date",
    "previous",
    "anonymous",
    "anonymous_hide_unit",
    "unit_answers",
    "share_after_deadline",
    "purpose",
    "units",
    "roles",
    "schedule",
    "questions",
    "agenda",
    "breakouts",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSchedule {
    pub open_days_before: Option<S<i64>>,
    /// "09:00" or a TOML local time.
    pub time: Option<S<toml::Value>>,
    pub reminders_days_before: Option<Vec<S<i64>>>,
    pub remind_cron: Option<S<String>>,
    pub deadline_days_before: Option<S<i64>>,
    pub deadline_time: Option<S<toml::Value>>,
    pub digest_days_before: Option<S<i64>>,
}

pub(crate) const SCHEDULE_KEYS: &[&str] = &[
    "open_days_before",
    "time",
    "reminders_days_before",
    "remind_cron",
    "deadline_days_before",
    "deadline_time",
    "digest_days_before",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawQuestion {
    pub id: Option<S<String>>,
    pub text: Option<S<String>>,
    pub kind: Option<S<String>>,
    pub help: Option<S<String>>,
    pub required: Option<bool>,
    pub phase: Option<S<String>>,
    pub anonymous: Option<bool>,
    pub min: Option<S<i64>>,
    pub max: Option<S<i64>>,
    pub options: Option<S<Vec<S<String>>>>,
}

pub(crate) const QUESTION_KEYS: &[&str] =
    &["id", "text", "kind", "help", "required", "phase", "anonymous", "min", "max", "options"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAgendaItem {
    pub start: Option<S<toml::Value>>,
    pub minutes: Option<S<i64>>,
    /// Alternative to `minutes`, as seeds write times: `start = "09.30"`, `end = "10.00"`.
    pub end: Option<S<toml::Value>>,
    pub kind: Option<S<String>>,
    pub title: Option<S<String>>,
    pub breakout: Option<S<String>>,
    /// Ids of `phase = "during"` questions posted in plenary when the item starts.
    #[serde(default)]
    pub ask: Vec<S<String>>,
    /// Who presents: `"units"` (every unit) or a list of units and `@members`.
    pub presenters: Option<S<toml::Value>>,
    /// Minutes each presenter talks.
    pub speaker_minutes: Option<S<i64>>,
    /// Minutes of questions after each presenter.
    pub questions_minutes: Option<S<i64>>,
    /// Days before the meeting the presenters get a preparation reminder (0: none).
    pub prepare_days_before: Option<S<i64>>,
}

pub(crate) const AGENDA_KEYS: &[&str] = &[
    "start",
    "minutes",
    "end",
    "kind",
    "title",
    "breakout",
    "ask",
    "presenters",
    "speaker_minutes",
    "questions_minutes",
    "prepare_days_before",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBreakout {
    pub id: Option<S<String>>,
    pub title: Option<S<String>>,
    pub mode: Option<S<String>>,
    pub size: Option<S<i64>>,
    #[serde(default)]
    pub questions: Vec<S<String>>,
    pub minutes: Option<S<i64>>,
    /// `choose` only: the rooms' topics.
    pub topics: Option<S<Vec<S<String>>>>,
}

pub(crate) const BREAKOUT_KEYS: &[&str] = &["id", "title", "mode", "size", "questions", "minutes", "topics"];

/// The shape of a TOML document, keeping only keys and spans.
#[derive(Debug)]
pub(crate) enum Node {
    Table(Vec<(String, S<Node>)>),
    Array(Vec<S<Node>>),
    Leaf,
}

/// toml's marker for a datetime value presented as a one-key map.
const DATETIME_KEY: &str = "$__toml_private_datetime";

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NodeVisitor;
        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = Node;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any TOML value")
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<S<Node>>()? {
                    items.push(item);
                }
                Ok(Node::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if key == DATETIME_KEY {
                        map.next_value::<IgnoredAny>()?;
                        return Ok(Node::Leaf);
                    }
                    let value = map.next_value::<S<Node>>()?;
                    entries.push((key, value));
                }
                Ok(Node::Table(entries))
            }
        }
        deserializer.deserialize_any(NodeVisitor)
    }
}

/// Reports every key that the kit format does not know, with a suggestion when one is close.
pub(crate) fn unknown_keys(doc: &Node, source: &str, sink: &mut Sink<'_>) {
    check_table(doc, KIT_KEYS, "", source, sink);
    let Node::Table(entries) = doc else { return };
    for (key, value) in entries {
        let (allowed, section): (&[&str], &str) = match key.as_str() {
            "schedule" => (SCHEDULE_KEYS, "[schedule]"),
            "questions" => (QUESTION_KEYS, "[[questions]]"),
            "agenda" => (AGENDA_KEYS, "[[agenda]]"),
            "breakouts" => (BREAKOUT_KEYS, "[[breakouts]]"),
            _ => continue,
        };
        match value.get_ref() {
            Node::Array(items) => {
                for item in items {
                    check_table(item.get_ref(), allowed, section, source, sink);
                }
            }
            table => check_table(table, allowed, section, source, sink),
        }
    }
}

fn check_table(node: &Node, allowed: &[&str], section: &str, source: &str, sink: &mut Sink<'_>) {
    let Node::Table(entries) = node else { return };
    for (key, value) in entries {
        if allowed.contains(&key.as_str()) {
            continue;
        }
        let place = if section.is_empty() {
            KitText::new("kit-place-top")
        } else {
            KitText::new("kit-place-section").arg("section", section)
        };
        let hint = match did_you_mean(key, allowed) {
            Some(close) => KitText::new("kit-h-did-you-mean").arg("close", close),
            None => KitText::new("kit-h-known-keys").text("place", place.clone()).arg("keys", allowed.join(", ")),
        };
        let message = KitText::new("kit-e-unknown-key").arg("key", key).text("place", place);
        sink.say(key_span(source, key, value.span()), message, Some(hint));
    }
}

/// toml gives spans for values, not keys: look back from the value for the key's text so the
/// column points at the key (`titel = "x"` → column of `titel`).
fn key_span(source: &str, key: &str, value: Range<usize>) -> Range<usize> {
    let before = &source[..value.start.min(source.len())];
    match before.rfind(key) {
        Some(at) if !before[at..].contains('\n') || before[at..].trim_end().ends_with(']') => at..at + key.len(),
        _ => value,
    }
}
