//! The layer rule, checked on the source: `src/app/` and `src/domain/` name no adapter
//! (`crate::storage`) and no adapter library (sqlx, serenity, poise), and `src/domain/` names
//! none of the modules around it either (the kit model lives in `domain::kit`, and `kit/` only
//! parses files into it; the language is `domain::lang`, and `i18n` only turns it into text).
//! Comments may mention them; code may not.

use std::path::{Path, PathBuf};

const FORBIDDEN: [&str; 4] = ["crate::storage", "sqlx", "serenity", "poise"];
/// What the domain may not name besides [`FORBIDDEN`]: every outer module of the crate.
const OUTSIDE_DOMAIN: [&str; 8] = [
    "crate::kit",
    "crate::i18n",
    "crate::app",
    "crate::discord",
    "crate::console",
    "crate::render",
    "crate::ops",
    "crate::config",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `word` occurs in `line` as a whole path segment (not inside `sqlx_free` or `poised`).
fn names(line: &str, word: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    line.match_indices(word).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        !before.is_some_and(ident) && !after.is_some_and(ident)
    })
}

/// Each `path:line: text` under `dir` that names a word of `forbidden` outside a comment.
fn violations(dir: &Path, forbidden: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(dir, &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("reading {}: {e}", file.display()));
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if forbidden.iter().any(|w| names(code, w)) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn app_and_domain_name_no_adapter_or_driver() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = violations(&root.join("app"), &FORBIDDEN);
    found.extend(violations(&root.join("domain"), &FORBIDDEN));
    assert!(
        found.is_empty(),
        "app/ and domain/ must not name {FORBIDDEN:?} (a port owns its types; adapters map into them):\n{}",
        found.join("\n")
    );
}

#[test]
fn domain_names_no_outer_module() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&root.join("domain"), &OUTSIDE_DOMAIN);
    assert!(
        found.is_empty(),
        "domain/ must not name {OUTSIDE_DOMAIN:?} (they depend on the domain, not the other way):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_layer_check_sees_a_driver_in_code_but_not_in_comments() {
    assert!(names("use sqlx::PgPool;", "sqlx"));
    assert!(names("    x: crate::storage::StoreError,", "crate::storage"));
    assert!(!names("let sqlx_free = 1;", "sqlx"));
    assert!(names("use crate::kit::{AgendaItem, AgendaKind};", "crate::kit"));
    assert!(!names("use crate::kit_store::KitSource;", "crate::kit"));
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("a.rs"), "//! Adapters map sqlx errors.\nuse serenity::all::UserId;\n")
        .expect("writing a.rs");
    let found = violations(dir.path(), &FORBIDDEN);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].ends_with("a.rs:2: use serenity::all::UserId;"), "{found:?}");
}
