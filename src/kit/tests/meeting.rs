//! The meeting's own keys: its date, timezone and language, and its units and roles.

use super::*;

#[test]
fn bad_date() {
    let e = assert_error(&edit("date = 2027-03-11", "date = \"11.03.2027\""), 4, "bad date");
    assert!(e.hint.contains("2027-03-15"));
    assert_error(&edit("date = 2027-03-11", "date = \"2027-02-30\""), 4, "bad date");
}

#[test]
fn unknown_timezone() {
    let e = assert_error(
        &edit("language = \"nb\"", "language = \"nb\"\ntimezone = \"Europe/Olso\""),
        4,
        "unknown timezone",
    );
    assert!(e.hint.contains("Europe/Oslo"), "{}", e.hint);
}

#[test]
fn language_must_be_nb_sv_or_en() {
    let e = assert_error(&edit("language = \"nb\"", "language = \"no\""), 3, "language `no` is not supported");
    assert!(e.hint.contains("nb"), "{}", e.hint);
}

#[test]
fn duplicate_units_and_roles() {
    let e = assert_error(&edit("units = [\"KHM\", \"JUS\"]", "units = [\"KHM\", \"khm\"]"), 5, "duplicate unit `khm`");
    assert!(e.message.contains("line 5"));
    assert_error(
        &edit("roles = [\"Leder\", \"Representant\"]", "roles = [\"Leder\", \" leder \"]"),
        6,
        "duplicate role",
    );
}
