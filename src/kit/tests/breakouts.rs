//! Breakout plans: the questions they name, their mode and room size, duplicate ids, and
//! a plan seating by unit in a kit without units.

use super::*;

#[test]
fn breakout_plan_refers_to_missing_question() {
    let e = assert_error(&edit("questions = [\"q1\"]", "questions = [\"q1\", \"q3\"]"), 38, "unknown question `q3`");
    assert!(e.hint.contains("did you mean") || e.hint.contains("q1, q2"), "{}", e.hint);
}

#[test]
fn unknown_breakout_mode() {
    let e = assert_error(&edit("mode = \"units\"", "mode = \"rolles\""), 36, "unknown breakout mode `rolles`");
    assert!(e.hint.contains("`roles`"), "{}", e.hint);
}

#[test]
fn breakout_size_below_two() {
    let e = assert_error(&edit("size = 4", "size = 1"), 37, "room size 1 is too small");
    assert!(e.hint.contains("at least 2"));
}

#[test]
fn duplicate_breakout_plan_id() {
    let src = format!("{BASE}\n[[breakouts]]\nid = \"grupper\"\ntitle = \"Igjen\"\nmode = \"random\"\nminutes = 10\n");
    assert_error(&src, 42, "duplicate breakout plan id `grupper`");
}

#[test]
fn without_units_a_plan_that_seats_by_unit_is_refused() {
    let kit = BASE.replace("units = [\"KHM\", \"JUS\"]\n", "");
    let errs = errors(&kit);
    // The plan's `mode = "units"` is on line 35 once the units line is gone.
    let e = errs.iter().find(|e| e.message.contains("seats people by unit")).expect("refused");
    assert_eq!((e.line, e.column), (35, 8));
    assert!(e.hint.contains("random, roles or choose"));
    let fixed = kit.replace("mode = \"units\"", "mode = \"roles\"");
    let ok = parse_kit(&fixed, "t.toml").expect("a kit without units is valid");
    assert!(ok.units.is_empty());
}
