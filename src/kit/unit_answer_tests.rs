//! Kit tests for unit answers and sharing (`unit_answers`, `share_after_deadline`).

use super::tests::{errors, prompts_dir, BASE};
use super::*;

#[test]
fn unit_answers_and_sharing_are_off_unless_the_kit_says_so() {
    let kit = parse_kit(BASE, "test.toml").unwrap();
    assert!(!kit.unit_answers && !kit.share_after_deadline);
    let on = BASE.replacen("roles = ", "unit_answers = true\nshare_after_deadline = true\nroles = ", 1);
    let kit = parse_kit(&on, "test.toml").unwrap();
    assert!(kit.unit_answers && kit.share_after_deadline);
}

#[test]
fn unit_answers_need_units() {
    let source = BASE.replacen("units = [\"KHM\", \"JUS\"]", "unit_answers = true", 1).replacen(
        "mode = \"units\"",
        "mode = \"random\"",
        1,
    );
    let all = errors(&source);
    let e = all.iter().find(|e| e.message.contains("`unit_answers`")).unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(e.line, 5, "at the key");
    assert!(e.message.contains("no `units`") && e.hint.contains("units = "), "{e:?}");
}

#[test]
fn unit_answers_refuse_anonymous_questions_naming_each() {
    let source = BASE.replacen("roles = ", "unit_answers = true\nroles = ", 1).replacen(
        "text = \"Hvor fornøyd er du?\"",
        "text = \"Hvor fornøyd er du?\"\nanonymous = true",
        1,
    );
    let all = errors(&source);
    let e = all.iter().find(|e| e.message.contains("`q2` is anonymous")).unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(e.line, 6);
    assert!(!all.iter().any(|e| e.message.contains("`q1`")), "q1 is named: {all:?}");
}

#[test]
fn seed_checklist_and_key_figures_are_answered_per_unit() {
    let bydel = find_kit(&prompts_dir(), "bydel-likestilling").unwrap();
    assert!(bydel.unit_answers, "seed 003: the checklist is reported per service site");
    let lt = find_kit(&prompts_dir(), "larandetraff-2").unwrap();
    assert!(lt.unit_answers && lt.share_after_deadline, "seed 002: key figures per organisation, shared");
    let uio = find_kit(&prompts_dir(), "uio-koordineringsgruppe").unwrap();
    assert!(!uio.unit_answers, "seed 000 asks every member");
}
