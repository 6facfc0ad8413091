//! Kit files: finding a kit by id or file stem, loading a folder, an unreadable file, and
//! `samrad kit check`'s output.

use super::*;

#[test]
fn find_kit_by_id_or_stem_and_lists_the_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("fil-navn.toml"), BASE).unwrap();
    std::fs::write(dir.path().join("broken.toml"), "id = ").unwrap();
    assert_eq!(find_kit(dir.path(), "fil-navn").unwrap().id, "test-kit");
    assert_eq!(find_kit(dir.path(), "test-kit").unwrap().id, "test-kit");
    let e = find_kit(dir.path(), "test-kti").unwrap_err();
    assert!(e.0[0].message.contains("no kit with id `test-kti`"));
    assert!(e.0[0].hint.contains("did you mean `test-kit`"), "{}", e.0[0].hint);
    assert!(e.0[0].hint.contains("broken.toml"), "{}", e.0[0].hint);
    let e = find_kit(dir.path(), "broken").unwrap_err();
    assert!(e.0[0].message.contains("TOML syntax error"));
}

#[test]
fn load_dir_reports_every_file_and_duplicate_ids() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), BASE).unwrap();
    std::fs::write(dir.path().join("b.toml"), BASE).unwrap();
    std::fs::write(dir.path().join("c.toml"), edit("size = 4", "size = 1")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a kit").unwrap();
    let e = load_dir(dir.path()).unwrap_err();
    assert_eq!(e.len(), 2, "{e}");
    assert!(e.0[0].file.ends_with("b.toml") && e.0[0].message.contains("already used by"));
    assert!(e.0[1].file.ends_with("c.toml") && e.0[1].line == 37);
}

#[test]
fn unreadable_file_is_a_kit_error() {
    let e = load_kit(Path::new("/nonexistent/kit.toml")).unwrap_err();
    assert_eq!((e.0[0].line, e.0[0].column), (1, 1));
    assert!(e.0[0].message.contains("cannot read"));
}

#[test]
fn check_prints_ok_lines_and_every_error() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, edit("size = 4", "size = 1").replacen("mode = \"units\"", "mode = \"x\"", 1)).unwrap();
    let good = prompts_dir().join("uio-koordineringsgruppe.toml");
    let mut out = Vec::new();
    assert!(check_paths(std::slice::from_ref(&good), &mut out));
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.starts_with("ok: ")
            && text.contains("(Koordineringsgruppa: fra sentrale planer til praksis, 7 questions)"),
        "{text}"
    );
    let mut out = Vec::new();
    assert!(!check_paths(&[good, bad.clone()], &mut out));
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[1].starts_with(&format!("{}:36:8: unknown breakout mode", bad.display())), "{text}");
    assert!(lines[2].contains(":37:8: room size 1"), "{text}");
}
