//! What the agenda says: the post that opens an item, the evaluation post, and the day as
//! `/agenda status` shows it.

use chrono::{DateTime, Utc};

use super::{AgendaStatus, TITLE_CHARS};
use crate::app::ports::{Action, AgendaRun, OutMessage};
use crate::domain::agenda::{self as rules, DayItem};
use crate::domain::kit::AgendaKind;
use crate::domain::text::truncate_words;
use crate::domain::{Meeting, Phase};
use crate::i18n::Lang;
use crate::t;

fn local(meeting: &Meeting, at: DateTime<Utc>) -> String {
    at.with_timezone(&meeting.timezone).format("%H:%M").to_string()
}

fn kind_label(kind: AgendaKind, lang: Lang) -> String {
    t!(lang, &format!("agenda-kind-{}", rules::kind_str(kind)))
}

/// The post that opens an agenda item: now, and what comes next.
pub fn item_post(meeting: &Meeting, run: &AgendaRun, item: &DayItem, lang: Lang) -> OutMessage {
    let (start, end) = item.shifted(run.shift);
    let mut text = t!(
        lang,
        "agenda-now",
        title = truncate_words(&item.title, TITLE_CHARS),
        kind = kind_label(item.kind, lang),
        minutes = item.minutes,
        start = local(meeting, start),
        end = local(meeting, end)
    );
    if let Some(next) = run.items.iter().find(|i| i.shifted(run.shift).0 >= end && i.position != item.position) {
        text.push('\n');
        text.push_str(&t!(
            lang,
            "agenda-next",
            title = truncate_words(&next.title, TITLE_CHARS),
            kind = kind_label(next.kind, lang),
            minutes = next.minutes,
            start = local(meeting, next.shifted(run.shift).0)
        ));
    }
    OutMessage::text(text)
}

/// The evaluation post: the evaluation questions and an "Evaluate" button.
pub fn evaluation_post(meeting: &Meeting, lang: Lang) -> OutMessage {
    let mut text = t!(lang, "agenda-evaluation-post", title = meeting.title.as_str());
    for (i, q) in meeting.evaluation_questions().enumerate() {
        text.push_str(&format!("\n**{}.** {}", i + 1, q.text));
    }
    OutMessage::text(text)
        .with_button(Action::Answer { phase: Phase::Evaluation, meeting: meeting.id }, t!(lang, "button-evaluate"))
}

/// Renders the day for `/agenda status`: every item with its (shifted) time, the current one
/// marked.
pub fn render_status(status: &AgendaStatus, lang: Lang) -> String {
    let mut out = t!(lang, "agenda-status-title", title = status.meeting.title.as_str());
    if status.run.paused_at.is_some() {
        out.push(' ');
        out.push_str(&t!(lang, "agenda-status-paused"));
    }
    let shift = status.run.shift.num_minutes();
    if shift != 0 {
        out.push('\n');
        out.push_str(&t!(lang, "agenda-status-shift", minutes = shift));
    }
    let current = status.current().map(|i| i.position);
    for item in &status.run.items {
        let (start, end) = item.shifted(status.run.shift);
        let mark = if Some(item.position) == current {
            "▶"
        } else if end <= status.now {
            "✓"
        } else {
            "·"
        };
        out.push_str(&format!(
            "\n{mark} {}–{} {} — {}",
            local(&status.meeting, start),
            local(&status.meeting, end),
            kind_label(item.kind, lang),
            truncate_words(&item.title, 80)
        ));
    }
    out
}
