//! Digests for organisers (localised, split, per unit), export, forget-me and the optional
//! LLM summaries with their offline fallback.

use std::time::Duration;

use samrad::app::digest::{self, DigestError, DigestView};
use samrad::app::export::{self, ExportError, ExportFormat, UTF8_BOM};
use samrad::app::ports::prelude::*;
use samrad::app::ports::{NewRoom, Plan};
use samrad::app::summarise::{LlmSummariser, Offline};
use samrad::app::{answers, breakouts, membership, privacy, Actor, UserMessage};
use samrad::domain::digest::compute;
use samrad::domain::grouping::Mode;
use samrad::domain::text::DISCORD_MESSAGE_LIMIT;
use samrad::domain::{Meeting, Phase, QuestionKind, UnitName};
use samrad::i18n::Lang;

use crate::harness::{member, World, GUILD, ORGANISERS};

fn answers_for(meeting: &Meeting, phase: Phase, free: &str) -> Vec<(String, String)> {
    meeting
        .questions
        .iter()
        .filter(|q| q.phase == phase)
        .map(|q| {
            let v = match &q.kind {
                QuestionKind::YesNo => "yes".to_string(),
                QuestionKind::Scale { min, .. } => min.to_string(),
                QuestionKind::Choice { options } => options[0].clone(),
                QuestionKind::Number => "12,5".into(),
                QuestionKind::Free => free.into(),
            };
            (q.id.to_string(), v)
        })
        .collect()
}

async fn open(w: &World) -> Meeting {
    w.load().await;
    w.tick_at(w.due("open").await).await;
    w.store.current_meeting(GUILD).await.unwrap().unwrap()
}

async fn answer(w: &World, meeting: &Meeting, who: &Actor, free: &str) {
    let report =
        answers::submit_answers(&w.store, &w.clock, who, &answers_for(meeting, Phase::Reflection, free)).await.unwrap();
    assert!(report.refused.is_empty(), "{:?}", report.refused);
}

fn all_text(posts: &[samrad::app::ports::OutMessage]) -> String {
    posts.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n")
}

#[tokio::test]
async fn norwegian_digest_has_norwegian_headings_and_a_decimal_comma() {
    let w = World::new("uio-koordineringsgruppe").await;
    let meeting = open(&w).await;
    let people = w.seat(1).await; // 11 units, one member each
    answer(&w, &meeting, &people[0], "Vi jobber med rekruttering og ledermøter.").await;
    let posts = digest::digest_post(&w.store, &meeting, Lang::Nb, true, &Offline).await.unwrap();
    let text = all_text(&posts);
    assert!(text.starts_with("## Sammendrag: "), "{text}");
    assert!(text.contains("**Svar:** 1 av 11 medlemmer (9,1 %)"), "{text}");
    assert!(text.contains("### Per enhet") && text.contains("Har ikke svart ennå"), "{text}");
    assert_eq!(posts[0].attachments[0].name, digest::CHART_NAME);
    assert_eq!(digest::digest_labels(Lang::Nb).decimal, ',');
}

#[tokio::test]
async fn swedish_digest_has_swedish_headings_and_a_decimal_comma() {
    let w = World::new("benchmarking-1").await;
    let meeting = open(&w).await;
    let people = w.seat(3).await; // 4 units × 3
    answer(&w, &meeting, &people[0], "Vi följer nyckeltal och arbetar med sjukfrånvaro.").await;
    let lang = meeting.lang();
    assert_eq!(lang, Lang::Sv);
    let text = all_text(&digest::digest_post(&w.store, &meeting, lang, true, &Offline).await.unwrap());
    assert!(text.starts_with("## Sammanfattning: Benchmarkingträff 1"), "{text}");
    assert!(text.contains("**Svar:** 1 av 12 medlemmar (8,3 %)"), "{text}");
    assert!(text.contains("Inga svar ännu från") && text.contains("Har inte svarat ännu"), "{text}");
    assert_eq!(digest::digest_labels(Lang::Sv).decimal, ',');
    assert_eq!(digest::digest_labels(Lang::En).decimal, '.');
    assert_eq!(digest::chart_labels(Lang::Sv).response_rate, "Svarsfrekvens per enhet");
}

#[tokio::test]
async fn a_long_digest_is_split_into_posts_with_nothing_lost_and_posted_once() {
    let w = World::new("example-en").await;
    let meeting = open(&w).await;
    // 45 members with long names, one answers: the "not answered yet" list alone exceeds 2000.
    let mut people = Vec::new();
    for (u, unit) in w.kit.units.iter().enumerate() {
        for i in 0..15 {
            let name = format!("Member number {i:02} of {unit} with a rather long display name");
            let actor = member(10_000 + (u * 100 + i) as u64, &name);
            membership::join_unit(&w.store, &actor, unit.as_str(), None).await.unwrap();
            people.push(actor);
        }
    }
    answer(&w, &meeting, &people[0], "We mentor new staff and measure sick leave every month.").await;

    let posts = digest::digest_post(&w.store, &meeting, Lang::En, true, &Offline).await.unwrap();
    assert!(posts.len() >= 2, "expected several posts, got {}", posts.len());
    assert!(posts.iter().all(|p| p.text.chars().count() <= DISCORD_MESSAGE_LIMIT));
    assert_eq!(posts[0].attachments.len(), 1, "the chart goes with the first post");
    assert!(posts[1..].iter().all(|p| p.attachments.is_empty()));
    // Nothing lost: the parts hold every non-blank character of the whole digest, in order.
    let whole = samrad::domain::digest::render_markdown(
        &compute(&digest::digest_input(&w.store, &meeting).await.unwrap()),
        &digest::digest_labels(Lang::En),
    );
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(squash(&all_text(&posts)), squash(&whole));

    // The scheduled job posts every part once, under its own key, even when ticked again.
    let due = w.due("digest").await;
    w.tick_at(due).await;
    w.tick_at(due + chrono::Duration::minutes(5)).await;
    let sent = w.chat.posts_in(ORGANISERS);
    assert_eq!(sent.len(), posts.len());
    assert_eq!(sent[0].attachments.len(), 1);
}

#[tokio::test]
async fn a_meeting_without_answers_says_so() {
    let w = World::new("example-en").await;
    open(&w).await;
    w.seat(1).await;
    let posts = digest::digest_for(&w.store, &w.organiser, None, &Offline).await.unwrap();
    let text = all_text(&posts);
    assert!(text.contains("No answers yet."), "{text}");
    assert!(text.contains("0 of 3 members"), "{text}");
}

#[tokio::test]
async fn an_unknown_unit_is_named_with_the_real_units_and_a_known_one_gets_its_own_view() {
    let w = World::new("example-en").await;
    let meeting = open(&w).await;
    let people = w.seat(2).await;
    answer(&w, &meeting, &people[0], "Law answers.").await;
    let err = digest::digest_for(&w.store, &w.organiser, Some("Faculty of Magic"), &Offline).await.unwrap_err();
    assert!(matches!(err, DigestError::UnknownUnit { .. }));
    let text = err.user_message(Lang::En);
    assert!(text.contains("Faculty of Magic") && text.contains("Faculty of Law"), "{text}");
    assert!(err.user_message(Lang::Nb).contains("Møtet har ingen enhet"));

    let unit = &w.kit.units[0];
    let posts =
        digest::digest_for(&w.store, &w.organiser, Some(&unit.as_str().to_lowercase()), &Offline).await.unwrap();
    let text = all_text(&posts);
    assert!(text.contains(&format!("— {unit}")), "{text}");
    assert!(text.contains("1 of 2 members"), "only the unit's members count: {text}");
    assert!(!text.contains(w.kit.units[1].as_str()), "other units are left out: {text}");

    let err = digest::digest_for(&w.store, &people[0], None, &Offline).await.unwrap_err();
    assert!(matches!(err, DigestError::NotOrganiser));
}

#[tokio::test]
async fn forget_me_removes_a_member_and_the_digest_counts_drop_accordingly() {
    let w = World::new("example-en").await;
    let meeting = open(&w).await;
    let people = w.seat(1).await;
    answer(&w, &meeting, &people[0], "First unit's answer.").await;
    answer(&w, &meeting, &people[1], "Second unit's answer.").await;
    let before = compute(&digest::digest_input(&w.store, &meeting).await.unwrap());
    assert_eq!((before.members, before.respondents), (3, 2));

    let removed =
        privacy::forget_me(&w.store, &samrad::domain::privacy::AuthorSecret::new(vec![7; 32]).unwrap(), &people[0])
            .await
            .unwrap();
    assert!(removed > 1, "answers and membership go: {removed}");
    assert!(privacy::forget_done(Lang::En, removed).contains(&removed.to_string()));
    let after = compute(&digest::digest_input(&w.store, &meeting).await.unwrap());
    assert_eq!((after.members, after.respondents), (2, 1));
    assert_eq!(after.total_answers, before.total_answers / 2);
    assert_eq!(after.units.iter().map(|u| u.members).sum::<usize>(), 2);
    assert!(w.store.answers_of(meeting.id, people[0].user).await.unwrap().is_empty());
    let text = all_text(&digest::digest_post(&w.store, &meeting, Lang::En, true, &Offline).await.unwrap());
    assert!(text.contains("1 of 2 members") && !text.contains("First unit's answer"), "{text}");
}

#[tokio::test]
async fn share_in_rooms_consent_is_stored() {
    let w = World::new("example-en").await;
    open(&w).await;
    let people = w.seat(1).await;
    let text = privacy::set_share_in_rooms(&w.store, &people[0], false).await.unwrap();
    assert!(text.contains("no longer"), "{text}");
    assert!(!w.store.member(GUILD, people[0].user).await.unwrap().unwrap().share_in_rooms);
    privacy::set_share_in_rooms(&w.store, &people[0], true).await.unwrap();
    assert!(w.store.member(GUILD, people[0].user).await.unwrap().unwrap().share_in_rooms);
}

/// A meeting with answers (one edited), an evaluation, a closed-style room and a plan.
async fn busy_meeting(w: &World) -> (Meeting, Vec<Actor>) {
    let meeting = open(w).await;
    let people = w.seat(1).await;
    answer(w, &meeting, &people[0], "Først: «mentor», komma, \"sitat\"\nNy linje.").await;
    answer(w, &meeting, &people[0], "Edited: æøå, ÆØÅ; \"quoted\", and a comma").await;
    answer(w, &meeting, &people[1], "Second member.").await;
    let eval = meeting.evaluation_questions().next().expect("the kit has an evaluation");
    w.store.save_answer(meeting.id, GUILD, people[2].user, &eval.id, "4", w.now()).await.unwrap();
    let now = w.now();
    let rooms = [NewRoom {
        number: 1,
        name: "room-1".into(),
        label: None,
        cap: None,
        members: vec![people[0].user, people[1].user],
    }];
    let round = w.store.create_round(meeting.id, Mode::Random, None, now, now, &rooms).await.unwrap();
    w.store.add_note(round.rooms[0].id, people[0].user, "We agreed on mentoring.", now).await.unwrap();
    let plan = Plan {
        unit: UnitName::try_from(w.kit.units[0].as_str()).unwrap(),
        action: "Put it on the agenda, monthly".into(),
        owner: "Dean".into(),
        owner_id: Some(people[0].user),
        due: None,
        created_by: people[0].user,
    };
    w.store.add_plan(meeting.id, GUILD, &plan, &|_| Vec::new(), now).await.unwrap();
    (meeting, people)
}

#[tokio::test]
async fn export_of_a_stored_meeting_parses_back_with_the_csv_crate() {
    let w = World::new("example-en").await;
    let (meeting, people) = busy_meeting(&w).await;
    let data = export::export_data(&w.store, &meeting).await.unwrap();
    assert_eq!(data.rooms.len(), 1);
    assert_eq!(data.rooms[0].members, vec![people[0].name.clone(), people[1].name.clone()]);
    assert_eq!(data.rooms[0].summary, "We agreed on mentoring.");
    assert_eq!(data.plans.len(), 1);
    assert_eq!(data.evaluations.len(), 1);
    let edited = data.answers.iter().find(|a| a.answer.starts_with("Edited")).unwrap();
    assert_eq!(edited.revisions, 1);

    let file = export::export_file(&w.store, &w.organiser, ExportFormat::Csv).await.unwrap();
    assert!(file.name.ends_with(".csv"));
    let text = String::from_utf8(file.bytes).unwrap();
    let body = text.strip_prefix(UTF8_BOM).expect("a CSV file starts with a BOM for Excel");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.iter().filter(|r| &r[0] == "answer").count(), data.answers.len());
    assert!(rows.iter().any(|r| &r[0] == "answer" && r[10].contains("æøå, ÆØÅ; \"quoted\"")));
    assert!(rows.iter().any(|r| &r[0] == "room") && rows.iter().any(|r| &r[0] == "plan"));
    assert_eq!(samrad::render::export::from_csv(body).unwrap(), data);

    let md = export::export_file(&w.store, &w.organiser, ExportFormat::Markdown).await.unwrap();
    assert!(String::from_utf8(md.bytes).unwrap().starts_with("# "));
    let err = export::export_file(&w.store, &people[0], ExportFormat::Csv).await.unwrap_err();
    assert!(matches!(err, ExportError::NotOrganiser));
}

#[tokio::test]
async fn the_export_command_writes_csv_without_a_bom_to_stdout() {
    let w = World::new("example-en").await;
    let (meeting, _) = busy_meeting(&w).await;
    let db = w.db_url.trim_start_matches("sqlite:").to_owned();
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_samrad"))
        .current_dir(dir.path())
        .args(["export", "--meeting", &meeting.id.to_string(), "--format", "csv", "--db", &db])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("section,"), "no BOM on stdout");
    let data = samrad::render::export::from_csv(&text).unwrap();
    assert_eq!(data, export::export_data(&w.store, &meeting).await.unwrap());
}

// ---------------------------------------------------------------- LLM summaries

/// A chat-completions endpoint on loopback: `reply` as the model's answer, or a 500 when
/// `None`, after `delay`.
async fn fake_llm(reply: Option<&'static str>, delay: Duration) -> String {
    use axum::{http::StatusCode, routing::post, Json, Router};
    let app = Router::new().route(
        "/v1/chat/completions",
        post(move |Json(body): Json<serde_json::Value>| async move {
            tokio::time::sleep(delay).await;
            assert!(body["messages"][1]["content"].as_str().is_some_and(|c| !c.is_empty()));
            match reply {
                Some(text) => (StatusCode::OK, Json(serde_json::json!({"choices": [{"message": {"content": text}}]}))),
                None => (StatusCode::INTERNAL_SERVER_ERROR, Json(serde_json::json!({"error": "down"}))),
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

async fn room_with_notes(w: &World) -> samrad::app::ports::Room {
    let (meeting, _) = busy_meeting(w).await;
    w.store.rounds(meeting.id).await.unwrap().remove(0).rooms.remove(0)
}

#[tokio::test]
async fn an_llm_endpoint_summarises_rooms_and_digests_when_it_answers() {
    let w = World::new("example-en").await;
    let room = room_with_notes(&w).await;
    let llm = LlmSummariser::new(&fake_llm(Some("The room chose mentoring."), Duration::ZERO).await);
    let summary = breakouts::room_summary_with(&w.store, &room, Lang::En, &llm).await.unwrap();
    assert_eq!(summary, "The room chose mentoring.");

    let meeting = w.store.current_meeting(GUILD).await.unwrap().unwrap();
    let posts = digest::digest_messages(&w.store, &meeting, Lang::En, DigestView::default(), &llm).await.unwrap();
    assert!(all_text(&posts).contains("### Summary\nThe room chose mentoring."), "{}", all_text(&posts));
}

#[tokio::test]
async fn a_failing_or_slow_llm_falls_back_to_the_offline_summary() {
    let w = World::new("example-en").await;
    let room = room_with_notes(&w).await;
    let offline = breakouts::room_summary_with(&w.store, &room, Lang::En, &Offline).await.unwrap();
    assert!(offline.contains("mentoring"), "{offline}");

    let failing = LlmSummariser::new(&fake_llm(None, Duration::ZERO).await);
    assert_eq!(breakouts::room_summary_with(&w.store, &room, Lang::En, &failing).await.unwrap(), offline);

    let slow = LlmSummariser::new(&fake_llm(Some("too late"), Duration::from_secs(5)).await)
        .with_timeout(Duration::from_millis(200));
    assert_eq!(breakouts::room_summary_with(&w.store, &room, Lang::En, &slow).await.unwrap(), offline);

    let nobody = LlmSummariser::new("http://127.0.0.1:9");
    assert_eq!(breakouts::room_summary_with(&w.store, &room, Lang::En, &nobody).await.unwrap(), offline);

    let meeting = w.store.current_meeting(GUILD).await.unwrap().unwrap();
    let with = digest::digest_messages(&w.store, &meeting, Lang::En, DigestView::default(), &failing).await.unwrap();
    let without = digest::digest_messages(&w.store, &meeting, Lang::En, DigestView::default(), &Offline).await.unwrap();
    assert_eq!(all_text(&with), all_text(&without));
}
