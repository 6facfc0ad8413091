//! The export as one Markdown document, in the words of [`ExportLabels`].

use std::fmt::Write;

use super::*;

/// A list item whose text may span lines: continuation lines are indented under the item.
fn item(out: &mut String, head: &str, body: &str) {
    let mut lines = body.trim().lines();
    let first = lines.next().unwrap_or("");
    let _ = writeln!(out, "- {head}{first}");
    for l in lines {
        let _ = writeln!(out, "  {l}");
    }
}

fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() {
        "–"
    } else {
        s
    }
}

/// The whole export as one Markdown document: answers grouped by question, then rooms by
/// round, the answers given during the meeting, plans by unit and the evaluation.
/// The words of the Markdown export; `{n}` in `edited` and `round` is replaced by a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportLabels {
    pub meeting: String,
    pub answers: String,
    pub edited: String,
    pub rooms: String,
    pub round: String,
    pub table_plans: String,
    /// The table plans' column heads.
    pub table: String,
    pub name: String,
    pub unit: String,
    pub members: String,
    pub question: String,
    pub plans: String,
    pub owner: String,
    pub due: String,
    pub during: String,
    pub evaluation: String,
    pub decisions: String,
    pub follow_up: String,
    /// Status words by their stored spelling (`done` → "done"), `no-answer` included.
    pub statuses: Vec<(String, String)>,
    pub themes: String,
    /// After a theme: `{answers}` answers from `{units}` units.
    pub theme_counts: String,
}

impl ExportLabels {
    pub fn english() -> Self {
        Self {
            meeting: "meeting".into(),
            answers: "Answers".into(),
            edited: "edited {n}×".into(),
            rooms: "Breakout rooms".into(),
            round: "Round {n}".into(),
            table_plans: "Table plans".into(),
            table: "Table".into(),
            name: "Name".into(),
            unit: "Unit".into(),
            members: "Members".into(),
            question: "Question".into(),
            plans: "Take-home plans".into(),
            owner: "owner".into(),
            due: "due".into(),
            during: "During the meeting".into(),
            evaluation: "Evaluation".into(),
            decisions: "Decisions".into(),
            follow_up: "Plans from last time".into(),
            statuses: Vec::new(),
            themes: "Themes".into(),
            theme_counts: "{answers} answers, {units} units".into(),
        }
    }
}

impl ExportLabels {
    /// A status word by its stored spelling; the spelling itself when it has no word.
    fn status<'a>(&'a self, spelled: &'a str) -> &'a str {
        self.statuses.iter().find(|(k, _)| k == spelled).map_or(spelled, |(_, v)| v.as_str())
    }
}

/// A Markdown section of answers given on the day, grouped by question.
fn day_section(out: &mut String, heading: &str, answers: &[ExportEvaluation]) {
    if answers.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## {heading}");
    let mut questions: Vec<(&str, &str)> = Vec::new();
    for e in answers {
        if !questions.iter().any(|(id, _)| *id == e.question_id) {
            questions.push((&e.question_id, &e.question));
        }
    }
    for (id, text) in questions {
        let _ = writeln!(out, "\n### {id}: {text}\n");
        for e in answers.iter().filter(|e| e.question_id == id) {
            let head = format!("**{}**, {}: ", or_dash(&e.unit), or_dash(&e.member));
            item(out, &head, &e.answer);
        }
    }
}

/// The Markdown export with English headings.
pub fn to_markdown(data: &ExportData) -> String {
    to_markdown_with(data, &ExportLabels::english())
}

/// The Markdown export with headings in the reader's language.
pub fn to_markdown_with(data: &ExportData, l: &ExportLabels) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {} ({} {})", data.title, l.meeting, data.meeting);

    if !data.answers.is_empty() {
        let _ = writeln!(out, "\n## {}", l.answers);
        let mut questions: Vec<(&str, &str)> = Vec::new();
        for a in &data.answers {
            if !questions.iter().any(|(id, _)| *id == a.question_id) {
                questions.push((&a.question_id, &a.question));
            }
        }
        for (id, text) in questions {
            let _ = writeln!(out, "\n### {id}: {text}\n");
            for a in data.answers.iter().filter(|a| a.question_id == id) {
                let mut who = format!("**{}**, {}", or_dash(&a.unit), or_dash(&a.member));
                if !a.role.is_empty() {
                    let _ = write!(who, " ({})", a.role);
                }
                let edited = if a.revisions > 0 {
                    format!(", {}", l.edited.replace("{n}", &a.revisions.to_string()))
                } else {
                    String::new()
                };
                let head = match &a.updated_at {
                    Some(at) => format!("{who} _{}{edited}_: ", time(at)),
                    None => format!("{who}: "),
                };
                item(&mut out, &head, &a.answer);
            }
        }
    }

    if !data.themes.is_empty() {
        let _ = writeln!(out, "\n## {}", l.themes);
        let mut question = "";
        for t in &data.themes {
            if t.question_id != question {
                question = &t.question_id;
                let _ = writeln!(out, "\n### {}: {}\n", t.question_id, t.question);
            }
            let counts =
                l.theme_counts.replace("{answers}", &t.answers.to_string()).replace("{units}", &t.units.to_string());
            let mark = if t.concern { "⚠️ " } else { "" };
            item(&mut out, &format!("{mark}**{}** ({counts}): ", t.label), &t.quote);
        }
    }

    if !data.rooms.is_empty() {
        let _ = writeln!(out, "\n## {}", l.rooms);
        let mut rounds: Vec<u32> = data.rooms.iter().map(|r| r.round).collect();
        rounds.dedup();
        rounds.sort_unstable();
        rounds.dedup();
        for round in rounds {
            let _ = writeln!(out, "\n### {}", l.round.replace("{n}", &round.to_string()));
            for r in data.rooms.iter().filter(|r| r.round == round) {
                let _ = writeln!(out, "\n#### {}", r.room);
                let _ = writeln!(out, "{}: {}", l.members, r.members.join(", "));
                if !r.question.is_empty() {
                    let _ = writeln!(out, "{}: {}", l.question, r.question);
                }
                if !r.summary.trim().is_empty() {
                    let _ = writeln!(out, "\n{}", r.summary.trim());
                }
            }
        }
    }

    crate::render::table_plan::export_section(&mut out, &data.seats, l);
    day_section(&mut out, &l.during, &data.during);
    if !data.plans.is_empty() {
        let _ = writeln!(out, "\n## {}\n", l.plans);
        for p in &data.plans {
            let head = format!("**{}**: ", or_dash(&p.unit));
            let mut tail = String::new();
            if !p.owner.is_empty() {
                let _ = write!(tail, " ({}: {}", l.owner, p.owner);
                if let Some(due) = &p.due {
                    let _ = write!(tail, ", {} {due}", l.due);
                }
                tail.push(')');
            } else if let Some(due) = &p.due {
                let _ = write!(tail, " ({} {due})", l.due);
            }
            if !p.status.is_empty() {
                let _ = write!(tail, " · {}", l.status(&p.status));
                if !p.note.is_empty() {
                    let _ = write!(tail, ": {}", p.note);
                }
            }
            item(&mut out, &head, &format!("{}{tail}", p.action.trim()));
            for c in data.plan_changes.iter().filter(|c| c.unit == p.unit && c.action == p.action) {
                let _ = writeln!(out, "  - {} {}: {}", time(&c.at), or_dash(&c.member), l.status(&c.status));
            }
        }
    }

    if !data.follow_up.is_empty() {
        let _ = writeln!(out, "\n## {}\n", l.follow_up);
        for f in &data.follow_up {
            let head = format!("**{}**: ", or_dash(&f.unit));
            item(&mut out, &head, &format!("{} — {}", f.action.trim(), l.status(&f.answer)));
        }
    }

    if !data.decisions.is_empty() {
        let _ = writeln!(out, "\n## {}\n", l.decisions);
        for d in &data.decisions {
            let mut tail = format!(" ({}", d.responsible);
            if let Some(due) = &d.due {
                let _ = write!(tail, ", {} {due}", l.due);
            }
            tail.push(')');
            item(&mut out, "", &format!("{}{tail}", d.text.trim()));
        }
    }

    day_section(&mut out, &l.evaluation, &data.evaluations);
    out
}
