//! MeetingStore (and the meeting's date from AgendaStore): a kit made concrete for one guild.

use samrad::domain::{Meeting, MeetingState};

use super::*;

store_tests!(
    meeting_round_trips_every_field,
    a_meeting_without_channel_or_deadline_has_none,
    an_unknown_meeting_is_none,
    current_meeting_is_the_newest_that_has_not_ended,
    an_ended_meeting_stays_ended,
    meeting_state_round_trips_every_state,
    a_duplicate_question_id_is_a_conflict_and_stores_nothing,
    an_unknown_language_is_a_conflict,
);

async fn meeting_round_trips_every_field(db: &Db) {
    let new = new_meeting(GUILD, "uio-koordineringsgruppe");
    let id = db.store.create_meeting(&new, t0()).await.unwrap();
    let expected = Meeting {
        id,
        guild: GUILD,
        kit_id: new.kit_id.clone(),
        title: new.title.clone(),
        language: new.language.clone(),
        timezone: new.timezone,
        state: MeetingState::Scheduled,
        units: new.units.clone(),
        roles: new.roles.clone(),
        questions: new.questions.clone(),
        deadline: new.deadline,
        unit_answers: new.unit_answers,
        share_after_deadline: new.share_after_deadline,
    };
    let stored = db.store.meeting(id).await.unwrap().expect("the meeting just created");
    assert_eq!(stored, expected);
    // UnitName compares case-insensitively; the stored spelling must survive too.
    let spelled = |units: &[samrad::domain::UnitName]| units.iter().map(|u| u.as_str().to_owned()).collect::<Vec<_>>();
    assert_eq!(spelled(&stored.units), spelled(&new.units));
    assert_eq!(
        stored.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        vec!["Tillitsvalgt", "Leder", "Nøkkelperson"],
        "roles keep the kit's order"
    );
    assert_eq!(db.store.meeting_channel(id).await.unwrap(), Some(channel(1)));
    assert_eq!(db.store.meeting_date(id).await.unwrap(), Some(new.date));
    assert_eq!(db.store.current_meeting(GUILD).await.unwrap(), Some(expected));
}

async fn a_meeting_without_channel_or_deadline_has_none(db: &Db) {
    let new = NewMeeting {
        channel: None,
        deadline: None,
        units: vec![],
        roles: vec![],
        questions: vec![],
        timezone: chrono_tz::America::Argentina::Buenos_Aires,
        date: NaiveDate::from_ymd_opt(2028, 2, 29).unwrap(),
        ..new_meeting(GUILD, "kit-b")
    };
    let id = db.store.create_meeting(&new, t0()).await.unwrap();
    let stored = db.store.meeting(id).await.unwrap().unwrap();
    assert_eq!(stored.deadline, None);
    assert_eq!(stored.timezone, chrono_tz::America::Argentina::Buenos_Aires);
    assert!(stored.units.is_empty() && stored.roles.is_empty() && stored.questions.is_empty());
    assert_eq!(db.store.meeting_channel(id).await.unwrap(), None);
    assert_eq!(db.store.meeting_date(id).await.unwrap(), NaiveDate::from_ymd_opt(2028, 2, 29));
}

async fn an_unknown_meeting_is_none(db: &Db) {
    let unknown = MeetingId(987_654);
    assert_eq!(db.store.meeting(unknown).await.unwrap(), None);
    assert_eq!(db.store.meeting_channel(unknown).await.unwrap(), None);
    assert_eq!(db.store.meeting_date(unknown).await.unwrap(), None);
    assert_eq!(db.store.current_meeting(GUILD).await.unwrap(), None);
}

async fn current_meeting_is_the_newest_that_has_not_ended(db: &Db) {
    let first = meeting(db).await;
    let second = db.store.create_meeting(&new_meeting(GUILD, "kit-b"), at(1)).await.unwrap();
    let elsewhere = db.store.create_meeting(&new_meeting(OTHER_GUILD, "kit-c"), at(2)).await.unwrap();
    let current = |g| async move { db.store.current_meeting(g).await.unwrap().map(|m| m.id) };
    assert_eq!(current(GUILD).await, Some(second));
    db.store.set_meeting_state(second, MeetingState::Closed, t0()).await.unwrap();
    assert_eq!(current(GUILD).await, Some(second), "closed is not ended");
    db.store.set_meeting_state(second, MeetingState::Ended, t0()).await.unwrap();
    assert_eq!(current(GUILD).await, Some(first));
    db.store.set_meeting_state(first, MeetingState::Ended, t0()).await.unwrap();
    assert_eq!(current(GUILD).await, None);
    assert_eq!(current(OTHER_GUILD).await, Some(elsewhere));
}

/// A job claimed before `/meeting end` (the open, the deadline) writes its state after the end:
/// the meeting must not come back as the guild's current meeting.
async fn an_ended_meeting_stays_ended(db: &Db) {
    let id = meeting(db).await;
    db.store.set_meeting_state(id, MeetingState::Open, t0()).await.unwrap();
    db.store.set_meeting_state(id, MeetingState::Ended, at(1)).await.unwrap();
    for late in [MeetingState::Closed, MeetingState::Open, MeetingState::Scheduled, MeetingState::Ended] {
        db.store.set_meeting_state(id, late, at(2)).await.unwrap();
        assert_eq!(db.store.meeting(id).await.unwrap().unwrap().state, MeetingState::Ended, "{late:?}");
    }
    assert_eq!(db.store.current_meeting(GUILD).await.unwrap(), None);
}

async fn meeting_state_round_trips_every_state(db: &Db) {
    let id = meeting(db).await;
    for state in [MeetingState::Open, MeetingState::Closed, MeetingState::Scheduled, MeetingState::Ended] {
        db.store.set_meeting_state(id, state, t0()).await.unwrap();
        assert_eq!(db.store.meeting(id).await.unwrap().unwrap().state, state);
    }
    assert_not_found(db.store.set_meeting_state(MeetingId(987_654), MeetingState::Open, t0()).await, "unknown meeting");
}

async fn a_duplicate_question_id_is_a_conflict_and_stores_nothing(db: &Db) {
    let mut new = new_meeting(GUILD, "kit-a");
    let again = new.questions[0].clone();
    new.questions.push(again);
    assert_conflict(db.store.create_meeting(&new, t0()).await, "two questions with id q1");
    assert_eq!(db.store.current_meeting(GUILD).await.unwrap(), None, "no half-made meeting");
}

async fn an_unknown_language_is_a_conflict(db: &Db) {
    let new = NewMeeting { language: "de".into(), ..new_meeting(GUILD, "kit-a") };
    assert_conflict(db.store.create_meeting(&new, t0()).await, "language 'de'");
    assert_eq!(db.store.current_meeting(GUILD).await.unwrap(), None);
}
