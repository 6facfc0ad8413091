//! TOML syntax and keys: a syntax error, unknown and missing keys, a wrong type, every
//! problem in one go, and how an error displays.

use super::*;

#[test]
fn toml_syntax_error_points_at_the_line() {
    let e = assert_error(&edit("title = \"Testmøte\"", "title = \"Testmøte"), 2, "TOML syntax error");
    assert!(e.hint.contains("quotes"));
    // an unquoted time is not TOML
    assert_error(&edit("start = \"10:00\"", "start = 10:00"), 21, "TOML syntax error");
}

#[test]
fn unknown_keys_are_all_reported_with_suggestions() {
    let src = edit("title = \"Testmøte\"", "titel = \"Testmøte\"").replacen("kind = \"scale\"", "kidn = \"scale\"", 1);
    let all = errors(&src);
    assert_eq!(all.len(), 2, "{}", KitErrors(all.clone()));
    let e = assert_error(&src, 2, "unknown key `titel`");
    assert_eq!(e.column, 1);
    assert!(e.hint.contains("did you mean `title`"), "{}", e.hint);
    let e = assert_error(&src, 16, "unknown key `kidn` in [[questions]]");
    assert!(e.hint.contains("`kind`"));
    // far from any key: the hint lists them
    let e = assert_error(&edit("[[breakouts]]\n", "[[breakouts]]\nfarge = \"blå\"\n"), 34, "unknown key `farge`");
    assert!(e.hint.contains("mode"), "{}", e.hint);
}

#[test]
fn unknown_table_is_reported() {
    let e = assert_error(&format!("{BASE}\n[schedul]\ntime = \"09:00\"\n"), 41, "unknown key `schedul`");
    assert!(e.hint.contains("`schedule`"));
}

#[test]
fn missing_required_keys_are_all_reported() {
    let src = edit("title = \"Testmøte\"\n", "").replacen("text = \"Hva er status?\"\n", "", 1);
    let all = errors(&src);
    assert!(all.iter().any(|e| e.line == 1 && e.message.contains("missing required key `title`")));
    // question #1's table starts at its [[questions]] header, now on line 8
    assert_error(&src, 8, "missing required key `text` in question #1");
}

#[test]
fn wrong_value_type_is_located() {
    let e = assert_error(&edit("minutes = 30", "minutes = \"30\""), 22, "invalid type");
    assert!(e.hint.contains("quotes"));
}

#[test]
fn every_problem_is_reported_in_one_go() {
    let src = edit("language = \"nb\"", "language = \"da\"")
        .replacen("max = 5", "max = 0", 1)
        .replacen("mode = \"units\"", "mode = \"tilfeldig\"", 1)
        .replacen("start = \"10:30\"", "start = \"10:15\"", 1);
    let lines: Vec<usize> = errors(&src).iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![3, 17, 27, 36]);
}

#[test]
fn errors_display_as_file_line_col_message_hint() {
    let all = errors(&edit("size = 4", "size = 0"));
    assert_eq!(
        all[0].to_string(),
        "test.toml:37:8: room size 0 is too small (hint: a room needs at least 2 people; leave `size` out to let the mode decide)"
    );
}
