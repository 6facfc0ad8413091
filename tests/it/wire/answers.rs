//! The answer flow and the schedule on the wire: load, join a unit, button → modal → saved;
//! the questions post and reminders that reach only those who have not answered.

use fake_discord::{CommandOption, InteractionContext, InteractionFixture, MemberFixture, UserFixture};
use samrad::app::agenda;
use samrad::app::ports::prelude::*;
use samrad::app::{Actor, Staff};
use samrad::domain::{GuildId, Phase, UserId};
use samrad::i18n::Lang;

use super::{guild, member, member_id, opens_flow, organiser, Setup, Wire, GUILD, PLENARY, T};

pub(super) const SMALL_KIT: &str = r#"
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
        .wait_until(T, |f| f.messages_in(PLENARY).iter().any(|m| opens_flow(m, Phase::Reflection)))
        .await
        .expect("the questions are posted");
    let posts: Vec<_> = w.posts_in(PLENARY).into_iter().filter(|m| opens_flow(m, Phase::Reflection)).collect();
    assert_eq!(posts.len(), 1, "posted once");
    posts[0]["id"].as_str().unwrap().parse().unwrap()
}

/// Member `i` answers through the post's button and the modal.
async fn answer(w: &Wire, i: usize, post: u64, text: &str) {
    let (_, kind) = w.send(InteractionFixture::button(w.first_button(post), post, member(i))).await;
    assert_eq!(kind, 9, "the button opens a modal");
    let modal = w.fake.requests_matching("POST /interactions/{i}/{t}/callback").pop().unwrap();
    let modal_id = w.flow_id("modal:0").await;
    assert_eq!(modal.body["data"]["custom_id"], modal_id.as_str());
    let inputs = modal.body["data"]["components"].to_string();
    assert!(inputs.contains("samrad:q:status"), "{inputs}");
    let submit = InteractionFixture::modal_submit(modal_id, vec![("samrad:q:status".into(), text.into())], member(i));
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
    assert!(w.ticks.wait_more(3, T).await, "the scheduler ticks on"); // a few more ticks: nothing twice
    assert_eq!(w.fake.dms(member_id(1)).len(), 1, "reminded once");
    assert!(w.fake.dms(member_id(0)).is_empty(), "who answered is left alone");
    let reminder = &w.fake.dms(member_id(1))[0];
    assert!(opens_flow(reminder, Phase::Reflection), "{reminder}");
    assert_eq!(questions_post(&w).await, post, "the questions are still posted once");

    // The reminded member answers right there in the DM: no guild in the interaction, the
    // button and the modal name the meeting, so the bot finds its guild.
    let dm_channel: u64 = reminder["channel_id"].as_str().unwrap().parse().unwrap();
    let reminder_id: u64 = reminder["id"].as_str().unwrap().parse().unwrap();
    let in_dm = || InteractionContext::dm(dm_channel, MemberFixture::new(UserFixture::new(member_id(1), "m1")));
    let (_, kind) = w.send(InteractionFixture::button(w.first_button(reminder_id), reminder_id, in_dm())).await;
    assert_eq!(kind, 9, "the reminder's button opens the answer modal in the DM");
    let modal = w.fake.requests_matching("POST /interactions/{i}/{t}/callback").pop().unwrap();
    let modal_id = w.flow_id("modal:0").await;
    assert_eq!(modal.body["data"]["custom_id"], modal_id.as_str(), "the modal names the meeting too");
    let submit = InteractionFixture::modal_submit(
        modal_id,
        vec![("samrad:q:status".into(), "Answered from the reminder.".into())],
        in_dm(),
    );
    let (sent, _) = w.send(submit).await;
    w.reply_containing(&sent, "Saved").await;
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().expect("meeting");
    let answers = w.store.answers(meeting.id).await.unwrap();
    assert!(
        answers.iter().any(|a| a.user.0 == member_id(1) && a.value == "Answered from the reminder."),
        "{answers:?}"
    );
    w.finish().await;
}

/// A member of two coordination groups (two guilds, a meeting running in each) is reminded by
/// one of them and answers from the DM: the button and the modal name their meeting, so the
/// answer lands in that guild's meeting. An id from before (no meeting) cannot tell which.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_of_two_groups_answers_the_reminder_in_the_dm() {
    const OTHER_GUILD: u64 = 5_000;
    let kits = tempfile::tempdir().unwrap();
    std::fs::write(kits.path().join("wire-check.toml"), SMALL_KIT).unwrap();
    let mut setup = Setup::new(guild(2, false));
    setup.kits_dir = kits.path().to_owned();
    setup.now = "2027-06-10T10:00:00Z".parse().unwrap();
    let w = Wire::start(setup).await;
    let (sent, _) =
        w.send(slash("meeting", "load", vec![CommandOption::string("kit", "wire-check")], organiser())).await;
    w.reply_containing(&sent, "Loaded **Wire check**").await;
    questions_post(&w).await;
    let (sent, _) = w.send(slash("unit", "join", vec![CommandOption::string("name", "Law")], member(1))).await;
    w.reply_containing(&sent, "You are now in").await;

    // The other group: its meeting is loaded (in September, so nothing of it is due) and the
    // member has joined a unit there too.
    let other = |user: u64, staff| Actor {
        guild: GuildId(OTHER_GUILD),
        user: UserId(user),
        name: "someone".into(),
        staff,
        lang: Lang::En,
    };
    let kit = samrad::kit::find_kit(kits.path(), "wire-check").unwrap();
    let september = Some("2027-09-20".parse().unwrap());
    let channel = samrad::domain::ChannelId(OTHER_GUILD + 1);
    samrad::app::meetings::load_meeting(&w.store, &*w.clock, &other(1, Staff::Organiser), &kit, september, channel)
        .await
        .expect("the other group's meeting");
    samrad::app::membership::join_unit(&w.store, &other(member_id(1), Staff::Member), "Law", None).await.unwrap();
    let other_meeting = w.store.current_meeting(GuildId(OTHER_GUILD)).await.unwrap().expect("running");

    w.clock.set("2027-06-17T10:00:00Z".parse().unwrap()); // this group's reminder is due
    w.fake.wait_until(T, |f| !f.dms(member_id(1)).is_empty()).await.expect("the member is reminded");
    let reminder = &w.fake.dms(member_id(1))[0];
    let dm_channel: u64 = reminder["channel_id"].as_str().unwrap().parse().unwrap();
    let reminder_id: u64 = reminder["id"].as_str().unwrap().parse().unwrap();
    let in_dm = || InteractionContext::dm(dm_channel, MemberFixture::new(UserFixture::new(member_id(1), "m1")));

    // An id without its meeting (as posted before) cannot tell the two groups apart.
    let (sent, _) = w.send(InteractionFixture::button("samrad:answer", reminder_id, in_dm())).await;
    w.reply_containing(&sent, "work in a server").await;

    let (_, kind) = w.send(InteractionFixture::button(w.first_button(reminder_id), reminder_id, in_dm())).await;
    assert_eq!(kind, 9, "the reminder's button opens this group's answer modal in the DM");
    let modal = w.fake.requests_matching("POST /interactions/{i}/{t}/callback").pop().unwrap();
    let modal_id = w.flow_id("modal:0").await;
    assert_eq!(modal.body["data"]["custom_id"], modal_id.as_str(), "the modal names the meeting");
    let fields = vec![("samrad:q:status".into(), "Answered from the DM.".into())];
    let (sent, _) = w.send(InteractionFixture::modal_submit(modal_id, fields, in_dm())).await;
    w.reply_containing(&sent, "Saved").await;

    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().expect("meeting");
    let answers = w.store.answers(meeting.id).await.unwrap();
    assert!(answers.iter().any(|a| a.user.0 == member_id(1) && a.value == "Answered from the DM."), "{answers:?}");
    assert!(w.store.answers(other_meeting.id).await.unwrap().is_empty(), "nothing in the other group's meeting");
    w.finish().await;
}

const EVALUATION_KIT: &str = r#"
id = "wire-eval"
title = "Wire evaluation"
language = "en"
timezone = "UTC"
date = "2027-06-10"
units = ["Law", "Humanities"]
roles = ["Coordinator"]

[schedule]
open_days_before = 10
time = "07:00"
deadline_days_before = 1
deadline_time = "16:00"

[[questions]]
id = "status"
text = "Where does your unit's plan stand today?"

[[questions]]
id = "rating"
text = "How useful was today's meeting?"
kind = "scale"
min = 1
max = 5
phase = "evaluation"

[[questions]]
id = "next-time"
text = "What should we do differently next time?"
phase = "evaluation"

[[agenda]]
start = "09:00"
minutes = 10
kind = "plenary"
title = "Welcome"

[[agenda]]
start = "09:10"
minutes = 10
kind = "evaluation"
title = "Evaluation"
"#;

/// Waits for the agenda's evaluation post (with its Evaluate button) in plenary; returns its id.
async fn evaluation_post(w: &Wire) -> u64 {
    let has_button = |m: &serde_json::Value| opens_flow(m, Phase::Evaluation);
    w.fake.wait_until(T, |f| f.messages_in(PLENARY).iter().any(has_button)).await.expect("the evaluation is posted");
    let post = w.posts_in(PLENARY).into_iter().find(has_button).unwrap();
    post["id"].as_str().unwrap().parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_clicks_evaluate_and_submits_the_evaluation() {
    let kits = tempfile::tempdir().unwrap();
    std::fs::write(kits.path().join("wire-eval.toml"), EVALUATION_KIT).unwrap();
    let mut setup = Setup::new(guild(1, false));
    setup.kits_dir = kits.path().to_owned();
    let w = Wire::start(setup).await;
    let (sent, _) =
        w.send(slash("meeting", "load", vec![CommandOption::string("kit", "wire-eval")], organiser())).await;
    w.reply_containing(&sent, "Loaded **Wire evaluation**").await;
    questions_post(&w).await; // answering opened (the reflection deadline has passed since)
    let (sent, _) = w.send(slash("unit", "join", vec![CommandOption::string("name", "Law")], member(0))).await;
    w.reply_containing(&sent, "You are now in").await;
    let kit = samrad::kit::find_kit(kits.path(), "wire-eval").unwrap();
    let organiser_actor = Actor {
        guild: GuildId(GUILD),
        user: UserId(super::ORGANISER),
        name: "org".into(),
        staff: Staff::Organiser,
        lang: Lang::En,
    };
    agenda::start_day(&w.store, &samrad::console::MemoryChat::new(), &*w.clock, &organiser_actor, &kit)
        .await
        .expect("the day starts");
    w.clock.set("2027-06-10T09:11:00Z".parse().unwrap());
    let post = evaluation_post(&w).await;

    // Evaluate → the evaluation's text questions in a modal, marked as the evaluation flow.
    let (_, kind) = w.send(InteractionFixture::button(w.first_button(post), post, member(0))).await;
    assert_eq!(kind, 9, "the button opens a modal");
    let modal = w.fake.requests_matching("POST /interactions/{i}/{t}/callback").pop().unwrap();
    let modal_id = w.flow_id("eval:modal:0").await;
    assert_eq!(modal.body["data"]["custom_id"], modal_id.as_str());
    let inputs = modal.body["data"]["components"].to_string();
    assert!(inputs.contains("samrad:q:next-time") && !inputs.contains("samrad:q:status"), "{inputs}");

    let submit = InteractionFixture::modal_submit(
        modal_id.clone(),
        vec![("samrad:q:next-time".into(), "More time at the tables.".into())],
        member(0),
    );
    let (sent, kind) = w.send(submit).await;
    assert_eq!(kind, 5, "a modal submit is deferred, then answered");
    w.reply_containing(&sent, "How useful was today's meeting?").await;
    let reply = w.fake.original_response(&sent.token).unwrap();
    let picker = &reply["components"][0]["components"][0];
    let pick_id = w.flow_id("eval:pick:-.0:rating").await;
    assert_eq!(picker["custom_id"], pick_id.as_str(), "{reply}");

    let click = InteractionFixture::select(pick_id, vec!["4".into()], post, member(0));
    let (sent, kind) = w.send(click).await;
    assert_eq!(kind, 7, "the picker message is updated");
    w.reply_containing(&sent, "whole evaluation").await;

    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().expect("meeting");
    let mut answers: Vec<(String, String)> =
        w.store.answers(meeting.id).await.unwrap().into_iter().map(|a| (a.question.to_string(), a.value)).collect();
    answers.sort();
    assert_eq!(
        answers,
        [("next-time".to_owned(), "More time at the tables.".to_owned()), ("rating".to_owned(), "4".to_owned())]
    );

    // `/evaluate` opens the same flow.
    let (_, kind) = w.send(InteractionFixture::slash_command("evaluate", vec![], member(0))).await;
    assert_eq!(kind, 9);
    let modal = w.fake.requests_matching("POST /interactions/{i}/{t}/callback").pop().unwrap();
    assert_eq!(modal.body["data"]["custom_id"], modal_id.as_str());
    assert!(modal.body["data"]["components"].to_string().contains("More time at the tables."), "prefilled");
    w.finish().await;
}
