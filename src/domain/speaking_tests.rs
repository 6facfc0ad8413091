//! The speaking timer as a meeting runs it: 5 + 5 minutes per organisation.

use super::*;

fn unit(s: &str) -> Presenter {
    Presenter::parse(s).unwrap()
}

fn t0() -> DateTime<Utc> {
    "2027-04-15T08:00:00Z".parse().unwrap()
}

fn min(m: i64) -> Duration {
    Duration::minutes(m)
}

fn five_plus_five() -> Speaking {
    Speaking {
        presenters: vec![unit("Org A"), unit("Org B"), unit("@Ella Ghosh")],
        talk_minutes: 5,
        questions_minutes: 5,
        prepare_days_before: 3,
    }
}

#[test]
fn presenters_are_units_or_members_and_round_trip() {
    assert_eq!(Presenter::parse(" KHM "), Some(Presenter::Unit(UnitName::try_from("KHM").unwrap())));
    assert_eq!(Presenter::parse("@ Ella Ghosh"), Some(Presenter::Member("Ella Ghosh".into())));
    assert_eq!(Presenter::parse("@"), None);
    assert_eq!(Presenter::parse("  "), None);
    for p in five_plus_five().presenters {
        assert_eq!(Presenter::parse(&p.spell()), Some(p));
    }
    assert_eq!(five_plus_five().total_minutes(), 30);
    assert!(unit("@Ella Ghosh").is_named(" @ella ghosh"));
    assert_eq!(parse_prepare_key(&prepare_key(7)), Some(7));
    assert_eq!(parse_prepare_key("agenda:7"), None);
}

#[test]
fn the_preparation_reminder_is_some_days_before_the_meeting_day_or_none() {
    let day: NaiveDate = "2027-04-15".parse().unwrap();
    assert_eq!(five_plus_five().prepare_on(day), Some("2027-04-12".parse().unwrap()));
    assert_eq!(Speaking { prepare_days_before: 0, ..five_plus_five() }.prepare_on(day), None);
}

#[test]
fn the_preparation_reminder_comes_on_its_day_or_at_once_but_never_on_the_meeting_day() {
    let day: NaiveDate = "2027-04-15".parse().unwrap();
    let tz = chrono_tz::Europe::Stockholm;
    let planned: DateTime<Utc> = "2027-04-12T07:00:00Z".parse().unwrap();
    assert_eq!(prepare_due(&five_plus_five(), day, tz, planned - min(600)), Some(planned));
    let late: DateTime<Utc> = "2027-04-14T12:00:00Z".parse().unwrap();
    assert_eq!(prepare_due(&five_plus_five(), day, tz, late), Some(late), "loaded late: at once");
    let meeting_morning: DateTime<Utc> = "2027-04-15T07:00:00Z".parse().unwrap();
    assert!(prepare_is_stale(day, tz, meeting_morning));
    assert!(!prepare_is_stale(day, tz, meeting_morning - Duration::seconds(1)));
    assert_eq!(prepare_due(&five_plus_five(), day, tz, meeting_morning), None);
}

#[test]
fn five_plus_five_per_organisation_announces_warns_and_moves_on() {
    let (mut timer, said) = SpeakingTimer::start(&five_plus_five(), t0()).unwrap();
    assert_eq!(said, Said::Speaker { presenter: unit("Org A"), n: 1, of: 3, until: t0() + min(5) });
    assert_eq!(timer.wake_at(), Some(t0() + min(4)));
    assert_eq!(timer.due(t0() + min(3)), vec![]);
    assert_eq!(timer.due(t0() + min(4)), vec![Said::Warning { presenter: unit("Org A"), part: Part::Talk }]);
    assert_eq!(timer.due(t0() + min(4)), vec![], "warned once");
    assert_eq!(timer.wake_at(), Some(t0() + min(5)));
    assert_eq!(timer.due(t0() + min(5)), vec![Said::Questions { presenter: unit("Org A"), until: t0() + min(10) }]);
    // A tick a few seconds late does not make the day later.
    let late = t0() + min(10) + Duration::seconds(4);
    assert_eq!(timer.due(late), vec![Said::Speaker { presenter: unit("Org B"), n: 2, of: 3, until: t0() + min(15) }]);
    assert_eq!(timer.step, 2);
    timer.next(t0() + min(12));
    timer.next(t0() + min(13));
    assert_eq!(timer.speaker(), Some(&unit("@Ella Ghosh")));
    timer.next(t0() + min(14));
    assert_eq!(timer.next(t0() + min(15)), Said::Done);
    assert!(timer.finished);
    assert_eq!(timer.wake_at(), None);
    assert_eq!(timer.due(t0() + min(60)), vec![]);
}

#[test]
fn after_an_outage_only_the_step_running_now_is_said_and_no_warning_comes_late() {
    let (mut timer, _) = SpeakingTimer::start(&five_plus_five(), t0()).unwrap();
    // Down from minute 3 to minute 12: Org A's warning, questions and Org B's start are missed.
    let back = t0() + min(12);
    assert_eq!(timer.due(back), vec![Said::Speaker { presenter: unit("Org B"), n: 2, of: 3, until: t0() + min(15) }]);
    assert_eq!(timer.step, 2, "the missed steps are taken, so their keys are used up");
    // Back inside the warning window of a step: the warning is still on time.
    let (mut timer, _) = SpeakingTimer::start(&five_plus_five(), t0()).unwrap();
    let back = t0() + min(4) + Duration::seconds(30);
    assert_eq!(timer.due(back), vec![Said::Warning { presenter: unit("Org A"), part: Part::Talk }]);
    // Down past the whole item: only the end is said.
    let (mut timer, _) = SpeakingTimer::start(&five_plus_five(), t0()).unwrap();
    assert_eq!(timer.due(t0() + min(90)), vec![Said::Done]);
}

#[test]
fn skipping_gives_the_floor_to_the_next_and_remembers_who_was_skipped() {
    let (mut timer, _) = SpeakingTimer::start(&five_plus_five(), t0()).unwrap();
    let (skipped, next) = timer.skip(t0()).unwrap();
    assert_eq!(skipped, Said::Skipped { presenter: unit("Org A") });
    assert!(matches!(next, Said::Speaker { n: 2, .. }));
    assert_eq!(timer.skipped, vec![unit("Org A")]);
    timer.skip(t0()).unwrap();
    assert_eq!(timer.skip(t0()).unwrap().1, Said::Done);
    assert_eq!(timer.skip(t0()), Err(SpeakingError::Finished));
}

#[test]
fn extending_moves_the_end_and_warns_again_under_a_new_step() {
    let (mut timer, _) = SpeakingTimer::start(&five_plus_five(), t0()).unwrap();
    timer.due(t0() + min(4));
    assert!(timer.warned);
    assert_eq!(timer.extend(3), Ok(Said::Extended { presenter: unit("Org A"), until: t0() + min(8) }));
    assert!(!timer.warned);
    assert_eq!(timer.step, 1);
    assert_eq!(timer.due(t0() + min(7)), vec![Said::Warning { presenter: unit("Org A"), part: Part::Talk }]);
    assert_eq!(timer.extend(0), Err(SpeakingError::BadExtension(0)));
    assert_eq!(timer.extend(61), Err(SpeakingError::BadExtension(61)));
}

#[test]
fn a_waiting_speaker_moves_among_those_still_waiting() {
    let (mut timer, _) = SpeakingTimer::start(&five_plus_five(), t0()).unwrap();
    timer.move_waiting("@ella ghosh", 1).unwrap();
    let order: Vec<String> = timer.queue.iter().map(Presenter::name).collect();
    assert_eq!(order, ["Org A", "Ella Ghosh", "Org B"]);
    assert_eq!(timer.move_waiting("Org A", 1), Err(SpeakingError::NotWaiting("Org A".into())), "has the floor");
    assert_eq!(timer.move_waiting("Org B", 3), Err(SpeakingError::BadPlace { place: 3, len: 2 }));
}

#[test]
fn steps_of_a_minute_get_no_warning() {
    let one = Speaking { talk_minutes: 1, questions_minutes: 0, ..five_plus_five() };
    let (mut timer, _) = SpeakingTimer::start(&one, t0()).unwrap();
    assert_eq!(timer.due(t0() + Duration::seconds(30)), vec![]);
    assert!(matches!(timer.due(t0() + min(1))[..], [Said::Speaker { n: 2, .. }]));
}
