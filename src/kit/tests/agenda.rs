//! The agenda: times, overlaps, items past midnight, end and minutes, kinds, and the
//! breakout plan an item names.

use super::*;

#[test]
fn overlapping_agenda_items() {
    let e = assert_error(
        &edit("start = \"10:30\"", "start = \"10:20\""),
        27,
        "overlaps `Innledning` (10:00–10:30, line 21)",
    );
    assert!(e.message.contains("`Grupper` (10:20–10:40)"), "{}", e.message);
}

#[test]
fn agenda_item_past_midnight() {
    let src = edit("start = \"10:30\"\nminutes = 20", "start = \"23:50\"\nminutes = 20");
    assert_error(&src, 28, "runs to midnight or past it");
    let src = edit("start = \"10:30\"\nminutes = 20", "start = \"23:50\"\nend = \"00:10\"");
    assert_error(&src, 28, "before it starts, or past midnight");
}

#[test]
fn agenda_end_and_minutes_must_agree() {
    assert_error(&edit("minutes = 30", "minutes = 30\nend = \"10:45\""), 23, "does not match");
    assert_error(&edit("minutes = 30\n", ""), 20, "missing required key `minutes` in agenda item #1");
}

#[test]
fn agenda_breakout_must_name_a_plan() {
    let e =
        assert_error(&edit("breakout = \"grupper\"", "breakout = \"gruppe\""), 31, "missing breakout plan `gruppe`");
    assert!(e.hint.contains("did you mean `grupper`"), "{}", e.hint);
    let src = edit("kind = \"plenary\"", "kind = \"plenary\"\nbreakout = \"grupper\"");
    assert_error(&src, 24, "only applies to agenda items with kind = \"breakout\"");
}

#[test]
fn agenda_breakout_plan_must_fit_the_item() {
    assert_error(
        &edit("minutes = 20\nkind = \"breakout\"", "minutes = 10\nkind = \"breakout\""),
        31,
        "takes 20 minutes",
    );
}

#[test]
fn unknown_agenda_kind() {
    let e = assert_error(&edit("kind = \"plenary\"", "kind = \"plenum\""), 23, "unknown agenda kind `plenum`");
    assert!(e.hint.contains("plenary"));
}

#[test]
fn bad_time_string() {
    let e = assert_error(&edit("start = \"10:00\"", "start = \"kl 10\""), 21, "bad time");
    assert!(e.hint.contains("\"09:30\""));
    assert_error(&edit("start = \"10:00\"", "start = \"25:00\""), 21, "bad time");
}
