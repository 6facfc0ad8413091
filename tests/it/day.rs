//! Meeting days as the seeds run them (#18): the purpose of the day opens the agenda, rooms by
//! topic in `choose` rounds (with their members' answers, by consent).

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use samrad::app::agenda::{self, AgendaError};
use samrad::app::breakouts::{self, BreakoutError, SplitOptions, SplitRequest};
use samrad::app::ports::prelude::*;
use samrad::app::ports::Round;
use samrad::app::{Actor, Staff, UserMessage};
use samrad::domain::agenda::AGENDA_JOB;
use samrad::domain::grouping::{Mode, TopicError};
use samrad::i18n::Lang;

use crate::harness::{World, GUILD, PLENARY};

fn facilitator<S>(w: &World<S>) -> Actor {
    Actor { staff: Staff::Facilitator, ..w.organiser.clone() }
}

fn plenary_texts<S>(w: &World<S>) -> Vec<String> {
    w.chat.posts_in(PLENARY).into_iter().map(|m| m.text).collect()
}

on_both_stores!(agenda_start_posts_the_purpose_of_the_day_before_the_first_item, "benchmarking-1");
async fn agenda_start_posts_the_purpose_of_the_day_before_the_first_item<S: Store>(w: World<S>) {
    w.load().await;
    w.clock.set("2027-04-15T07:00:00Z".parse().unwrap()); // 09:00 in Stockholm, the first item at 09:30
    agenda::start_day(&w.store, &w.chat, &w.clock, &w.organiser, &w.kit).await.expect("the day starts");
    let posts = plenary_texts(&w);
    assert_eq!(posts.len(), 1, "the purpose, and no item yet: {posts:#?}");
    assert!(posts[0].starts_with("**Syftet med dagen**"), "{}", posts[0]);
    for line in &w.kit.purpose {
        assert!(posts[0].contains(&format!("• {line}")), "{}", posts[0]);
    }
    // The first item comes after it.
    let meeting = w.store.current_meeting(GUILD).await.unwrap().unwrap();
    let first = w.store.pending_jobs(meeting.id).await.unwrap().into_iter().filter(|j| j.kind == AGENDA_JOB);
    w.tick_at(first.map(|j| j.due_at).min().unwrap()).await;
    let posts = plenary_texts(&w);
    assert_eq!(posts.len(), 2);
    assert!(posts[1].starts_with("**Nu ("), "{}", posts[1]);
    // Starting again is refused and posts nothing more.
    let again = agenda::start_day(&w.store, &w.chat, &w.clock, &w.organiser, &w.kit).await;
    assert!(matches!(again, Err(AgendaError::AlreadyStarted)), "{again:?}");
    assert_eq!(plenary_texts(&w).iter().filter(|t| t.starts_with("**Syftet med dagen**")).count(), 1);
}

async fn split_topics<S: Store>(w: &World<S>, people: &[Actor], topics: &str) -> Result<Round, BreakoutError> {
    let request = SplitRequest::from_options(Mode::Choose, &SplitOptions::default(), None)
        .with_topics(Some(topics))
        .map(|r| SplitRequest { present: Some(people.iter().map(|p| p.user).collect()), ..r })?;
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    breakouts::split(&w.store, &w.chat, &w.clock, &facilitator(w), &request, &mut rng, &|_, _| {}).await
}

on_both_stores!(rooms_by_topic_are_named_after_their_topics_and_brief_each_picker_by_consent, "example-en");
async fn rooms_by_topic_are_named_after_their_topics_and_brief_each_picker_by_consent<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(2).await;
    w.tick_at(w.due("open").await).await;
    for (i, p) in people.iter().take(2).enumerate() {
        let raw = vec![("status".to_string(), format!("Plan of {}", p.name))];
        samrad::app::answers::submit_answers(&w.store, &w.clock, p, &raw).await.unwrap();
        // The first agreed to share in rooms, the second did not.
        samrad::app::privacy::set_share_in_rooms(&w.store, p, i == 0).await.unwrap();
    }
    let round = split_topics(&w, &people, "Recruitment; Pay gap ;Leadership and culture").await.unwrap();
    let names: Vec<&str> = round.rooms.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Recruitment", "Pay gap", "Leadership and culture"]);
    let buttons = w.chat.posts_in(PLENARY).into_iter().find(|m| !m.buttons.is_empty()).expect("the room buttons");
    assert!(buttons.text.starts_with("Pick a topic (3"), "{}", buttons.text);
    let labels: Vec<&str> = buttons.buttons.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, names, "each button shows its topic");

    let status = w.kit.questions.iter().find(|q| q.id.as_str() == "status").unwrap().text.clone();
    let room = breakouts::pick_room(&w.store, &w.chat, &w.clock, &people[0], round.id, 2).await.unwrap();
    assert_eq!(room.name, "Pay gap");
    let channel = room.text_channel.unwrap();
    let said = w.chat.posts_in(channel).into_iter().map(|m| m.text).collect::<Vec<_>>().join("\n");
    assert!(said.contains(&format!("**{status}**")) && said.contains("Plan of M0"), "{said}");
    // Changing one's mind and coming back posts the answers once.
    breakouts::pick_room(&w.store, &w.chat, &w.clock, &people[0], round.id, 1).await.unwrap();
    breakouts::pick_room(&w.store, &w.chat, &w.clock, &people[0], round.id, 2).await.unwrap();
    let again = w.chat.posts_in(channel).into_iter().filter(|m| m.text.contains("Plan of M0")).count();
    assert_eq!(again, 1);
    // Who did not agree to share is not quoted.
    breakouts::pick_room(&w.store, &w.chat, &w.clock, &people[1], round.id, 2).await.unwrap();
    let said = w.chat.posts_in(channel).into_iter().map(|m| m.text).collect::<Vec<_>>().join("\n");
    assert!(!said.contains("Plan of M1"), "{said}");
}

on_both_stores!(bad_topics_are_refused_with_a_clear_sentence_before_anything_is_made, "example-en");
async fn bad_topics_are_refused_with_a_clear_sentence_before_anything_is_made<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(2).await;
    let long = "x".repeat(81);
    let cases = [
        ("  ", TopicError::NoTopics, "No topics were given"),
        ("A;;B", TopicError::Empty { position: 2 }, "Topic 2 is empty"),
        (long.as_str(), TopicError::TooLong { position: 1, chars: 81, max: 80 }, "at most 80"),
        ("Pay gap; pay gap", TopicError::Duplicate { topic: "pay gap".into(), first: 1, second: 2 }, "twice"),
    ];
    for (input, error, sentence) in cases {
        let refused = split_topics(&w, &people, input).await.unwrap_err();
        assert!(matches!(&refused, BreakoutError::Topics(e) if *e == error), "{input:?}: {refused:?}");
        assert!(refused.user_message(Lang::En).contains(sentence), "{}", refused.user_message(Lang::En));
    }
    let many: String = (0..=samrad::domain::grouping::MAX_TOPICS).map(|i| format!("T{i};")).collect();
    let refused = split_topics(&w, &people, &many).await.unwrap_err();
    assert!(refused.user_message(Lang::Sv).contains("246 teman"), "{}", refused.user_message(Lang::Sv));
    // Topics with another mode.
    let request = SplitRequest::from_options(Mode::Random, &SplitOptions::default(), None).with_topics(Some("A; B"));
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let refused =
        breakouts::split(&w.store, &w.chat, &w.clock, &facilitator(&w), &request.unwrap(), &mut rng, &|_, _| {})
            .await
            .unwrap_err();
    assert!(refused.user_message(Lang::En).contains("Topics are for mode choose"), "{refused:?}");
    assert!(w.chat.events().is_empty(), "nothing was made: {:?}", w.chat.events());
}
