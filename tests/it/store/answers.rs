//! AnswerStore: answers with every earlier version kept, saved one submission at a time.

use samrad::app::ports::StoredAnswer;

use super::*;

store_tests!(
    an_answer_round_trips_every_field,
    an_edit_counts_the_revision_up_and_keeps_the_latest,
    save_answers_returns_each_revision_in_order,
    edits_made_at_once_each_get_their_own_revision,
    a_batch_with_a_too_long_answer_saves_nothing,
    a_batch_with_an_unknown_question_saves_nothing,
    an_empty_answer_is_a_conflict,
    an_answer_from_a_non_member_is_not_found,
    answers_are_ordered_by_question_then_user,
    every_replaced_version_is_kept_in_the_history,
);

async fn an_answer_round_trips_every_field(db: &Db) {
    let m = meeting(db).await;
    let u = join(db, GUILD, 1).await;
    db.store.set_unit(GUILD, u, Some(&unit("Øst kommune"))).await.unwrap();
    let loner = join(db, GUILD, 2).await;
    // 4000 characters is the limit, counted in characters (this is 8000 bytes of UTF-8).
    let long = "ø".repeat(4000);
    assert_eq!(db.store.save_answer(m, GUILD, u, &qid("q1"), &long, at(5)).await.unwrap(), 1);
    assert_eq!(
        db.store.save_answer(m, GUILD, loner, &qid("q1"), "Ja — «kanskje» 🤔\nlinje 2", at(6)).await.unwrap(),
        1
    );

    let mine = db.store.answers_of(m, u).await.unwrap();
    assert_eq!(
        mine,
        vec![StoredAnswer {
            user: u,
            unit: Some(unit("Øst kommune")),
            question: qid("q1"),
            value: long,
            revision: 1,
            updated_at: at(5),
        }]
    );
    assert_eq!(mine[0].unit.as_ref().map(|u| u.as_str()), Some("Øst kommune"));
    let theirs = db.store.answers_of(m, loner).await.unwrap();
    assert_eq!(theirs[0].unit, None, "a member without a unit answers without one");
    assert_eq!(theirs[0].value, "Ja — «kanskje» 🤔\nlinje 2");
    assert!(db.store.answers_of(m, user(3)).await.unwrap().is_empty());
}

async fn an_edit_counts_the_revision_up_and_keeps_the_latest(db: &Db) {
    let m = meeting(db).await;
    let u = join(db, GUILD, 1).await;
    for (i, value) in ["en", "to", "tre"].into_iter().enumerate() {
        let revision = db.store.save_answer(m, GUILD, u, &qid("q2"), value, at(i as i64 * 60)).await.unwrap();
        assert_eq!(revision, i as u32 + 1);
    }
    let answers = db.store.answers(m).await.unwrap();
    assert_eq!(answers.len(), 1, "one current answer per member and question");
    assert_eq!((answers[0].value.as_str(), answers[0].revision, answers[0].updated_at), ("tre", 3, at(120)));
    // Same value again is still a new revision: the member submitted again.
    assert_eq!(db.store.save_answer(m, GUILD, u, &qid("q2"), "tre", at(180)).await.unwrap(), 4);
}

async fn save_answers_returns_each_revision_in_order(db: &Db) {
    let m = meeting(db).await;
    let u = join(db, GUILD, 1).await;
    db.store.save_answer(m, GUILD, u, &qid("q2"), "1", at(0)).await.unwrap();
    let batch = vec![(qid("q1"), "fritekst".to_owned()), (qid("q2"), "4".to_owned()), (qid("eval"), "yes".to_owned())];
    assert_eq!(db.store.save_answers(m, GUILD, u, &batch, at(10)).await.unwrap(), vec![1, 2, 1]);
    assert_eq!(db.store.save_answers(m, GUILD, u, &[], at(11)).await.unwrap(), Vec::<u32>::new());
    let stored = db.store.answers_of(m, u).await.unwrap();
    assert_eq!(stored.iter().map(|a| a.value.as_str()).collect::<Vec<_>>(), vec!["fritekst", "4", "yes"]);
    assert!(stored.iter().all(|a| a.updated_at == at(10)));
}

async fn edits_made_at_once_each_get_their_own_revision(db: &Db) {
    let m = meeting(db).await;
    let u = join(db, GUILD, 1).await;
    db.store.save_answer(m, GUILD, u, &qid("q1"), "første", at(0)).await.unwrap();
    // A double-clicked submit, or two devices, each handled by a different process.
    let second = db.reopen().await;
    let mut edits = Vec::new();
    for (i, store) in
        [db.store.clone(), second.clone(), db.store.clone(), second].into_iter().cycle().take(8).enumerate()
    {
        edits.push(tokio::spawn(async move {
            store.save_answer(m, GUILD, u, &qid("q1"), &format!("utkast {i}"), at(i as i64 + 1)).await
        }));
    }
    let mut revisions = Vec::new();
    for edit in edits {
        revisions.push(edit.await.unwrap().expect("an edit made at the same time as another"));
    }
    revisions.sort();
    assert_eq!(revisions, (2..=9).collect::<Vec<u32>>());
    assert_eq!(db.store.answers_of(m, u).await.unwrap()[0].revision, 9);
}

/// The member's answers before a failed batch, which must be exactly what is left after it.
async fn first_answers(db: &Db) -> (MeetingId, UserId, Vec<StoredAnswer>) {
    let m = meeting(db).await;
    let u = join(db, GUILD, 1).await;
    db.store.save_answer(m, GUILD, u, &qid("q1"), "før", at(0)).await.unwrap();
    (m, u, db.store.answers(m).await.unwrap())
}

async fn a_batch_with_a_too_long_answer_saves_nothing(db: &Db) {
    let (m, u, before) = first_answers(db).await;
    let batch = vec![(qid("q1"), "etter".to_owned()), (qid("q2"), "x".repeat(4001)), (qid("eval"), "yes".to_owned())];
    assert_conflict(db.store.save_answers(m, GUILD, u, &batch, at(10)).await, "a 4001-character answer");
    assert_eq!(db.store.answers(m).await.unwrap(), before, "all or nothing");
    // Had the failed batch left a revision behind, this edit would not be revision 2.
    assert_eq!(db.store.save_answer(m, GUILD, u, &qid("q1"), "etter", at(20)).await.unwrap(), 2);
}

async fn a_batch_with_an_unknown_question_saves_nothing(db: &Db) {
    let (m, u, before) = first_answers(db).await;
    let batch = vec![(qid("q1"), "etter".to_owned()), (qid("no-such"), "hm".to_owned())];
    assert_not_found(db.store.save_answers(m, GUILD, u, &batch, at(10)).await, "an unknown question");
    assert_eq!(db.store.answers(m).await.unwrap(), before, "all or nothing");
    assert_eq!(db.store.save_answer(m, GUILD, u, &qid("q1"), "etter", at(20)).await.unwrap(), 2);
}

async fn an_empty_answer_is_a_conflict(db: &Db) {
    let m = meeting(db).await;
    let u = join(db, GUILD, 1).await;
    assert_conflict(db.store.save_answer(m, GUILD, u, &qid("q1"), "", at(0)).await, "an empty answer");
    assert!(db.store.answers(m).await.unwrap().is_empty());
}

async fn an_answer_from_a_non_member_is_not_found(db: &Db) {
    let m = meeting(db).await;
    let result = db.store.save_answer(m, GUILD, user(1), &qid("q1"), "hei", at(0)).await;
    assert_not_found(result, "a user who never joined");
    let member = join(db, GUILD, 2).await;
    let unknown_meeting = db.store.save_answer(MeetingId(987_654), GUILD, member, &qid("q1"), "hei", at(0)).await;
    assert_not_found(unknown_meeting, "an unknown meeting");
    assert!(db.store.answers(m).await.unwrap().is_empty());
}

async fn answers_are_ordered_by_question_then_user(db: &Db) {
    let m = meeting(db).await;
    let other = db.store.create_meeting(&new_meeting(GUILD, "kit-b"), t0()).await.unwrap();
    for n in [3, 1, 2] {
        let u = join(db, GUILD, n).await;
        // Saved against the kit's order, to see the store sort by the question's position.
        for q in ["eval", "share_2", "q1"] {
            db.store.save_answer(m, GUILD, u, &qid(q), &format!("{q}/{n}"), at(n as i64)).await.unwrap();
        }
    }
    db.store.save_answer(other, GUILD, user(1), &qid("q1"), "annet møte", at(0)).await.unwrap();
    let order: Vec<String> = db.store.answers(m).await.unwrap().into_iter().map(|a| a.value).collect();
    assert_eq!(order, ["q1/1", "q1/2", "q1/3", "share_2/1", "share_2/2", "share_2/3", "eval/1", "eval/2", "eval/3"]);
    let mine: Vec<String> = db.store.answers_of(m, user(2)).await.unwrap().into_iter().map(|a| a.value).collect();
    assert_eq!(mine, ["q1/2", "share_2/2", "eval/2"]);
}

/// (question, user, revision, value) of every kept version, oldest first.
async fn history(db: &Db) -> Vec<(String, i64, i64, String)> {
    let sql = "SELECT question_id, user_id, CAST(revision AS BIGINT), value FROM answer_revisions
               ORDER BY question_id, user_id, revision";
    if db.url.starts_with("postgres") {
        sqlx::query_as(sql).fetch_all(&sqlx::PgPool::connect(&db.url).await.unwrap()).await.unwrap()
    } else {
        sqlx::query_as(sql).fetch_all(&sqlx::SqlitePool::connect(&db.url).await.unwrap()).await.unwrap()
    }
}

async fn every_replaced_version_is_kept_in_the_history(db: &Db) {
    let m = meeting(db).await;
    let (u, other) = (join(db, GUILD, 1).await, join(db, GUILD, 2).await);
    let first = vec![(qid("q1"), "en".to_owned()), (qid("q2"), "2".to_owned())];
    db.store.save_answers(m, GUILD, u, &first, at(0)).await.unwrap();
    db.store.save_answer(m, GUILD, other, &qid("q1"), "annen", at(1)).await.unwrap();
    assert!(history(db).await.is_empty(), "a first answer replaces nothing");
    let edit = vec![(qid("q1"), "to".to_owned()), (qid("q2"), "3".to_owned())];
    assert_eq!(db.store.save_answers(m, GUILD, u, &edit, at(10)).await.unwrap(), vec![2, 2]);
    db.store.save_answer(m, GUILD, u, &qid("q1"), "tre", at(20)).await.unwrap();
    let n = user(1).0 as i64;
    assert_eq!(
        history(db).await,
        [
            ("q1".to_owned(), n, 1, "en".to_owned()),
            ("q1".to_owned(), n, 2, "to".to_owned()),
            ("q2".to_owned(), n, 1, "2".to_owned()),
        ]
    );
    assert_eq!(db.store.answers_of(m, u).await.unwrap()[0].value, "tre");
}
