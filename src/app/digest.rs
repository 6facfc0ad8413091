//! The organisers' digest: response rate per unit, missing units and members, themes and
//! representative answers per question, and a chart (PNG) attached to the first post.
//!
//! Words come from the catalogues (`locales/*/digest.ftl`) in the meeting's language, numbers
//! use its decimal separator. A long digest is split into several posts, never truncated.

use super::actor::{Actor, UserMessage};
use super::ports::{Attachment, OutMessage, Store, StoreError};
use super::summarise::{Purpose, Summariser};
use crate::domain::digest::{self, DigestAnswer, DigestInput, DigestLabels, DigestMember, PreviousMeeting};
use crate::domain::text::{split_message, DISCORD_MESSAGE_LIMIT};
use crate::domain::{AnswerValue, Meeting, QuestionKind, UnitName};
use crate::i18n::Lang;
use crate::render::chart::{response_chart_png_with, ChartLabels};
use crate::t;

/// The chart's file name on the first digest post.
pub const CHART_NAME: &str = "digest.png";

/// The digest's words in `lang`. Templates keep `{placeholder}`s for the renderer.
pub fn digest_labels(lang: Lang) -> DigestLabels {
    let l = |id: &str| t!(lang, id);
    DigestLabels {
        heading: t!(lang, "digest-heading", title = "{title}"),
        response_line: t!(
            lang,
            "digest-response-line",
            answered = "{answered}",
            members = "{members}",
            percent = "{percent}",
            answers = "{answers}"
        ),
        per_unit: l("digest-per-unit"),
        all_required: t!(lang, "digest-all-required", n = "{n}"),
        silent_units: l("digest-silent-units"),
        empty_units: l("digest-empty-units"),
        by_role: l("digest-by-role"),
        missing_members: l("digest-not-answered"),
        and_more: t!(lang, "digest-and-more", n = "{n}"),
        no_unit: l("digest-no-unit"),
        no_answers: l("digest-no-answers"),
        answer_count: t!(lang, "digest-answer-count", n = "{n}"),
        themes: l("digest-themes"),
        theme_counts: t!(lang, "digest-theme-counts", answers = "{answers}", units = "{units}"),
        theme_other: t!(lang, "digest-theme-other", n = "{n}"),
        themes_overall: l("digest-themes-overall"),
        yes: l("digest-yes"),
        no: l("digest-no"),
        mean: l("digest-mean"),
        min: l("digest-min"),
        median: l("digest-median"),
        max: l("digest-max"),
        anonymous: l("digest-anonymous"),
        hidden_units: t!(lang, "digest-hidden-units", n = "{n}"),
        key_figures: l("digest-key-figures"),
        key_figures_vs: t!(lang, "digest-key-figures-vs", previous = "{previous}"),
        response_line_units: t!(
            lang,
            "digest-response-line-units",
            answered = "{answered}",
            units = "{units}",
            percent = "{percent}",
            answers = "{answers}"
        ),
        unit_answered: l("digest-unit-answered"),
        unit_partly_answered: t!(lang, "digest-unit-partly-answered", n = "{n}"),
        rate_before: t!(lang, "digest-rate-before", percent = "{percent}"),
        decimal: l("digest-decimal").trim().chars().next().unwrap_or('.'),
    }
}

/// The chart's panel labels in `lang`.
pub fn chart_labels(lang: Lang) -> ChartLabels {
    ChartLabels {
        response_rate: t!(lang, "chart-response-rate"),
        answers_per_question: t!(lang, "chart-answers-per-question"),
        no_units: t!(lang, "chart-no-units"),
        no_members: t!(lang, "chart-no-members"),
    }
}

/// The digest input for `meeting` from the store: named answers with their member, anonymous
/// answers with no member (and their unit only as stored), and who answered anonymous
/// questions (so they are not listed as missing). Stored values that no longer parse (a
/// question changed kind) are left out rather than failing the digest.
pub async fn digest_input<S: Store + ?Sized>(store: &S, meeting: &Meeting) -> Result<DigestInput, StoreError> {
    let members = store.members(meeting.guild).await?;
    let mut answers = store.answers(meeting.id).await?;
    if meeting.unit_answers {
        // The reflection is the units' answers; each stands for its unit, written by its last author.
        answers.retain(|a| meeting.question(&a.question).is_some_and(|q| !meeting.answered_by_unit(q)));
        answers.extend(super::unit_answers::as_answers(store, meeting, None).await?);
    }
    let anonymous = store.anonymous_answers(meeting.id).await?;
    // Without units members answer for themselves, and the digest reports per role instead.
    let by_role = meeting.units.is_empty().then(|| super::meetings::groups(meeting, &members));
    let group_of = |user: crate::domain::UserId, unit: Option<UnitName>| match &by_role {
        Some(groups) => groups.iter().find(|(_, ms)| ms.iter().any(|m| m.user == user)).map(|(g, _)| g.clone()),
        None => unit,
    };
    Ok(DigestInput {
        title: meeting.title.clone(),
        units: by_role.as_ref().map_or_else(|| meeting.units.clone(), |g| g.iter().map(|(n, _)| n.clone()).collect()),
        members: members
            .iter()
            .map(|m| DigestMember {
                user: m.user,
                name: m.name.clone(),
                unit: group_of(m.user, m.unit.clone()),
                role: m.role.clone(),
            })
            .collect(),
        questions: meeting.reflection_questions().cloned().collect(),
        answers: answers
            .into_iter()
            .filter_map(|a| {
                let question = meeting.question(&a.question)?;
                let value = AnswerValue::parse(question, &a.value).ok()?;
                Some(DigestAnswer { user: Some(a.user), unit: group_of(a.user, a.unit), question: a.question, value })
            })
            .chain(anonymous.into_iter().filter_map(|a| {
                let question = meeting.question(&a.question)?;
                let value = AnswerValue::parse(question, &a.value).ok()?;
                Some(DigestAnswer { user: None, unit: a.unit, question: a.question, value })
            }))
            .collect(),
        anonymous_respondents: store
            .anonymous_respondents(meeting.id)
            .await?
            .into_iter()
            .map(|(q, u)| (u, q))
            .collect(),
        previous: None,
        unit_answers: meeting.unit_answers,
    })
}

/// What to show in a digest.
#[derive(Debug, Clone, Copy, Default)]
pub struct DigestView<'a> {
    /// Name members who have not answered (organisers' channel or an organiser's own view).
    pub with_names: bool,
    /// Only this unit.
    pub unit: Option<&'a UnitName>,
}

/// The digest for `meeting` as posts of at most 2000 characters, the chart on the first.
/// Member names only when `with_names` (organisers' channel).
pub async fn digest_post<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
    lang: Lang,
    with_names: bool,
    summariser: &dyn Summariser,
) -> Result<Vec<OutMessage>, StoreError> {
    let view = DigestView { with_names, unit: None };
    digest_messages(store, meeting, lang, view, summariser).await
}

/// [`digest_post`] for any view, with an explicit summariser.
pub async fn digest_messages<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
    lang: Lang,
    view: DigestView<'_>,
    summariser: &dyn Summariser,
) -> Result<Vec<OutMessage>, StoreError> {
    let mut input = digest_input(store, meeting).await?;
    // Key figures are compared with the previous meeting of the series, when there is one.
    input.previous = Box::pin(previous_for_digest(store, meeting)).await?;
    if let Some(unit) = view.unit {
        digest::only_unit(&mut input, unit);
    }
    let mut computed = digest::compute(&input);
    if !view.with_names {
        // Outside the organisers' channel nobody is named as missing.
        computed.missing.clear();
    }
    let mut text = digest::render_markdown(&computed, &digest_labels(lang));

    // The optional model summary of the free-text answers; offline it adds nothing.
    let free: Vec<String> = input
        .answers
        .iter()
        .filter(|a| input.questions.iter().any(|q| q.id == a.question && q.kind == QuestionKind::Free))
        .filter_map(|a| a.value.text().map(str::to_owned))
        .collect();
    if !free.is_empty() {
        let overview = summariser.summarise(Purpose::Digest, lang, &free, String::new()).await;
        if !overview.trim().is_empty() {
            text.push_str(&format!("\n\n### {}\n{}", t!(lang, "digest-overview"), overview.trim()));
        }
    }

    let mut posts: Vec<OutMessage> =
        split_message(&text, DISCORD_MESSAGE_LIMIT).into_iter().map(OutMessage::text).collect();
    if posts.is_empty() {
        posts.push(OutMessage::text(t!(lang, "digest-no-answers")));
    }
    match response_chart_png_with(&computed, &input.title, &chart_labels(lang)) {
        Ok(png) => posts[0].attachments.push(Attachment { name: CHART_NAME.into(), bytes: png }),
        Err(e) => tracing::warn!(error = %e, "digest chart could not be drawn; posting the text alone"),
    }
    Ok(posts)
}

#[derive(Debug, thiserror::Error)]
pub enum DigestError {
    #[error("only organisers may read the digest")]
    NotOrganiser,
    #[error("no meeting is loaded")]
    NoMeeting,
    #[error("unknown unit {given:?}")]
    UnknownUnit { given: String, units: Vec<UnitName> },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl UserMessage for DigestError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::NotOrganiser => t!(lang, "err-not-organiser"),
            Self::NoMeeting => t!(lang, "err-no-meeting"),
            Self::UnknownUnit { given, units } => {
                let names: Vec<&str> = units.iter().map(UnitName::as_str).collect();
                t!(lang, "err-digest-unknown-unit", unit = given.as_str(), units = names.join(", "))
            }
            Self::Store(_) => t!(lang, "err-internal"),
        }
    }
}

/// `/digest [unit]`: the current meeting's digest (or one unit's) for an organiser, with
/// names, in the meeting's language.
pub async fn digest_for<S: Store + ?Sized>(
    store: &S,
    actor: &Actor,
    unit: Option<&str>,
    summariser: &dyn Summariser,
) -> Result<Vec<OutMessage>, DigestError> {
    if !actor.can_organise() {
        return Err(DigestError::NotOrganiser);
    }
    let meeting = store.current_meeting(actor.guild).await?.ok_or(DigestError::NoMeeting)?;
    let unit = match unit.map(str::trim).filter(|u| !u.is_empty()) {
        None => None,
        Some(given) => Some(
            meeting
                .unit(given)
                .cloned()
                .ok_or_else(|| DigestError::UnknownUnit { given: given.to_owned(), units: meeting.units.clone() })?,
        ),
    };
    let view = DigestView { with_names: true, unit: unit.as_ref() };
    Ok(digest_messages(store, &meeting, meeting.lang(), view, summariser).await?)
}

/// The previous meeting's key figures, for `DigestInput.previous` (same `Number` question id,
/// same unit).
pub async fn previous_for_digest<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
) -> Result<Option<PreviousMeeting>, StoreError> {
    let Some(previous) = super::meetings::previous_of(store, meeting).await? else { return Ok(None) };
    // A meeting whose answers were deleted under retention kept its key figures and rates.
    let (key_figures, response_rates) =
        (store.kept_key_figures(previous.id).await?, store.kept_response_rates(previous.id).await?);
    if !key_figures.is_empty() || !response_rates.is_empty() {
        return Ok(Some(PreviousMeeting { label: previous.title, key_figures, response_rates }));
    }
    let input = digest_input(store, &previous).await?;
    Ok(Some(digest::compute(&input).as_previous(previous.title.clone())))
}
