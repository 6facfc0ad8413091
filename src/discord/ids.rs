//! Custom ids of samrad's buttons, selects, modals and text inputs: encoded and parsed in one
//! place, so a click always finds its handler. All start with `samrad:` and stay under
//! Discord's 100 characters (question ids are at most 32).
//!
//! The answer flow runs for reflection and evaluation questions alike; its ids carry the phase.
//! Reflection ids are those of earlier versions (`samrad:page:1`), so buttons on messages sent
//! before the phase existed keep working; evaluation ids insert `eval:` (`samrad:eval:page:1`),
//! meeting-day ids `during:` (`samrad:during:page:1`).

use crate::app::posting::{ANSWER_BUTTON, CHOOSE_BUTTON, DURING_BUTTON, EVALUATE_BUTTON};
use crate::domain::{Phase, QuestionId};

/// Where a member is in the answer flow: the modal page the "Next" button opens, and the first
/// picker question shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Nav {
    pub next_page: Option<usize>,
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustomId {
    /// The "Answer" button on the questions post (reflection) or the "Evaluate" button on the
    /// evaluation post: opens the flow of that phase at its start.
    Answer(Phase),
    /// Opens modal page `n`.
    Page(Phase, usize),
    /// A submitted modal page.
    Modal(Phase, usize),
    /// A text input in a modal (the question id says its phase).
    Input(QuestionId),
    /// A yes/no button (with its value) or a scale/choice select (value comes with the click).
    Pick { phase: Phase, nav: Nav, question: QuestionId, value: Option<String> },
    /// Shows further picker questions.
    More(Phase, Nav),
    /// A room button of a `choose` round: round id, room number.
    Choose { round: i64, room: u32 },
    /// The one-time question about sharing answers in rooms: yes or no.
    Consent(bool),
    /// Forget-me's confirmation: delete (true) or cancel. Stateless: it works after a restart.
    Forget(bool),
}

fn yes_no(yes: bool) -> &'static str {
    if yes {
        "yes"
    } else {
        "no"
    }
}

fn parse_yes_no(s: &str) -> Option<bool> {
    match s {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

fn nav_str(nav: Nav) -> String {
    format!("{}.{}", nav.next_page.map(|p| p.to_string()).unwrap_or_else(|| "-".into()), nav.offset)
}

fn parse_nav(s: &str) -> Option<Nav> {
    let (page, offset) = s.split_once('.')?;
    let next_page = if page == "-" { None } else { Some(page.parse().ok()?) };
    Some(Nav { next_page, offset: offset.parse().ok()? })
}

/// `samrad:` for the reflection flow (as before phases), `samrad:eval:` for the evaluation,
/// `samrad:during:` for the questions of the meeting day.
fn flow_prefix(phase: Phase) -> &'static str {
    match phase {
        Phase::Reflection => "samrad:",
        Phase::Evaluation => "samrad:eval:",
        Phase::During => "samrad:during:",
    }
}

impl CustomId {
    pub fn encode(&self) -> String {
        match self {
            Self::Answer(Phase::Reflection) => ANSWER_BUTTON.to_owned(),
            Self::Answer(Phase::Evaluation) => EVALUATE_BUTTON.to_owned(),
            Self::Answer(Phase::During) => DURING_BUTTON.to_owned(),
            Self::Page(phase, n) => format!("{}page:{n}", flow_prefix(*phase)),
            Self::Modal(phase, n) => format!("{}modal:{n}", flow_prefix(*phase)),
            Self::Input(q) => format!("samrad:q:{q}"),
            Self::Pick { phase, nav, question, value: Some(v) } => {
                format!("{}pick:{}:{question}:{v}", flow_prefix(*phase), nav_str(*nav))
            }
            Self::Pick { phase, nav, question, value: None } => {
                format!("{}pick:{}:{question}", flow_prefix(*phase), nav_str(*nav))
            }
            Self::More(phase, nav) => format!("{}more:{}", flow_prefix(*phase), nav_str(*nav)),
            Self::Choose { round, room } => format!("{CHOOSE_BUTTON}:{round}:{room}"),
            Self::Consent(yes) => format!("samrad:consent:{}", yes_no(*yes)),
            Self::Forget(yes) => format!("samrad:forget:{}", yes_no(*yes)),
        }
    }

    /// `None` for ids samrad did not make (or made by an older, incompatible version).
    pub fn parse(id: &str) -> Option<Self> {
        if id == ANSWER_BUTTON {
            return Some(Self::Answer(Phase::Reflection));
        }
        if id == EVALUATE_BUTTON {
            return Some(Self::Answer(Phase::Evaluation));
        }
        if id == DURING_BUTTON {
            return Some(Self::Answer(Phase::During));
        }
        let rest = id.strip_prefix("samrad:")?;
        if let Some(rest) = rest.strip_prefix("eval:") {
            return Self::parse_flow(Phase::Evaluation, rest);
        }
        if let Some(rest) = rest.strip_prefix("during:") {
            return Self::parse_flow(Phase::During, rest);
        }
        let (kind, tail) = rest.split_once(':')?;
        match kind {
            "q" => QuestionId::try_from(tail).ok().map(Self::Input),
            "choose" => {
                let (round, room) = tail.split_once(':')?;
                Some(Self::Choose { round: round.parse().ok()?, room: room.parse().ok()? })
            }
            "consent" => parse_yes_no(tail).map(Self::Consent),
            // Earlier versions appended the command's interaction id (`samrad:forget:yes:123`).
            "forget" => parse_yes_no(tail.split(':').next()?).map(Self::Forget),
            _ => Self::parse_flow(Phase::Reflection, rest),
        }
    }

    /// The phase-carrying ids of the answer flow, after their prefix.
    fn parse_flow(phase: Phase, rest: &str) -> Option<Self> {
        let (kind, rest) = rest.split_once(':')?;
        match kind {
            "page" => rest.parse().ok().map(|n| Self::Page(phase, n)),
            "modal" => rest.parse().ok().map(|n| Self::Modal(phase, n)),
            "more" => parse_nav(rest).map(|nav| Self::More(phase, nav)),
            "pick" => {
                let mut parts = rest.splitn(3, ':');
                let nav = parse_nav(parts.next()?)?;
                let question = QuestionId::try_from(parts.next()?).ok()?;
                let value = parts.next().map(str::to_owned);
                Some(Self::Pick { phase, nav, question, value })
            }
            _ => None,
        }
    }

    /// The flow phase of an answer-flow id (`None` for inputs and room buttons).
    pub fn phase(&self) -> Option<Phase> {
        match self {
            Self::Answer(p) | Self::Page(p, _) | Self::Modal(p, _) | Self::More(p, _) | Self::Pick { phase: p, .. } => {
                Some(*p)
            }
            Self::Input(_) | Self::Choose { .. } | Self::Consent(_) | Self::Forget(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> QuestionId {
        QuestionId::try_from(s).unwrap()
    }

    #[test]
    fn every_custom_id_survives_the_round_trip_and_fits_discord() {
        let nav = Nav { next_page: Some(2), offset: 4 };
        let long = "a".repeat(QuestionId::MAX_LEN);
        let mut ids = vec![
            CustomId::Input(q("key-figures")),
            CustomId::Choose { round: 12, room: 3 },
            CustomId::Consent(true),
            CustomId::Consent(false),
            CustomId::Forget(true),
            CustomId::Forget(false),
        ];
        for phase in [Phase::Reflection, Phase::Evaluation, Phase::During] {
            ids.extend([
                CustomId::Answer(phase),
                CustomId::Page(phase, 1),
                CustomId::Modal(phase, 0),
                CustomId::Pick { phase, nav, question: q("q3"), value: Some("yes".into()) },
                CustomId::Pick { phase, nav: Nav::default(), question: q(&long), value: None },
                CustomId::Pick {
                    phase,
                    nav: Nav { next_page: Some(12), offset: 100 },
                    question: q(&long),
                    value: Some("17".into()),
                },
                CustomId::More(phase, nav),
            ]);
        }
        for id in ids {
            let s = id.encode();
            assert!(s.len() <= 100, "{s}");
            assert_eq!(CustomId::parse(&s), Some(id), "{s}");
        }
    }

    #[test]
    fn ids_sent_before_the_flow_had_phases_still_parse_as_reflection() {
        let nav = Nav { next_page: Some(1), offset: 0 };
        for (old, id) in [
            ("samrad:page:1", CustomId::Page(Phase::Reflection, 1)),
            ("samrad:modal:0", CustomId::Modal(Phase::Reflection, 0)),
            ("samrad:more:1.0", CustomId::More(Phase::Reflection, nav)),
            (
                "samrad:pick:1.0:yn:yes",
                CustomId::Pick { phase: Phase::Reflection, nav, question: q("yn"), value: Some("yes".into()) },
            ),
        ] {
            assert_eq!(CustomId::parse(old), Some(id.clone()), "{old}");
            assert_eq!(id.encode(), old, "reflection ids are encoded as before");
        }
    }

    #[test]
    fn evaluation_ids_say_so() {
        assert_eq!(CustomId::Modal(Phase::Evaluation, 0).encode(), "samrad:eval:modal:0");
        assert_eq!(CustomId::parse("samrad:eval:page:2").and_then(|i| i.phase()), Some(Phase::Evaluation));
        assert_eq!(CustomId::parse("samrad:eval:q:x"), None, "inputs carry no phase");
    }

    #[test]
    fn the_room_buttons_of_a_choose_round_parse() {
        assert_eq!(CustomId::parse(&format!("{CHOOSE_BUTTON}:7:2")), Some(CustomId::Choose { round: 7, room: 2 }));
        assert_eq!(CustomId::parse(&format!("{CHOOSE_BUTTON}:7")), None);
    }

    #[test]
    fn the_questions_post_button_opens_the_flow() {
        assert_eq!(CustomId::parse(ANSWER_BUTTON), Some(CustomId::Answer(Phase::Reflection)));
    }

    #[test]
    fn the_meeting_day_post_button_opens_the_meeting_day_flow() {
        assert_eq!(CustomId::parse(DURING_BUTTON), Some(CustomId::Answer(Phase::During)));
        assert_eq!(CustomId::Page(Phase::During, 1).encode(), "samrad:during:page:1");
    }

    #[test]
    fn the_evaluation_post_button_opens_the_evaluation_flow() {
        assert_eq!(CustomId::parse(EVALUATE_BUTTON), Some(CustomId::Answer(Phase::Evaluation)));
    }

    #[test]
    fn foreign_or_broken_ids_are_ignored() {
        for s in [
            "",
            "other:page:1",
            "samrad:page:x",
            "samrad:q:Bad Id",
            "samrad:pick:1:q1",
            "samrad:nope:1",
            "samrad:eval:nope:1",
            "samrad:eval:choose:1:2",
        ] {
            assert_eq!(CustomId::parse(s), None, "{s}");
        }
    }
}
