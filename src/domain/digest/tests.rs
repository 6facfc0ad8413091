//! Digests of small meetings written like the seed meetings.

use super::*;
use crate::domain::meeting::Phase;
use crate::domain::QuestionKind;

fn unit(s: &str) -> UnitName {
    UnitName::try_from(s).unwrap()
}

fn qid(s: &str) -> QuestionId {
    QuestionId::try_from(s).unwrap()
}

fn question(id: &str, text: &str, kind: QuestionKind, required: bool) -> Question {
    Question {
        id: qid(id),
        text: text.into(),
        kind,
        help: None,
        required,
        phase: Phase::Reflection,
        anonymity: crate::domain::privacy::Anonymity::Named,
    }
}

fn member(user: u64, name: &str, u: &str) -> DigestMember {
    DigestMember { user: UserId(user), name: name.into(), unit: Some(unit(u)), role: None }
}

fn answer(user: u64, u: &str, q: &str, value: AnswerValue) -> DigestAnswer {
    DigestAnswer { user: UserId(user), unit: Some(unit(u)), question: qid(q), value }
}

fn text(s: &str) -> AnswerValue {
    AnswerValue::Text(s.into())
}

/// Seed 000's coordination group: KHM, JUS, MN; plus a district checklist and a key figure.
fn coordination_group() -> DigestInput {
    DigestInput {
        title: "Koordineringsgruppa, mars".into(),
        units: vec![unit("KHM"), unit("JUS"), unit("MN")],
        members: vec![
            member(1, "Kari", "KHM"),
            member(2, "Ola", "KHM"),
            member(3, "Ingrid", "JUS"),
            member(4, "Per", "JUS"),
            member(5, "Siri", "MN"),
        ],
        questions: vec![
            question("praksis", "Hva gjør enheten i praksis?", QuestionKind::Free, true),
            question("plan", "Har enheten en fungerende plan?", QuestionKind::YesNo, true),
            question("trygghet", "Hvor godt følges planen opp?", QuestionKind::Scale { min: 1, max: 5 }, false),
            question("andel", "Andel kvinner i faste vitenskapelige stillinger (%)", QuestionKind::Number, false),
        ],
        answers: vec![
            answer(1, "KHM", "praksis", text("Vi har likestilling på ledermøtene og ser særlig på rekruttering.")),
            answer(1, "KHM", "plan", AnswerValue::YesNo(true)),
            answer(1, "KHM", "trygghet", AnswerValue::Scale(4)),
            answer(1, "KHM", "andel", AnswerValue::Number(38.0)),
            answer(2, "KHM", "praksis", text("Rekruttering er vårt viktigste tiltak, med brede utlysninger.")),
            answer(3, "JUS", "praksis", text("Rekrutteringen følges opp i ledermøter hvert semester.")),
            answer(3, "JUS", "plan", AnswerValue::YesNo(false)),
            answer(3, "JUS", "trygghet", AnswerValue::Scale(2)),
            answer(3, "JUS", "andel", AnswerValue::Number(45.5)),
            // Ingrid changes her mind: the later answer counts.
            answer(3, "JUS", "plan", AnswerValue::YesNo(true)),
        ],
        previous: Some(PreviousMeeting {
            label: "februar".into(),
            key_figures: vec![KeyFigure { question: qid("andel"), unit: unit("KHM"), value: 35.0 }],
            response_rates: vec![(unit("KHM"), 0.5), (unit("JUS"), 1.0)],
        }),
        unit_answers: false,
    }
}

#[test]
fn response_rate_counts_members_who_answered_anything() {
    let d = compute(&coordination_group());
    assert_eq!((d.members, d.respondents, d.total_answers), (5, 3, 9));
    let khm = &d.units[0];
    assert_eq!((khm.members, khm.answered_any, khm.answered_required), (2, 2, 1));
    assert_eq!(khm.rate(), 1.0);
    let jus = &d.units[1];
    assert_eq!((jus.answered_any, jus.answered_required), (1, 1));
    assert_eq!(jus.rate(), 0.5);
}

#[test]
fn silent_units_and_missing_members_are_listed_in_unit_order() {
    let d = compute(&coordination_group());
    assert_eq!(d.silent_units, vec![unit("MN")]);
    let names: Vec<&str> = d.missing.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Per", "Siri"]);
}

#[test]
fn a_later_answer_replaces_an_earlier_one() {
    let d = compute(&coordination_group());
    let plan = d.questions.iter().find(|q| q.id == qid("plan")).unwrap();
    assert_eq!(plan.answers, 2);
    assert_eq!(plan.detail, QuestionDetail::YesNo { yes: 2, no: 0 });
}

#[test]
fn free_text_gets_themes_with_counts_and_distinct_quotes() {
    let d = compute(&coordination_group());
    let QuestionDetail::Free { themes, other, representatives, lang } = &d.questions[0].detail else {
        panic!("free text");
    };
    assert_eq!(*lang, Some(Lang::Nb));
    assert_eq!(themes[0].label, "rekruttering", "{themes:?}");
    assert_eq!((themes[0].answers, themes[0].units), (3, 2), "{themes:?}");
    let answered = themes.iter().map(|t| t.answers).sum::<usize>() + other;
    assert_eq!(answered, d.questions[0].answers);
    let quotes: std::collections::HashSet<&str> = representatives.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(quotes.len(), representatives.len(), "distinct quotes");
    assert_eq!(d.themes[0].label, "rekruttering");
}

#[test]
fn scale_and_number_questions_get_statistics() {
    let d = compute(&coordination_group());
    assert_eq!(
        d.questions[2].detail,
        QuestionDetail::Scale { histogram: vec![(1, 0), (2, 1), (3, 0), (4, 1), (5, 0)], mean: Some(3.0) }
    );
    let QuestionDetail::Number { stats: Some(s) } = d.questions[3].detail else { panic!() };
    assert_eq!((s.min, s.median, s.max), (38.0, 41.75, 45.5));
}

#[test]
fn key_figures_compare_with_the_previous_meeting() {
    let d = compute(&coordination_group());
    assert_eq!(d.key_figures.len(), 2);
    let khm = &d.key_figures[0];
    assert_eq!((khm.unit.as_str(), khm.value, khm.previous, khm.delta()), ("KHM", 38.0, Some(35.0), Some(3.0)));
    assert_eq!(d.key_figures[1].delta(), None);
    let next = d.as_previous("mars");
    assert_eq!(next.key_figures.len(), 2);
}

#[test]
fn markdown_names_rates_themes_and_changes() {
    let md = render_markdown(&compute(&coordination_group()), &DigestLabels::english());
    assert!(md.starts_with("## Digest: Koordineringsgruppa, mars"), "{md}");
    assert!(md.contains("**Responses:** 3 of 5 members (60 %), 9 answers"), "{md}");
    assert!(md.contains("- **JUS**: 1/2 (50 %)"), "{md}");
    assert!(md.contains("**No answers yet from:** MN"), "{md}");
    assert!(md.contains("Per (JUS), Siri (MN)"), "{md}");
    assert!(md.contains("**Themes:**\n- **rekruttering** (3 answers, 2 units)\n> "), "{md}");
    assert!(md.contains("### Themes across all questions\n- **rekruttering** (3 answers)"), "{md}");
    assert!(md.contains("Yes: **2** · No: **0**"), "{md}");
    assert!(md.contains("Key figures (change since februar)"), "{md}");
    assert!(md.contains("andel · **KHM**: 38 (35 → 38, +3)"), "{md}");
}

#[test]
fn an_empty_meeting_says_so() {
    let mut input = coordination_group();
    input.answers.clear();
    input.previous = None;
    let d = compute(&input);
    assert!(d.is_empty());
    assert_eq!(d.silent_units.len(), 3);
    assert_eq!(d.missing.len(), 5);
    assert!(d.questions.iter().all(|q| q.answers == 0));
    let md = render_markdown(&d, &DigestLabels::english());
    assert!(md.contains("No answers yet."), "{md}");

    let nothing = compute(&DigestInput::default());
    assert!(nothing.is_empty());
    assert!(render_markdown(&nothing, &DigestLabels::english()).contains("0 of 0 members"));
}

#[test]
fn labels_can_use_a_decimal_comma() {
    let mut labels = DigestLabels::english();
    labels.decimal = ',';
    let mut input = coordination_group();
    input.answers.push(answer(2, "KHM", "trygghet", AnswerValue::Scale(5)));
    let md = render_markdown(&compute(&input), &labels);
    assert!(md.contains("mean **3,7**"), "{md}");
}

#[test]
fn closed_questions_are_broken_down_by_unit_and_role() {
    let mut input = coordination_group();
    input.members[0].role = Some(RoleName::try_from("leder").unwrap());
    input.members[2].role = Some(RoleName::try_from("leder").unwrap());
    input.answers.push(answer(2, "KHM", "plan", AnswerValue::YesNo(false)));
    input.answers.push(answer(4, "JUS", "plan", AnswerValue::YesNo(false)));
    let d = compute(&input);
    let plan = d.questions.iter().find(|q| q.id == qid("plan")).unwrap();
    let no = plan.breakdown.iter().find(|b| b.value == ValueKey::No).unwrap();
    assert_eq!(no.units, vec![(unit("KHM"), 1), (unit("JUS"), 1)]);
    let yes = &plan.breakdown[0];
    assert_eq!(yes.value, ValueKey::Yes);
    assert_eq!(yes.roles, vec![(RoleName::try_from("leder").unwrap(), 2)]);
    let md = render_markdown(&d, &DigestLabels::english());
    assert!(md.contains("Yes: **2** · No: **2**\n- Yes: KHM, JUS\n- No: KHM, JUS\n- Yes, by role: leder ×2"), "{md}");
    let scale = d.questions.iter().find(|q| q.id == qid("trygghet")).unwrap();
    assert_eq!(
        scale.breakdown.iter().map(|b| b.value.clone()).collect::<Vec<_>>(),
        [ValueKey::Step(2), ValueKey::Step(4)]
    );
}

#[test]
fn units_without_members_are_not_silent_units() {
    let mut input = coordination_group();
    input.units.push(unit("OD"));
    let d = compute(&input);
    assert_eq!(d.silent_units, vec![unit("MN")]);
    assert_eq!(d.empty_units, vec![unit("OD")]);
    let md = render_markdown(&d, &DigestLabels::english());
    assert!(md.contains("**No answers yet from:** MN\n**No members yet:** OD"), "{md}");
}

/// Seed 003's district: one answer per service site, whoever of it wrote it last.
fn district_of_unit_answers() -> DigestInput {
    DigestInput {
        title: "Bydelen".into(),
        units: vec![unit("Frogner"), unit("Alna"), unit("Sagene")],
        members: vec![
            DigestMember { role: Some(RoleName::try_from("Leder").unwrap()), ..member(1, "Kari", "Frogner") },
            member(2, "Ola", "Frogner"),
            member(3, "Ingrid", "Alna"),
        ],
        questions: vec![
            question("plan", "Har tjenestestedet en plan?", QuestionKind::YesNo, true),
            question("andel", "Andel kvinner i lederstillinger (%)", QuestionKind::Number, false),
        ],
        answers: vec![
            answer(1, "Frogner", "plan", AnswerValue::YesNo(false)),
            answer(1, "Frogner", "andel", AnswerValue::Number(40.0)),
            // One author wrote for two units (she moved): both answers count, each for its unit.
            answer(1, "Alna", "plan", AnswerValue::YesNo(false)),
            answer(3, "Alna", "andel", AnswerValue::Number(55.0)),
        ],
        unit_answers: true,
        ..DigestInput::default()
    }
}

#[test]
fn unit_answers_count_units_and_name_them_per_value() {
    let d = compute(&district_of_unit_answers());
    assert_eq!(d.units_answered(), 2);
    assert!((d.response_rate() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(d.total_answers, 4);
    assert_eq!(
        (d.silent_units.len(), d.empty_units.clone()),
        (0, vec![unit("Sagene")]),
        "nobody could answer for Sagene"
    );
    assert!(d.missing.is_empty(), "units answer, so no member is missing");
    let frogner = &d.units[0];
    assert_eq!((frogner.members, frogner.answered_any, frogner.answers), (2, 2, 2), "Ola answered through his unit");
    let plan = &d.questions[0];
    assert_eq!(plan.detail, QuestionDetail::YesNo { yes: 0, no: 2 });
    assert_eq!(plan.breakdown[0].units, vec![(unit("Frogner"), 1), (unit("Alna"), 1)]);
    assert!(plan.breakdown[0].roles.is_empty(), "a unit's answer is not its last author's role");
    let figures: Vec<(&str, f64)> = d.key_figures.iter().map(|k| (k.unit.as_str(), k.value)).collect();
    assert_eq!(figures, vec![("Frogner", 40.0), ("Alna", 55.0)], "each unit's own figure");
    let text = render_markdown(&d, &DigestLabels::english());
    assert!(text.contains("2 of 3 units (66.7 %)"), "{text}");
    assert!(text.contains("- **Frogner**: answered") && text.contains("- No: Frogner, Alna"), "{text}");
}

#[test]
fn each_unit_shows_its_response_rate_at_the_previous_meeting() {
    let d = compute(&coordination_group());
    let rates: Vec<(&str, Option<f64>)> = d.units.iter().map(|u| (u.unit.as_str(), u.previous_rate)).collect();
    assert_eq!(rates, vec![("KHM", Some(0.5)), ("JUS", Some(1.0)), ("MN", None)]);
    let text = render_markdown(&d, &DigestLabels::english());
    assert!(text.contains("- **KHM**: 2/2 (100 %), 1 answered all required · last time 50 %"), "{text}");
    assert!(text.contains("- **JUS**: 1/2 (50 %), 1 answered all required · last time 100 %"), "{text}");
    // This meeting's rates are the next meeting's "last time".
    let next = d.as_previous("mars");
    assert_eq!(next.response_rates, vec![(unit("KHM"), 1.0), (unit("JUS"), 0.5), (unit("MN"), 0.0)]);
}
