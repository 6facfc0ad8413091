//! Theme quality on the labelled sets in `benches/themes/`: per set, the share of planted
//! themes recovered (a found theme is mostly theirs and its label is one of their key
//! phrases) and purity (the share of answers in found themes that belong to their theme's
//! main planted theme). Target: every planted theme recovered on every set. Held-out sets
//! (`heldout-*.toml`) were written after tuning and are reported separately.
//! Writes `target/bench/themes.md` for `scripts/bench.sh`.

use std::fmt::Write;
use std::time::Instant;

use samrad::domain::summary::themes::eval::{evaluate, EvalSet};

fn main() {
    let mut files: Vec<_> = std::fs::read_dir("benches/themes")
        .expect("benches/themes")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    // Tuning sets first, then held-out ones.
    files.sort_by_key(|p| (p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("heldout")), p.clone()));
    let mut out = String::from(
        "## Themes\n\nLabelled sets in `benches/themes/` (30+ answers, 5 planted themes each, one a concern). \
         Recall: planted themes recovered (a found theme mostly holds their answers and its label is one of \
         their key phrases). Purity: share of answers in found themes that belong to their theme's main \
         planted theme. Target: recall 100 % on every set. Held-out sets were written after tuning.\n\n\
         | set | answers | recall | purity | themes found | other | missed | time ms |\n|---|---|---|---|---|---|---|---|\n",
    );
    let mut labels = String::new();
    for path in files {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let set: EvalSet = toml::from_str(&std::fs::read_to_string(&path).unwrap()).expect("set parses");
        let start = Instant::now();
        let (_, score) = evaluate(&set);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let _ = writeln!(
            out,
            "| {name} | {} | {}/{} ({:.0} %) | {:.2} | {} | {} | {} | {ms:.2} |",
            score.answers,
            score.recovered.len(),
            score.planted,
            score.recall() * 100.0,
            score.purity,
            score.found,
            score.other,
            if score.missed.is_empty() { "–".to_owned() } else { score.missed.join(", ") },
        );
        let found: Vec<String> = score.labels.iter().map(|(l, n)| format!("{l} ({n})")).collect();
        let _ = writeln!(labels, "- {name}: {}", found.join(", "));
    }
    let _ = write!(out, "\nThemes found:\n\n{labels}");
    print!("{out}");
    std::fs::create_dir_all("target/bench").unwrap();
    std::fs::write("target/bench/themes.md", out).unwrap();
}
