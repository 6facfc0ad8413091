//! Questions: ids, kinds (every kind's name read from a kit), scales, options and phases.

use super::*;

#[test]
fn duplicate_question_id_names_the_first() {
    let e = assert_error(&edit("id = \"q2\"", "id = \"q1\""), 14, "duplicate question id `q1`");
    assert!(e.message.contains("line 10"), "{}", e.message);
}

#[test]
fn invalid_question_id() {
    let e = assert_error(&edit("id = \"q2\"", "id = \"Spørsmål 2\""), 14, "invalid question id");
    assert!(e.hint.contains("a-z"));
}

#[test]
fn unknown_question_kind() {
    let e = assert_error(&edit("kind = \"scale\"", "kind = \"skala\""), 16, "unknown question kind `skala`");
    assert!(e.hint.contains("`scale`"), "{}", e.hint);
    let e = assert_error(&edit("kind = \"scale\"", "kind = \"yesno\""), 16, "unknown question kind");
    assert!(e.hint.contains("`yes_no`"), "{}", e.hint);
}

#[test]
fn scale_min_must_be_below_max() {
    assert_error(&edit("max = 5", "max = 1"), 17, "scale min (1) must be less than max (1)");
    assert_error(&edit("max = 5", "max = 40"), 17, "at most 25 fit");
}

#[test]
fn every_question_kind_name_is_read_from_a_kit() {
    for name in QuestionKind::NAMES {
        let extra = match name {
            "scale" => "\nmin = 1\nmax = 5",
            "choice" => "\noptions = [\"Ja\", \"Nei\"]",
            _ => "",
        };
        let src = edit("kind = \"scale\"\nmin = 1\nmax = 5", &format!("kind = \"{name}\"{extra}"));
        let kit = parse_kit(&src, "test.toml").unwrap_or_else(|e| panic!("kind {name}: {e}"));
        assert_eq!(kit.questions[1].kind.name(), name);
    }
}

#[test]
fn choice_needs_two_options() {
    let src = edit("kind = \"scale\"\nmin = 1\nmax = 5", "kind = \"choice\"\noptions = [\"Ja\"]");
    assert_error(&src, 17, "at least 2 options (got 1)");
    let src = edit("kind = \"scale\"\nmin = 1\nmax = 5", "kind = \"choice\"");
    assert_error(&src, 16, "needs `options`");
    let src = edit("kind = \"scale\"\nmin = 1\nmax = 5", "kind = \"choice\"\noptions = [\"Ja\", \"ja\"]");
    assert_error(&src, 17, "duplicate option");
}

#[test]
fn options_and_bounds_only_on_their_kinds() {
    assert_error(&edit("text = \"Hva er status?\"", "text = \"Hva er status?\"\nmin = 2"), 12, "only applies to scale");
}

#[test]
fn unknown_phase() {
    let e = assert_error(&edit("max = 5", "max = 5\nphase = \"evalering\""), 19, "unknown phase");
    assert!(e.hint.contains("`evaluation`"), "{}", e.hint);
}
