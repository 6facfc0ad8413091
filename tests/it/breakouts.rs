//! Breakouts: private rooms, voice moves, timer, broadcast, move, late join, close.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use samrad::app::breakouts::{self, BreakoutError, SplitRequest};
use samrad::app::ports::prelude::*;
use samrad::app::ports::RoomKind;
use samrad::app::{Actor, Staff};
use samrad::console::ChatEvent;
use samrad::domain::grouping::{Mode, Sizing};
use samrad::domain::UserId;

use crate::harness::{World, PLENARY, PLENARY_VOICE};

fn facilitator<S>(w: &World<S>) -> Actor {
    Actor { staff: Staff::Facilitator, ..w.organiser.clone() }
}

fn request(mode: Mode, size: u32, voice: bool) -> SplitRequest {
    SplitRequest {
        mode,
        sizing: Sizing::Size(size),
        minutes: 10,
        voice,
        channels: true,
        plan: None,
        present: None,
        topics: Vec::new(),
    }
}

async fn split<S: Store>(w: &World<S>, req: &SplitRequest) -> Result<samrad::app::ports::Round, BreakoutError> {
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    breakouts::split(&w.store, &w.chat, &w.clock, &facilitator(w), req, &mut rng, &|_, _| {}).await
}

on_both_stores!(a_split_makes_private_rooms_and_moves_voice_members, "example-en");
async fn a_split_makes_private_rooms_and_moves_voice_members<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(7).await; // 21 people in 3 units
    for p in &people {
        w.chat.join_voice(p.user, PLENARY_VOICE);
    }
    let round = split(&w, &request(Mode::Units, 4, true)).await.unwrap();
    let everyone: Vec<UserId> = round.rooms.iter().flat_map(|r| r.members.clone()).collect();
    assert_eq!(everyone.len(), people.len(), "everyone present sits at exactly one table");
    let rooms: Vec<_> = w
        .chat
        .events()
        .into_iter()
        .filter_map(|e| match e {
            ChatEvent::Room { spec, .. } => Some(spec),
            _ => None,
        })
        .collect();
    assert_eq!(rooms.iter().filter(|s| s.kind == RoomKind::Text).count(), round.rooms.len());
    assert_eq!(rooms.iter().filter(|s| s.kind == RoomKind::Voice).count(), round.rooms.len());
    for (spec, room) in rooms.iter().filter(|s| s.kind == RoomKind::Text).zip(&round.rooms) {
        assert_eq!(spec.members, room.members, "only the room's members may see it");
    }
    for p in &people {
        let at = w.chat.voice_channel_of(p.user).unwrap();
        let room = round.rooms.iter().find(|r| r.members.contains(&p.user)).unwrap();
        assert_eq!(Some(at), room.voice_channel, "{} was moved to their room", p.name);
    }
}

#[tokio::test]
async fn only_facilitators_split_and_bad_requests_are_refused() {
    let w = World::new("example-en").await;
    w.load().await;
    let people = w.seat(1).await;
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let err = breakouts::split(
        &w.store,
        &w.chat,
        &w.clock,
        &people[0],
        &request(Mode::Random, 2, false),
        &mut rng,
        &|_, _| {},
    )
    .await
    .unwrap_err();
    assert!(matches!(err, BreakoutError::NotFacilitator));
    let one = SplitRequest { present: Some(vec![people[0].user]), ..request(Mode::Random, 2, false) };
    assert!(matches!(split(&w, &one).await, Err(BreakoutError::Split(_))));
    assert!(matches!(split(&w, &request(Mode::Random, 40, false)).await, Err(BreakoutError::Split(_))));
    assert!(w.chat.events().is_empty(), "nothing was created");
}

#[tokio::test]
async fn a_failure_half_way_leaves_no_rooms_behind() {
    let w = World::new("example-en").await;
    w.load().await;
    let people = w.seat(4).await;
    let present = Some(people.iter().map(|p| p.user).collect());
    // The category and the first room are created, then Discord fails.
    let failing = FailingAfter::new(w.chat.clone(), 2);
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let req = SplitRequest { present, ..request(Mode::Random, 3, false) };
    let err =
        breakouts::split(&w.store, &failing, &w.clock, &facilitator(&w), &req, &mut rng, &|_, _| {}).await.unwrap_err();
    assert!(matches!(err, BreakoutError::Chat(_)));
    let events = w.chat.events();
    let created = events.iter().filter(|e| matches!(e, ChatEvent::Room { .. } | ChatEvent::Category { .. })).count();
    let deleted = events.iter().filter(|e| matches!(e, ChatEvent::Deleted(_))).count();
    assert_eq!(created, 2);
    assert_eq!(created, deleted, "everything created was deleted again");
    let meeting = w.store.current_meeting(crate::harness::GUILD).await.unwrap().unwrap();
    assert!(w.store.open_round(meeting.id).await.unwrap().is_none(), "no half-made round stays open");
}

#[tokio::test]
async fn a_failure_half_way_returns_moved_members_to_plenary_voice() {
    let w = World::new("example-en").await;
    w.load().await;
    let people = w.seat(4).await; // 12 people: four tables of three
    for p in &people {
        w.chat.join_voice(p.user, PLENARY_VOICE);
    }
    // The category and the first table's text and voice rooms are created (its members moved),
    // then Discord fails at the second table.
    let failing = FailingAfter::new(w.chat.clone(), 3).after_moves(3);
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let err = breakouts::split(
        &w.store,
        &failing,
        &w.clock,
        &facilitator(&w),
        &request(Mode::Random, 3, true),
        &mut rng,
        &|_, _| {},
    )
    .await
    .unwrap_err();
    assert!(matches!(err, BreakoutError::Chat(_)));
    let events = w.chat.events();
    let moved_out = events.iter().filter(|e| matches!(e, ChatEvent::Moved { to, .. } if *to != PLENARY_VOICE)).count();
    assert_eq!(moved_out, 3, "the first table was moved before the failure");
    for p in &people {
        assert_eq!(w.chat.voice_channel_of(p.user), Some(PLENARY_VOICE), "{} is back in plenary voice", p.name);
    }
    let last_return = events.iter().rposition(|e| matches!(e, ChatEvent::Moved { to, .. } if *to == PLENARY_VOICE));
    let first_delete = events.iter().position(|e| matches!(e, ChatEvent::Deleted(_)));
    assert!(last_return < first_delete, "members are moved back before their voice room is deleted: {events:?}");
    let created = events.iter().filter(|e| matches!(e, ChatEvent::Room { .. } | ChatEvent::Category { .. })).count();
    assert_eq!(created, events.iter().filter(|e| matches!(e, ChatEvent::Deleted(_))).count());
}

/// A chat that fails every call after the first `ok` calls that create something.
struct FailingAfter {
    inner: samrad::console::MemoryChat,
    left: std::sync::Mutex<usize>,
    /// How many members the split has moved out before the failing creation returns.
    moves_first: usize,
}

impl FailingAfter {
    fn new(inner: samrad::console::MemoryChat, ok: usize) -> Self {
        Self { inner, left: std::sync::Mutex::new(ok), moves_first: 0 }
    }

    /// The failure comes once `moves` members have been moved out, as a real one that takes a
    /// moment lets the split move the members of the rooms it has made meanwhile. Waiting for
    /// the moves (not one yield) keeps the test from depending on how a loaded runtime
    /// interleaves creating rooms and moving members.
    fn after_moves(self, moves: usize) -> Self {
        Self { moves_first: moves, ..self }
    }

    async fn wait_for_moves(&self) {
        // Bounded: if the split never moves them, the test's own assertion says so.
        for _ in 0..10_000 {
            let moved = self.inner.events().iter().filter(|e| matches!(e, ChatEvent::Moved { .. })).count();
            if moved >= self.moves_first {
                return;
            }
            tokio::task::yield_now().await;
        }
    }
    fn spend(&self) -> Result<(), samrad::app::ports::ChatError> {
        let mut left = self.left.lock().unwrap();
        if *left == 0 {
            return Err(samrad::app::ports::ChatError::Unavailable("down".into()));
        }
        *left -= 1;
        Ok(())
    }
}

#[async_trait::async_trait]
impl samrad::app::ports::Chat for FailingAfter {
    async fn post(
        &self,
        c: samrad::domain::ChannelId,
        m: samrad::app::ports::OutMessage,
        k: Option<&str>,
    ) -> Result<samrad::app::ports::MessageId, samrad::app::ports::ChatError> {
        self.inner.post(c, m, k).await
    }
    async fn dm(
        &self,
        u: UserId,
        m: samrad::app::ports::OutMessage,
        k: Option<&str>,
    ) -> Result<samrad::app::ports::MessageId, samrad::app::ports::ChatError> {
        self.inner.dm(u, m, k).await
    }
    async fn create_category(
        &self,
        g: samrad::domain::GuildId,
        n: &str,
    ) -> Result<samrad::domain::ChannelId, samrad::app::ports::ChatError> {
        self.spend()?;
        self.inner.create_category(g, n).await
    }
    async fn channel_count(&self, g: samrad::domain::GuildId) -> Result<usize, samrad::app::ports::ChatError> {
        self.inner.channel_count(g).await
    }
    async fn channels(
        &self,
        g: samrad::domain::GuildId,
    ) -> Result<Vec<samrad::app::ports::GuildChannel>, samrad::app::ports::ChatError> {
        self.inner.channels(g).await
    }
    async fn create_room(
        &self,
        s: &samrad::app::ports::RoomSpec,
    ) -> Result<samrad::domain::ChannelId, samrad::app::ports::ChatError> {
        if let Err(down) = self.spend() {
            tokio::task::yield_now().await;
            self.wait_for_moves().await;
            return Err(down);
        }
        self.inner.create_room(s).await
    }
    async fn archive_room(&self, c: samrad::domain::ChannelId) -> Result<(), samrad::app::ports::ChatError> {
        self.inner.archive_room(c).await
    }
    async fn delete_channel(&self, c: samrad::domain::ChannelId) -> Result<(), samrad::app::ports::ChatError> {
        self.inner.delete_channel(c).await
    }
    async fn move_to_voice(
        &self,
        g: samrad::domain::GuildId,
        u: UserId,
        c: samrad::domain::ChannelId,
    ) -> Result<bool, samrad::app::ports::ChatError> {
        self.inner.move_to_voice(g, u, c).await
    }
    async fn voice_members(
        &self,
        g: samrad::domain::GuildId,
        c: samrad::domain::ChannelId,
    ) -> Result<Vec<UserId>, samrad::app::ports::ChatError> {
        self.inner.voice_members(g, c).await
    }
    async fn grant_room(
        &self,
        c: samrad::domain::ChannelId,
        u: UserId,
        a: bool,
    ) -> Result<(), samrad::app::ports::ChatError> {
        self.inner.grant_room(c, u, a).await
    }
}

on_both_stores!(the_timer_warns_then_closes_and_each_room_reports_to_plenary, "example-en");
async fn the_timer_warns_then_closes_and_each_room_reports_to_plenary<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(4).await;
    let round = split(
        &w,
        &SplitRequest { present: Some(people.iter().map(|p| p.user).collect()), ..request(Mode::Random, 4, false) },
    )
    .await
    .unwrap();
    let fac = facilitator(&w);
    assert_eq!(
        breakouts::broadcast(&w.store, &w.chat, &w.clock, &fac, "Five minutes left").await.unwrap(),
        round.rooms.len()
    );
    let first = &round.rooms[0];
    let writer = people.iter().find(|p| p.user == first.members[0]).unwrap();
    breakouts::add_note(
        &w.store,
        &w.clock,
        writer,
        first.text_channel.unwrap(),
        "Recruitment committees need balance.",
        false,
    )
    .await
    .unwrap();
    let rapporteur = people.iter().find(|p| p.user == round.rooms[1].members[0]).unwrap();
    breakouts::add_note(
        &w.store,
        &w.clock,
        rapporteur,
        round.rooms[1].text_channel.unwrap(),
        "We agree: follow-up first.",
        true,
    )
    .await
    .unwrap();
    assert!(matches!(
        breakouts::add_note(&w.store, &w.clock, writer, first.text_channel.unwrap(), "   ", false).await,
        Err(BreakoutError::EmptyNote)
    ));
    // Extend, then let time pass: a warning one minute before the end, then the close.
    let round = breakouts::extend(&w.store, &fac, 5).await.unwrap();
    w.tick_at(round.ends_at - chrono::Duration::seconds(30)).await;
    let warnings =
        w.chat.posts_in(first.text_channel.unwrap()).iter().filter(|m| m.text.contains("One minute")).count();
    assert_eq!(warnings, 1);
    w.tick_at(round.ends_at).await;
    w.tick_at(round.ends_at + chrono::Duration::seconds(20)).await;
    let plenary = w.chat.posts_in(PLENARY);
    assert_eq!(plenary.len(), round.rooms.len(), "one summary per room, once");
    assert!(plenary.iter().any(|m| m.text.contains("Recruitment committees need balance.")));
    assert!(plenary.iter().any(|m| m.text.contains("We agree: follow-up first.")));
    let archived = w.chat.events().iter().filter(|e| matches!(e, ChatEvent::Archived(_))).count();
    assert_eq!(archived, round.rooms.len());
}

on_both_stores!(a_late_joiner_gets_the_smallest_room_and_moves_are_tracked, "example-en");
async fn a_late_joiner_gets_the_smallest_room_and_moves_are_tracked<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(3).await;
    let (late, present) = people.split_last().unwrap();
    let round = split(
        &w,
        &SplitRequest { present: Some(present.iter().map(|p| p.user).collect()), ..request(Mode::Random, 3, false) },
    )
    .await
    .unwrap();
    let smallest = round.rooms.iter().map(|r| r.members.len()).min().unwrap();
    let room = breakouts::join_late(&w.store, &w.chat, late).await.unwrap();
    assert_eq!(room.members.len(), smallest);
    let moved = breakouts::move_member(&w.store, &w.chat, &facilitator(&w), late.user, 1).await.unwrap();
    assert_eq!(moved.number, 1);
    let round = w.store.open_round(round.meeting).await.unwrap().unwrap();
    let seats = round.rooms.iter().filter(|r| r.members.contains(&late.user)).count();
    assert_eq!(seats, 1, "a moved member sits in one room only");
}

on_both_stores!(reshuffling_meets_new_people, "example-en");
async fn reshuffling_meets_new_people<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(4).await;
    let present: Vec<UserId> = people.iter().map(|p| p.user).collect();
    let first = split(&w, &SplitRequest { present: Some(present), ..request(Mode::Random, 3, false) }).await.unwrap();
    let mut rng = ChaCha8Rng::seed_from_u64(9);
    let second = breakouts::reshuffle(
        &w.store,
        &w.chat,
        &w.clock,
        &samrad::app::summarise::Offline,
        &facilitator(&w),
        breakouts::Reshuffle { minutes: 10, voice: false },
        &mut rng,
        &|_, _| {},
    )
    .await
    .unwrap();
    let mut history = samrad::domain::grouping::History::default();
    history.record(&first.rooms.iter().map(|r| r.members.clone()).collect::<Vec<_>>());
    let groups: Vec<samrad::domain::grouping::Group> = second
        .rooms
        .iter()
        .map(|r| samrad::domain::grouping::Group { members: r.members.clone(), label: None, cap: None, units: vec![] })
        .collect();
    assert_eq!(samrad::domain::grouping::repeat_pairs(&groups, &history), 0, "nobody sits with the same person twice");
}

#[test]
fn what_the_facilitator_says_wins_over_the_plan_and_the_plan_over_defaults() {
    use samrad::app::breakouts::{SplitOptions, DEFAULT_MINUTES};
    let kit = crate::harness::kit("example-en");
    let plan = kit.breakouts.first().cloned().expect("the example kit has a breakout plan");
    let from_plan = SplitRequest::from_options(Mode::Random, &SplitOptions::default(), Some(plan.clone()));
    assert_eq!(from_plan.minutes, plan.minutes);
    assert_eq!(from_plan.sizing, Sizing::from_size(plan.size));
    assert_eq!(from_plan.plan.as_ref().map(|p| p.id.as_str()), Some(plan.id.as_str()));
    let said = SplitOptions { size: Some(3), rooms: Some(9), minutes: Some(25), voice: Some(true), channels: None };
    let request = SplitRequest::from_options(Mode::Units, &said, Some(plan));
    assert_eq!((request.sizing, request.minutes, request.voice), (Sizing::Size(3), 25, true));
    let rooms = SplitOptions { rooms: Some(4), ..SplitOptions::default() };
    let request = SplitRequest::from_options(Mode::Random, &rooms, None);
    assert_eq!((request.sizing, request.minutes, request.voice), (Sizing::Rooms(4), DEFAULT_MINUTES, false));
    assert!(breakouts::find_plan(&kit, "no-such-plan").is_err());
}

on_both_stores!(a_restart_during_a_round_keeps_its_rooms_and_timer, "example-en");
async fn a_restart_during_a_round_keeps_its_rooms_and_timer<S: Store>(w: World<S>) {
    w.load().await;
    let people = w.seat(3).await;
    let present = Some(people.iter().map(|p| p.user).collect());
    let round = split(&w, &SplitRequest { present, ..request(Mode::Random, 3, false) }).await.unwrap();
    // The process restarts: a new store on the same database; Discord (the chat) kept the rooms.
    let reopened = samrad::storage::open(&w.db_url).await.unwrap();
    let restored = reopened.open_round(round.meeting).await.unwrap().expect("the round is still open");
    assert_eq!(restored.rooms, round.rooms, "rooms, channels and members come back from the store");
    assert_eq!(restored.ends_at, round.ends_at);
    w.clock.set(round.ends_at);
    samrad::app::tick::tick(&*reopened, &w.chat, &w.clock).await.unwrap();
    assert_eq!(w.chat.posts_in(PLENARY).len(), round.rooms.len(), "the timer still closes the round");
    assert!(reopened.open_round(round.meeting).await.unwrap().is_none());
}

#[tokio::test]
async fn a_room_brief_shows_each_members_answer_under_its_question() {
    let w = World::new("example-en").await;
    w.load().await;
    let people = w.seat(3).await;
    w.tick_at(w.due("open").await).await;
    let status = w.kit.questions.iter().find(|q| q.id.as_str() == "status").unwrap().text.clone();
    let next = w.kit.questions.iter().find(|q| q.id.as_str() == "has-plan").unwrap().text.clone();
    for p in &people {
        let raw = vec![("status".to_string(), format!("Plan of {}", p.name))];
        samrad::app::answers::submit_answers(&w.store, &w.clock, p, &raw).await.unwrap();
        // Sharing in rooms is opt-in: these members said yes.
        samrad::app::privacy::set_share_in_rooms(&w.store, p, true).await.unwrap();
        w.chat.join_voice(p.user, PLENARY_VOICE);
    }
    let round = split(&w, &request(Mode::Random, 3, false)).await.unwrap();
    let room = &round.rooms[0];
    let brief = w.chat.posts_in(room.text_channel.unwrap()).into_iter().map(|m| m.text).collect::<String>();
    let under = brief.split(&format!("**{status}**")).nth(1).expect("the question is in the brief");
    let under = under.split(&format!("**{next}**")).next().unwrap();
    for user in &room.members {
        let p = people.iter().find(|p| p.user == *user).unwrap();
        assert!(under.contains(&format!("> **{}** (", p.name)), "{brief}");
        assert!(under.contains(&format!("Plan of {}", p.name)), "{brief}");
    }
    assert!(!brief.contains("answered before the meeting"), "no list of quotes apart from their questions: {brief}");
}
