//! UnitAnswerStore: one answer per unit and question, every version kept with its author;
//! forget-me keeps the unit's answer without its author; retention deletes it.

use samrad::app::ports::{StoredUnitAnswer, UnitAnswerRevision};

use super::*;
use samrad::app::retention::audit_entry;

store_tests!(
    a_meeting_of_unit_answers_round_trips_its_options,
    a_unit_answer_round_trips_and_every_edit_is_a_revision_with_its_author,
    units_answer_apart_and_come_back_in_question_then_unit_order,
    a_batch_with_an_unknown_question_saves_nothing,
    a_unit_the_guild_does_not_have_is_not_found,
    an_empty_unit_answer_is_a_conflict,
    forget_me_keeps_the_unit_answer_without_its_author,
    purging_a_meeting_deletes_its_unit_answers,
);

async fn unit_meeting(db: &Db) -> MeetingId {
    let new = NewMeeting { unit_answers: true, share_after_deadline: true, ..new_meeting(GUILD, "kit-units") };
    db.store.create_meeting(&new, t0()).await.unwrap()
}

async fn a_meeting_of_unit_answers_round_trips_its_options(db: &Db) {
    let m = unit_meeting(db).await;
    let stored = db.store.meeting(m).await.unwrap().unwrap();
    assert!(stored.unit_answers && stored.share_after_deadline);
    let plain = meeting(db).await;
    let stored = db.store.meeting(plain).await.unwrap().unwrap();
    assert!(!stored.unit_answers && !stored.share_after_deadline, "both are off unless the kit says so");
}

async fn a_unit_answer_round_trips_and_every_edit_is_a_revision_with_its_author(db: &Db) {
    let m = unit_meeting(db).await;
    let (a, b) = (join(db, GUILD, 1).await, join(db, GUILD, 2).await);
    let ost = unit("Øst kommune");
    let long = "ø".repeat(4000);
    assert_eq!(db.store.save_unit_answers(m, &ost, a, &[(qid("q1"), long.clone())], at(5)).await.unwrap(), vec![1]);
    assert_eq!(
        db.store.unit_answers(m).await.unwrap(),
        vec![StoredUnitAnswer {
            unit: ost.clone(),
            question: qid("q1"),
            value: long.clone(),
            revision: 1,
            author: Some(a),
            updated_at: at(5),
        }]
    );
    // Another member of the unit edits the unit's answer: the same answer, a new revision.
    assert_eq!(
        db.store
            .save_unit_answers(m, &unit("øst KOMMUNE"), b, &[(qid("q1"), "Vi «har» startet 🌱".into())], at(9))
            .await
            .unwrap(),
        vec![2]
    );
    let now = db.store.unit_answers(m).await.unwrap();
    assert_eq!(now.len(), 1, "one current answer per unit and question");
    assert_eq!((now[0].value.as_str(), now[0].revision, now[0].author), ("Vi «har» startet 🌱", 2, Some(b)));
    assert_eq!(now[0].unit.as_str(), "Øst kommune", "the stored spelling");
    assert_eq!(
        db.store.unit_answer_history(m, &ost, &qid("q1")).await.unwrap(),
        vec![
            UnitAnswerRevision { revision: 1, value: long, author: Some(a), saved_at: at(5) },
            UnitAnswerRevision {
                revision: 2, value: "Vi «har» startet 🌱".into(), author: Some(b), saved_at: at(9)
            },
        ]
    );
    assert!(db.store.unit_answer_history(m, &unit("Arkitektur"), &qid("q1")).await.unwrap().is_empty());
}

async fn units_answer_apart_and_come_back_in_question_then_unit_order(db: &Db) {
    let m = unit_meeting(db).await;
    let a = join(db, GUILD, 1).await;
    let answers = |v: &str| vec![(qid("q2"), "3".to_owned()), (qid("q1"), v.to_owned())];
    assert_eq!(
        db.store.save_unit_answers(m, &unit("Øst kommune"), a, &answers("øst"), at(1)).await.unwrap(),
        vec![1, 1]
    );
    db.store.save_unit_answers(m, &unit("Arkitektur"), a, &answers("ark"), at(2)).await.unwrap();
    let got: Vec<(String, String, String)> = db
        .store
        .unit_answers(m)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.question.to_string(), a.unit.to_string(), a.value))
        .collect();
    let row = |q: &str, u: &str, v: &str| (q.to_owned(), u.to_owned(), v.to_owned());
    assert_eq!(
        got,
        vec![
            row("q1", "Arkitektur", "ark"),
            row("q1", "Øst kommune", "øst"),
            row("q2", "Arkitektur", "3"),
            row("q2", "Øst kommune", "3")
        ]
    );
    // Another meeting's unit answers are its own.
    assert!(db.store.unit_answers(meeting(db).await).await.unwrap().is_empty());
}

async fn a_batch_with_an_unknown_question_saves_nothing(db: &Db) {
    let m = unit_meeting(db).await;
    let a = join(db, GUILD, 1).await;
    let batch = vec![(qid("q1"), "ok".to_owned()), (qid("nope"), "x".to_owned())];
    assert!(db.store.save_unit_answers(m, &unit("Arkitektur"), a, &batch, at(1)).await.is_err());
    assert!(db.store.unit_answers(m).await.unwrap().is_empty(), "all or nothing");
}

async fn a_unit_the_guild_does_not_have_is_not_found(db: &Db) {
    let m = unit_meeting(db).await;
    let a = join(db, GUILD, 1).await;
    assert_not_found(
        db.store.save_unit_answers(m, &unit("Vest kommune"), a, &[(qid("q1"), "x".into())], at(1)).await,
        "a unit no kit named in this guild",
    );
}

async fn an_empty_unit_answer_is_a_conflict(db: &Db) {
    let m = unit_meeting(db).await;
    let a = join(db, GUILD, 1).await;
    assert_conflict(
        db.store.save_unit_answers(m, &unit("Arkitektur"), a, &[(qid("q1"), String::new())], at(1)).await,
        "empty",
    );
}

async fn forget_me_keeps_the_unit_answer_without_its_author(db: &Db) {
    let m = unit_meeting(db).await;
    let (a, b) = (join(db, GUILD, 1).await, join(db, GUILD, 2).await);
    let ark = unit("Arkitektur");
    db.store.save_unit_answers(m, &ark, a, &[(qid("q1"), "first".into())], at(1)).await.unwrap();
    db.store.save_unit_answers(m, &ark, b, &[(qid("q1"), "second".into())], at(2)).await.unwrap();
    db.store.save_unit_answers(m, &ark, a, &[(qid("q2"), "4".into())], at(3)).await.unwrap();
    db.store.forget(GUILD, a, &[]).await.unwrap();
    let now = db.store.unit_answers(m).await.unwrap();
    let authors: Vec<Option<UserId>> = now.iter().map(|x| x.author).collect();
    assert_eq!(authors, vec![Some(b), None], "the unit's answers stay; the forgotten author goes");
    let history = db.store.unit_answer_history(m, &ark, &qid("q1")).await.unwrap();
    assert_eq!(history.iter().map(|r| r.author).collect::<Vec<_>>(), vec![None, Some(b)]);
}

async fn purging_a_meeting_deletes_its_unit_answers(db: &Db) {
    let m = unit_meeting(db).await;
    let a = join(db, GUILD, 1).await;
    let ark = unit("Arkitektur");
    db.store.save_unit_answers(m, &ark, a, &[(qid("q1"), "one".into()), (qid("q2"), "2".into())], at(1)).await.unwrap();
    let deleted = db.store.purge_meeting(m, &[], &[], &audit_entry(m, "kit-units", at(9))).await.unwrap();
    assert!(deleted >= 2, "{deleted}");
    assert!(db.store.unit_answers(m).await.unwrap().is_empty());
    assert!(db.store.unit_answer_history(m, &ark, &qid("q1")).await.unwrap().is_empty(), "revisions go too");
}
