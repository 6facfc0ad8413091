//! Presenters on the wire (#18): benchmarking-1's presenters are reminded to prepare by DM;
//! `/agenda start` runs the day; at the mentor organisation's item (15 + 5 minutes) the speaking
//! timer announces it in plenary, `/agenda speaker extend` gives more time, and the bot is
//! restarted twice in the middle of the slot: the warning that is still on time comes once, the
//! one whose part is over never comes, and nothing is posted twice.

use chrono::{DateTime, Duration, Utc};
use fake_discord::{CommandOption, InteractionFixture};

use super::{facilitator, guild, member_id, Setup, Wire, PLENARY, T};

const UNITS: [&str; 4] = ["Mentororganisationen", "Organisation A", "Organisation B", "Organisation C"];

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn agenda(sub: &str, options: Vec<CommandOption>) -> InteractionFixture {
    InteractionFixture::slash_command("agenda", vec![CommandOption::subcommand(sub, options)], facilitator())
}

fn speaker(sub: &str, options: Vec<CommandOption>) -> InteractionFixture {
    let group = CommandOption::subcommand_group("speaker", vec![CommandOption::subcommand(sub, options)]);
    InteractionFixture::slash_command("agenda", vec![group], facilitator())
}

/// Plenary posts that contain `text`.
fn count(w: &Wire, text: &str) -> usize {
    w.posts_in(PLENARY).iter().filter(|m| m["content"].as_str().is_some_and(|c| c.contains(text))).count()
}

async fn wait_for(w: &Wire, text: &str) {
    let text = text.to_owned();
    w.fake
        .wait_until(T, |f| {
            f.messages_in(PLENARY).iter().any(|m| m["content"].as_str().is_some_and(|c| c.contains(&text)))
        })
        .await
        .unwrap_or_else(|_| panic!("plenary never said {text:?}: {:#?}", w.posts_in(PLENARY)));
}

/// Waits for a few more scheduler ticks, so what has not happened would have by now.
async fn settle(w: &Wire) {
    assert!(w.ticks.wait_more(3, T).await, "the scheduler ticks");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presenters_are_reminded_and_timed_through_restarts_on_the_wire() {
    let mut setup = Setup::new(guild(4, false));
    setup.now = utc("2027-04-12T06:00:00Z");
    let mut w = Wire::start(setup).await;
    w.load("benchmarking-1").await;
    w.seat(4, &UNITS).await;

    // 09:00 three days before: Organisation A's member gets the preparation DM.
    w.clock.set(utc("2027-04-12T07:00:00Z"));
    let reminded = |m: &serde_json::Value| m["content"].as_str().is_some_and(|c| c.contains("kort dragning"));
    w.fake
        .wait_until(T, |f| f.dms(member_id(1)).iter().any(reminded))
        .await
        .expect("the presenter is reminded to prepare");
    let dm = w.fake.dms(member_id(1)).into_iter().find(reminded).unwrap();
    assert!(dm["content"].as_str().unwrap().contains("**Organisation A** presenterar"), "{dm}");
    settle(&w).await;
    assert_eq!(w.fake.dms(member_id(1)).into_iter().filter(reminded).count(), 1, "reminded once");

    // The day: started by the facilitator, at the mentor organisation's item (11:20 Stockholm).
    w.clock.set(utc("2027-04-15T09:20:00Z"));
    let (sent, _) = w.send(agenda("start", vec![])).await;
    w.reply_containing(&sent, "Mentororganisationen").await;
    wait_for(&w, "🎤 **Mentororganisationen** har ordet (1 av 1), till 11:35.").await;

    let (sent, _) = w.send(speaker("extend", vec![CommandOption::integer("minutes", 2)])).await;
    w.reply_containing(&sent, "until 11:37").await;
    wait_for(&w, "⏱ **Mentororganisationen** får mer tid, till 11:37.").await;

    // Down from 11:20 to 11:36:30: inside the extended talk's last minute, so its warning is
    // still on time and comes once.
    w.restart(Duration::seconds(16 * 60 + 30)).await;
    wait_for(&w, "⏳ En minut kvar för **Mentororganisationen** (presentation).").await;
    w.clock.set(utc("2027-04-15T09:37:00Z"));
    wait_for(&w, "❓ Frågor och återkoppling till **Mentororganisationen**, till 11:42.").await;

    // Down again from 11:37 to 11:45: the questions' warning (11:41) is over and never sent;
    // the agenda's next item has begun.
    w.restart(Duration::minutes(8)).await;
    wait_for(&w, "Reflektion i smågrupper").await;
    settle(&w).await;
    assert_eq!(count(&w, "En minut kvar"), 1, "no late warning: {:#?}", w.posts_in(PLENARY));
    assert_eq!(count(&w, "har ordet"), 1, "announced once");
    assert_eq!(count(&w, "får mer tid"), 1);
    assert_eq!(count(&w, "❓ Frågor och återkoppling till **Mentororganisationen**"), 1);

    // The timer is over: steering it is refused, privately.
    let (sent, _) = w.send(speaker("next", vec![])).await;
    w.reply_containing(&sent, "No speaking timer is running").await;
    w.finish().await;
}
