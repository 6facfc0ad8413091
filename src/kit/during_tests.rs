//! Questions of the meeting day in the kit format: `phase = "during"` and the agenda's `ask`.

use std::path::Path;

use super::test_support::{kit, only_error};
use super::*;
use crate::domain::Phase;

/// Line 17 is the question of the day's `phase`; the asking item's `ask` is line 30.
const DAY: &str = r#"id = "dag"
title = "Benchmarking"
language = "sv"
date = 2027-04-15
units = ["A", "B"]
roles = ["Chef"]

[[questions]]
id = "lardomar"
text = "Vad lärde vi oss av varandras presentationer?"

[[questions]]
id = "utgangslage"
text = "Hur ser vårt utgångsläge ut?"

[[questions]]
phase = "during"
id = "hem"
text = "Vad tar vi med oss hem?"

[[agenda]]
start = "13:00"
minutes = 30
title = "Rollgrupper"

[[agenda]]
start = "15:00"
minutes = 40
title = "Hemmaplan"
ask = ["hem"]
"#;

#[test]
fn a_question_of_the_day_is_asked_by_the_agenda_item_that_names_it() {
    let k = kit(DAY).unwrap();
    let hem = k.questions.iter().find(|q| q.id.as_str() == "hem").unwrap();
    assert_eq!(hem.phase, Phase::During);
    assert_eq!(k.questions[0].phase, Phase::Reflection);
    assert!(k.agenda[0].ask.is_empty());
    assert_eq!(k.agenda[1].ask, vec![hem.id.clone()]);
}

#[test]
fn asking_a_question_that_is_not_of_the_day_is_refused_at_its_line() {
    let e = only_error(&DAY.replace(r#"ask = ["hem"]"#, r#"ask = ["utgangslage"]"#));
    assert_eq!((e.line, e.column), (30, 8), "{e}");
    assert!(e.message.contains("`utgangslage`") && e.message.contains("not a meeting-day question"), "{e}");
    assert!(e.hint.contains(r#"phase = "during""#), "{e}");
}

#[test]
fn asking_an_unknown_question_suggests_the_one_meant() {
    let e = only_error(&DAY.replace(r#"ask = ["hem"]"#, r#"ask = ["hemm"]"#));
    assert_eq!(e.line, 30);
    assert!(e.message.contains("unknown question `hemm`"), "{e}");
    assert!(e.hint.contains("did you mean `hem`"), "{e}");
}

#[test]
fn a_question_is_asked_at_one_item_only() {
    let twice = DAY.replace("title = \"Rollgrupper\"\n", "title = \"Rollgrupper\"\nask = [\"hem\"]\n");
    let e = only_error(&twice);
    assert_eq!(e.line, 31, "{e}");
    assert!(e.message.contains("already asked on line 25"), "{e}");
}

#[test]
fn a_misspelt_phase_suggests_during() {
    let e = only_error(&DAY.replace(r#"phase = "during""#, r#"phase = "durng""#));
    assert_eq!(e.line, 17);
    assert!(e.hint.contains("`during`"), "{e}");
}

#[test]
fn benchmarking_1_asks_what_was_learned_on_the_day_itself() {
    let prompts = Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts");
    let bm = find_kit(&prompts, "benchmarking-1").unwrap();
    let during: Vec<&str> = bm.questions.iter().filter(|q| q.phase == Phase::During).map(|q| q.id.as_str()).collect();
    assert_eq!(during, ["lardomar", "ta-med-hem"]);
    let asked_at =
        |id: &str| bm.agenda.iter().find(|a| a.ask.iter().any(|q| q.as_str() == id)).map(|a| agenda::hm(a.start));
    assert_eq!(asked_at("lardomar").as_deref(), Some("13:00"), "the role groups after lunch");
    assert_eq!(asked_at("ta-med-hem").as_deref(), Some("15:00"), "each organisation at home base");
}
