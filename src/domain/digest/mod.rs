//! The digest an organiser reads: who answered (per unit), who is missing, and per question
//! the themes, a few representative answers and the numbers. Pure: built from a plain
//! [`DigestInput`] and rendered to Discord Markdown with caller-supplied [`DigestLabels`].

// foldhash: a digest hashes every answer a few times; std's SipHash was a tenth of its time.
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::summary::Lang;
use super::{AnswerValue, Question, QuestionId, RoleName, UnitName, UserId};

mod anonymous;
mod breakdown;
mod detail;
mod render;
#[cfg(test)]
mod tests;
mod themes;

pub use anonymous::{only_unit, Shown};
pub use breakdown::{ValueBreakdown, ValueKey};
pub use render::{render_markdown, DigestLabels};
pub use themes::{DigestTheme, OverallTheme, OVERALL_THEMES};

/// How many theme quotes a free-text question lists as its representative answers.
const REPRESENTATIVES: usize = 3;
/// Representative answers are quoted up to this many characters.
pub const QUOTE_CHARS: usize = 280;

#[derive(Debug, Clone, PartialEq)]
pub struct DigestMember {
    pub user: UserId,
    pub name: String,
    pub unit: Option<UnitName>,
    pub role: Option<RoleName>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DigestAnswer {
    /// `None` for an anonymous answer: it never carries a member.
    pub user: Option<UserId>,
    /// The unit the member answered for (the member's unit at the time).
    pub unit: Option<UnitName>,
    pub question: QuestionId,
    pub value: AnswerValue,
}

/// One unit's key figure (a `Number` question) at an earlier meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigure {
    pub question: QuestionId,
    pub unit: UnitName,
    pub value: f64,
}

/// What an earlier meeting reported, to compare with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PreviousMeeting {
    /// How to name it in the digest, e.g. "Lärandeträff 1" or "2024-03-12".
    pub label: String,
    pub key_figures: Vec<KeyFigure>,
    /// Each unit's response rate then, 0.0..=1.0 (empty once its answers were deleted).
    pub response_rates: Vec<(UnitName, f64)>,
}

/// Everything a digest is computed from. Order matters only for display: units and
/// questions are shown in the order given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DigestInput {
    /// The meeting's title, shown in the heading.
    pub title: String,
    pub units: Vec<UnitName>,
    pub members: Vec<DigestMember>,
    pub questions: Vec<Question>,
    /// The current answer of each member to each question (a later duplicate wins).
    pub answers: Vec<DigestAnswer>,
    /// Who answered which anonymous question (never what): they are not missing.
    pub anonymous_respondents: Vec<(UserId, QuestionId)>,
    pub previous: Option<PreviousMeeting>,
    /// One answer per unit (a kit's `unit_answers`): the answers are the units' (each with its
    /// last author as `user`), and a member has answered what their unit answered.
    pub unit_answers: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitResponse {
    pub unit: UnitName,
    pub members: usize,
    /// Members who answered at least one question.
    pub answered_any: usize,
    /// Members who answered every required question.
    pub answered_required: usize,
    /// Answers given by members of this unit.
    pub answers: usize,
    /// The unit's response rate at the previous meeting of the series, when known.
    pub previous_rate: Option<f64>,
}

impl UnitResponse {
    /// Share of members who answered anything, 0.0..=1.0 (0 for a unit without members).
    pub fn rate(&self) -> f64 {
        if self.members == 0 {
            0.0
        } else {
            self.answered_any as f64 / self.members as f64
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MissingMember {
    pub user: UserId,
    pub name: String,
    pub unit: Option<UnitName>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Representative {
    /// `None` also where an anonymous answer's unit is withheld.
    pub unit: Option<UnitName>,
    /// `None` for an anonymous answer.
    pub user: Option<UserId>,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberStats {
    pub min: f64,
    pub median: f64,
    pub max: f64,
    pub mean: f64,
}

/// What the answers to one question add up to, by kind.
#[derive(Debug, Clone, PartialEq)]
pub enum QuestionDetail {
    Free {
        /// Concerns first, then by size.
        themes: Vec<DigestTheme>,
        /// Answers that fit no theme.
        other: usize,
        /// The quotes of the first themes (distinct answers), for short summaries.
        representatives: Vec<Representative>,
        lang: Option<Lang>,
    },
    YesNo {
        yes: usize,
        no: usize,
    },
    /// Counts for every step from min to max, in order.
    Scale {
        histogram: Vec<(i32, usize)>,
        mean: Option<f64>,
    },
    /// Counts per option, in the kit's order.
    Choice {
        counts: Vec<(String, usize)>,
    },
    Number {
        stats: Option<NumberStats>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionDigest {
    pub id: QuestionId,
    pub text: String,
    pub required: bool,
    pub answers: usize,
    pub detail: QuestionDetail,
    /// Yes/no, scale and choice: the units and roles behind each value.
    pub breakdown: Vec<ValueBreakdown>,
    /// Answers are anonymous: no names, and units only as [`Shown`] allows.
    pub anonymous: bool,
    /// Units with anonymous answers that the breakdown leaves out (k-anonymity).
    pub hidden_units: usize,
}

/// One unit's key figure now, with the earlier value when there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigureRow {
    pub question: QuestionId,
    pub unit: UnitName,
    /// The unit's answer (unit answers), or the mean of its members' answers.
    pub value: f64,
    pub previous: Option<f64>,
}

impl KeyFigureRow {
    pub fn delta(&self) -> Option<f64> {
        self.previous.map(|p| self.value - p)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Digest {
    pub title: String,
    pub members: usize,
    /// Members who answered at least one question.
    pub respondents: usize,
    pub total_answers: usize,
    pub units: Vec<UnitResponse>,
    /// Units with members where nobody answered.
    pub silent_units: Vec<UnitName>,
    /// Units nobody has joined: no one could answer for them.
    pub empty_units: Vec<UnitName>,
    /// Members who have not answered anything, by unit order then name.
    pub missing: Vec<MissingMember>,
    pub questions: Vec<QuestionDigest>,
    pub key_figures: Vec<KeyFigureRow>,
    pub previous_label: Option<String>,
    /// The themes across all free-text questions.
    pub themes: Vec<OverallTheme>,
    /// One answer per unit: rendered as units that answered, not members.
    pub unit_answers: bool,
}

impl Digest {
    pub fn is_empty(&self) -> bool {
        self.total_answers == 0
    }

    /// Share of all members who answered anything, 0.0..=1.0.
    pub fn response_rate(&self) -> f64 {
        if self.unit_answers {
            let answered = self.units_answered();
            return if self.units.is_empty() { 0.0 } else { answered as f64 / self.units.len() as f64 };
        }
        if self.members == 0 {
            0.0
        } else {
            self.respondents as f64 / self.members as f64
        }
    }

    /// Units with an answer (in a meeting of unit answers).
    pub fn units_answered(&self) -> usize {
        self.units.iter().filter(|u| u.answers > 0).count()
    }

    /// This meeting's key figures, to pass as `previous` to the next meeting's digest.
    pub fn as_previous(&self, label: impl Into<String>) -> PreviousMeeting {
        PreviousMeeting {
            label: label.into(),
            key_figures: self
                .key_figures
                .iter()
                .map(|r| KeyFigure { question: r.question.clone(), unit: r.unit.clone(), value: r.value })
                .collect(),
            response_rates: self.units.iter().filter(|u| u.members > 0).map(|u| (u.unit.clone(), u.rate())).collect(),
        }
    }
}

/// Computes the digest. Answers to questions not in `input.questions` are ignored; a
/// member's later answer to the same question replaces an earlier one.
pub fn compute(input: &DigestInput) -> Digest {
    // The current answer per (user, question), or per (unit, question) for unit answers; keep
    // first-seen order for stable output. Anonymous answers are each current already (one per
    // author key and question).
    let mut latest: HashMap<(Who, &QuestionId), usize> = HashMap::new();
    let mut current: Vec<&DigestAnswer> = Vec::new();
    let known: HashSet<&QuestionId> = input.questions.iter().map(|q| &q.id).collect();
    for a in &input.answers {
        if !known.contains(&a.question) {
            continue;
        }
        let who = match (&a.unit, input.unit_answers, a.user) {
            (Some(unit), true, _) => Who::Unit(unit.key()),
            (_, _, Some(user)) => Who::User(user),
            (_, _, None) => {
                current.push(a);
                continue;
            }
        };
        match latest.get(&(who.clone(), &a.question)) {
            Some(&i) => current[i] = a,
            None => {
                latest.insert((who, &a.question), current.len());
                current.push(a);
            }
        }
    }
    let shown = Shown::of(&input.questions, &current);

    let required: Vec<&QuestionId> = input.questions.iter().filter(|q| q.required).map(|q| &q.id).collect();
    let mut answered_by: HashMap<UserId, HashSet<&QuestionId>> = HashMap::new();
    let mut answered_by_unit: HashMap<String, HashSet<&QuestionId>> = HashMap::new();
    for a in &current {
        match (&a.unit, input.unit_answers, a.user) {
            (Some(unit), true, _) => answered_by_unit.entry(unit.key()).or_default().insert(&a.question),
            (_, _, Some(user)) => answered_by.entry(user).or_default().insert(&a.question),
            (_, _, None) => false,
        };
    }
    for (user, q) in input.anonymous_respondents.iter().filter(|(_, q)| known.contains(q)) {
        answered_by.entry(*user).or_default().insert(q);
    }

    // Units in the given order, then any unit that only members mention.
    // (`UnitName` compares by a lowercased key: compute each key once.)
    let mut units: Vec<UnitName> = Vec::new();
    let mut seen_units: HashSet<String> = HashSet::new();
    for u in input.units.iter().chain(input.members.iter().filter_map(|m| m.unit.as_ref())) {
        if seen_units.insert(u.key()) {
            units.push(u.clone());
        }
    }
    let unit_index: HashMap<String, usize> = units.iter().enumerate().map(|(i, u)| (u.key(), i)).collect();
    let mut rows: Vec<UnitResponse> = units
        .iter()
        .map(|u| UnitResponse {
            unit: u.clone(),
            members: 0,
            answered_any: 0,
            answered_required: 0,
            answers: 0,
            previous_rate: input
                .previous
                .as_ref()
                .and_then(|p| p.response_rates.iter().find(|(x, _)| x == u).map(|(_, r)| *r)),
        })
        .collect();

    let mut missing = Vec::new();
    let mut respondents = 0;
    let member_ids: HashSet<UserId> = input.members.iter().map(|m| m.user).collect();
    for m in &input.members {
        let done = if input.unit_answers {
            m.unit.as_ref().and_then(|u| answered_by_unit.get(&u.key()))
        } else {
            answered_by.get(&m.user)
        };
        let any = done.is_some_and(|d| !d.is_empty());
        let all_required = required.iter().all(|q| done.is_some_and(|d| d.contains(q)));
        if any {
            respondents += 1;
        } else {
            missing.push(MissingMember { user: m.user, name: m.name.clone(), unit: m.unit.clone() });
        }
        if let Some(row) = m.unit.as_ref().map(|u| &mut rows[unit_index[&u.key()]]) {
            row.members += 1;
            row.answered_any += usize::from(any);
            row.answered_required += usize::from(any && all_required);
            if !input.unit_answers {
                row.answers += done.map_or(0, HashSet::len);
            }
        }
    }
    // Answers from people who are no longer members still count for their unit's answers; a
    // unit's own answers count once, whoever wrote them (anonymous ones are counted through
    // their respondents above).
    for a in current.iter().filter(|a| input.unit_answers || a.user.is_some_and(|u| !member_ids.contains(&u))) {
        if let Some(&i) = a.unit.as_ref().and_then(|u| unit_index.get(&u.key())) {
            rows[i].answers += 1;
        }
    }
    missing.sort_by(|a, b| {
        let ua = a.unit.as_ref().map_or(usize::MAX, |u| unit_index[&u.key()]);
        let ub = b.unit.as_ref().map_or(usize::MAX, |u| unit_index[&u.key()]);
        ua.cmp(&ub).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase())).then(a.user.cmp(&b.user))
    });
    if input.unit_answers {
        // Units are expected to answer, not each member: the silent units say who is missing.
        missing.clear();
    }
    let quiet = |r: &&UnitResponse| r.answered_any == 0 && r.answers == 0;
    let silent_units = rows.iter().filter(quiet).filter(|r| r.members > 0).map(|r| r.unit.clone()).collect();
    let empty_units = rows.iter().filter(quiet).filter(|r| r.members == 0).map(|r| r.unit.clone()).collect();

    let mut by_question: HashMap<&QuestionId, Vec<&DigestAnswer>> = HashMap::new();
    for a in &current {
        by_question.entry(&a.question).or_default().push(a);
    }
    // A unit's answer has no role (its last author's role says nothing about it).
    let roles: HashMap<UserId, &RoleName> = input
        .members
        .iter()
        .filter(|_| !input.unit_answers)
        .filter_map(|m| m.role.as_ref().map(|r| (m.user, r)))
        .collect();
    let questions: Vec<QuestionDigest> = input
        .questions
        .iter()
        .map(|q| {
            let answers = by_question.get(&q.id).map(Vec::as_slice).unwrap_or(&[]);
            let hidden: HashSet<String> = answers
                .iter()
                .filter_map(|a| a.unit.as_ref())
                .filter(|u| !shown.unit(&q.id, u))
                .map(|u| u.key())
                .collect();
            QuestionDigest {
                id: q.id.clone(),
                text: q.text.clone(),
                required: q.required,
                answers: answers.len(),
                detail: detail::question_detail(q, answers, &shown),
                breakdown: breakdown::breakdown(&q.kind, answers, &units, &roles, &shown),
                anonymous: shown.is_anonymous(&q.id),
                hidden_units: hidden.len(),
            }
        })
        .collect();

    let key_figures = detail::key_figures(input, &units, &by_question, &shown);
    let overall = themes::overall(questions.iter().filter_map(|q: &QuestionDigest| match &q.detail {
        QuestionDetail::Free { themes, .. } => Some(themes.as_slice()),
        _ => None,
    }));

    Digest {
        title: input.title.clone(),
        members: input.members.len(),
        respondents,
        total_answers: current.len(),
        units: rows,
        silent_units,
        empty_units,
        missing,
        questions,
        key_figures,
        previous_label: input.previous.as_ref().map(|p| p.label.clone()),
        themes: overall,
        unit_answers: input.unit_answers,
    }
}

/// Whose answer a stored answer is: a member's, or (unit answers) a unit's.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Who {
    User(UserId),
    Unit(String),
}
