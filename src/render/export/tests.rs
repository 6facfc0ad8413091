//! CSV round trips (old layouts included) and the Markdown document.

use super::csv_file::{HEADER, HEADER_BEFORE_THEMES};
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
