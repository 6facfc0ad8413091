//! `samrad check KIT...`: validates kit files and prints one line per problem
//! (`file:line:col: message (hint: ...)`) and one `ok:` line per valid kit.

use std::io::Write;
use std::path::PathBuf;

use super::parse::load_kit;

/// Checks every path and writes the report to `out`. Returns true when all kits are valid.
/// Write errors on `out` are ignored: the return value is the verdict on the kits.
pub fn check_paths(paths: &[PathBuf], out: &mut impl Write) -> bool {
    let mut all_ok = true;
    for path in paths {
        match load_kit(path) {
            Ok(kit) => {
                let n = kit.questions.len();
                let noun = if n == 1 { "question" } else { "questions" };
                let _ = writeln!(out, "ok: {} ({}, {n} {noun})", path.display(), kit.title);
            }
            Err(errors) => {
                all_ok = false;
                for e in errors.iter() {
                    let _ = writeln!(out, "{e}");
                }
            }
        }
    }
    all_ok
}
