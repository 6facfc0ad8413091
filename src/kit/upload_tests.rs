//! The validator on uploaded bytes: every refusal before parsing, and kits exactly as `check`.

use super::*;

fn shipped(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/prompts/{name}.toml", env!("CARGO_MANIFEST_DIR"))).expect("shipped kit")
}

#[test]
fn a_shipped_kit_uploads_as_it_is() {
    let upload = parse_upload(&shipped("example-en"), "example-en.toml").expect("valid");
    assert_eq!(upload.kit.id, "example-en");
    assert_eq!(upload.source.as_bytes(), shipped("example-en"));
}

#[test]
fn a_byte_order_mark_from_windows_editors_is_dropped() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(shipped("example-en"));
    let upload = parse_upload(&bytes, "k.toml").expect("valid");
    assert!(upload.source.starts_with('#') || upload.source.starts_with('i'), "{}", &upload.source[..20]);
    assert!(!upload.source.starts_with('\u{feff}'));
}

#[test]
fn ten_megabytes_are_refused_before_reading() {
    let bytes = vec![b'#'; 10 * 1024 * 1024];
    assert_eq!(parse_upload(&bytes, "big.toml"), Err(UploadProblem::TooLarge { bytes: 10 * 1024 * 1024 }));
    assert!(parse_upload(&vec![b' '; MAX_KIT_BYTES + 1], "k.toml").is_err());
}

#[test]
fn a_png_is_named_as_an_image() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec();
    assert_eq!(parse_upload(&png, "kit.png"), Err(UploadProblem::NotText { what: Binary::Png }));
    assert_eq!(parse_upload(b"id = \"a\"\0", "k.toml"), Err(UploadProblem::NotText { what: Binary::Other }));
}

#[test]
fn latin1_text_is_refused_at_the_first_bad_byte() {
    // "språk" saved as Latin-1: å is the single byte 0xE5, on line 3 after `# spr`.
    let bytes = b"id = \"x\"\ntitle = \"y\"\n# spr\xE5k\n".to_vec();
    assert_eq!(parse_upload(&bytes, "k.toml"), Err(UploadProblem::NotUtf8 { line: 3, column: 6 }));
}

#[test]
fn deep_nesting_is_refused_with_its_place() {
    let arrays = format!("id = \"x\"\na = {}{}\n", "[".repeat(5000), "]".repeat(5000));
    assert_eq!(parse_upload(arrays.as_bytes(), "k.toml"), Err(UploadProblem::TooDeep { line: 2, column: 21 }));
    let tables = format!("b = {}1{}\n", "{ c = ".repeat(3000), " }".repeat(3000));
    assert!(matches!(parse_upload(tables.as_bytes(), "k.toml"), Err(UploadProblem::TooDeep { line: 1, .. })));
    let dotted = format!("title = \"t\"\n{} = 1\n", vec!["k"; 20_000].join("."));
    assert!(matches!(parse_upload(dotted.as_bytes(), "k.toml"), Err(UploadProblem::TooDeep { line: 2, .. })));
    let header = format!("[{}]\n", vec!["k"; 20_000].join("."));
    assert!(matches!(parse_upload(header.as_bytes(), "k.toml"), Err(UploadProblem::TooDeep { line: 1, .. })));
}

#[test]
fn brackets_and_dots_in_text_and_comments_do_not_count_as_nesting() {
    let mut kit = String::from_utf8(shipped("example-en")).expect("utf-8");
    kit.push_str(&format!("# {}\n", "[.".repeat(100)));
    kit = kit.replacen("title = \"", &format!("title = \"{} ", "[[{{..".repeat(20)), 1);
    let upload = parse_upload(kit.as_bytes(), "k.toml").expect("still a valid kit");
    assert!(upload.kit.title.starts_with("[[{{.."));
}

#[test]
fn toml_that_is_not_a_kit_says_so_once() {
    let cargo = b"[package]\nname = \"samrad\"\nversion = \"0.1.0\"\n\n[dependencies]\ntoml = \"0.8\"\n";
    assert_eq!(parse_upload(cargo, "Cargo.toml"), Err(UploadProblem::NotAKit));
    assert_eq!(parse_upload(b"  \n\n", "k.toml"), Err(UploadProblem::Empty));
}

#[test]
fn a_kit_with_mistakes_gets_every_error_with_line_and_column() {
    let text =
        String::from_utf8(shipped("example-en")).expect("utf-8").replacen("language = \"en\"", "language = \"de\"", 1);
    let line = text.lines().position(|l| l.starts_with("language")).expect("language line") + 1;
    let Err(UploadProblem::Invalid(errors)) = parse_upload(text.as_bytes(), "k.toml") else {
        panic!("expected kit errors")
    };
    let e = errors.iter().find(|e| e.message.contains("`de`")).expect("language error");
    assert_eq!((e.line, e.column), (line, 12));
    assert!(e.hint.contains("nb"), "{}", e.hint);
}

#[test]
fn a_kit_with_a_syntax_error_is_a_kit_error_not_a_stranger() {
    let Err(UploadProblem::Invalid(errors)) = parse_upload(b"id = \"x\"\ntitle = \"unclosed\n", "k.toml") else {
        panic!("expected kit errors")
    };
    assert_eq!(errors.iter().next().map(|e| e.line), Some(2));
    let Err(UploadProblem::Invalid(_)) = parse_upload(b"just words, not toml", "k.toml") else {
        panic!("syntax error expected")
    };
}
