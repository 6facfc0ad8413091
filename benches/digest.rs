//! Digest of a big meeting: 10 000 answers from 40 units in nb and sv.
//! Target (DESIGN.md / issue "Summaries back to plenary and digests"): < 100 ms in release.

use criterion::{criterion_group, criterion_main, Criterion};
use samrad::domain::digest::{compute, render_markdown, DigestAnswer, DigestInput, DigestLabels, DigestMember};
use samrad::domain::meeting::Phase;
use samrad::domain::{AnswerValue, Question, QuestionId, QuestionKind, UnitName, UserId};

const NB: &[&str] = &[
    "Vi har tatt inn likestilling som fast punkt på ledermøtene",
    "rekruttering er vårt viktigste tiltak, med brede utlysninger",
    "instituttene rapporterer kjønnsbalanse til fakultetsstyret hvert år",
    "planen er under utarbeidelse, men ledermøtet har diskutert midlertidig ansatte",
    "HR deltar i alle rekrutteringsprosesser",
    "det gjøres mye som ikke står i planene, f.eks. seminarer om arbeidsmiljø",
    "mentorordning for nye forskere og en arbeidsgruppe for mangfold",
];
const SV: &[&str] = &[
    "Kvinnor och män får olika bedömningar i handläggningen av ärenden",
    "vi saknar könsuppdelad statistik i uppföljningen",
    "chefer efterfrågar inte jämställdhetsanalyser i beslutsunderlagen",
    "nyckeltal för sjukfrånvaro uppdelat på kön driver förbättringsarbetet",
    "ledningsgruppen har inte tagit ansvar för frågan",
    "andelen heltidsanställda kvinnor följs upp varje år",
];

/// A deterministic answer of 2–5 sentences mixed from the phrase lists.
fn answer_text(i: usize, swedish: bool) -> String {
    let phrases = if swedish { SV } else { NB };
    let n = 2 + i % 4;
    (0..n).map(|k| phrases[(i * 7 + k * 3) % phrases.len()]).collect::<Vec<_>>().join(". ") + "."
}

fn big_meeting() -> DigestInput {
    let units: Vec<UnitName> = (0..40).map(|u| UnitName::try_from(format!("Enhet {u}").as_str()).unwrap()).collect();
    let q = |id: &str, kind: QuestionKind| Question {
        id: QuestionId::try_from(id).unwrap(),
        text: format!("Spørsmål {id}: hvordan jobber enheten med likestilling?"),
        kind,
        help: None,
        required: true,
        phase: Phase::Reflection,
        anonymity: samrad::domain::privacy::Anonymity::Named,
    };
    let questions = vec![
        q("q1", QuestionKind::Free),
        q("q2", QuestionKind::Free),
        q("q3", QuestionKind::Free),
        q("q4", QuestionKind::Free),
        q("plan", QuestionKind::YesNo),
        q("scale", QuestionKind::Scale { min: 1, max: 5 }),
        q("andel", QuestionKind::Number),
    ];
    // 1 700 members; most answer all 7 questions, some answer a few: 10 000 answers in all.
    let mut members = Vec::new();
    let mut answers = Vec::new();
    let mut user = 0u64;
    while answers.len() < 10_000 {
        user += 1;
        let unit = units[user as usize % units.len()].clone();
        let swedish = user % 40 >= 20;
        members.push(DigestMember {
            user: UserId(user),
            name: format!("Medlem {user}"),
            unit: Some(unit.clone()),
            role: None,
        });
        for (k, question) in questions.iter().enumerate() {
            if answers.len() == 10_000 || (user % 5 == 0 && k > 2) {
                break;
            }
            let i = user as usize * 13 + k;
            let value = match question.kind {
                QuestionKind::Free => AnswerValue::Text(answer_text(i, swedish)),
                QuestionKind::YesNo => AnswerValue::YesNo(i % 3 != 0),
                QuestionKind::Scale { .. } => AnswerValue::Scale((i % 5) as i32 + 1),
                _ => AnswerValue::Number((i % 60) as f64 + 20.0),
            };
            answers.push(DigestAnswer {
                user: UserId(user),
                unit: Some(unit.clone()),
                question: question.id.clone(),
                value,
            });
        }
    }
    // Some members never answer.
    for extra in 0..200 {
        let unit = units[extra % units.len()].clone();
        members.push(DigestMember {
            user: UserId(100_000 + extra as u64),
            name: format!("Stille {extra}"),
            unit: Some(unit),
            role: None,
        });
    }
    DigestInput { title: "Stort møte".into(), units, members, questions, answers, previous: None, unit_answers: false }
}

fn bench_digest(c: &mut Criterion) {
    let input = big_meeting();
    assert_eq!(input.answers.len(), 10_000);
    let labels = DigestLabels::english();
    c.bench_function("digest 10k answers, 40 units (compute)", |b| b.iter(|| compute(&input)));
    let digest = compute(&input);
    c.bench_function("digest 10k answers, 40 units (markdown)", |b| b.iter(|| render_markdown(&digest, &labels)));
    c.bench_function("digest 10k answers, 40 units (chart png)", |b| {
        b.iter(|| samrad::render::chart::response_chart_png(&digest, "Stort møte").unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_digest
}
criterion_main!(benches);
