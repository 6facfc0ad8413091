//! Job claims and named leases: several bot processes on one database, each job run by one
//! worker at a time, and a worker that lost its claim unable to change anything.

use std::collections::BTreeSet;

use super::*;

store_tests!(
    claim_jobs_takes_due_jobs_in_due_order_up_to_the_limit,
    workers_on_two_stores_claim_disjoint_sets_covering_every_due_job,
    a_claimed_job_is_reclaimed_only_after_its_lease,
    renew_claim_extends_the_lease,
    a_worker_that_lost_its_claim_changes_nothing,
    a_lapsed_claim_nobody_took_is_still_the_workers,
    fail_job_with_retry_keeps_the_job_pending_until_then,
    fail_job_without_retry_gives_up_on_the_job,
    release_job_frees_the_job_without_an_attempt,
    claim_job_takes_one_job_by_id_due_or_not,
    try_lease_grants_free_expired_and_own_leases_only,
);

/// A meeting with jobs `k0`, `k1`, … due `at(0)`, `at(1)`, …; returns their ids in that order.
async fn jobs(db: &Db, n: usize) -> Vec<i64> {
    let m = meeting(db).await;
    let new: Vec<_> = (0..n).map(|i| job(&format!("k{i}"), "remind", at(i as i64))).collect();
    db.store.schedule(m, &new).await.unwrap();
    db.store.pending_jobs(m).await.unwrap().into_iter().map(|j| j.id).collect()
}

async fn claim_jobs_takes_due_jobs_in_due_order_up_to_the_limit(db: &Db) {
    let m = meeting(db).await;
    // Scheduled out of due order, so the claim's own ordering shows.
    db.store
        .schedule(m, &[job("late", "k", at(100)), job("b", "k", at(2)), job("a", "k", at(1)), job("c", "k", at(3))])
        .await
        .unwrap();
    assert!(db.store.claim_jobs("w1", at(0), at(60), 10).await.unwrap().is_empty(), "nothing due yet");
    assert!(db.store.claim_jobs("w1", at(5), at(60), 0).await.unwrap().is_empty(), "limit 0");
    let first = db.store.claim_jobs("w1", at(5), at(60), 2).await.unwrap();
    assert_eq!(first.iter().map(|j| j.key.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!((first[0].meeting, first[0].kind.as_str(), first[0].due_at, first[0].attempts), (m, "k", at(1), 0));
    // A job due exactly now is due.
    let rest = db.store.claim_jobs("w2", at(3), at(60), 10).await.unwrap();
    assert_eq!(rest.iter().map(|j| j.key.as_str()).collect::<Vec<_>>(), ["c"]);
    assert_eq!(db.store.pending_jobs(m).await.unwrap().len(), 4, "claimed jobs are still pending");
}

async fn workers_on_two_stores_claim_disjoint_sets_covering_every_due_job(db: &Db) {
    let all = jobs(db, 120).await;
    let (due, not_due) = all.split_at(100);
    let second = db.reopen().await;
    let mut workers = Vec::new();
    for (i, store) in [db.store.clone(), second.clone(), db.store.clone(), second].into_iter().enumerate() {
        workers.push(tokio::spawn(async move {
            let worker = format!("worker-{i}");
            let mut mine = Vec::new();
            loop {
                let got = store.claim_jobs(&worker, at(99), at(1_000), 3).await.unwrap();
                if got.is_empty() {
                    break;
                }
                mine.extend(got.into_iter().map(|j| j.id));
            }
            (worker, store, mine)
        }));
    }
    let mut seen = BTreeSet::new();
    for handle in workers {
        let (worker, store, mine) = handle.await.unwrap();
        for id in mine {
            assert!(seen.insert(id), "job {id} was claimed twice");
            // The claim is really this worker's: only it can finish the job.
            assert!(store.finish_job(id, &worker, at(100)).await.unwrap(), "{worker} lost job {id}");
        }
    }
    assert_eq!(seen, due.iter().copied().collect::<BTreeSet<_>>(), "every due job, and only due ones");
    let pending: Vec<i64> =
        db.store.pending_jobs(meeting_of(db).await).await.unwrap().into_iter().map(|j| j.id).collect();
    assert_eq!(pending, not_due);
}

async fn meeting_of(db: &Db) -> MeetingId {
    db.store.current_meeting(GUILD).await.unwrap().unwrap().id
}

async fn a_claimed_job_is_reclaimed_only_after_its_lease(db: &Db) {
    let ids = jobs(db, 1).await;
    assert_eq!(db.store.claim_jobs("a", at(10), at(70), 5).await.unwrap().len(), 1);
    assert!(db.store.claim_jobs("b", at(40), at(100), 5).await.unwrap().is_empty(), "held by a");
    assert!(
        db.store.claim_jobs("a", at(40), at(100), 5).await.unwrap().is_empty(),
        "claim_jobs does not hand a its own job twice"
    );
    let taken = db.store.claim_jobs("b", at(71), at(131), 5).await.unwrap();
    assert_eq!(taken.iter().map(|j| j.id).collect::<Vec<_>>(), ids, "a's lease ran out");
    assert_eq!(taken[0].attempts, 0, "a lapsed claim is not an attempt");
}

async fn renew_claim_extends_the_lease(db: &Db) {
    let ids = jobs(db, 1).await;
    db.store.claim_jobs("a", at(10), at(70), 5).await.unwrap();
    assert!(db.store.renew_claim(ids[0], "a", at(130)).await.unwrap());
    assert!(db.store.claim_jobs("b", at(100), at(160), 5).await.unwrap().is_empty(), "renewed until 130");
    assert_eq!(db.store.claim_jobs("b", at(131), at(160), 5).await.unwrap().len(), 1);
}

async fn a_worker_that_lost_its_claim_changes_nothing(db: &Db) {
    let ids = jobs(db, 1).await;
    let id = ids[0];
    db.store.claim_jobs("a", at(10), at(70), 5).await.unwrap();
    assert_eq!(db.store.claim_jobs("b", at(80), at(140), 5).await.unwrap().len(), 1, "b takes over");

    assert!(!db.store.renew_claim(id, "a", at(500)).await.unwrap(), "a must stop");
    assert!(!db.store.finish_job(id, "a", at(81)).await.unwrap());
    assert!(!db.store.fail_job(id, "a", "boom", Some(at(90))).await.unwrap());
    assert!(!db.store.fail_job(id, "a", "boom", None).await.unwrap());
    db.store.release_job(id, "a").await.unwrap();
    assert!(!db.store.claim_job(id, "a", at(82), at(200)).await.unwrap(), "b's lease still runs");

    let job = &db.store.pending_jobs(meeting_of(db).await).await.unwrap()[0];
    assert_eq!((job.id, job.attempts, job.due_at), (id, 0, at(0)), "a's calls left no trace");
    assert!(db.store.claim_jobs("c", at(139), at(200), 5).await.unwrap().is_empty(), "b still holds it until 140");
    assert!(db.store.renew_claim(id, "b", at(200)).await.unwrap());
    assert!(db.store.finish_job(id, "b", at(150)).await.unwrap());
    assert!(!db.store.finish_job(id, "b", at(151)).await.unwrap(), "finished once");
    assert!(!db.store.renew_claim(id, "b", at(300)).await.unwrap(), "nothing left to renew");
    assert!(db.store.pending_jobs(meeting_of(db).await).await.unwrap().is_empty());
    assert!(db.store.claim_jobs("c", at(1_000), at(2_000), 5).await.unwrap().is_empty(), "done jobs stay done");
}

async fn a_lapsed_claim_nobody_took_is_still_the_workers(db: &Db) {
    let ids = jobs(db, 2).await;
    db.store.claim_jobs("a", at(10), at(20), 5).await.unwrap();
    // Lost means taken by another worker; a slow worker whose lease merely ran out keeps going.
    assert!(db.store.renew_claim(ids[0], "a", at(100)).await.unwrap());
    assert!(db.store.finish_job(ids[1], "a", at(50)).await.unwrap());
}

async fn fail_job_with_retry_keeps_the_job_pending_until_then(db: &Db) {
    let ids = jobs(db, 1).await;
    db.store.claim_jobs("a", at(10), at(70), 5).await.unwrap();
    assert!(db.store.fail_job(ids[0], "a", "Discord said 503 — prøv igjen", Some(at(300))).await.unwrap());
    let job = &db.store.pending_jobs(meeting_of(db).await).await.unwrap()[0];
    assert_eq!((job.attempts, job.due_at), (1, at(300)));
    assert!(db.store.claim_jobs("b", at(299), at(400), 5).await.unwrap().is_empty(), "not before the retry time");
    let retried = db.store.claim_jobs("b", at(300), at(400), 5).await.unwrap();
    assert_eq!(retried.iter().map(|j| (j.id, j.attempts)).collect::<Vec<_>>(), [(ids[0], 1)]);
    assert!(!db.store.finish_job(ids[0], "a", at(301)).await.unwrap(), "a's failure released it");
    assert!(db.store.fail_job(ids[0], "b", "again", Some(at(500))).await.unwrap());
    assert_eq!(db.store.pending_jobs(meeting_of(db).await).await.unwrap()[0].attempts, 2);
}

async fn fail_job_without_retry_gives_up_on_the_job(db: &Db) {
    let ids = jobs(db, 1).await;
    db.store.claim_jobs("a", at(10), at(70), 5).await.unwrap();
    assert!(db.store.fail_job(ids[0], "a", "the channel is gone", None).await.unwrap());
    assert!(db.store.pending_jobs(meeting_of(db).await).await.unwrap().is_empty());
    assert!(db.store.claim_jobs("b", at(1_000), at(2_000), 5).await.unwrap().is_empty());
    assert!(!db.store.claim_job(ids[0], "b", at(1_000), at(2_000)).await.unwrap());
}

async fn release_job_frees_the_job_without_an_attempt(db: &Db) {
    let ids = jobs(db, 1).await;
    db.store.claim_jobs("a", at(10), at(70), 5).await.unwrap();
    db.store.release_job(ids[0], "b").await.unwrap();
    assert!(db.store.claim_jobs("c", at(20), at(80), 5).await.unwrap().is_empty(), "only the holder releases");
    db.store.release_job(ids[0], "a").await.unwrap();
    let again = db.store.claim_jobs("c", at(20), at(80), 5).await.unwrap();
    assert_eq!(
        again.iter().map(|j| (j.id, j.attempts)).collect::<Vec<_>>(),
        [(ids[0], 0)],
        "free before a's lease end"
    );
    assert!(!db.store.renew_claim(ids[0], "a", at(90)).await.unwrap());
}

async fn claim_job_takes_one_job_by_id_due_or_not(db: &Db) {
    let ids = jobs(db, 3).await;
    let early = ids[2];
    // Due only at(2), but `/agenda next` runs it now.
    assert!(db.store.claim_job(early, "a", at(-100), at(-40)).await.unwrap());
    assert!(!db.store.claim_job(early, "b", at(-50), at(10)).await.unwrap(), "a holds it");
    assert!(db.store.claim_job(early, "a", at(-50), at(60)).await.unwrap(), "the holder may claim again, renewing");
    assert!(!db.store.claim_job(early, "b", at(-30), at(90)).await.unwrap(), "renewed until 60");
    let due: Vec<i64> = db.store.claim_jobs("b", at(30), at(90), 5).await.unwrap().into_iter().map(|j| j.id).collect();
    assert_eq!(due, &ids[..2], "claim_jobs leaves a's job alone");
    assert!(db.store.claim_job(early, "b", at(61), at(120)).await.unwrap(), "a's lease ran out");
    assert!(db.store.finish_job(early, "b", at(62)).await.unwrap());
    assert!(!db.store.claim_job(early, "a", at(200), at(300)).await.unwrap(), "a finished job is not pending");
    assert!(!db.store.claim_job(987_654, "a", at(0), at(60)).await.unwrap(), "no such job");
}

async fn try_lease_grants_free_expired_and_own_leases_only(db: &Db) {
    let timers = "breakout-timers";
    assert!(db.store.try_lease(timers, "a", at(0), at(30)).await.unwrap(), "free");
    assert!(!db.store.try_lease(timers, "b", at(10), at(40)).await.unwrap(), "a's, unexpired");
    assert!(db.store.try_lease(timers, "a", at(20), at(60)).await.unwrap(), "a renews");
    assert!(!db.store.try_lease(timers, "b", at(45), at(90)).await.unwrap(), "renewed until 60");
    assert!(db.store.try_lease("another-lease", "b", at(45), at(90)).await.unwrap(), "leases are per name");
    assert!(db.store.try_lease(timers, "b", at(61), at(90)).await.unwrap(), "expired: b takes it");
    assert!(!db.store.try_lease(timers, "a", at(62), at(120)).await.unwrap(), "a lost it");
    assert!(db.store.try_lease(timers, "b", at(63), at(120)).await.unwrap());

    // Two processes racing for a free lease: exactly one wins.
    let second = db.reopen().await;
    let (x, y) =
        tokio::join!(db.store.try_lease("race", "x", at(0), at(30)), second.try_lease("race", "y", at(0), at(30)),);
    assert!(x.unwrap() ^ y.unwrap(), "exactly one of two racing workers gets a free lease");
}
