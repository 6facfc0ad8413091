//! Questions of the meeting day (seed 001: "what did you learn from each other's
//! presentations?"): asked in plenary by the agenda item that names them or by `/agenda ask`,
//! answered in the same flow after the reflection deadline, and reported in the day's digest
//! and the export.

use chrono::{DateTime, Duration, Utc};
use samrad::app::agenda::{self, AgendaError};
use samrad::app::ports::prelude::*;
use samrad::app::ports::Action;
use samrad::app::{answers, export, UserMessage};
use samrad::domain::agenda::AGENDA_JOB;
use samrad::domain::{MeetingId, MeetingState, Phase};
use samrad::i18n::Lang;
use samrad::render::export as render;

use crate::harness::{World, GUILD, ORGANISERS, PLENARY};

/// 09:00 in Stockholm on benchmarking-1's day (CEST, UTC+2).
fn morning() -> DateTime<Utc> {
    "2027-04-15T07:00:00Z".parse().unwrap()
}

async fn next_agenda_due<S: Store>(w: &World<S>, meeting: MeetingId) -> Option<DateTime<Utc>> {
    let jobs = w.store.pending_jobs(meeting).await.unwrap();
    jobs.into_iter().filter(|j| j.kind == AGENDA_JOB).map(|j| j.due_at).min()
}

/// Runs the agenda's jobs due up to `until` (all of them when `None`).
async fn run_until<S: Store>(w: &World<S>, meeting: MeetingId, until: Option<DateTime<Utc>>) {
    while let Some(due) = next_agenda_due(w, meeting).await {
        if until.is_some_and(|u| due > u) {
            break;
        }
        let report = w.tick_at(due).await;
        assert!(report.failed.is_empty(), "{:?}", report.failed);
    }
}

fn asked_posts<S>(w: &World<S>) -> Vec<String> {
    let posts = w.chat.posts_in(PLENARY).into_iter();
    let during = |b: &samrad::app::ports::Button| matches!(b.action, Action::Answer { phase: Phase::During, .. });
    posts.filter(|m| m.buttons.iter().any(during)).map(|m| m.text).collect()
}

async fn form_ids<S: Store>(w: &World<S>, who: &samrad::app::Actor) -> Vec<String> {
    let form = answers::answer_form(&w.store, &w.clock, who, Phase::During).await.unwrap();
    form.pages.iter().flatten().chain(&form.pickers).map(|q| q.id.to_string()).collect()
}

on_both_stores!(questions_of_the_day_are_asked_at_their_item_answered_and_reported, "benchmarking-1");
async fn questions_of_the_day_are_asked_at_their_item_answered_and_reported<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(2).await;
    w.clock.set(morning());
    agenda::start_day(&w.store, &w.chat, &w.clock, &w.organiser, &w.kit).await.expect("the day starts");
    let id = w.store.current_meeting(GUILD).await.unwrap().unwrap().id;
    run_until(&w, id, Some(morning() + Duration::minutes(30))).await;
    w.tick_at(morning() + Duration::minutes(30)).await;
    assert_eq!(w.store.meeting(id).await.unwrap().unwrap().state, MeetingState::Closed, "reflection is over");

    // Before the role groups nothing has been asked: the form of the day is empty.
    assert!(asked_posts(&w).is_empty());
    assert!(form_ids(&w, &people[0]).await.is_empty());

    // 13:00 (11:00 UTC): the role groups start and ask what was learned, with an Answer button.
    run_until(&w, id, Some("2027-04-15T11:00:00Z".parse().unwrap())).await;
    let asked = asked_posts(&w);
    assert_eq!(asked.len(), 1, "{asked:#?}");
    assert!(asked[0].starts_with("**En fråga i dag — Benchmarkingträff 1.**"), "{}", asked[0]);
    assert!(asked[0].contains("Reflektioner av vad vi lärt oss av varandras presentationer"), "{}", asked[0]);
    assert_eq!(form_ids(&w, &people[0]).await, ["lardomar"], "only what has been asked");

    for (i, p) in people.iter().enumerate() {
        let answer = vec![("lardomar".to_owned(), format!("Lärdom {i}: styrkedjan behöver ägare på varje nivå"))];
        let report = answers::submit_answers(&w.store, &w.clock, p, &answer).await.unwrap();
        assert!(report.refused.is_empty(), "{report:?}");
    }

    // `/agenda ask` is for facilitators, and only for questions of the day.
    let ask = |who, q: &'static str| agenda::ask_question(&w.store, &w.chat, &w.clock, who, q);
    assert!(matches!(ask(&people[0], "ta-med-hem").await, Err(AgendaError::NotFacilitator)));
    let not_day = ask(&w.organiser, "mandat").await.unwrap_err();
    assert!(matches!(not_day, AgendaError::NotDuring(_)), "{not_day:?}");
    let said = not_day.user_message(Lang::Sv);
    assert!(said.contains("mandat") && said.contains("phase = \"during\""), "{said}");
    assert!(matches!(ask(&w.organiser, "finns-inte").await, Err(AgendaError::UnknownQuestion(_))));
    assert_eq!(asked_posts(&w).len(), 1, "a refused ask posts nothing");

    // The rest of the day: the home-base groups at 15:00 ask what to take home.
    run_until(&w, id, None).await;
    let asked = asked_posts(&w);
    assert_eq!(asked.len(), 2, "{asked:#?}");
    assert!(asked[1].contains("Vad tar vi med oss hem"), "{}", asked[1]);

    // The day's digest opens with the answers of the day.
    let digest = w.chat.posts_in(ORGANISERS).into_iter().map(|m| m.text).find(|t| t.contains("Dagen i sammanfattning"));
    let digest = digest.expect("the day's digest");
    assert!(digest.contains("Dagens frågor (8 personer svarade)"), "{digest}");
    assert!(
        digest.contains("Reflektioner av vad vi lärt oss") && digest.contains("styrkedjan behöver ägare"),
        "{digest}"
    );

    // The export has them in their own section, not among the reflection answers.
    let meeting = w.store.meeting(id).await.unwrap().unwrap();
    let data = export::export_data(&w.store, &meeting).await.unwrap();
    assert_eq!(data.during.len(), people.len());
    assert!(data.during.iter().all(|a| a.question_id == "lardomar" && !a.member.is_empty()));
    assert!(data.answers.iter().all(|a| a.question_id != "lardomar"));
    let csv = render::to_csv(&data);
    assert_eq!(csv.lines().filter(|l| l.starts_with("during,")).count(), people.len(), "{csv}");
    assert_eq!(render::from_csv(&csv).unwrap().during, data.during, "the CSV reads back");
    let md = render::to_markdown_with(&data, &export::export_labels(Lang::Sv));
    assert!(md.contains("## Under mötet\n\n### lardomar: Reflektioner av vad vi lärt oss"), "{md}");
}
