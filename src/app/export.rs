//! Export: everything a meeting produced (answers with revision counts, rooms with members and
//! summaries, take-home plans, the evaluation) as [`ExportData`], rendered as CSV or Markdown
//! by `render::export`. Used by `/export` (an attachment) and `samrad export` (stdout).

use super::actor::{Actor, UserMessage};
use super::ports::{Attachment, Store, StoreError};
use crate::domain::digest::{self, QuestionDetail, Shown};
use crate::domain::{Meeting, MeetingId, Phase, UserId};
use crate::i18n::Lang;
use crate::render::export::{
    self, ExportAnswer, ExportData, ExportDecision, ExportEvaluation, ExportFollowUp, ExportPlanChange, ExportRoom,
    ExportSeat, ExportTheme,
};
use crate::t;

/// Byte order mark: Excel reads a CSV file as UTF-8 (æøå) only when it starts with one.
pub const UTF8_BOM: &str = "\u{feff}";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Markdown,
}

impl ExportFormat {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_lowercase().as_str() {
            "csv" => Some(Self::Csv),
            "md" | "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Markdown => "md",
        }
    }

    /// The document as text; `bom` puts a UTF-8 byte order mark before CSV (files, not stdout).
    /// Markdown headings are in `lang`; CSV column names stay fixed, since programs read them.
    pub fn render(self, data: &ExportData, bom: bool, lang: Lang) -> String {
        match self {
            Self::Csv if bom => format!("{UTF8_BOM}{}", export::to_csv(data)),
            Self::Csv => export::to_csv(data),
            Self::Markdown => export::to_markdown_with(data, &export_labels(lang)),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("only organisers may export")]
    NotOrganiser,
    #[error("no meeting is loaded")]
    NoMeeting,
    #[error("meeting {0} does not exist")]
    UnknownMeeting(MeetingId),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl UserMessage for ExportError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::NotOrganiser => t!(lang, "err-not-organiser"),
            Self::NoMeeting | Self::UnknownMeeting(_) => t!(lang, "err-no-meeting"),
            Self::Store(_) => t!(lang, "err-internal"),
        }
    }
}

/// Everything `meeting` produced. Members who have left (or were forgotten) appear by id.
/// Anonymous answers appear as [`anonymous_rows`] makes them.
pub async fn export_data<S: Store + ?Sized>(store: &S, meeting: &Meeting) -> Result<ExportData, StoreError> {
    let members = store.members(meeting.guild).await?;
    let member = |u: UserId| members.iter().find(|m| m.user == u);
    // `UserId(0)`: the author of a unit answer who asked to be forgotten.
    let name = |u: UserId| match member(u) {
        Some(m) => m.name.clone(),
        None if u.0 == 0 => String::new(),
        None => u.to_string(),
    };
    let mut data = ExportData::empty(meeting.id, meeting.title.clone());

    let mut answers = store.answers(meeting.id).await?;
    if meeting.unit_answers {
        // Each unit's answer, with its last author as the member.
        answers.extend(super::unit_answers::as_answers(store, meeting, None).await?);
    }
    // In the kit's question order, then by unit and member.
    let order = |q: &crate::domain::QuestionId| meeting.questions.iter().position(|x| &x.id == q);
    answers.sort_by(|a, b| {
        order(&a.question)
            .cmp(&order(&b.question))
            .then_with(|| a.unit.as_ref().map(|u| u.key()).cmp(&b.unit.as_ref().map(|u| u.key())))
            .then_with(|| name(a.user).to_lowercase().cmp(&name(b.user).to_lowercase()))
    });
    for a in answers {
        let question = meeting.question(&a.question);
        let unit = a.unit.as_ref().map(|u| u.to_string()).unwrap_or_default();
        let text = question.map(|q| q.text.clone()).unwrap_or_default();
        let phase = question.map_or(Phase::Reflection, |q| q.phase);
        if phase != Phase::Reflection {
            let day = ExportEvaluation {
                unit,
                member: name(a.user),
                question_id: a.question.to_string(),
                question: text,
                answer: a.value,
                updated_at: Some(a.updated_at),
            };
            data.day_answers(phase).push(day);
        } else {
            data.answers.push(ExportAnswer {
                unit,
                member: name(a.user),
                role: member(a.user).and_then(|m| m.role.as_ref()).map(|r| r.to_string()).unwrap_or_default(),
                question_id: a.question.to_string(),
                question: text,
                answer: a.value,
                revisions: a.revision.saturating_sub(1),
                updated_at: Some(a.updated_at),
            });
        }
    }
    anonymous_rows(store, meeting, &mut data).await?;

    for round in store.rounds(meeting.id).await? {
        if round.in_person {
            let plan = super::breakouts::table_plan(&round, &members);
            for table in plan.tables {
                data.seats.extend(table.people.into_iter().map(|p| ExportSeat {
                    round: round.number,
                    table: table.number,
                    label: table.label.clone().unwrap_or_default(),
                    member: p.name,
                    unit: p.unit,
                }));
            }
        }
        for room in &round.rooms {
            let summary = match &room.summary {
                Some(s) => s.clone(),
                None => {
                    let notes = store.notes(room.id).await?;
                    notes.iter().map(|n| n.text.trim()).collect::<Vec<_>>().join("\n")
                }
            };
            let mut title = room.name.clone();
            if let Some(label) = &room.label {
                title.push_str(&format!(" — {label}"));
            }
            data.rooms.push(ExportRoom {
                round: round.number,
                room: title,
                members: room.members.iter().map(|u| name(*u)).collect(),
                question: round.plan_id.clone().unwrap_or_default(),
                summary,
            });
        }
    }

    let plans = store.plans(meeting.id).await?;
    for c in store.plan_history(meeting.id).await? {
        let Some(p) = plans.iter().find(|p| p.id == c.plan) else { continue };
        data.plan_changes.push(ExportPlanChange {
            unit: p.plan.unit.to_string(),
            action: p.plan.action.clone(),
            status: c.status.as_str().to_owned(),
            note: c.note.unwrap_or_default(),
            member: name(c.by),
            at: c.at,
        });
    }
    data.plans = super::plans::export_plans(store, meeting.id).await?;
    data.follow_up = super::plan_followup::followup_items(store, meeting)
        .await?
        .into_iter()
        .map(|(p, answer)| ExportFollowUp {
            unit: p.plan.unit.to_string(),
            action: p.plan.action,
            owner: p.plan.owner,
            answer: answer.map_or(NO_ANSWER, |a| a.as_str()).to_owned(),
        })
        .collect();
    data.decisions = store
        .decisions(meeting.id)
        .await?
        .into_iter()
        .map(|d| ExportDecision {
            text: d.decision.text,
            responsible: d.decision.responsible,
            due: d.decision.due.map(|d| d.to_string()),
            at: d.created_at,
        })
        .collect();
    data.themes = themes(store, meeting).await?;
    Ok(data)
}

/// Adds the meeting's anonymous answers after the named ones: as "anonymous", with no role,
/// time or edit count (either could link them to their author's other answers), the unit only
/// where the digest shows it (k-anonymity), in the kit's question order and then by unit and
/// text, so their order says nothing about who answered when.
async fn anonymous_rows<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
    data: &mut ExportData,
) -> Result<(), StoreError> {
    let mut anonymous = store.anonymous_answers(meeting.id).await?;
    let shown = Shown::of_given(&meeting.questions, anonymous.iter().map(|a| (&a.question, a.unit.as_ref(), false)));
    for a in &mut anonymous {
        a.unit = a.unit.take().filter(|u| shown.unit(&a.question, u));
    }
    let order = |q: &crate::domain::QuestionId| meeting.questions.iter().position(|x| &x.id == q);
    anonymous.sort_by(|a, b| {
        order(&a.question)
            .cmp(&order(&b.question))
            .then_with(|| a.unit.as_ref().map(|u| u.key()).cmp(&b.unit.as_ref().map(|u| u.key())))
            .then_with(|| a.value.cmp(&b.value))
    });
    let member = t!(meeting.lang(), "export-anonymous");
    for a in anonymous {
        let Some(question) = meeting.question(&a.question) else { continue };
        let unit = a.unit.map(|u| u.to_string()).unwrap_or_default();
        if matches!(question.phase, Phase::Evaluation | Phase::During) {
            let day = ExportEvaluation {
                unit,
                member: member.clone(),
                question_id: a.question.to_string(),
                question: question.text.clone(),
                answer: a.value,
                updated_at: None,
            };
            data.day_answers(question.phase).push(day);
        } else {
            data.answers.push(ExportAnswer {
                unit,
                member: member.clone(),
                role: String::new(),
                question_id: a.question.to_string(),
                question: question.text.clone(),
                answer: a.value,
                revisions: 0,
                updated_at: None,
            });
        }
    }
    Ok(())
}

/// The follow-up answer of a plan nobody answered for.
const NO_ANSWER: &str = "no-answer";

/// The themes of each free-text question, as the digest finds them.
async fn themes<S: Store + ?Sized>(store: &S, meeting: &Meeting) -> Result<Vec<ExportTheme>, StoreError> {
    let computed = digest::compute(&super::digest::digest_input(store, meeting).await?);
    let mut out = Vec::new();
    for q in &computed.questions {
        let QuestionDetail::Free { themes, .. } = &q.detail else { continue };
        out.extend(themes.iter().map(|t| ExportTheme {
            question_id: q.id.to_string(),
            question: q.text.clone(),
            label: t.label.clone(),
            answers: t.answers as u32,
            units: t.units as u32,
            concern: t.concern,
            quote: t.quote.text.clone(),
        }));
    }
    Ok(out)
}

/// A meeting's export by id (`samrad export`), without a BOM: for stdout and pipes.
pub async fn export_meeting<S: Store + ?Sized>(
    store: &S,
    meeting: MeetingId,
    format: ExportFormat,
) -> Result<String, ExportError> {
    let meeting = store.meeting(meeting).await?.ok_or(ExportError::UnknownMeeting(meeting))?;
    Ok(format.render(&export_data(store, &meeting).await?, false, meeting.lang()))
}

/// `/export csv|md`: the current meeting as a file (organisers). CSV starts with a BOM.
pub async fn export_file<S: Store + ?Sized>(
    store: &S,
    actor: &Actor,
    format: ExportFormat,
) -> Result<Attachment, ExportError> {
    if !actor.can_organise() {
        return Err(ExportError::NotOrganiser);
    }
    let meeting = store.current_meeting(actor.guild).await?.ok_or(ExportError::NoMeeting)?;
    let data = export_data(store, &meeting).await?;
    let name = format!("samrad-{}-{}.{}", meeting.kit_id, meeting.id, format.extension());
    Ok(Attachment { name, bytes: format.render(&data, true, meeting.lang()).into_bytes() })
}

/// The Markdown export's words from the catalogues.
pub fn export_labels(lang: Lang) -> export::ExportLabels {
    let w = |id: &str| t!(lang, id);
    export::ExportLabels {
        meeting: w("export-meeting"),
        answers: w("export-answers"),
        edited: t!(lang, "export-edited", n = "{n}"),
        rooms: w("export-rooms"),
        round: t!(lang, "export-round", n = "{n}"),
        table_plans: w("export-table-plans"),
        table: w("table-plan-table"),
        name: w("table-plan-name"),
        unit: w("table-plan-unit"),
        members: w("export-members"),
        question: w("export-question"),
        plans: w("export-plans"),
        owner: w("export-owner"),
        due: w("export-due"),
        during: w("export-during"),
        evaluation: w("export-evaluation"),
        decisions: w("decisions-heading"),
        follow_up: w("followup-table-heading"),
        statuses: crate::domain::plan::PlanStatus::ALL
            .into_iter()
            .map(|st| (st.as_str().to_owned(), super::plan_status::status_label(st, lang)))
            .chain([(NO_ANSWER.to_owned(), w("followup-table-no-answer"))])
            .collect(),
        themes: w("digest-themes"),
        theme_counts: t!(lang, "digest-theme-counts", answers = "{answers}", units = "{units}"),
    }
}
