//! Plans on the wire: `/plan add` answers with the status buttons; a member of the unit moves
//! the plan along, another unit is refused, dropping asks for a note in a modal; the owner's
//! reminder DM carries the same buttons and works after the meeting; the next meeting of the
//! series asks each unit about its open plans with buttons per plan.

use fake_discord::{CommandOption, InteractionContext, InteractionFixture, MemberFixture, UserFixture};
use samrad::app::meetings;
use samrad::app::plans::{self, PlanInput};
use samrad::app::ports::prelude::*;
use samrad::app::{Actor, Staff};
use samrad::domain::plan::{PlanId, PlanStatus};
use samrad::domain::{ChannelId, GuildId, MeetingId, UserId};
use samrad::i18n::Lang;

use super::*;

fn slash(name: &str, sub: &str, options: Vec<CommandOption>, ctx: InteractionContext) -> InteractionFixture {
    InteractionFixture::slash_command(name, vec![CommandOption::subcommand(sub, options)], ctx)
}

fn custom_ids(message: &serde_json::Value) -> Vec<String> {
    message["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c["custom_id"].as_str().map(str::to_owned))
        .collect()
}

async fn status_of(w: &Wire, plan: PlanId) -> (PlanStatus, Option<String>) {
    let p = w.store.plan(plan).await.unwrap().expect("plan");
    (p.status, p.note)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plan_status_buttons_the_dropped_note_and_the_reminder_on_the_wire() {
    let w = Wire::start(Setup::new(guild(3, false))).await;
    w.load("example-en").await;
    w.seat(3, &["Faculty of Law", "Faculty of Humanities"]).await; // 0 and 2 in Law
    let add = slash(
        "plan",
        "add",
        vec![CommandOption::string("action", "Map the pay gap"), CommandOption::string("due", "2027-06-20")],
        member(0),
    );
    let (sent, _) = w.send(add).await;
    let reply = w.reply_containing(&sent, "Saved to the plan of Faculty of Law").await;
    let ids = custom_ids(&reply.body["data"]);
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    let plan = w.store.plans(meeting.id).await.unwrap()[0].clone();
    assert_eq!(plan.plan.owner_id, Some(UserId(member_id(0))), "the member who adds owns it");
    assert_eq!(ids, ["not-started", "in-progress", "done", "dropped"].map(|s| format!("samrad:plan:{}:{s}", plan.id)));
    let message = 1; // the fake attaches a stub message to the click

    let (sent, _) = w.send(InteractionFixture::button(&ids[1], message, member(2))).await;
    w.reply_containing(&sent, "is now: **In progress**").await;
    assert_eq!(status_of(&w, plan.id).await, (PlanStatus::InProgress, None));
    let (sent, _) = w.send(InteractionFixture::button(&ids[2], message, member(1))).await;
    w.reply_containing(&sent, "Only the plan's owner and the members of its unit").await;
    assert_eq!(status_of(&w, plan.id).await.0, PlanStatus::InProgress, "another unit changes nothing");

    let (_, kind) = w.send(InteractionFixture::button(&ids[3], message, member(0))).await;
    assert_eq!(kind, 9, "dropping asks why in a modal");
    let note = vec![("samrad:plandrop:note".to_owned(), "Merged into the HR plan".to_owned())];
    let (sent, _) =
        w.send(InteractionFixture::modal_submit(format!("samrad:plandrop:{}", plan.id), note, member(0))).await;
    w.reply_containing(&sent, "is now: **Dropped**").await;
    assert_eq!(status_of(&w, plan.id).await, (PlanStatus::Dropped, Some("Merged into the HR plan".into())));
    let history = w.store.plan_history(meeting.id).await.unwrap();
    assert_eq!(history.iter().map(|c| c.by.0).collect::<Vec<_>>(), vec![member_id(2), member_id(0)]);

    // `/plan status` reopens it; then a plan due in two days is reminded on its day, by DM,
    // after the meeting has ended, and its buttons work from the DM.
    let status = slash(
        "plan",
        "status",
        vec![CommandOption::integer("plan", plan.id.0), CommandOption::integer("status", 1)],
        member(2),
    );
    let (sent, _) = w.send(status).await;
    w.reply_containing(&sent, "is now: **In progress**").await;
    let soon = Actor {
        guild: GuildId(GUILD),
        user: UserId(member_id(0)),
        name: "m0".into(),
        staff: Staff::Member,
        lang: Lang::En,
    };
    let input = PlanInput { action: "Book the board".into(), due: "2027-06-12".into(), ..PlanInput::default() };
    let second = plans::record_plan(&w.store, &*w.clock, &soon, &input).await.unwrap();
    let organiser = Actor { user: UserId(ORGANISER), staff: Staff::Organiser, ..soon.clone() };
    meetings::end_meeting(&w.store, &*w.clock, &organiser).await.unwrap();
    w.clock.set("2027-06-12T08:00:00Z".parse().unwrap()); // 09:00 in London
    let is_reminder = |m: &serde_json::Value| {
        m["content"].as_str().is_some_and(|c| c.contains("Today is the day") && c.contains("Book the board"))
    };
    w.fake
        .wait_until(T, |f| f.dms(member_id(0)).iter().any(is_reminder))
        .await
        .expect("the owner is reminded on the day");
    let reminder = w.fake.dms(member_id(0)).into_iter().find(is_reminder).unwrap();
    let done = format!("samrad:plan:{}:done", second.id);
    assert!(custom_ids(&reminder).contains(&done), "{reminder}");
    let dm_channel: u64 = reminder["channel_id"].as_str().unwrap().parse().unwrap();
    let reminder_id: u64 = reminder["id"].as_str().unwrap().parse().unwrap();
    let in_dm = InteractionContext::dm(dm_channel, MemberFixture::new(UserFixture::new(member_id(0), "m0")));
    let (sent, _) = w.send(InteractionFixture::button(&done, reminder_id, in_dm)).await;
    w.reply_containing(&sent, "is now: **Done**").await;
    assert_eq!(status_of(&w, second.id).await.0, PlanStatus::Done);
    assert_eq!(w.fake.dms(member_id(0)).into_iter().filter(is_reminder).count(), 1, "reminded once");
    w.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_next_meeting_asks_each_unit_about_its_open_plans_on_the_wire() {
    let w = Wire::start(Setup::new(guild(2, false))).await;
    // The spring meeting of the series, with one open plan per unit, is over.
    let mut spring = samrad::kit::find_kit(&prompts(), "example-en").unwrap();
    spring.id = "example-en-spring".into();
    spring.title = "Spring meeting".into();
    spring.previous = None;
    spring.date = "2027-03-10".parse().unwrap();
    let organiser = Actor {
        guild: GuildId(GUILD),
        user: UserId(ORGANISER),
        name: "org".into(),
        staff: Staff::Organiser,
        lang: Lang::En,
    };
    w.clock.set("2027-03-01T08:00:00Z".parse().unwrap());
    meetings::load_meeting(&w.store, &*w.clock, &organiser, &spring, None, ChannelId(PLENARY)).await.unwrap();
    w.seat(2, &["Faculty of Law", "Faculty of Humanities"]).await;
    for i in 0..2 {
        let who =
            Actor { user: UserId(member_id(i)), name: format!("m{i}"), staff: Staff::Member, ..organiser.clone() };
        let input = PlanInput { action: format!("Plan of unit {i}"), ..PlanInput::default() };
        plans::record_plan(&w.store, &*w.clock, &who, &input).await.unwrap();
    }
    meetings::end_meeting(&w.store, &*w.clock, &organiser).await.unwrap();
    w.clock.set("2027-06-10T08:00:00Z".parse().unwrap());
    w.load("example-en").await; // its opening is overdue: the tick posts it at once

    let asks = |f: &fake_discord::FakeDiscord| {
        f.messages_in(PLENARY)
            .into_iter()
            .filter(|m| m["content"].as_str().is_some_and(|c| c.contains("what became of your plans from Spring")))
            .collect::<Vec<_>>()
    };
    w.fake.wait_until(T, |f| asks(f).len() == 2).await.expect("each unit is asked");
    let meeting = w.store.current_meeting(GuildId(GUILD)).await.unwrap().unwrap();
    let law = asks(&w.fake).into_iter().find(|m| m["content"].as_str().unwrap().contains("Plan of unit 0")).unwrap();
    let ids = custom_ids(&law);
    assert_eq!(ids.len(), 4, "{ids:?}");
    let in_progress = ids.iter().find(|id| id.contains(":in-progress:")).unwrap();
    assert!(in_progress.ends_with(&format!(":{}", meeting.id)), "the click says which meeting asked: {in_progress}");
    let message: u64 = law["id"].as_str().unwrap().parse().unwrap();
    let (sent, _) = w.send(InteractionFixture::button(in_progress, message, member(0))).await;
    w.reply_containing(&sent, "is now: **In progress**").await;
    let previous = w.store.previous_meeting(meeting.id).await.unwrap().unwrap();
    let history = w.store.plan_history(previous).await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!((history[0].status, history[0].asked_in), (PlanStatus::InProgress, Some(MeetingId(meeting.id.0))));
    w.finish().await;
}
