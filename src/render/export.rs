//! `samrad export`: everything a meeting produced, as one CSV or one Markdown document.
//!
//! CSV layout: one table with a `section` column (`meeting`, `answer`, `during` (answers to
//! questions of the meeting day), `room`, `seat` (a person's table in a round at tables), `plan`, `plan-change`, `follow-up`, `decision`,
//! `evaluation`, `theme`) and the union of the columns the sections need; a section leaves the columns
//! it does not use empty. One file opens in any spreadsheet and filters by section; the
//! `meeting` row carries the title. Room members are one cell, one name per line (names
//! cannot contain line breaks). Times are RFC 3339 in UTC. [`from_csv`] reads it back.

use std::fmt::Write;

use chrono::{DateTime, SecondsFormat, Utc};

use crate::domain::MeetingId;

#[derive(Debug, Clone, PartialEq)]
pub struct ExportAnswer {
    pub unit: String,
    pub member: String,
    pub role: String,
    pub question_id: String,
    pub question: String,
    pub answer: String,
    /// How many times the answer was edited after it was first given (0 for anonymous ones).
    pub revisions: u32,
    /// `None` for an anonymous answer: a time could link it to its author's other answers.
    pub updated_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportRoom {
    pub round: u32,
    pub room: String,
    pub members: Vec<String>,
    pub question: String,
    /// The rapporteur's summary or the room's notes.
    pub summary: String,
}

/// One person's table in a round at tables in the room (the round's table plan).
#[derive(Debug, Clone, PartialEq)]
pub struct ExportSeat {
    pub round: u32,
    pub table: u32,
    pub label: String,
    pub member: String,
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportPlan {
    pub unit: String,
    pub action: String,
    pub owner: String,
    /// Free text ("before the next meeting") or a date, as the unit wrote it.
    pub due: Option<String>,
    /// `not-started`, `in-progress`, `done` or `dropped` (empty when unknown).
    pub status: String,
    /// Why it was dropped.
    pub note: String,
}

/// One status change of one of the meeting's plans: who, when.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportPlanChange {
    pub unit: String,
    pub action: String,
    pub status: String,
    pub note: String,
    pub member: String,
    pub at: DateTime<Utc>,
}

/// How a plan of the previous meeting was answered at this one (`no-answer` when it was not).
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFollowUp {
    pub unit: String,
    pub action: String,
    pub owner: String,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportDecision {
    pub text: String,
    pub responsible: String,
    pub due: Option<String>,
    pub at: DateTime<Utc>,
}

/// An answer given on the meeting day: to a question of the day or to the evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportEvaluation {
    pub unit: String,
    pub member: String,
    pub question_id: String,
    pub question: String,
    pub answer: String,
    /// `None` for an anonymous answer.
    pub updated_at: Option<DateTime<Utc>>,
}

/// One theme of the answers to a free-text question.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportTheme {
    pub question_id: String,
    pub question: String,
    pub label: String,
    pub answers: u32,
    pub units: u32,
    /// A concern an organiser must not miss (harassment, discrimination, whistleblowing).
    pub concern: bool,
    pub quote: String,
}

/// Everything one meeting produced, in display order.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportData {
    pub meeting: MeetingId,
    pub title: String,
    pub answers: Vec<ExportAnswer>,
    pub rooms: Vec<ExportRoom>,
    /// The table plans of the rounds at tables, by round, table and name.
    pub seats: Vec<ExportSeat>,
    pub plans: Vec<ExportPlan>,
    pub plan_changes: Vec<ExportPlanChange>,
    pub follow_up: Vec<ExportFollowUp>,
    pub decisions: Vec<ExportDecision>,
    /// Answers to the questions asked during the meeting (`phase = "during"`).
    pub during: Vec<ExportEvaluation>,
    pub evaluations: Vec<ExportEvaluation>,
    pub themes: Vec<ExportTheme>,
}

impl ExportData {
    /// Where an answer given on the meeting day goes: the questions of the day or the evaluation.
    pub fn day_answers(&mut self, phase: crate::domain::Phase) -> &mut Vec<ExportEvaluation> {
        if phase == crate::domain::Phase::During {
            &mut self.during
        } else {
            &mut self.evaluations
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("reading the CSV failed: {0}")]
    Csv(#[from] csv::Error),
    #[error("line {line}: {message}")]
    Bad { line: u64, message: String },
}

/// Exports before themes had the first 15 columns, before plan status the first 19; they still read.
const HEADER_BEFORE_THEMES: usize = 15;
const HEADER_BEFORE_STATUS: usize = 19;

const HEADER: [&str; 20] = [
    "section",
    "meeting_id",
    "unit",
    "member",
    "role",
    "round",
    "room",
    "members",
    "question_id",
    "question",
    "text",
    "owner",
    "due",
    "revisions",
    "updated_at",
    "answers",
    "units",
    "concern",
    "quote",
    "status",
];

/// One CSV row as a fixed set of named cells.
#[derive(Default)]
struct Row {
    section: &'static str,
    unit: String,
    member: String,
    role: String,
    round: String,
    room: String,
    members: String,
    question_id: String,
    question: String,
    text: String,
    owner: String,
    due: String,
    revisions: String,
    updated_at: String,
    answers: String,
    units: String,
    concern: String,
    quote: String,
    status: String,
}

fn time(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The whole export as CSV (RFC 4180 quoting; header row first).
pub fn to_csv(data: &ExportData) -> String {
    let mut rows = vec![Row { section: "meeting", text: data.title.clone(), ..Row::default() }];
    rows.extend(data.answers.iter().map(|a| Row {
        section: "answer",
        unit: a.unit.clone(),
        member: a.member.clone(),
        role: a.role.clone(),
        question_id: a.question_id.clone(),
        question: a.question.clone(),
        text: a.answer.clone(),
        revisions: a.revisions.to_string(),
        updated_at: a.updated_at.as_ref().map(time).unwrap_or_default(),
        ..Row::default()
    }));
    rows.extend(data.rooms.iter().map(|r| Row {
        section: "room",
        round: r.round.to_string(),
        room: r.room.clone(),
        members: r.members.join("\n"),
        question: r.question.clone(),
        text: r.summary.clone(),
        ..Row::default()
    }));
    rows.extend(data.seats.iter().map(|p| Row {
        section: "seat",
        round: p.round.to_string(),
        room: p.table.to_string(),
        text: p.label.clone(),
        member: p.member.clone(),
        unit: p.unit.clone(),
        ..Row::default()
    }));
    rows.extend(data.plans.iter().map(|p| Row {
        section: "plan",
        unit: p.unit.clone(),
        text: p.action.clone(),
        owner: p.owner.clone(),
        due: p.due.clone().unwrap_or_default(),
        status: p.status.clone(),
        question: p.note.clone(),
        ..Row::default()
    }));
    rows.extend(data.plan_changes.iter().map(|c| Row {
        section: "plan-change",
        unit: c.unit.clone(),
        member: c.member.clone(),
        text: c.action.clone(),
        question: c.note.clone(),
        status: c.status.clone(),
        updated_at: time(&c.at),
        ..Row::default()
    }));
    rows.extend(data.follow_up.iter().map(|f| Row {
        section: "follow-up",
        unit: f.unit.clone(),
        text: f.action.clone(),
        owner: f.owner.clone(),
        status: f.answer.clone(),
        ..Row::default()
    }));
    rows.extend(data.decisions.iter().map(|d| Row {
        section: "decision",
        text: d.text.clone(),
        owner: d.responsible.clone(),
        due: d.due.clone().unwrap_or_default(),
        updated_at: time(&d.at),
        ..Row::default()
    }));
    let day = |section: &'static str, e: &ExportEvaluation| Row {
        section,
        unit: e.unit.clone(),
        member: e.member.clone(),
        question_id: e.question_id.clone(),
        question: e.question.clone(),
        text: e.answer.clone(),
        updated_at: e.updated_at.as_ref().map(time).unwrap_or_default(),
        ..Row::default()
    };
    rows.extend(data.during.iter().map(|e| day("during", e)));
    rows.extend(data.evaluations.iter().map(|e| day("evaluation", e)));
    rows.extend(data.themes.iter().map(|t| Row {
        section: "theme",
        question_id: t.question_id.clone(),
        question: t.question.clone(),
        text: t.label.clone(),
        answers: t.answers.to_string(),
        units: t.units.to_string(),
        concern: if t.concern { "yes".into() } else { String::new() },
        quote: t.quote.clone(),
        ..Row::default()
    }));

    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let meeting = data.meeting.to_string();
    // Writing to a Vec cannot fail.
    w.write_record(HEADER).expect("in-memory CSV");
    for r in &rows {
        w.write_record([
            r.section,
            &meeting,
            &r.unit,
            &r.member,
            &r.role,
            &r.round,
            &r.room,
            &r.members,
            &r.question_id,
            &r.question,
            &r.text,
            &r.owner,
            &r.due,
            &r.revisions,
            &r.updated_at,
            &r.answers,
            &r.units,
            &r.concern,
            &r.quote,
            &r.status,
        ])
        .expect("in-memory CSV");
    }
    let bytes = w.into_inner().expect("in-memory CSV");
    String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8")
}

/// Reads a CSV written by [`to_csv`] back into [`ExportData`].
pub fn from_csv(text: &str) -> Result<ExportData, ExportError> {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let headers = reader.headers()?.clone();
    let known = [HEADER.len(), HEADER_BEFORE_STATUS, HEADER_BEFORE_THEMES];
    if !known.iter().any(|&n| headers.iter().eq(HEADER[..n].iter().copied())) {
        return Err(ExportError::Bad { line: 1, message: "unexpected header".into() });
    }
    let mut data = ExportData {
        meeting: MeetingId(0),
        title: String::new(),
        answers: Vec::new(),
        rooms: Vec::new(),
        seats: Vec::new(),
        plans: Vec::new(),
        plan_changes: Vec::new(),
        follow_up: Vec::new(),
        decisions: Vec::new(),
        during: Vec::new(),
        evaluations: Vec::new(),
        themes: Vec::new(),
    };
    for record in reader.records() {
        let record = record?;
        let line = record.position().map_or(0, |p| p.line());
        let bad = |message: String| ExportError::Bad { line, message };
        let get = |name: &str| -> String {
            let i = HEADER.iter().position(|h| *h == name).expect("known column");
            record.get(i).unwrap_or("").to_owned()
        };
        let parse_time = |s: String| {
            if s.is_empty() {
                return Ok(None);
            }
            DateTime::parse_from_rfc3339(&s)
                .map(|t| Some(t.with_timezone(&Utc)))
                .map_err(|e| bad(format!("updated_at {s:?}: {e}")))
        };
        // Plan changes and decisions always carry their time.
        let required_time = |s: String| parse_time(s)?.ok_or_else(|| bad("updated_at is empty".into()));
        let parse_u32 = |name: &str| {
            let s = get(name);
            s.parse::<u32>().map_err(|_| bad(format!("{name} {s:?} is not a number")))
        };
        let meeting = get("meeting_id");
        data.meeting = MeetingId(meeting.parse().map_err(|_| bad(format!("meeting_id {meeting:?}")))?);
        match get("section").as_str() {
            "meeting" => data.title = get("text"),
            "answer" => data.answers.push(ExportAnswer {
                unit: get("unit"),
                member: get("member"),
                role: get("role"),
                question_id: get("question_id"),
                question: get("question"),
                answer: get("text"),
                revisions: parse_u32("revisions")?,
                updated_at: parse_time(get("updated_at"))?,
            }),
            "room" => {
                let members = get("members");
                data.rooms.push(ExportRoom {
                    round: parse_u32("round")?,
                    room: get("room"),
                    members: if members.is_empty() {
                        Vec::new()
                    } else {
                        members.split('\n').map(str::to_owned).collect()
                    },
                    question: get("question"),
                    summary: get("text"),
                })
            }
            "seat" => data.seats.push(ExportSeat {
                round: parse_u32("round")?,
                table: parse_u32("room")?,
                label: get("text"),
                member: get("member"),
                unit: get("unit"),
            }),
            "plan" => {
                let due = get("due");
                data.plans.push(ExportPlan {
                    unit: get("unit"),
                    action: get("text"),
                    owner: get("owner"),
                    due: (!due.is_empty()).then_some(due),
                    status: get("status"),
                    note: get("question"),
                })
            }
            "plan-change" => data.plan_changes.push(ExportPlanChange {
                unit: get("unit"),
                action: get("text"),
                status: get("status"),
                note: get("question"),
                member: get("member"),
                at: required_time(get("updated_at"))?,
            }),
            "follow-up" => data.follow_up.push(ExportFollowUp {
                unit: get("unit"),
                action: get("text"),
                owner: get("owner"),
                answer: get("status"),
            }),
            "decision" => {
                let due = get("due");
                data.decisions.push(ExportDecision {
                    text: get("text"),
                    responsible: get("owner"),
                    due: (!due.is_empty()).then_some(due),
                    at: required_time(get("updated_at"))?,
                })
            }
            "theme" => data.themes.push(ExportTheme {
                question_id: get("question_id"),
                question: get("question"),
                label: get("text"),
                answers: parse_u32("answers")?,
                units: parse_u32("units")?,
                concern: get("concern") == "yes",
                quote: get("quote"),
            }),
            section @ ("evaluation" | "during") => {
                let answer = ExportEvaluation {
                    unit: get("unit"),
                    member: get("member"),
                    question_id: get("question_id"),
                    question: get("question"),
                    answer: get("text"),
                    updated_at: parse_time(get("updated_at"))?,
                };
                if section == "during" {
                    data.during.push(answer)
                } else {
                    data.evaluations.push(answer)
                }
            }
            other => return Err(bad(format!("unknown section {other:?}"))),
        }
    }
    Ok(data)
}

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

    super::table_plan::export_section(&mut out, &data.seats, l);
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2024, 3, 12, h, 5, 0).unwrap()
    }

    fn sample() -> ExportData {
        ExportData {
            meeting: MeetingId(7),
            title: "Koordineringsgruppa: fra «idealer» til praksis, del 1".into(),
            answers: vec![
                ExportAnswer {
                    unit: "KHM".into(),
                    member: "Kari Ødegård".into(),
                    role: "likestillingsrepresentant".into(),
                    question_id: "praksis".into(),
                    question: "Hva gjør enheten i praksis?".into(),
                    answer: "Rekruttering, ledermøter og \"mentorordning\".\nOppfølging: årlig; se plan, s. 3".into(),
                    revisions: 2,
                    updated_at: Some(at(9)),
                },
                ExportAnswer {
                    unit: "Förvaltningen".into(),
                    member: "Åsa Öberg".into(),
                    role: String::new(),
                    question_id: "praksis".into(),
                    question: "Hva gjør enheten i praksis?".into(),
                    answer: "Vi följer nyckeltal, t.ex. sjukfrånvaro.\r\n\r\n\"Citat\", med komma".into(),
                    revisions: 0,
                    updated_at: None,
                },
            ],
            rooms: vec![ExportRoom {
                round: 1,
                room: "rom-1".into(),
                members: vec!["Kari Ødegård".into(), "Åsa Öberg".into(), "Per, JUS".into()],
                question: "Hvilke tiltak virker?".into(),
                summary: "Vi var enige om:\n- rekruttering\n- \"kritiske venner\"".into(),
            }],
            seats: vec![
                ExportSeat {
                    round: 2,
                    table: 1,
                    label: "JUS ↔ KHM".into(),
                    member: "Kari Ødegård".into(),
                    unit: "KHM".into(),
                },
                ExportSeat { round: 2, table: 2, label: String::new(), member: "Per, JUS".into(), unit: String::new() },
            ],
            plans: vec![
                ExportPlan {
                    unit: "KHM".into(),
                    action: "Sette LIM på agendaen i ledermøtet, hver måned".into(),
                    owner: "Dekan".into(),
                    due: Some("2024-06-01".into()),
                    status: "dropped".into(),
                    note: "Ingen budsjett, \"ennå\"".into(),
                },
                ExportPlan {
                    unit: "JUS".into(),
                    action: "Kartlegge".into(),
                    owner: String::new(),
                    due: None,
                    status: String::new(),
                    note: String::new(),
                },
            ],
            plan_changes: vec![ExportPlanChange {
                unit: "KHM".into(),
                action: "Sette LIM på agendaen i ledermøtet, hver måned".into(),
                status: "dropped".into(),
                note: "Ingen budsjett, \"ennå\"".into(),
                member: "Kari Ødegård".into(),
                at: at(11),
            }],
            follow_up: vec![ExportFollowUp {
                unit: "JUS".into(),
                action: "Rekruttere, fra sist".into(),
                owner: "Per".into(),
                answer: "no-answer".into(),
            }],
            decisions: vec![ExportDecision {
                text: "Neste møte i Trondheim".into(),
                responsible: "Kansliet".into(),
                due: Some("2024-05-01".into()),
                at: at(12),
            }],
            during: vec![ExportEvaluation {
                unit: "KHM".into(),
                member: "Kari Ødegård".into(),
                question_id: "lardomar".into(),
                question: "Hva lærte vi av hverandres presentasjoner?".into(),
                answer: "At styringskjeden må ha eiere".into(),
                updated_at: Some(at(11)),
            }],
            evaluations: vec![ExportEvaluation {
                unit: "JUS".into(),
                member: "Per".into(),
                question_id: "nytte".into(),
                question: "Hva tar du med deg hjem?".into(),
                answer: "Mye, særlig «kritiske venner»".into(),
                updated_at: Some(at(15)),
            }],
            themes: vec![
                ExportTheme {
                    question_id: "praksis".into(),
                    question: "Hva gjør enheten i praksis?".into(),
                    label: "trakassering".into(),
                    answers: 1,
                    units: 1,
                    concern: true,
                    quote: "En trakasseringssak, \"uklart\" hvem som følger opp".into(),
                },
                ExportTheme {
                    question_id: "praksis".into(),
                    question: "Hva gjør enheten i praksis?".into(),
                    label: "rekruttering".into(),
                    answers: 3,
                    units: 2,
                    concern: false,
                    quote: "Rekruttering, ledermøter og \"mentorordning\".".into(),
                },
            ],
        }
    }

    #[test]
    fn themes_are_exported_with_counts_and_quotes_and_read_back() {
        let data = sample();
        let md = to_markdown(&data);
        assert!(md.contains("## Themes\n\n### praksis: Hva gjør enheten i praksis?\n"), "{md}");
        assert!(md.contains("- ⚠️ **trakassering** (1 answers, 1 units): En trakasseringssak"), "{md}");
        assert!(md.contains("- **rekruttering** (3 answers, 2 units): Rekruttering, ledermøter"), "{md}");
        let back = from_csv(&to_csv(&data)).unwrap();
        assert_eq!(back.themes, data.themes);
    }

    #[test]
    fn an_export_from_before_themes_still_reads() {
        let old = format!(
            "{}\r\nmeeting,7,,,,,,,,,Gammelt møte,,,,\r\nanswer,7,KHM,Kari,,,,,praksis,Hva?,Rekruttering,,,0,2024-03-12T09:05:00Z\r\n",
            HEADER[..HEADER_BEFORE_THEMES].join(",")
        );
        let data = from_csv(&old).unwrap();
        assert_eq!((data.title.as_str(), data.answers.len(), data.themes.len()), ("Gammelt møte", 1, 0));
    }

    #[test]
    fn csv_round_trips_commas_quotes_newlines_and_nordic_letters() {
        let data = sample();
        let csv_text = to_csv(&data);
        assert!(csv_text.starts_with("section,meeting_id,unit,"));
        assert_eq!(from_csv(&csv_text).unwrap(), data);
    }

    #[test]
    fn csv_rows_parse_with_a_plain_csv_reader() {
        let csv_text = to_csv(&sample());
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let sections: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
        assert_eq!(
            sections,
            [
                "meeting",
                "answer",
                "answer",
                "room",
                "seat",
                "seat",
                "plan",
                "plan",
                "plan-change",
                "follow-up",
                "decision",
                "during",
                "evaluation",
                "theme",
                "theme"
            ]
        );
        assert!(rows.iter().all(|r| r.len() == HEADER.len()));
        assert_eq!(&rows[1][10], sample().answers[0].answer);
        assert_eq!(&rows[1][14], "2024-03-12T09:05:00Z");
    }

    #[test]
    fn an_empty_meeting_exports_its_title_only() {
        let data = ExportData {
            answers: vec![],
            rooms: vec![],
            seats: vec![],
            plans: vec![],
            plan_changes: vec![],
            follow_up: vec![],
            decisions: vec![],
            during: vec![],
            evaluations: vec![],
            themes: vec![],
            ..sample()
        };
        assert_eq!(from_csv(&to_csv(&data)).unwrap(), data);
        let md = to_markdown(&data);
        assert_eq!(md.trim(), "# Koordineringsgruppa: fra «idealer» til praksis, del 1 (meeting 7)");
    }

    #[test]
    fn markdown_groups_answers_by_question_and_keeps_multiline_text_in_its_item() {
        let md = to_markdown(&sample());
        assert!(md.contains("### praksis: Hva gjør enheten i praksis?"), "{md}");
        assert!(
            md.contains(
                "- **KHM**, Kari Ødegård (likestillingsrepresentant) _2024-03-12T09:05:00Z, edited 2×_: Rekruttering"
            ),
            "{md}"
        );
        assert!(md.contains("\n  Oppfølging: årlig; se plan, s. 3\n"), "{md}");
        assert!(md.contains("### Round 1"), "{md}");
        assert!(md.contains("Members: Kari Ødegård, Åsa Öberg, Per, JUS"), "{md}");
        assert!(
            md.contains(
                "- **KHM**: Sette LIM på agendaen i ledermøtet, hver måned (owner: Dekan, due 2024-06-01) · dropped: Ingen"
            ),
            "{md}"
        );
        assert!(md.contains("  - 2024-03-12T11:05:00Z Kari Ødegård: dropped\n"), "{md}");
        assert!(md.contains("## Plans from last time\n\n- **JUS**: Rekruttere, fra sist — no-answer"), "{md}");
        assert!(md.contains("## Decisions\n\n- Neste møte i Trondheim (Kansliet, due 2024-05-01)"), "{md}");
        assert!(md.contains("- **JUS**: Kartlegge\n"), "{md}");
        assert!(md.contains("## Evaluation"), "{md}");
        let during = md.find("## During the meeting").expect("a section for the answers of the day");
        assert!(during < md.find("## Evaluation").unwrap(), "{md}");
        assert!(
            md[during..].contains("### lardomar: Hva lærte vi av hverandres presentasjoner?\n\n- **KHM**, Kari Ødegård: At styringskjeden må ha eiere"),
            "{md}"
        );
    }

    #[test]
    fn a_foreign_csv_is_rejected() {
        assert!(from_csv("a,b\n1,2\n").is_err());
    }
}
