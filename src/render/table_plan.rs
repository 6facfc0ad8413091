//! A table plan for people: the post in the meeting channel (one message, at most Discord's
//! 2000 characters, the rest in the attachment), and the printable files: Markdown (one
//! section per table) and CSV (one row per person, for a spreadsheet or a mail merge of
//! name cards).

use std::fmt::Write;

use super::export::{ExportLabels, ExportSeat};
use crate::domain::table_plan::TablePlan;
use crate::domain::text::truncate_words;

/// The words of a table plan, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanWords {
    /// The heading, e.g. "Table plan, round 2: 20 people at 5 tables".
    pub title: String,
    /// "Table" (followed by its number).
    pub table: String,
    pub name: String,
    pub unit: String,
}

/// CSV column names: fixed, since programs read them.
const CSV_HEADER: [&str; 5] = ["round", "table", "label", "name", "unit"];

fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() {
        "–"
    } else {
        s
    }
}

/// Markdown cells cannot hold a `|` or a line break.
fn cell(s: &str) -> String {
    or_dash(s).replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The printable plan: a heading, then a section per table with a name/unit table.
pub fn to_markdown(plan: &TablePlan, w: &PlanWords) -> String {
    let mut out = format!("# {}\n", w.title);
    for t in &plan.tables {
        let _ = write!(out, "\n## {} {}", w.table, t.number);
        if let Some(label) = &t.label {
            let _ = write!(out, " — {label}");
        }
        let _ = writeln!(out, "\n\n| {} | {} |\n|---|---|", w.name, w.unit);
        for p in &t.people {
            let _ = writeln!(out, "| {} | {} |", cell(&p.name), cell(&p.unit));
        }
    }
    out
}

/// One row per person (RFC 4180 quoting), header first.
pub fn to_csv(plan: &TablePlan) -> String {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    w.write_record(CSV_HEADER).expect("in-memory CSV");
    let round = plan.round.to_string();
    for t in &plan.tables {
        let number = t.number.to_string();
        for p in &t.people {
            let label = t.label.as_deref().unwrap_or("");
            w.write_record([round.as_str(), &number, label, &p.name, &p.unit]).expect("in-memory CSV");
        }
    }
    String::from_utf8(w.into_inner().expect("in-memory CSV")).expect("CSV of UTF-8 strings is UTF-8")
}

/// One table as a line of the post: "**Table 1** _JUS ↔ KHM_: Ann (JUS), Bo (KHM)".
fn post_line(w: &PlanWords, t: &crate::domain::table_plan::Table) -> String {
    let mut line = format!("**{} {}**", w.table, t.number);
    if let Some(label) = &t.label {
        let _ = write!(line, " _{label}_");
    }
    let people: Vec<String> = t
        .people
        .iter()
        .map(|p| if p.unit.is_empty() { p.name.clone() } else { format!("{} ({})", p.name, p.unit) })
        .collect();
    let _ = write!(line, ": {}", people.join(", "));
    line
}

/// The post for the meeting channel, at most `limit` characters: the heading and as many
/// whole tables as fit, then `more(n)` for the `n` tables left to the attached plan. A
/// single table too long for a message is shortened.
pub fn post_text(plan: &TablePlan, w: &PlanWords, limit: usize, more: &dyn Fn(usize) -> String) -> String {
    let mut out = format!("**{}**", w.title);
    let len = |s: &str| s.chars().count();
    for (i, t) in plan.tables.iter().enumerate() {
        let line = post_line(w, t);
        let left = plan.tables.len() - i - 1;
        // Room for this line, and for the "more" line if tables remain after it.
        let tail = if left > 0 { len(&more(left)) + 1 } else { 0 };
        if len(&out) + 1 + len(&line) + tail <= limit {
            out.push('\n');
            out.push_str(&line);
            continue;
        }
        let note = more(plan.tables.len() - i);
        let budget = limit.saturating_sub(len(&out) + 2 + len(&note));
        if i == 0 && budget > 40 {
            // Not even the first table fits whole: show what does, cut between words.
            out.push('\n');
            out.push_str(&truncate_words(&line, budget));
        }
        out.push('\n');
        out.push_str(&note);
        break;
    }
    truncate_words(&out, limit)
}

/// The export's "Table plans" section: per round, one Markdown table of table, name and unit.
pub(super) fn export_section(out: &mut String, seats: &[ExportSeat], l: &ExportLabels) {
    if seats.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## {}", l.table_plans);
    let mut rounds: Vec<u32> = seats.iter().map(|s| s.round).collect();
    rounds.sort_unstable();
    rounds.dedup();
    for round in rounds {
        let _ = writeln!(out, "\n### {}\n", l.round.replace("{n}", &round.to_string()));
        let _ = writeln!(out, "| {} | {} | {} |\n|---|---|---|", l.table, l.name, l.unit);
        for s in seats.iter().filter(|s| s.round == round) {
            let table = match s.label.trim() {
                "" => s.table.to_string(),
                label => format!("{} — {}", s.table, cell(label)),
            };
            let _ = writeln!(out, "| {table} | {} | {} |", cell(&s.member), cell(&s.unit));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::table_plan::Seated;

    fn words() -> PlanWords {
        PlanWords {
            title: "Table plan, round 1".into(),
            table: "Table".into(),
            name: "Name".into(),
            unit: "Unit".into(),
        }
    }

    fn more(n: usize) -> String {
        format!("…and {n} more tables in the attached plan.")
    }

    fn plan(tables: u32, per_table: u32) -> TablePlan {
        TablePlan::new(
            1,
            (1..=tables).map(|t| {
                let people = (0..per_table)
                    .map(|p| Seated { name: format!("Deltaker Nummer {t}-{p}"), unit: format!("Fakultet {}", p % 7) })
                    .collect();
                (t, Some(format!("label {t}")), people)
            }),
        )
    }

    #[test]
    fn a_small_plan_is_posted_whole_with_names_and_units() {
        let plan = TablePlan::new(
            1,
            [
                (1, Some("JUS ↔ KHM".into()), vec![Seated { name: "Åse".into(), unit: "JUS".into() }]),
                (2, None, vec![Seated { name: "Bo".into(), unit: String::new() }]),
            ],
        );
        let text = post_text(&plan, &words(), 2000, &more);
        assert_eq!(text, "**Table plan, round 1**\n**Table 1** _JUS ↔ KHM_: Åse (JUS)\n**Table 2**: Bo");
    }

    #[test]
    fn five_hundred_people_fit_one_message_and_the_rest_is_left_to_the_attachment() {
        let plan = plan(100, 5);
        let text = post_text(&plan, &words(), 2000, &more);
        assert!(text.chars().count() <= 2000, "{} characters", text.chars().count());
        let shown = text.lines().skip(1).filter(|l| l.starts_with("**Table ")).count();
        assert!(shown > 5, "as many whole tables as fit: {shown}");
        assert!(text.ends_with(&more(100 - shown)), "{text}");
        // Everyone is in the files.
        let csv = to_csv(&plan);
        assert_eq!(csv.lines().count(), 501, "a header and one row per person");
        let md = to_markdown(&plan, &words());
        assert_eq!(md.matches("| Deltaker Nummer").count(), 500);
    }

    #[test]
    fn one_table_longer_than_a_message_is_cut_and_points_at_the_attachment() {
        let plan = plan(1, 200);
        let text = post_text(&plan, &words(), 2000, &more);
        assert!(text.chars().count() <= 2000);
        assert!(text.contains("**Table 1**") && text.ends_with(&more(1)), "{text}");
    }

    #[test]
    fn markdown_has_a_section_per_table_and_escapes_cells() {
        let plan = TablePlan::new(3, [(1, None, vec![Seated { name: "A | B".into(), unit: String::new() }])]);
        let md = to_markdown(&plan, &words());
        assert_eq!(md, "# Table plan, round 1\n\n## Table 1\n\n| Name | Unit |\n|---|---|\n| A \\| B | – |\n");
    }

    #[test]
    fn csv_rows_read_back_with_a_plain_csv_reader() {
        let plan = TablePlan::new(
            2,
            [(4, Some("JUS ↔ KHM".into()), vec![Seated { name: "Nilsen, \"Kari\"".into(), unit: "Økonomi".into() }])],
        );
        let csv = to_csv(&plan);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), CSV_HEADER);
        let rows: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
        assert_eq!(rows, [["2", "4", "JUS ↔ KHM", "Nilsen, \"Kari\"", "Økonomi"]]);
    }

    #[test]
    fn the_export_carries_each_rounds_table_plan_and_reads_it_back() {
        use crate::render::export::{from_csv, to_csv as export_csv, to_markdown as export_md, ExportData};
        let seat = |round, table, member: &str, unit: &str| ExportSeat {
            round,
            table,
            label: if table == 1 { "JUS ↔ KHM".into() } else { String::new() },
            member: member.into(),
            unit: unit.into(),
        };
        let data = ExportData {
            meeting: crate::domain::MeetingId(3),
            title: "Benchmarking".into(),
            answers: vec![],
            rooms: vec![],
            seats: vec![seat(1, 1, "Åse", "JUS"), seat(1, 2, "Bo", ""), seat(2, 1, "Åse", "JUS")],
            plans: vec![],
            plan_changes: vec![],
            follow_up: vec![],
            decisions: vec![],
            during: vec![],
            evaluations: vec![],
            themes: vec![],
        };
        let md = export_md(&data);
        assert!(
            md.contains("## Table plans\n\n### Round 1\n\n| Table | Name | Unit |\n|---|---|---|\n| 1 — JUS ↔ KHM | Åse | JUS |\n| 2 | Bo | – |\n\n### Round 2\n"),
            "{md}"
        );
        assert_eq!(from_csv(&export_csv(&data)).unwrap(), data);
    }
}
