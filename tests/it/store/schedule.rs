//! ScheduleStore without workers: idempotent scheduling, cancelling by key prefix, and the
//! record of sent posts. Claims are in `claims`.

use samrad::app::ports::{Job, MessageId};

use super::*;

store_tests!(
    scheduled_jobs_round_trip_in_due_order,
    scheduling_an_existing_key_leaves_the_job_as_it_is,
    scheduling_for_an_unknown_meeting_is_not_found,
    cancel_jobs_takes_the_prefix_literally,
    cancel_jobs_spares_other_meetings_and_finished_jobs,
    a_post_is_recorded_under_its_key,
);

async fn scheduled_jobs_round_trip_in_due_order(db: &Db) {
    let m = meeting(db).await;
    db.store
        .schedule(
            m,
            &[job("digest", "digest", at(300)), job("open", "open", at(-60)), job("remind:1", "remind", at(300))],
        )
        .await
        .unwrap();
    let jobs = db.store.pending_jobs(m).await.unwrap();
    let view: Vec<_> =
        jobs.iter().map(|j| (j.key.as_str(), j.kind.as_str(), j.due_at, j.attempts, j.meeting)).collect();
    assert_eq!(
        view,
        vec![
            ("open", "open", at(-60), 0, m),
            ("digest", "digest", at(300), 0, m),
            ("remind:1", "remind", at(300), 0, m)
        ],
        "by due time, then in the order scheduled"
    );
    assert!(jobs[1].id < jobs[2].id);
    assert!(db.store.pending_jobs(MeetingId(987_654)).await.unwrap().is_empty());
}

async fn scheduling_an_existing_key_leaves_the_job_as_it_is(db: &Db) {
    let m = meeting(db).await;
    let other = db.store.create_meeting(&new_meeting(GUILD, "kit-b"), t0()).await.unwrap();
    db.store.schedule(m, &[job("remind:1", "remind", at(60))]).await.unwrap();
    let before = db.store.pending_jobs(m).await.unwrap();
    db.store.schedule(m, &[job("remind:1", "digest", at(999)), job("remind:2", "remind", at(120))]).await.unwrap();
    db.store.schedule(other, &[job("remind:1", "remind", at(30))]).await.unwrap();

    let after = db.store.pending_jobs(m).await.unwrap();
    assert_eq!(after.len(), 2);
    assert_eq!(after[0], before[0], "the existing job keeps its id, kind and due time");
    assert_eq!(after[1].key, "remind:2", "new keys in the same call are still added");
    assert_eq!(db.store.pending_jobs(other).await.unwrap().len(), 1, "keys are per meeting");

    // A key whose job already ran is not scheduled again either.
    let job_id = after[0].id;
    assert!(db.store.claim_job(job_id, "w", at(0), at(30)).await.unwrap());
    assert!(db.store.finish_job(job_id, "w", at(1)).await.unwrap());
    db.store.schedule(m, &[job("remind:1", "remind", at(60))]).await.unwrap();
    assert_eq!(keys(&db.store.pending_jobs(m).await.unwrap()), ["remind:2"]);
}

async fn scheduling_for_an_unknown_meeting_is_not_found(db: &Db) {
    assert_not_found(db.store.schedule(MeetingId(987_654), &[job("open", "open", at(0))]).await, "unknown meeting");
}

fn keys(jobs: &[Job]) -> Vec<&str> {
    jobs.iter().map(|j| j.key.as_str()).collect()
}

async fn cancel_jobs_takes_the_prefix_literally(db: &Db) {
    let m = meeting(db).await;
    let all = ["room_1:warn", "roomX1:warn", "room%:close", "room%x:close", "ROOM_1:close", "room_1", "troom_1:x"];
    db.store
        .schedule(m, &all.iter().enumerate().map(|(i, k)| job(k, "k", at(i as i64))).collect::<Vec<_>>())
        .await
        .unwrap();

    // `_` and `%` are wildcards in SQL LIKE; in a key prefix they are just characters.
    db.store.cancel_jobs(m, "room_1:").await.unwrap();
    assert_eq!(
        keys(&db.store.pending_jobs(m).await.unwrap()),
        ["roomX1:warn", "room%:close", "room%x:close", "ROOM_1:close", "room_1", "troom_1:x"]
    );
    db.store.cancel_jobs(m, "room%:").await.unwrap();
    assert_eq!(
        keys(&db.store.pending_jobs(m).await.unwrap()),
        ["roomX1:warn", "room%x:close", "ROOM_1:close", "room_1", "troom_1:x"],
        "and the prefix is case-sensitive"
    );
    db.store
        .schedule(m, &[job("dir\\a", "k", at(10)), job("dir\\", "k", at(11)), job("dirxa", "k", at(12))])
        .await
        .unwrap();
    db.store.cancel_jobs(m, "dir\\").await.unwrap();
    assert_eq!(
        keys(&db.store.pending_jobs(m).await.unwrap()),
        ["roomX1:warn", "room%x:close", "ROOM_1:close", "room_1", "troom_1:x", "dirxa"],
        "a backslash is a character too"
    );
    db.store.cancel_jobs(m, "").await.unwrap();
    assert!(db.store.pending_jobs(m).await.unwrap().is_empty(), "the empty prefix cancels everything");
}

async fn cancel_jobs_spares_other_meetings_and_finished_jobs(db: &Db) {
    let m = meeting(db).await;
    let other = db.store.create_meeting(&new_meeting(GUILD, "kit-b"), t0()).await.unwrap();
    db.store.schedule(m, &[job("remind:1", "remind", at(0)), job("remind:2", "remind", at(10))]).await.unwrap();
    db.store.schedule(other, &[job("remind:1", "remind", at(0))]).await.unwrap();
    let first = db.store.pending_jobs(m).await.unwrap()[0].id;
    assert!(db.store.claim_job(first, "w", at(0), at(30)).await.unwrap());
    assert!(db.store.finish_job(first, "w", at(1)).await.unwrap());

    db.store.cancel_jobs(m, "remind:").await.unwrap();
    assert!(db.store.pending_jobs(m).await.unwrap().is_empty());
    assert_eq!(db.store.pending_jobs(other).await.unwrap().len(), 1);
    // A cancelled job is gone for the workers too.
    let claimed = db.store.claim_jobs("w", at(100), at(200), 10).await.unwrap();
    assert_eq!(claimed.iter().map(|j| j.meeting).collect::<Vec<_>>(), vec![other]);
}

async fn a_post_is_recorded_under_its_key(db: &Db) {
    let key = "open:42:kanal-ø";
    assert_eq!(db.store.sent_post(key).await.unwrap(), None);
    db.store.record_post(key, Some(channel(9)), MessageId(TOP), at(0)).await.unwrap();
    assert_eq!(db.store.sent_post(key).await.unwrap(), Some(MessageId(TOP)));
    // Recording again (a retry that found out more) is not an error; the latest message counts.
    db.store.record_post(key, Some(channel(9)), MessageId(TOP - 1), at(1)).await.unwrap();
    assert_eq!(db.store.sent_post(key).await.unwrap(), Some(MessageId(TOP - 1)));
    db.store.record_post("dm:7", None, MessageId(5), at(2)).await.unwrap();
    assert_eq!(db.store.sent_post("dm:7").await.unwrap(), Some(MessageId(5)));
    assert_eq!(db.store.sent_post("dm:8").await.unwrap(), None);
}
