//! The export as one CSV table (a `section` column, the union of the sections' columns) and
//! back: [`to_csv`], [`from_csv`] (older exports, with fewer columns, still read).

use chrono::{DateTime, Utc};

use super::*;

/// Exports before themes had the first 15 columns, before plan status the first 19; they still read.
pub(super) const HEADER_BEFORE_THEMES: usize = 15;
const HEADER_BEFORE_STATUS: usize = 19;

pub(super) const HEADER: [&str; 20] = [
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
    let mut data = ExportData::empty(MeetingId(0), String::new());
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
