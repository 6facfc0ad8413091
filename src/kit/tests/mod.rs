//! Kit parsing tests: each error kind at its file:line, and every shipped kit loads. By
//! topic: `syntax` (TOML and keys), `meeting` (date, timezone, language, units and roles),
//! `questions`, `agenda`, `breakouts`, `schedule`, `shipped` (the kits and docs we ship) and
//! `files` (finding, loading and checking kit files). This file holds the small kit they
//! all edit and the assertions they share.

mod agenda;
mod breakouts;
mod files;
mod meeting;
mod questions;
mod schedule;
mod shipped;
mod syntax;

use std::path::{Path, PathBuf};

use super::*;
use crate::domain::grouping::Mode;
use crate::domain::kit::KitSchedule;
use crate::domain::{Phase, QuestionKind};

/// A small valid kit; tests append to it or replace one line. Line numbers are stable:
/// line 1 is `id`, questions start at line 9, the agenda at 20, breakouts at 33.
pub(super) const BASE: &str = r#"id = "test-kit"
title = "Testmøte"
language = "nb"
date = 2027-03-11
units = ["KHM", "JUS"]
roles = ["Leder", "Representant"]

# questions
[[questions]]
id = "q1"
text = "Hva er status?"

[[questions]]
id = "q2"
text = "Hvor fornøyd er du?"
kind = "scale"
min = 1
max = 5

[[agenda]]
start = "10:00"
minutes = 30
kind = "plenary"
title = "Innledning"

[[agenda]]
start = "10:30"
minutes = 20
kind = "breakout"
title = "Grupper"
breakout = "grupper"

[[breakouts]]
id = "grupper"
title = "Gruppearbeid"
mode = "units"
size = 4
questions = ["q1"]
minutes = 20
"#;

pub(super) fn errors(source: &str) -> Vec<KitError> {
    match parse_kit(source, "test.toml") {
        Ok(kit) => panic!("expected errors, got a kit: {kit:?}"),
        Err(e) => e.0,
    }
}

/// Asserts an error on `line` whose message contains `needle`; returns it for more checks.
#[track_caller]
fn assert_error(source: &str, line: usize, needle: &str) -> KitError {
    let all = errors(source);
    let found = all.iter().find(|e| e.line == line && e.message.contains(needle));
    match found {
        Some(e) => {
            assert_eq!(e.file, "test.toml");
            e.clone()
        }
        None => panic!("no error on line {line} containing {needle:?}; got:\n{}", KitErrors(all.clone())),
    }
}

/// BASE with the first occurrence of `from` replaced by `to`.
fn edit(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "BASE has no {from:?}");
    BASE.replacen(from, to, 1)
}

pub(super) fn prompts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts")
}

#[test]
fn base_kit_is_valid_and_fills_defaults() {
    let kit = parse_kit(BASE, "test.toml").unwrap();
    assert_eq!(kit.id, "test-kit");
    assert_eq!(kit.timezone, chrono_tz::Europe::Oslo, "nb defaults to Oslo");
    assert_eq!(kit.questions.len(), 2);
    assert_eq!(kit.questions[0].kind, QuestionKind::Free);
    assert!(kit.questions[0].required);
    assert_eq!(kit.questions[0].phase, Phase::Reflection);
    assert_eq!(kit.questions[1].kind, QuestionKind::Scale { min: 1, max: 5 });
    assert_eq!(kit.agenda[1].breakout.as_deref(), Some("grupper"));
    assert_eq!(kit.breakouts[0].mode, Mode::Units);
    assert_eq!(kit.breakouts[0].size, Some(4));
    assert_eq!(kit.schedule, KitSchedule::default());
}
