//! Custom ids of samrad's buttons, selects, modals and text inputs: encoded and parsed here
//! and nowhere else, so a click always finds its handler. Use cases hand the adapter typed
//! actions (`app::ports::Action`); `CustomId::from` turns them into ids. All ids start with
//! `samrad:` and stay under Discord's 100 characters (question ids are at most 32).
//!
//! Ids already posted keep working: an id is never re-spelled, only new forms are added.
//! - The answer flow runs for reflection, evaluation and meeting-day questions; its ids carry
//!   the phase. Reflection ids are those of the first versions (`samrad:page:1`), evaluation
//!   ids insert `eval:` (`samrad:eval:page:1`), meeting-day ids `during:`.
//! - A flow that knows its meeting puts `m<id>:` after `samrad:` (`samrad:m12:answer`,
//!   `samrad:m12:eval:modal:0`), so a click in a DM (a reminder) finds the meeting's guild.
//!   Ids without it (posted before) find the guild as before.

use crate::app::ports::Action;
use crate::domain::plan::{PlanId, PlanStatus, StatusClick};
use crate::domain::{MeetingId, Phase, QuestionId};

/// Where a member is in the answer flow: the modal page the "Next" button opens, and the first
/// picker question shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Nav {
    pub next_page: Option<usize>,
    pub offset: usize,
}

/// Which answer flow an id belongs to: its phase, and the meeting when the id carries one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerFlow {
    pub phase: Phase,
    pub meeting: Option<MeetingId>,
}

impl AnswerFlow {
    pub fn of(phase: Phase, meeting: MeetingId) -> Self {
        AnswerFlow { phase, meeting: Some(meeting) }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustomId {
    /// The "Answer" button on the questions post and reminders (reflection), "Evaluate" on the
    /// evaluation post, "Answer" on a meeting-day post: opens the flow at its start.
    Answer(AnswerFlow),
    /// Opens modal page `n`.
    Page(AnswerFlow, usize),
    /// A submitted modal page.
    Modal(AnswerFlow, usize),
    /// A text input in a modal (the question id says its phase).
    Input(QuestionId),
    /// A yes/no button (with its value) or a scale/choice select (value comes with the click).
    Pick { flow: AnswerFlow, nav: Nav, question: QuestionId, value: Option<String> },
    /// Shows further picker questions.
    More(AnswerFlow, Nav),
    /// A room button of a `choose` round: round id, room number.
    Choose { round: i64, room: u32 },
    /// The one-time question about sharing answers in rooms: yes or no.
    Consent(bool),
    /// Forget-me's confirmation: delete (true) or cancel. Stateless: it works after a restart.
    Forget(bool),
    /// A plan's status button: `samrad:plan:<plan>:<status>[:<asked in meeting>]`.
    PlanStatus(StatusClick),
    /// The modal asking why a plan was dropped: `samrad:plandrop:<plan>[:<asked in meeting>]`.
    PlanDrop { plan: PlanId, asked_in: Option<MeetingId> },
    /// The note's text input in that modal.
    PlanDropNote,
}

impl From<&Action> for CustomId {
    fn from(action: &Action) -> Self {
        match action {
            Action::Answer { phase, meeting } => Self::Answer(AnswerFlow::of(*phase, *meeting)),
            Action::Choose { round, room } => Self::Choose { round: *round, room: *room },
            Action::PlanStatus(click) => Self::PlanStatus(*click),
        }
    }
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
/// `samrad:during:` for the questions of the meeting day; `m<meeting>:` after `samrad:` when
/// the flow carries its meeting.
fn flow_prefix(flow: AnswerFlow) -> String {
    let phase = match flow.phase {
        Phase::Reflection => "",
        Phase::Evaluation => "eval:",
        Phase::During => "during:",
    };
    match flow.meeting {
        Some(m) => format!("samrad:m{m}:{phase}"),
        None => format!("samrad:{phase}"),
    }
}

/// The start button of a flow: `samrad:answer`, `samrad:evaluate`, `samrad:during` (the names
/// of the first versions), with `m<meeting>:` inserted when the flow carries its meeting.
fn start_id(flow: AnswerFlow) -> String {
    let name = match flow.phase {
        Phase::Reflection => "answer",
        Phase::Evaluation => "evaluate",
        Phase::During => "during",
    };
    match flow.meeting {
        Some(m) => format!("samrad:m{m}:{name}"),
        None => format!("samrad:{name}"),
    }
}

fn with_meeting(meeting: Option<MeetingId>) -> String {
    meeting.map(|m| format!(":{m}")).unwrap_or_default()
}

/// An optional last `:<meeting>` part, and nothing after it.
fn parse_meeting_tail(mut parts: std::str::Split<'_, char>) -> Option<Option<MeetingId>> {
    let meeting = match parts.next() {
        Some(m) => Some(MeetingId(m.parse().ok()?)),
        None => None,
    };
    parts.next().is_none().then_some(meeting)
}

impl CustomId {
    pub fn encode(&self) -> String {
        match self {
            Self::Answer(flow) => start_id(*flow),
            Self::Page(flow, n) => format!("{}page:{n}", flow_prefix(*flow)),
            Self::Modal(flow, n) => format!("{}modal:{n}", flow_prefix(*flow)),
            Self::Input(q) => format!("samrad:q:{q}"),
            Self::Pick { flow, nav, question, value: Some(v) } => {
                format!("{}pick:{}:{question}:{v}", flow_prefix(*flow), nav_str(*nav))
            }
            Self::Pick { flow, nav, question, value: None } => {
                format!("{}pick:{}:{question}", flow_prefix(*flow), nav_str(*nav))
            }
            Self::More(flow, nav) => format!("{}more:{}", flow_prefix(*flow), nav_str(*nav)),
            Self::Choose { round, room } => format!("samrad:choose:{round}:{room}"),
            Self::Consent(yes) => format!("samrad:consent:{}", yes_no(*yes)),
            Self::Forget(yes) => format!("samrad:forget:{}", yes_no(*yes)),
            Self::PlanStatus(c) => format!("samrad:plan:{}:{}{}", c.plan, c.status.as_str(), with_meeting(c.asked_in)),
            Self::PlanDrop { plan, asked_in } => format!("samrad:plandrop:{plan}{}", with_meeting(*asked_in)),
            Self::PlanDropNote => "samrad:plandrop:note".to_owned(),
        }
    }

    /// `None` for ids samrad did not make (or made by an older, incompatible version).
    pub fn parse(id: &str) -> Option<Self> {
        let rest = id.strip_prefix("samrad:")?;
        // `m<meeting>:`: a flow that carries its meeting (never a kind: kinds are words).
        if let Some((m, tail)) = rest.strip_prefix('m').and_then(|r| r.split_once(':')) {
            if let Ok(meeting) = m.parse::<i64>() {
                return Self::parse_unplaced(tail)?.placed(MeetingId(meeting));
            }
        }
        Self::parse_unplaced(rest)
    }

    /// An id after `samrad:`, without a meeting.
    fn parse_unplaced(rest: &str) -> Option<Self> {
        let start = |phase| Some(Self::Answer(AnswerFlow { phase, meeting: None }));
        match rest {
            "answer" => return start(Phase::Reflection),
            "evaluate" => return start(Phase::Evaluation),
            "during" => return start(Phase::During),
            _ => {}
        }
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
            "plan" => {
                let mut parts = tail.split(':');
                let plan = PlanId(parts.next()?.parse().ok()?);
                let status = PlanStatus::parse(parts.next()?)?;
                let asked_in = parse_meeting_tail(parts)?;
                Some(Self::PlanStatus(StatusClick { plan, status, asked_in }))
            }
            "plandrop" if tail == "note" => Some(Self::PlanDropNote),
            "plandrop" => {
                let mut parts = tail.split(':');
                let plan = PlanId(parts.next()?.parse().ok()?);
                let asked_in = parse_meeting_tail(parts)?;
                Some(Self::PlanDrop { plan, asked_in })
            }
            _ => Self::parse_flow(Phase::Reflection, rest),
        }
    }

    /// The phase-carrying ids of the answer flow, after their prefix.
    fn parse_flow(phase: Phase, rest: &str) -> Option<Self> {
        let flow = AnswerFlow { phase, meeting: None };
        let (kind, rest) = rest.split_once(':')?;
        match kind {
            "page" => rest.parse().ok().map(|n| Self::Page(flow, n)),
            "modal" => rest.parse().ok().map(|n| Self::Modal(flow, n)),
            "more" => parse_nav(rest).map(|nav| Self::More(flow, nav)),
            "pick" => {
                let mut parts = rest.splitn(3, ':');
                let nav = parse_nav(parts.next()?)?;
                let question = QuestionId::try_from(parts.next()?).ok()?;
                let value = parts.next().map(str::to_owned);
                Some(Self::Pick { flow, nav, question, value })
            }
            _ => None,
        }
    }

    /// This answer-flow id with its meeting; `None` for the ids that carry no meeting.
    fn placed(mut self, meeting: MeetingId) -> Option<Self> {
        match &mut self {
            Self::Answer(flow)
            | Self::Page(flow, _)
            | Self::Modal(flow, _)
            | Self::More(flow, _)
            | Self::Pick { flow, .. } => {
                flow.meeting = Some(meeting);
                Some(self)
            }
            _ => None,
        }
    }

    /// The answer flow of an answer-flow id (`None` for inputs, rooms, consent, forget-me and plans).
    pub fn flow(&self) -> Option<AnswerFlow> {
        match self {
            Self::Answer(f) | Self::Page(f, _) | Self::Modal(f, _) | Self::More(f, _) | Self::Pick { flow: f, .. } => {
                Some(*f)
            }
            Self::Input(_)
            | Self::Choose { .. }
            | Self::Consent(_)
            | Self::Forget(_)
            | Self::PlanStatus(_)
            | Self::PlanDrop { .. }
            | Self::PlanDropNote => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn q(s: &str) -> QuestionId {
        QuestionId::try_from(s).unwrap()
    }

    fn unplaced(phase: Phase) -> AnswerFlow {
        AnswerFlow { phase, meeting: None }
    }

    fn phases() -> impl Strategy<Value = Phase> {
        prop_oneof![Just(Phase::Reflection), Just(Phase::Evaluation), Just(Phase::During)]
    }

    fn flows() -> impl Strategy<Value = AnswerFlow> {
        (phases(), proptest::option::of(any::<i64>()))
            .prop_map(|(phase, m)| AnswerFlow { phase, meeting: m.map(MeetingId) })
    }

    fn navs() -> impl Strategy<Value = Nav> {
        (proptest::option::of(0usize..10_000), 0usize..10_000).prop_map(|(next_page, offset)| Nav { next_page, offset })
    }

    fn questions() -> impl Strategy<Value = QuestionId> {
        "[a-z0-9_-]{1,32}".prop_map(|s| q(&s))
    }

    fn statuses() -> impl Strategy<Value = PlanStatus> {
        proptest::sample::select(PlanStatus::ALL.to_vec())
    }

    /// Every id samrad makes, over all its values.
    fn custom_ids() -> impl Strategy<Value = CustomId> {
        let meeting = proptest::option::of(any::<i64>().prop_map(MeetingId));
        prop_oneof![
            flows().prop_map(CustomId::Answer),
            (flows(), 0usize..10_000).prop_map(|(f, n)| CustomId::Page(f, n)),
            (flows(), 0usize..10_000).prop_map(|(f, n)| CustomId::Modal(f, n)),
            questions().prop_map(CustomId::Input),
            (flows(), navs(), questions(), proptest::option::of("yes|no|[0-9]{1,3}"))
                .prop_map(|(flow, nav, question, value)| CustomId::Pick { flow, nav, question, value }),
            (flows(), navs()).prop_map(|(f, nav)| CustomId::More(f, nav)),
            (any::<i64>(), any::<u32>()).prop_map(|(round, room)| CustomId::Choose { round, room }),
            any::<bool>().prop_map(CustomId::Consent),
            any::<bool>().prop_map(CustomId::Forget),
            (any::<i64>(), statuses(), meeting.clone()).prop_map(|(plan, status, asked_in)| {
                CustomId::PlanStatus(StatusClick { plan: PlanId(plan), status, asked_in })
            }),
            (any::<i64>(), meeting).prop_map(|(plan, asked_in)| CustomId::PlanDrop { plan: PlanId(plan), asked_in }),
            Just(CustomId::PlanDropNote),
        ]
    }

    proptest! {
        #[test]
        fn every_custom_id_survives_the_round_trip_and_fits_discord(id in custom_ids()) {
            let s = id.encode();
            prop_assert!(s.len() <= 100, "{s}");
            prop_assert_eq!(CustomId::parse(&s), Some(id), "{}", s);
        }

        #[test]
        fn every_posted_action_becomes_an_id_of_the_same_meaning(
            phase in phases(), meeting in any::<i64>(), round in any::<i64>(), room in any::<u32>()
        ) {
            let meeting = MeetingId(meeting);
            let answer = CustomId::parse(&CustomId::from(&Action::Answer { phase, meeting }).encode());
            prop_assert_eq!(answer, Some(CustomId::Answer(AnswerFlow::of(phase, meeting))));
            let choose = CustomId::parse(&CustomId::from(&Action::Choose { round, room }).encode());
            prop_assert_eq!(choose, Some(CustomId::Choose { round, room }));
        }
    }

    #[test]
    fn the_longest_id_fits_discords_100_characters() {
        // The longest meeting id, question id and value, on a form of 10 000 questions.
        let longest = CustomId::Pick {
            flow: AnswerFlow { phase: Phase::During, meeting: Some(MeetingId(i64::MIN)) },
            nav: Nav { next_page: Some(9_999), offset: 9_999 },
            question: q(&"a".repeat(QuestionId::MAX_LEN)),
            value: Some("yes".into()),
        };
        let s = longest.encode();
        assert_eq!(s.len(), 87, "{s}");
        let plan =
            StatusClick { plan: PlanId(i64::MIN), status: PlanStatus::NotStarted, asked_in: Some(MeetingId(i64::MIN)) };
        assert!(CustomId::PlanStatus(plan).encode().len() <= 100);
    }

    #[test]
    fn ids_already_posted_still_parse_as_before() {
        let nav = Nav { next_page: Some(1), offset: 0 };
        let reflection = unplaced(Phase::Reflection);
        let plan = |status, asked_in| CustomId::PlanStatus(StatusClick { plan: PlanId(3), status, asked_in });
        for (old, id) in [
            ("samrad:answer", CustomId::Answer(reflection)),
            ("samrad:evaluate", CustomId::Answer(unplaced(Phase::Evaluation))),
            ("samrad:during", CustomId::Answer(unplaced(Phase::During))),
            // Before phases existed: reflection.
            ("samrad:page:1", CustomId::Page(reflection, 1)),
            ("samrad:modal:0", CustomId::Modal(reflection, 0)),
            ("samrad:more:1.0", CustomId::More(reflection, nav)),
            (
                "samrad:pick:1.0:yn:yes",
                CustomId::Pick { flow: reflection, nav, question: q("yn"), value: Some("yes".into()) },
            ),
            ("samrad:eval:modal:0", CustomId::Modal(unplaced(Phase::Evaluation), 0)),
            ("samrad:during:page:1", CustomId::Page(unplaced(Phase::During), 1)),
            ("samrad:q:key-figures", CustomId::Input(q("key-figures"))),
            ("samrad:choose:7:2", CustomId::Choose { round: 7, room: 2 }),
            ("samrad:consent:yes", CustomId::Consent(true)),
            ("samrad:forget:no", CustomId::Forget(false)),
            ("samrad:plan:3:done", plan(PlanStatus::Done, None)),
            ("samrad:plan:3:not-started:42", plan(PlanStatus::NotStarted, Some(MeetingId(42)))),
            ("samrad:plandrop:3:42", CustomId::PlanDrop { plan: PlanId(3), asked_in: Some(MeetingId(42)) }),
            ("samrad:plandrop:note", CustomId::PlanDropNote),
        ] {
            assert_eq!(CustomId::parse(old), Some(id.clone()), "{old}");
            assert_eq!(id.encode(), old, "an id without a meeting is spelled as before");
        }
        // Earlier forget-me buttons carried the command's interaction id.
        assert_eq!(CustomId::parse("samrad:forget:yes:123"), Some(CustomId::Forget(true)));
    }

    #[test]
    fn a_flow_with_its_meeting_says_so_after_samrad() {
        let flow = AnswerFlow::of(Phase::Evaluation, MeetingId(12));
        assert_eq!(CustomId::Answer(flow).encode(), "samrad:m12:evaluate");
        assert_eq!(CustomId::Modal(flow, 0).encode(), "samrad:m12:eval:modal:0");
        assert_eq!(CustomId::parse("samrad:m12:eval:page:2").and_then(|i| i.flow()), Some(flow));
        assert_eq!(CustomId::Answer(AnswerFlow::of(Phase::Reflection, MeetingId(5))).encode(), "samrad:m5:answer");
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
            "samrad:eval:q:x",
            "samrad:choose:7",
            "samrad:m12:q:x",
            "samrad:m12:choose:1:2",
            "samrad:m12:m13:answer",
            "samrad:mx:answer",
            "samrad:plan:1:finished",
            "samrad:plan:1:done:2:3",
            "samrad:planx:1:done",
            "samrad:plandrop:x",
            "samrad:plandrop:1:2:3",
        ] {
            assert_eq!(CustomId::parse(s), None, "{s}");
        }
    }
}
