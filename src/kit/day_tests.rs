//! Meeting-day keys of the kit format (#18): a `choose` plan's `topics`.

use super::test_support::{kit, only_error};

/// Line 18 is the plan's `topics`.
const DAY: &str = r#"id = "dag"
title = "Lärandeträff"
language = "sv"
date = 2027-04-15
units = ["A", "B"]

[[agenda]]
start = "13:45"
minutes = 45
kind = "breakout"
title = "Valfri gruppindelning"
breakout = "valfri"

[[breakouts]]
id = "valfri"
title = "Reflektioner"
mode = "choose"
topics = ["Uppföljning", "Beslut", "Rutiner"]
minutes = 35
"#;

fn with_topics(topics: &str) -> String {
    DAY.replace(r#"topics = ["Uppföljning", "Beslut", "Rutiner"]"#, &format!("topics = {topics}"))
}

#[test]
fn a_choose_plan_opens_one_room_per_topic() {
    let k = kit(DAY).unwrap();
    assert_eq!(k.breakouts[0].topics, ["Uppföljning", "Beslut", "Rutiner"]);
    let plain = kit(&with_topics("[]").replace("topics = []\n", "")).unwrap();
    assert!(plain.breakouts[0].topics.is_empty(), "without topics: numbered rooms");
}

#[test]
fn topics_belong_to_choose_plans_only() {
    let e = only_error(&DAY.replace(r#"mode = "choose""#, r#"mode = "random""#));
    assert_eq!(e.line, 18, "{e}");
    assert!(e.message.contains(r#"mode = "choose""#), "{e}");
}

#[test]
fn a_bad_topic_is_refused_at_its_place_with_a_hint() {
    let e = only_error(&with_topics(r#"["A", "  ", "B"]"#));
    assert_eq!((e.line, e.column), (18, 16), "{e}");
    assert!(e.message.contains("empty"), "{e}");
    assert!(e.hint.contains("one short, distinct text per room"), "{e}");
    let long = "x".repeat(81);
    let e = only_error(&with_topics(&format!(r#"["A", "{long}"]"#)));
    assert!(e.message.contains("81 characters") && e.message.contains("at most 80"), "{e}");
    let e = only_error(&with_topics(r#"["Beslut", "beslut"]"#));
    assert!(e.message.contains("already given as topic 1"), "{e}");
    let e = only_error(&with_topics("[]"));
    assert!(e.message.contains("`topics` is empty"), "{e}");
    // The organiser's language too.
    assert!(e.localised.is_some());
}
