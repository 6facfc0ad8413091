//! The answer flow and the schedule on the wire: load, join a unit, button → modal → saved;
//! the questions post and reminders that reach only those who have not answered.

use std::time::Duration;

use fake_discord::{CommandOption, InteractionFixture};
use samrad::app::ports::prelude::*;
use samrad::app::tick::ANSWER_BUTTON;
use samrad::domain::GuildId;

use super::{guild, member, member_id, organiser, Setup, Wire, GUILD, PLENARY, T};

const SMALL_KIT: &str = r#"
id = "wire-check"
title = "Wire check"
language = "en"
timezone = "UTC"
date = "2027-06-20"
units = ["Law", "Humanities"]
roles = ["Coordinator"]

[schedule]
open_days_before = 10
time = "09:00"
reminders_days_before = [3]
deadline_days_before = 1
deadline_time = "16:00"
digest_days_before = 1

[[questions]]
id = "status"
text = "Where does your unit's plan stand today?"
"#;

fn slash(
    name: &str,
    sub: &str,
    options: Vec<CommandOption>,
    ctx: fake_discord::InteractionContext,
) -> InteractionFixture {
    InteractionFixture::slash_command(name, vec![CommandOption::subcommand(sub, options)], ctx)
}

/// Waits for the questions post (with its Answer button) in plenary; returns its id.
pub async fn questions_post(w: &Wire) -> u64 {
    w.fake
        .wait_until(T, |f| {
            f.messages_in(PLENARY).iter().any(|m| m["components"][0]["components"][0]["custom_id"] == ANSWER_BUTTON)
        })
        .await
        .expect("the questions are posted");
    let posts: Vec<_> = w
        .posts_in(PLENARY)
        .into_iter()
        .filter(|m| m["components"][0]["components"][0]["custom_id"] == ANSWER_BUTTON)
        .collect();
    assert_eq!(posts.len(), 1, "posted once");
    posts[0]["id"].as_str().unwrap().parse().unwrap()
}

/// Member `i` answers through the post's button and the modal.
async fn answer(w: &Wire, i: usize, post: u64, text: &str) {
    let (_, kind) = w.send(InteractionFixture::button(ANSWER_BUTTON, post, member(i))).await;
    assert_eq!(kind, 9, "the button opens a modal");
    let modal = w.fake.requests_matching("POST /interactions/{i}/{t}/callback").pop().unwrap();
    assert_eq!(modal.body["data"]["custom_id"], "samrad:modal:0");
    let inputs = modal.body["data"]["components"].to_string();
    assert!(inputs.contains("samrad:q:status"), "{inputs}");
    let submit =
        InteractionFixture::modal_submit("samrad:modal:0", vec![("samrad:q:status".into(), text.into())], member(i));
    let (sent, kind) = w.send(submit).await;
    assert_eq!(kind, 5, "a modal submit is deferred, then answered");
    w.fake
        .wait_until(T, |f| {
            f.original_response(&sent.token).is_some_and(|m| m["flags"].as_u64().unwrap_or(0) & 128 == 0)
        })
        .await
        .expect("the deferred answer is filled in");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organiser_loads_a_kit_and_a_member_answers_through_the_modal() {
    let w = Wire::start(Setup::new(guild(2, false))).await;
    let load = slash(
        "meeting",
        "load",
        vec![CommandOption::string("kit", "example-en"), CommandOption::string("date", "2027-06-20")],
        organiser(),
    );
    let (sent, kind) = w.send(load).await;
    assert_eq!(kind, 4);
    w.reply_containing(&sent, "Loaded **Network meeting").await;
    let post = questions_post(&w).await;

    let (sent, _) =
        w.send(slash("unit", "join", vec![CommandOption::string("name", "Faculty of Law")], member(0))).await;
    w.reply_containing(&sent, "You are now in **Faculty of Law**").await;
    answer(&w, 0, post, "A plan is in force until 2028.").await;

    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().expect("meeting");
    let answers = w.store.answers(meeting.id).await.unwrap();
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert_eq!(answers[0].user.0, member_id(0));
    assert_eq!(answers[0].question.as_str(), "status");
    assert_eq!(answers[0].value, "A plan is in force until 2028.");
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_schedule_posts_questions_and_reminds_only_those_who_have_not_answered() {
    let kits = tempfile::tempdir().unwrap();
    std::fs::write(kits.path().join("wire-check.toml"), SMALL_KIT).unwrap();
    let mut setup = Setup::new(guild(2, false));
    setup.kits_dir = kits.path().to_owned();
    setup.now = "2027-06-10T10:00:00Z".parse().unwrap(); // answering opened an hour ago
    let w = Wire::start(setup).await;
    let (sent, _) =
        w.send(slash("meeting", "load", vec![CommandOption::string("kit", "wire-check")], organiser())).await;
    w.reply_containing(&sent, "Loaded **Wire check**").await;
    let post = questions_post(&w).await; // the tick caught up on the overdue opening
    for (i, unit) in [(0, "Law"), (1, "Humanities")] {
        let (sent, _) = w.send(slash("unit", "join", vec![CommandOption::string("name", unit)], member(i))).await;
        w.reply_containing(&sent, "You are now in").await;
    }
    answer(&w, 0, post, "Drafting a new one.").await;
    assert!(w.fake.dms(member_id(0)).is_empty() && w.fake.dms(member_id(1)).is_empty(), "no reminder yet");

    w.clock.set("2027-06-17T10:00:00Z".parse().unwrap()); // the reminder is due
    w.fake
        .wait_until(T, |f| !f.dms(member_id(1)).is_empty())
        .await
        .expect("the member who has not answered is reminded");
    tokio::time::sleep(Duration::from_millis(400)).await; // a few more ticks: nothing twice
    assert_eq!(w.fake.dms(member_id(1)).len(), 1, "reminded once");
    assert!(w.fake.dms(member_id(0)).is_empty(), "who answered is left alone");
    let reminder = &w.fake.dms(member_id(1))[0];
    assert_eq!(reminder["components"][0]["components"][0]["custom_id"], ANSWER_BUTTON);
    assert_eq!(questions_post(&w).await, post, "the questions are still posted once");
    w.finish().await;
}
