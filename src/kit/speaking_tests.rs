//! Presenters of an agenda item in the kit format (#18): seed 002's "5 + 5 min per organisation".

use super::test_support::{kit, only_error};
use crate::domain::speaking::{Presenter, Speaking};
use crate::i18n::Lang;

/// Line 14 is `presenters`.
const DAY: &str = r#"id = "dag"
title = "Benchmarking"
language = "sv"
date = 2027-04-15
units = ["Org A", "Org B", "Org C"]

[[agenda]]
start = "10:00"
minutes = 40
kind = "presentation"
title = "Framsteg sedan förra träffen"
speaker_minutes = 5
questions_minutes = 5
presenters = "units"
"#;

fn unit(s: &str) -> Presenter {
    Presenter::parse(s).unwrap()
}

#[test]
fn five_plus_five_minutes_per_organisation_names_every_unit() {
    let k = kit(DAY).unwrap();
    let speaking = k.agenda[0].speaking.clone().unwrap();
    assert_eq!(
        speaking,
        Speaking {
            presenters: vec![unit("Org A"), unit("Org B"), unit("Org C")],
            talk_minutes: 5,
            questions_minutes: 5,
            prepare_days_before: Speaking::DEFAULT_PREPARE_DAYS,
        }
    );
}

#[test]
fn a_list_names_units_and_members_and_without_minutes_the_item_is_shared_out() {
    let source = DAY
        .replace("speaker_minutes = 5\nquestions_minutes = 5\n", "prepare_days_before = 5\n")
        .replace(r#"presenters = "units""#, r#"presenters = ["org b", "@Ella Ghosh"]"#);
    let speaking = kit(&source).unwrap().agenda[0].speaking.clone().unwrap();
    assert_eq!(speaking.presenters, [unit("Org B"), unit("@Ella Ghosh")], "the unit as the kit spells it");
    assert_eq!((speaking.talk_minutes, speaking.questions_minutes, speaking.prepare_days_before), (20, 0, 5));
    let none = DAY.replace("speaker_minutes = 5\nquestions_minutes = 5\npresenters = \"units\"\n", "");
    assert_eq!(kit(&none).unwrap().agenda[0].speaking, None);
}

#[test]
fn slots_that_do_not_fit_the_item_are_refused_with_the_sum() {
    let e = only_error(&DAY.replace("minutes = 40", "minutes = 20"));
    assert_eq!(e.line, 14, "{e}");
    assert!(e.message.contains("3 presenters × (5 + 5 minutes) take 30 minutes, and the item has 20"), "{e}");
    let (message, hint) = e.localised.clone().expect("told through the catalogues");
    assert!(message.render(Lang::Sv).contains("3 presentatörer"), "{}", message.render(Lang::Sv));
    assert!(hint.is_some());
}

#[test]
fn an_unknown_unit_gets_a_did_you_mean() {
    let e = only_error(&DAY.replace(r#"presenters = "units""#, r#"presenters = ["Org D", "Org A"]"#));
    assert!(e.message.contains("presenter `Org D` is not a unit"), "{e}");
    assert!(e.hint.contains("did you mean"), "{e}");
    let e = only_error(&DAY.replace(r#"presenters = "units""#, r#"presenters = ["Org A", "org a"]"#));
    assert!(e.message.contains("presents twice"), "{e}");
}

#[test]
fn slot_keys_without_presenters_and_presenters_at_a_break_are_refused() {
    let e = only_error(&DAY.replace("presenters = \"units\"\n", ""));
    assert_eq!(e.line, 12, "{e}");
    assert!(e.message.contains("need `presenters`"), "{e}");
    let e = only_error(&DAY.replace(r#"kind = "presentation""#, r#"kind = "break""#));
    assert!(e.message.contains("has no presenters"), "{e}");
    let e = only_error(&DAY.replace("presenters = \"units\"", "presenters = 3"));
    assert!(e.message.contains("a list of names"), "{e}");
    let e = only_error(&DAY.replace("speaker_minutes = 5", "speaker_minutes = 0"));
    assert!(e.message.contains("0 is not allowed") && e.hint.contains("from 1 to 40"), "{e}");
    let e = only_error(&DAY.replace("units = [\"Org A\", \"Org B\", \"Org C\"]\n", ""));
    assert!(e.message.contains("needs the kit's `units`"), "{e}");
}
