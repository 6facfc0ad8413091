//! PlanStore: what each unit will do after the meeting, where each plan stands and who
//! changed it when; the decisions of a meeting day.

use samrad::app::ports::{Decision, Plan, PlansBefore, StoredPlan};
use samrad::domain::plan::{PlanChange, PlanId, PlanStatus};

use super::*;

store_tests!(
    plans_round_trip_by_unit_then_in_order_added,
    an_empty_action_is_a_conflict,
    a_plan_for_an_unknown_meeting_is_not_found,
    a_plan_and_its_reminders_are_stored_together,
    every_status_change_is_kept_with_who_and_when,
    closing_a_plan_cancels_its_pending_reminders_only,
    a_status_for_an_unknown_plan_is_not_found_and_changes_nothing,
    decisions_round_trip_with_their_reminders,
    unit_plans_before_are_the_previous_meetings_plans_of_that_unit,
);

fn no_jobs(_: PlanId) -> Vec<NewJob> {
    Vec::new()
}

async fn add(db: &Db, m: MeetingId, p: &Plan, now: DateTime<Utc>) -> Result<PlanId, StoreError> {
    db.store.add_plan(m, GUILD, p, &no_jobs, now).await
}

fn plans_of(stored: Vec<StoredPlan>) -> Vec<Plan> {
    stored.into_iter().map(|p| p.plan).collect()
}

fn plan(unit_name: &str, action: &str, due: Option<NaiveDate>, by: u64) -> Plan {
    Plan {
        unit: unit(unit_name),
        action: action.into(),
        owner: "Fakultetsdirektør Ærlig".into(),
        owner_id: Some(user(by + 100)),
        due,
        created_by: user(by),
    }
}

async fn plans_round_trip_by_unit_then_in_order_added(db: &Db) {
    let m = meeting(db).await;
    let other = db.store.create_meeting(&new_meeting(GUILD, "kit-b"), t0()).await.unwrap();
    let given = [
        plan("Bygg", "Kartlegge lønnsforskjeller «innen 2028» 📊", NaiveDate::from_ymd_opt(2027, 12, 31), 1),
        plan("Arkitektur", "Mentorprogram", None, 2),
        plan("Bygg", "Rapportere til ledermøtet", NaiveDate::from_ymd_opt(2028, 2, 29), 3),
    ];
    for (i, p) in given.iter().enumerate() {
        add(db, m, p, at(i as i64)).await.unwrap();
    }
    add(db, other, &plan("Arkitektur", "Et annet møte", None, 4), at(9)).await.unwrap();
    // A unit named in a plan need not be anyone's unit yet: the store creates it.
    add(db, other, &plan("Helt ny enhet", "Starte", None, 4), at(9)).await.unwrap();

    let stored = db.store.plans(m).await.unwrap();
    assert!(stored.iter().all(|p| p.status == PlanStatus::NotStarted && p.note.is_none() && p.meeting == m));
    let stored = plans_of(stored);
    assert_eq!(stored, vec![given[1].clone(), given[0].clone(), given[2].clone()]);
    assert_eq!(stored[1].unit.as_str(), "Bygg");
    assert_eq!(db.store.plans(other).await.unwrap().len(), 2);
    assert!(db.store.plans(MeetingId(987_654)).await.unwrap().is_empty());
}

async fn an_empty_action_is_a_conflict(db: &Db) {
    let m = meeting(db).await;
    assert_conflict(add(db, m, &plan("Bygg", "  ", None, 1), at(0)).await, "a blank action");
    assert_conflict(add(db, m, &plan("Bygg", &"x".repeat(1001), None, 1), at(0)).await, "a long action");
    assert!(db.store.plans(m).await.unwrap().is_empty());
}

async fn a_plan_for_an_unknown_meeting_is_not_found(db: &Db) {
    db.store.ensure_guild(GUILD, "g").await.unwrap();
    let result = add(db, MeetingId(987_654), &plan("Bygg", "Noe", None, 1), at(0)).await;
    assert_not_found(result, "a plan for an unknown meeting");
}

fn reminders_of(id: PlanId) -> Vec<NewJob> {
    vec![
        job(&format!("plan:{id}:before"), "plan-remind", at(100)),
        job(&format!("plan:{id}:due"), "plan-remind", at(200)),
    ]
}

async fn a_plan_and_its_reminders_are_stored_together(db: &Db) {
    let m = meeting(db).await;
    let id = db.store.add_plan(m, GUILD, &plan("Bygg", "Kartlegge", None, 1), &reminders_of, at(0)).await.unwrap();
    let keys: Vec<String> = db.store.pending_jobs(m).await.unwrap().into_iter().map(|j| j.key).collect();
    assert_eq!(keys, vec![format!("plan:{id}:before"), format!("plan:{id}:due")]);
    let stored = db.store.plan(id).await.unwrap().expect("the plan by id");
    assert_eq!((stored.id, stored.meeting, stored.plan.action.as_str()), (id, m, "Kartlegge"));
    assert_eq!(db.store.plan(PlanId(987_654)).await.unwrap(), None);
    // A refused plan leaves no reminders behind.
    let bad = db.store.add_plan(m, GUILD, &plan("Bygg", " ", None, 1), &|_| reminders_of(PlanId(77)), at(0)).await;
    assert_conflict(bad, "a blank action");
    assert_eq!(db.store.pending_jobs(m).await.unwrap().len(), 2);
}

fn change(plan: PlanId, status: PlanStatus, note: Option<&str>, by: u64, secs: i64) -> PlanChange {
    PlanChange { plan, status, note: note.map(Into::into), by: user(by), at: at(secs), asked_in: None }
}

async fn every_status_change_is_kept_with_who_and_when(db: &Db) {
    let m = meeting(db).await;
    let next = db.store.create_meeting(&new_meeting(GUILD, "kit-b"), t0()).await.unwrap();
    let a = add(db, m, &plan("Bygg", "Kartlegge", None, 1), at(0)).await.unwrap();
    let b = add(db, m, &plan("Arkitektur", "Mentorprogram", None, 2), at(1)).await.unwrap();
    let changes = [
        change(a, PlanStatus::InProgress, None, 1, 10),
        change(b, PlanStatus::Done, None, 2, 20),
        PlanChange {
            asked_in: Some(next), ..change(a, PlanStatus::Dropped, Some("Ingen budsjett «ennå» 💸"), 3, 30)
        },
    ];
    for c in &changes {
        db.store.set_plan_status(c).await.unwrap();
    }
    assert_eq!(db.store.plan_history(m).await.unwrap(), changes.to_vec());
    let a_now = db.store.plan(a).await.unwrap().unwrap();
    assert_eq!((a_now.status, a_now.note.as_deref()), (PlanStatus::Dropped, Some("Ingen budsjett «ennå» 💸")));
    // Reopening clears the note; the history keeps it.
    db.store.set_plan_status(&change(a, PlanStatus::InProgress, None, 1, 40)).await.unwrap();
    let a_now = db.store.plan(a).await.unwrap().unwrap();
    assert_eq!((a_now.status, a_now.note), (PlanStatus::InProgress, None));
    assert_eq!(db.store.plan_history(m).await.unwrap().len(), 4);
    assert!(db.store.plan_history(next).await.unwrap().is_empty());
    // A note longer than 300 characters is refused and nothing changes.
    let long = "x".repeat(301);
    assert_conflict(db.store.set_plan_status(&change(b, PlanStatus::Dropped, Some(&long), 2, 50)).await, "long note");
    assert_eq!(db.store.plan(b).await.unwrap().unwrap().status, PlanStatus::Done);
    assert_eq!(db.store.plan_history(m).await.unwrap().len(), 4);
}

async fn closing_a_plan_cancels_its_pending_reminders_only(db: &Db) {
    let m = meeting(db).await;
    let a = db.store.add_plan(m, GUILD, &plan("Bygg", "A", None, 1), &reminders_of, at(0)).await.unwrap();
    let b = db.store.add_plan(m, GUILD, &plan("Bygg", "B", None, 1), &reminders_of, at(0)).await.unwrap();
    db.store.set_plan_status(&change(a, PlanStatus::InProgress, None, 1, 1)).await.unwrap();
    assert_eq!(db.store.pending_jobs(m).await.unwrap().len(), 4, "an open plan keeps its reminders");
    db.store.set_plan_status(&change(a, PlanStatus::Done, None, 1, 2)).await.unwrap();
    let keys: Vec<String> = db.store.pending_jobs(m).await.unwrap().into_iter().map(|j| j.key).collect();
    assert_eq!(keys, vec![format!("plan:{b}:before"), format!("plan:{b}:due")]);
}

async fn a_status_for_an_unknown_plan_is_not_found_and_changes_nothing(db: &Db) {
    let m = meeting(db).await;
    let result = db.store.set_plan_status(&change(PlanId(987_654), PlanStatus::Done, None, 1, 1)).await;
    assert_not_found(result, "a status for an unknown plan");
    assert!(db.store.plan_history(m).await.unwrap().is_empty());
}

async fn decisions_round_trip_with_their_reminders(db: &Db) {
    let m = meeting(db).await;
    let decision = Decision {
        text: "Neste møte holdes i Tromsø — «alle» deltar".into(),
        responsible: "Kansliet".into(),
        responsible_id: Some(user(5)),
        due: NaiveDate::from_ymd_opt(2027, 9, 1),
        created_by: user(1),
    };
    let plain = Decision { responsible_id: None, due: None, text: "Ja".into(), ..decision.clone() };
    let jobs = |id: i64| vec![job(&format!("decision:{id}:due"), "plan-remind", at(100))];
    let first = db.store.add_decision(m, &decision, &jobs, at(1)).await.unwrap();
    let second = db.store.add_decision(m, &plain, &|_| Vec::new(), at(2)).await.unwrap();
    let stored = db.store.decisions(m).await.unwrap();
    assert_eq!(
        stored.iter().map(|d| (d.id, &d.decision, d.created_at)).collect::<Vec<_>>(),
        vec![(first, &decision, at(1)), (second, &plain, at(2))]
    );
    assert_eq!(db.store.decision(first).await.unwrap().unwrap().decision, decision);
    assert_eq!(db.store.decision(987_654).await.unwrap(), None);
    assert_eq!(db.store.pending_jobs(m).await.unwrap()[0].key, format!("decision:{first}:due"));
    let empty = Decision { text: " ".into(), ..plain };
    assert_conflict(db.store.add_decision(m, &empty, &|_| Vec::new(), at(3)).await, "an empty decision");
    assert_not_found(db.store.add_decision(MeetingId(987_654), &decision, &|_| Vec::new(), at(3)).await, "no meeting");
}

async fn unit_plans_before_are_the_previous_meetings_plans_of_that_unit(db: &Db) {
    let create =
        |kit: &'static str| async move { db.store.create_meeting(&new_meeting(GUILD, kit), t0()).await.unwrap() };
    let _older = create("spring").await;
    let spring = create("spring").await;
    let autumn = create("autumn").await;
    assert_eq!(db.store.unit_plans_before(autumn, &unit("Bygg")).await.unwrap(), None, "not linked");
    db.store.link_previous(autumn, "spring").await.unwrap();
    let title = db.store.meeting(spring).await.unwrap().unwrap().title;
    let none = PlansBefore { meeting: spring, title: title.clone(), plans: Vec::new() };
    assert_eq!(db.store.unit_plans_before(autumn, &unit("Bygg")).await.unwrap(), Some(none), "no plans made");

    let given = [
        plan("Bygg", "Kartlegge lønnsforskjeller «innen 2028» 📊", NaiveDate::from_ymd_opt(2027, 12, 31), 1),
        plan("Arkitektur", "Mentorprogram", None, 2),
        plan("Bygg", "Rapportere til ledermøtet", None, 3),
    ];
    for (i, p) in given.iter().enumerate() {
        add(db, spring, p, at(i as i64)).await.unwrap();
    }
    add(db, autumn, &plan("Bygg", "Made at the meeting itself", None, 4), at(9)).await.unwrap();
    // The unit is matched as units are (by its key: case does not matter).
    let before = db.store.unit_plans_before(autumn, &unit("bygg")).await.unwrap().unwrap();
    assert_eq!(before, PlansBefore { meeting: spring, title, plans: vec![given[0].clone(), given[2].clone()] });
    assert_eq!(db.store.unit_plans_before(spring, &unit("Bygg")).await.unwrap(), None, "spring follows nothing");
}
