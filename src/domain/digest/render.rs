//! A digest as Discord Markdown. Words come from [`DigestLabels`] so the bot can render nb, sv
//! or en; long output is split into messages by `domain::text::split_message`.

use std::fmt::Write;

use super::{Digest, QuestionDetail, ValueBreakdown, ValueKey};

/// The words a digest uses. Templates take `{name}` placeholders as documented per field.
#[derive(Debug, Clone, PartialEq)]
pub struct DigestLabels {
    /// Heading; `{title}`.
    pub heading: String,
    /// `{answered}`, `{members}`, `{percent}`, `{answers}`.
    pub response_line: String,
    pub per_unit: String,
    /// After a unit's rate: `{n}` members who answered every required question.
    pub all_required: String,
    pub silent_units: String,
    /// Units nobody has joined.
    pub empty_units: String,
    /// After a value in a breakdown by role, e.g. "No, by role".
    pub by_role: String,
    pub missing_members: String,
    /// `{n}` more names not listed.
    pub and_more: String,
    pub no_unit: String,
    pub no_answers: String,
    /// After a question: `{n}` answers.
    pub answer_count: String,
    pub themes: String,
    /// After a theme: `{answers}` answers from `{units}` units.
    pub theme_counts: String,
    /// `{n}` answers that fit no theme.
    pub theme_other: String,
    /// Heading of the themes across all questions.
    pub themes_overall: String,
    pub yes: String,
    pub no: String,
    pub mean: String,
    pub min: String,
    pub median: String,
    pub max: String,
    /// After an anonymous question's answer count, and in place of a withheld unit.
    pub anonymous: String,
    /// `{n}` units left out of an anonymous question's breakdown (k-anonymity).
    pub hidden_units: String,
    /// Key-figure heading; `{previous}` is the earlier meeting's label (empty when none).
    pub key_figures: String,
    pub key_figures_vs: String,
    /// Unit answers: `{answered}` of `{units}` units, `{percent}`, `{answers}`.
    pub response_line_units: String,
    /// Unit answers: after a unit that answered every required question.
    pub unit_answered: String,
    /// Unit answers: after a unit that answered some questions; `{n}` answers.
    pub unit_partly_answered: String,
    /// After a unit's line in a series: `{percent}` its response rate at the previous meeting.
    pub rate_before: String,
    /// Decimal separator: "." in English, "," in nb and sv.
    pub decimal: char,
}

impl DigestLabels {
    pub fn english() -> Self {
        Self {
            heading: "## Digest: {title}".into(),
            response_line: "**Responses:** {answered} of {members} members ({percent} %), {answers} answers".into(),
            per_unit: "Per unit".into(),
            all_required: "{n} answered all required".into(),
            silent_units: "No answers yet from".into(),
            empty_units: "No members yet".into(),
            by_role: "by role".into(),
            missing_members: "Not answered yet".into(),
            and_more: "and {n} more".into(),
            no_unit: "no unit".into(),
            no_answers: "No answers yet.".into(),
            answer_count: "{n} answers".into(),
            themes: "Themes".into(),
            theme_counts: "{answers} answers, {units} units".into(),
            theme_other: "Other answers: {n}".into(),
            themes_overall: "Themes across all questions".into(),
            yes: "Yes".into(),
            no: "No".into(),
            mean: "mean".into(),
            min: "min".into(),
            median: "median".into(),
            max: "max".into(),
            anonymous: "anonymous".into(),
            hidden_units: "Units left out (too few anonymous answers to show safely): {n}".into(),
            key_figures: "Key figures".into(),
            key_figures_vs: "Key figures (change since {previous})".into(),
            response_line_units: "**Responses:** {answered} of {units} units ({percent} %), {answers} answers".into(),
            unit_answered: "answered".into(),
            unit_partly_answered: "partly answered ({n} answers)".into(),
            rate_before: "last time {percent} %".into(),
            decimal: '.',
        }
    }
}

/// Marks a concern an organiser must not miss.
const CONCERN_MARK: &str = "⚠️ ";

/// How many missing members are named before "and N more".
const MAX_MISSING_NAMES: usize = 40;

fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A number with at most one decimal, without a trailing ",0".
fn num(value: f64, decimal: char) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let s = if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded:.1}") };
    let s = if s == "-0" { "0".to_owned() } else { s };
    s.replace('.', &decimal.to_string())
}

fn signed(value: f64, decimal: char) -> String {
    let s = num(value, decimal);
    if value > 0.0 && s != "0" {
        format!("+{s}")
    } else {
        s.replace('-', "−")
    }
}

/// " · last time 50 %" after a unit in a series, or nothing.
fn rate_before(u: &super::UnitResponse, labels: &DigestLabels) -> String {
    match u.previous_rate {
        Some(rate) => format!(" · {}", fill(&labels.rate_before, &[("percent", &num(rate * 100.0, labels.decimal))])),
        None => String::new(),
    }
}

/// Quotes text as a Markdown block quote, line by line.
fn quote(text: &str) -> String {
    text.lines().map(|l| format!("> {l}")).collect::<Vec<_>>().join("\n")
}

/// "- No: Bydel Frogner, Bydel Alna ×2" per value, then the same by role where roles exist.
fn breakdown(out: &mut String, rows: &[ValueBreakdown], labels: &DigestLabels) {
    let value = |k: &ValueKey| match k {
        ValueKey::Yes => labels.yes.clone(),
        ValueKey::No => labels.no.clone(),
        ValueKey::Step(v) => v.to_string(),
        ValueKey::Option(o) => o.clone(),
    };
    let list = |items: Vec<(&str, usize)>| {
        items
            .into_iter()
            .map(|(name, n)| if n > 1 { format!("{name} ×{n}") } else { name.to_owned() })
            .collect::<Vec<_>>()
            .join(", ")
    };
    for b in rows.iter().filter(|b| !b.units.is_empty()) {
        let units = list(b.units.iter().map(|(u, n)| (u.as_str(), *n)).collect());
        let _ = writeln!(out, "- {}: {units}", value(&b.value));
    }
    for b in rows.iter().filter(|b| !b.roles.is_empty()) {
        let roles = list(b.roles.iter().map(|(r, n)| (r.as_str(), *n)).collect());
        let _ = writeln!(out, "- {}, {}: {roles}", value(&b.value), labels.by_role);
    }
}

/// Renders `digest` as Markdown for Discord. Titles, names and answers are inserted as written.
pub fn render_markdown(digest: &Digest, labels: &DigestLabels) -> String {
    let d = labels.decimal;
    let mut out = String::new();
    let _ = writeln!(out, "{}", fill(&labels.heading, &[("title", &digest.title)]));
    let percent = num(digest.response_rate() * 100.0, d);
    let response = if digest.unit_answers {
        fill(
            &labels.response_line_units,
            &[
                ("answered", &digest.units_answered().to_string()),
                ("units", &digest.units.len().to_string()),
                ("percent", &percent),
                ("answers", &digest.total_answers.to_string()),
            ],
        )
    } else {
        fill(
            &labels.response_line,
            &[
                ("answered", &digest.respondents.to_string()),
                ("members", &digest.members.to_string()),
                ("percent", &percent),
                ("answers", &digest.total_answers.to_string()),
            ],
        )
    };
    let _ = writeln!(out, "{response}");
    if digest.is_empty() {
        let _ = writeln!(out, "{}", labels.no_answers);
    }

    if !digest.units.is_empty() {
        let _ = writeln!(out, "\n### {}", labels.per_unit);
        for u in digest.units.iter().filter(|_| digest.unit_answers) {
            // One answer per unit: whether the unit answered (its silence is listed below).
            let state = match (u.answers, u.answered_required > 0 || u.members == 0) {
                (0, _) => continue,
                (_, true) => labels.unit_answered.clone(),
                (n, false) => fill(&labels.unit_partly_answered, &[("n", &n.to_string())]),
            };
            let _ = writeln!(out, "- **{}**: {state}{}", u.unit, rate_before(u, labels));
        }
        for u in digest.units.iter().filter(|_| !digest.unit_answers) {
            let mut line =
                format!("- **{}**: {}/{} ({} %)", u.unit, u.answered_any, u.members, num(u.rate() * 100.0, d));
            if u.answered_any > 0 {
                line.push_str(", ");
                line.push_str(&fill(&labels.all_required, &[("n", &u.answered_required.to_string())]));
            }
            line.push_str(&rate_before(u, labels));
            let _ = writeln!(out, "{line}");
        }
    }
    if !digest.silent_units.is_empty() {
        let names: Vec<&str> = digest.silent_units.iter().map(|u| u.as_str()).collect();
        let _ = writeln!(out, "\n**{}:** {}", labels.silent_units, names.join(", "));
    }
    if !digest.empty_units.is_empty() {
        let names: Vec<&str> = digest.empty_units.iter().map(|u| u.as_str()).collect();
        let _ = writeln!(out, "**{}:** {}", labels.empty_units, names.join(", "));
    }
    if !digest.missing.is_empty() {
        let shown: Vec<String> = digest
            .missing
            .iter()
            .take(MAX_MISSING_NAMES)
            .map(|m| {
                let unit = m.unit.as_ref().map_or(labels.no_unit.as_str(), |u| u.as_str());
                format!("{} ({unit})", m.name)
            })
            .collect();
        let mut line = format!("**{}:** {}", labels.missing_members, shown.join(", "));
        if digest.missing.len() > MAX_MISSING_NAMES {
            let more = (digest.missing.len() - MAX_MISSING_NAMES).to_string();
            let _ = write!(line, " {}", fill(&labels.and_more, &[("n", &more)]));
        }
        let _ = writeln!(out, "{line}");
    }

    if !digest.themes.is_empty() {
        let _ = writeln!(out, "\n### {}", labels.themes_overall);
        for t in &digest.themes {
            let mark = if t.concern { CONCERN_MARK } else { "" };
            let count = fill(&labels.answer_count, &[("n", &t.answers.to_string())]);
            let _ = writeln!(out, "- {mark}**{}** ({count})", t.label);
        }
    }

    for q in &digest.questions {
        let mut count = fill(&labels.answer_count, &[("n", &q.answers.to_string())]);
        if q.anonymous {
            let _ = write!(count, ", {}", labels.anonymous);
        }
        let _ = writeln!(out, "\n### {} ({count})", q.text.trim());
        if q.answers == 0 {
            continue;
        }
        match &q.detail {
            QuestionDetail::Free { themes, other, .. } => {
                if !themes.is_empty() {
                    let _ = writeln!(out, "**{}:**", labels.themes);
                }
                for t in themes {
                    let counts = fill(
                        &labels.theme_counts,
                        &[("answers", &t.answers.to_string()), ("units", &t.units.to_string())],
                    );
                    let unit = match (&t.quote.unit, t.quote.user) {
                        (Some(u), _) => u.as_str(),
                        (None, None) => labels.anonymous.as_str(),
                        (None, Some(_)) => labels.no_unit.as_str(),
                    };
                    let mark = if t.concern { CONCERN_MARK } else { "" };
                    let _ = writeln!(out, "- {mark}**{}** ({counts})\n{}\n> — *{unit}*", t.label, quote(&t.quote.text));
                }
                if *other > 0 && !themes.is_empty() {
                    let _ = writeln!(out, "- {}", fill(&labels.theme_other, &[("n", &other.to_string())]));
                }
            }
            QuestionDetail::YesNo { yes, no } => {
                let _ = writeln!(out, "{}: **{yes}** · {}: **{no}**", labels.yes, labels.no);
            }
            QuestionDetail::Scale { histogram, mean } => {
                let steps: Vec<String> = histogram.iter().map(|(v, n)| format!("{v}: {n}")).collect();
                let mut line = steps.join(" · ");
                if let Some(m) = mean {
                    let _ = write!(line, " — {} **{}**", labels.mean, num(*m, d));
                }
                let _ = writeln!(out, "{line}");
            }
            QuestionDetail::Choice { counts } => {
                for (option, n) in counts {
                    let _ = writeln!(out, "- {option}: **{n}**");
                }
            }
            QuestionDetail::Number { stats: Some(s) } => {
                let _ = writeln!(
                    out,
                    "{} {} · {} **{}** · {} {} · {} {}",
                    labels.min,
                    num(s.min, d),
                    labels.median,
                    num(s.median, d),
                    labels.max,
                    num(s.max, d),
                    labels.mean,
                    num(s.mean, d)
                );
            }
            QuestionDetail::Number { stats: None } => {}
        }
        breakdown(&mut out, &q.breakdown, labels);
        if q.hidden_units > 0 {
            let _ = writeln!(out, "- {}", fill(&labels.hidden_units, &[("n", &q.hidden_units.to_string())]));
        }
    }

    if !digest.key_figures.is_empty() {
        let heading = match &digest.previous_label {
            Some(p) => fill(&labels.key_figures_vs, &[("previous", p)]),
            None => labels.key_figures.clone(),
        };
        let _ = writeln!(out, "\n### {heading}");
        for k in &digest.key_figures {
            let mut line = format!("- {} · **{}**: {}", k.question, k.unit, num(k.value, d));
            if let (Some(prev), Some(delta)) = (k.previous, k.delta()) {
                let _ = write!(line, " ({} → {}, {})", num(prev, d), num(k.value, d), signed(delta, d));
            }
            let _ = writeln!(out, "{line}");
        }
    }
    out.trim_end().to_owned()
}
