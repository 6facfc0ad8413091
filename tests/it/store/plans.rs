//! PlanStore: what each unit will do after the meeting.

use samrad::app::ports::Plan;

use super::*;

store_tests!(
    plans_round_trip_by_unit_then_in_order_added,
    an_empty_action_is_a_conflict,
    a_plan_for_an_unknown_meeting_is_not_found
);

fn plan(unit_name: &str, action: &str, due: Option<NaiveDate>, by: u64) -> Plan {
    Plan {
        unit: unit(unit_name),
        action: action.into(),
        owner: "Fakultetsdirektør Ærlig".into(),
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
        db.store.add_plan(m, GUILD, p, at(i as i64)).await.unwrap();
    }
    db.store.add_plan(other, GUILD, &plan("Arkitektur", "Et annet møte", None, 4), at(9)).await.unwrap();
    // A unit named in a plan need not be anyone's unit yet: the store creates it.
    db.store.add_plan(other, GUILD, &plan("Helt ny enhet", "Starte", None, 4), at(9)).await.unwrap();

    let stored = db.store.plans(m).await.unwrap();
    assert_eq!(stored, vec![given[1].clone(), given[0].clone(), given[2].clone()]);
    assert_eq!(stored[1].unit.as_str(), "Bygg");
    assert_eq!(db.store.plans(other).await.unwrap().len(), 2);
    assert!(db.store.plans(MeetingId(987_654)).await.unwrap().is_empty());
}

async fn an_empty_action_is_a_conflict(db: &Db) {
    let m = meeting(db).await;
    assert_conflict(db.store.add_plan(m, GUILD, &plan("Bygg", "  ", None, 1), at(0)).await, "a blank action");
    assert_conflict(
        db.store.add_plan(m, GUILD, &plan("Bygg", &"x".repeat(1001), None, 1), at(0)).await,
        "a long action",
    );
    assert!(db.store.plans(m).await.unwrap().is_empty());
}

async fn a_plan_for_an_unknown_meeting_is_not_found(db: &Db) {
    db.store.ensure_guild(GUILD, "g").await.unwrap();
    let result = db.store.add_plan(MeetingId(987_654), GUILD, &plan("Bygg", "Noe", None, 1), at(0)).await;
    assert_not_found(result, "a plan for an unknown meeting");
}
