//! Questions of the meeting day on the wire: the agenda item posts its question with an Answer
//! button, a member answers it in the modal, and `/agenda ask` posts another one.

use fake_discord::{CommandOption, InteractionFixture};
use samrad::app::agenda;
use samrad::app::ports::prelude::*;
use samrad::app::{meetings, Actor, Staff};
use samrad::domain::{ChannelId, GuildId, UserId};
use samrad::i18n::Lang;

use super::{guild, member, organiser, Setup, Wire, GUILD, PLENARY, T};

const DAY_KIT: &str = r#"
id = "wire-day"
title = "Wire day"
language = "en"
timezone = "UTC"
date = "2027-06-10"
units = ["Law", "Humanities"]

[schedule]
open_days_before = 10
time = "07:00"
deadline_days_before = 1

[[questions]]
id = "status"
text = "Where does your unit's plan stand today?"

[[questions]]
id = "learned"
text = "What did you learn from each other's presentations?"
phase = "during"

[[questions]]
id = "home"
text = "What will you take home?"
phase = "during"

[[agenda]]
start = "09:00"
minutes = 10
kind = "presentation"
title = "Law presents its plan"

[[agenda]]
start = "09:10"
minutes = 20
title = "Questions and feedback"
ask = ["learned"]
"#;

fn has_during_button(m: &serde_json::Value) -> bool {
    super::opens_flow(m, samrad::domain::Phase::During)
}

/// Waits until `n` posts of meeting-day questions are in plenary; returns the last one's id and text.
async fn during_post(w: &Wire, n: usize) -> (u64, String) {
    w.fake
        .wait_until(T, |f| f.messages_in(PLENARY).iter().filter(|m| has_during_button(m)).count() >= n)
        .await
        .expect("the question of the day is posted");
    let post = w.posts_in(PLENARY).into_iter().filter(has_during_button).nth(n - 1).unwrap();
    (post["id"].as_str().unwrap().parse().unwrap(), post["content"].as_str().unwrap().to_owned())
}

/// The custom ids of the text inputs in the last modal the bot opened.
fn last_modal(w: &Wire) -> (String, String) {
    let modal = w.fake.requests_matching("POST /interactions/{i}/{t}/callback").pop().unwrap();
    (
        modal.body["data"]["custom_id"].as_str().unwrap_or_default().to_owned(),
        modal.body["data"]["components"].to_string(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_agenda_item_asks_its_question_and_a_member_answers_it() {
    let kits = tempfile::tempdir().unwrap();
    std::fs::write(kits.path().join("wire-day.toml"), DAY_KIT).unwrap();
    let mut setup = Setup::new(guild(1, false));
    setup.kits_dir = kits.path().to_owned();
    let w = Wire::start(setup).await;
    let kit = samrad::kit::find_kit(kits.path(), "wire-day").unwrap();
    let org = Actor {
        guild: GuildId(GUILD),
        user: UserId(super::ORGANISER),
        name: "org".into(),
        staff: Staff::Organiser,
        lang: Lang::En,
    };
    meetings::load_meeting(&w.store, &*w.clock, &org, &kit, None, ChannelId(PLENARY)).await.expect("meeting loads");
    super::answers::questions_post(&w).await; // answering opened; its deadline passed yesterday
    w.seat(1, &["Law"]).await;
    agenda::start_day(&w.store, &samrad::console::MemoryChat::new(), &*w.clock, &org, &kit)
        .await
        .expect("the day starts");

    // 09:11: the feedback item has started and asked its question, not the other one.
    w.clock.set("2027-06-10T09:11:00Z".parse().unwrap());
    let (post, text) = during_post(&w, 1).await;
    assert!(text.contains("A question for today") && text.contains("What did you learn"), "{text}");
    assert!(!text.contains("take home"), "{text}");

    let (_, kind) = w.send(InteractionFixture::button(w.first_button(post), post, member(0))).await;
    assert_eq!(kind, 9, "the button opens a modal");
    let (id, inputs) = last_modal(&w);
    assert_eq!(id, w.flow_id("during:modal:0").await);
    assert!(inputs.contains("samrad:q:learned"), "{inputs}");
    assert!(!inputs.contains("samrad:q:home") && !inputs.contains("samrad:q:status"), "only what was asked: {inputs}");

    let submit = InteractionFixture::modal_submit(
        id,
        vec![("samrad:q:learned".into(), "Owners for every link in the chain.".into())],
        member(0),
    );
    let (sent, kind) = w.send(submit).await;
    assert_eq!(kind, 5, "a modal submit is deferred, then answered");
    w.reply_containing(&sent, "asked so far today").await;
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().expect("meeting");
    let answers: Vec<(String, String)> =
        w.store.answers(meeting.id).await.unwrap().into_iter().map(|a| (a.question.to_string(), a.value)).collect();
    assert_eq!(answers, [("learned".to_owned(), "Owners for every link in the chain.".to_owned())]);

    // A member cannot ask; a facilitator asks the other question of the day, which the form then shows.
    let ask = |ctx| {
        InteractionFixture::slash_command(
            "agenda",
            vec![CommandOption::subcommand("ask", vec![CommandOption::string("question", "home")])],
            ctx,
        )
    };
    let (sent, _) = w.send(ask(member(0))).await;
    w.reply_containing(&sent, "Only facilitators and organisers").await;
    let (sent, _) = w.send(ask(organiser())).await;
    w.reply_containing(&sent, "Posted in plenary: What will you take home?").await;
    let (post, text) = during_post(&w, 2).await;
    assert!(text.contains("What will you take home?"), "{text}");
    let (_, kind) = w.send(InteractionFixture::button(w.first_button(post), post, member(0))).await;
    assert_eq!(kind, 9);
    let (_, inputs) = last_modal(&w);
    assert!(inputs.contains("samrad:q:home") && inputs.contains("Owners for every link"), "prefilled: {inputs}");
    w.finish().await;
}
