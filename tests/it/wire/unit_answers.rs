//! Unit answers on the wire (#17): the questions post says it is a unit answer; a second
//! member of the unit gets the modal prefilled with the unit's answer and edits it; the
//! reminder reaches only the unit without an answer.

use std::time::Duration;

use fake_discord::{CommandOption, InteractionFixture};
use samrad::app::ports::prelude::*;
use samrad::domain::{GuildId, QuestionId, UnitName, UserId};

use super::answers::questions_post;
use super::{guild, member, member_id, organiser, Setup, Wire, GUILD, PLENARY, T};

/// The small wire kit, answered once per unit.
fn unit_kit() -> String {
    super::answers::SMALL_KIT.replace("roles = [\"Coordinator\"]", "unit_answers = true")
}

/// Member `i` presses Answer on `post`, checks the modal, and submits `text`.
async fn answer(w: &Wire, i: usize, post: u64, prefilled: Option<&str>, text: &str) {
    let (_, kind) = w.send(InteractionFixture::button(w.first_button(post), post, member(i))).await;
    assert_eq!(kind, 9, "the button opens a modal");
    let modal = w.fake.requests_matching("POST /interactions/{i}/{t}/callback").pop().unwrap();
    assert_eq!(modal.body["data"]["title"], "Unit answer: Law", "{}", modal.body);
    let input = &modal.body["data"]["components"][0]["components"][0];
    assert_eq!(input["custom_id"], "samrad:q:status");
    assert_eq!(input["value"].as_str(), prefilled, "the modal opens on the unit's current answer: {input}");
    let submit =
        InteractionFixture::modal_submit("samrad:modal:0", vec![("samrad:q:status".into(), text.into())], member(i));
    let (sent, _) = w.send(submit).await;
    w.reply_containing(&sent, "Saved").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_members_of_a_unit_write_one_answer_and_only_the_silent_unit_is_reminded() {
    let kits = tempfile::tempdir().unwrap();
    let kit = unit_kit();
    assert!(kit.contains("unit_answers = true"));
    std::fs::write(kits.path().join("wire-check.toml"), kit).unwrap();
    let mut setup = Setup::new(guild(3, false));
    setup.kits_dir = kits.path().to_owned();
    setup.now = "2027-06-10T10:00:00Z".parse().unwrap(); // answering opened an hour ago
    let w = Wire::start(setup).await;
    let (sent, _) = w
        .send(InteractionFixture::slash_command(
            "meeting",
            vec![CommandOption::subcommand("load", vec![CommandOption::string("kit", "wire-check")])],
            organiser(),
        ))
        .await;
    w.reply_containing(&sent, "Loaded **Wire check**").await;
    let post = questions_post(&w).await;
    let text = w.posts_in(PLENARY).into_iter().find(|m| m["id"].as_str() == Some(&post.to_string())).unwrap();
    assert!(text["content"].as_str().unwrap().contains("Each unit gives one shared answer"), "{text}");
    w.seat(3, &["Law", "Law", "Humanities"]).await;

    answer(&w, 0, post, None, "Drafting a new plan.").await;
    answer(&w, 1, post, Some("Drafting a new plan."), "The plan was adopted in May.").await;
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().expect("meeting");
    let (law, status) = (UnitName::try_from("Law").unwrap(), QuestionId::try_from("status").unwrap());
    let history = w.store.unit_answer_history(meeting.id, &law, &status).await.unwrap();
    let authored: Vec<(&str, Option<UserId>)> = history.iter().map(|r| (r.value.as_str(), r.author)).collect();
    assert_eq!(
        authored,
        vec![
            ("Drafting a new plan.", Some(UserId(member_id(0)))),
            ("The plan was adopted in May.", Some(UserId(member_id(1))))
        ]
    );

    w.clock.set("2027-06-17T10:00:00Z".parse().unwrap()); // the reminder is due
    w.fake.wait_until(T, |f| !f.dms(member_id(2)).is_empty()).await.expect("the silent unit's member is reminded");
    // The reminder job has run to its end (it reminds everyone who owes an answer in one go).
    let mut done = false;
    for _ in 0..150 {
        let pending = w.store.pending_jobs(meeting.id).await.unwrap();
        if !pending.iter().any(|j| j.kind == "remind") {
            done = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(done, "the reminder job finished");
    let reminder = w.fake.dms(member_id(2))[0]["content"].as_str().unwrap().to_owned();
    assert!(reminder.contains("**Humanities** has not answered"), "{reminder}");
    assert!(w.fake.dms(member_id(0)).is_empty() && w.fake.dms(member_id(1)).is_empty(), "Law has answered");
    w.finish().await;
}
