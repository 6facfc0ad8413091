//! Custom ids of samrad's buttons, selects, modals and text inputs: encoded and parsed in one
//! place, so a click always finds its handler. All start with `samrad:` and stay under
//! Discord's 100 characters (question ids are at most 32).

use crate::app::breakouts::CHOOSE_BUTTON;
use crate::app::tick::ANSWER_BUTTON;
use crate::domain::QuestionId;

/// Where a member is in the answer flow: the modal page the "Next" button opens, and the first
/// picker question shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Nav {
    pub next_page: Option<usize>,
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustomId {
    /// The "Answer" button on the questions post: opens the flow at its start.
    Answer,
    /// Opens modal page `n`.
    Page(usize),
    /// A submitted modal page.
    Modal(usize),
    /// A text input in a modal.
    Input(QuestionId),
    /// A yes/no button (with its value) or a scale/choice select (value comes with the click).
    Pick { nav: Nav, question: QuestionId, value: Option<String> },
    /// Shows further picker questions.
    More(Nav),
    /// A room button of a `choose` round: round id, room number.
    Choose { round: i64, room: u32 },
}

fn nav_str(nav: Nav) -> String {
    format!("{}.{}", nav.next_page.map(|p| p.to_string()).unwrap_or_else(|| "-".into()), nav.offset)
}

fn parse_nav(s: &str) -> Option<Nav> {
    let (page, offset) = s.split_once('.')?;
    let next_page = if page == "-" { None } else { Some(page.parse().ok()?) };
    Some(Nav { next_page, offset: offset.parse().ok()? })
}

impl CustomId {
    pub fn encode(&self) -> String {
        match self {
            Self::Answer => ANSWER_BUTTON.to_owned(),
            Self::Page(n) => format!("samrad:page:{n}"),
            Self::Modal(n) => format!("samrad:modal:{n}"),
            Self::Input(q) => format!("samrad:q:{q}"),
            Self::Pick { nav, question, value: Some(v) } => format!("samrad:pick:{}:{question}:{v}", nav_str(*nav)),
            Self::Pick { nav, question, value: None } => format!("samrad:pick:{}:{question}", nav_str(*nav)),
            Self::More(nav) => format!("samrad:more:{}", nav_str(*nav)),
            Self::Choose { round, room } => format!("{CHOOSE_BUTTON}:{round}:{room}"),
        }
    }

    /// `None` for ids samrad did not make (or made by an older, incompatible version).
    pub fn parse(id: &str) -> Option<Self> {
        if id == ANSWER_BUTTON {
            return Some(Self::Answer);
        }
        let rest = id.strip_prefix("samrad:")?;
        let (kind, rest) = rest.split_once(':')?;
        match kind {
            "page" => rest.parse().ok().map(Self::Page),
            "modal" => rest.parse().ok().map(Self::Modal),
            "q" => QuestionId::try_from(rest).ok().map(Self::Input),
            "more" => parse_nav(rest).map(Self::More),
            "choose" => {
                let (round, room) = rest.split_once(':')?;
                Some(Self::Choose { round: round.parse().ok()?, room: room.parse().ok()? })
            }
            "pick" => {
                let mut parts = rest.splitn(3, ':');
                let nav = parse_nav(parts.next()?)?;
                let question = QuestionId::try_from(parts.next()?).ok()?;
                let value = parts.next().map(str::to_owned);
                Some(Self::Pick { nav, question, value })
            }
            _ => None,
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
        for id in [
            CustomId::Answer,
            CustomId::Page(1),
            CustomId::Modal(0),
            CustomId::Input(q("key-figures")),
            CustomId::Pick { nav, question: q("q3"), value: Some("yes".into()) },
            CustomId::Pick { nav: Nav::default(), question: q(&long), value: None },
            CustomId::Pick {
                nav: Nav { next_page: Some(12), offset: 100 },
                question: q(&long),
                value: Some("17".into()),
            },
            CustomId::More(nav),
            CustomId::Choose { round: 12, room: 3 },
        ] {
            let s = id.encode();
            assert!(s.len() <= 100, "{s}");
            assert_eq!(CustomId::parse(&s), Some(id), "{s}");
        }
    }

    #[test]
    fn the_room_buttons_of_a_choose_round_parse() {
        assert_eq!(CustomId::parse(&format!("{CHOOSE_BUTTON}:7:2")), Some(CustomId::Choose { round: 7, room: 2 }));
        assert_eq!(CustomId::parse(&format!("{CHOOSE_BUTTON}:7")), None);
    }

    #[test]
    fn the_questions_post_button_opens_the_flow() {
        assert_eq!(CustomId::parse(ANSWER_BUTTON), Some(CustomId::Answer));
    }

    #[test]
    fn foreign_or_broken_ids_are_ignored() {
        for s in ["", "other:page:1", "samrad:page:x", "samrad:q:Bad Id", "samrad:pick:1:q1", "samrad:nope:1"] {
            assert_eq!(CustomId::parse(s), None, "{s}");
        }
    }
}
