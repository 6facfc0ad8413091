//! The answer flow as Discord components, built from an `app::answers::AnswerForm`: modal
//! pages of text inputs (prefilled with the current answers) and a follow-up with "Next page"
//! and yes/no buttons and scale/choice selects. Pure functions, so they are unit-tested.

use serenity::all::{
    ButtonStyle, CreateActionRow, CreateButton, CreateInputText, CreateModal, CreateSelectMenu, CreateSelectMenuKind,
    CreateSelectMenuOption, InputTextStyle,
};

use super::chat::{cut, ROWS_PER_MESSAGE};
use super::ids::{AnswerFlow, CustomId, Nav};
use crate::app::answers::AnswerForm;
use crate::domain::{Phase, Question, QuestionKind};
use crate::i18n::Lang;
use crate::t;

/// Discord's limits for modal titles, input labels, placeholders and values.
const TITLE_MAX: usize = 45;
const LABEL_MAX: usize = 45;
const PLACEHOLDER_MAX: usize = 100;
pub const ANSWER_MAX: u16 = 4000;
/// Options in one select menu.
const OPTIONS_MAX: usize = 25;
/// Picker questions per follow-up message: one row is kept for navigation.
pub const PICKERS_PER_MESSAGE: usize = ROWS_PER_MESSAGE - 1;

/// The flow a form's ids name: its phase and meeting (so a click in a DM finds the guild).
fn flow(form: &AnswerForm) -> AnswerFlow {
    AnswerFlow::of(form.phase, form.meeting.id)
}

/// Modal page `page` (0-based) of the form, or `None` past the last page.
pub fn modal_page(form: &AnswerForm, page: usize, lang: Lang) -> Option<CreateModal> {
    let questions = form.pages.get(page)?;
    // A unit answer says whose answer it is; otherwise the meeting's title names the form.
    let name = match (&form.unit, form.meeting.unit_answers) {
        (Some(unit), true) => t!(lang, "modal-title-unit", unit = unit.as_str()),
        _ => form.meeting.title.clone(),
    };
    let title = t!(lang, "modal-title", title = name.as_str(), page = page + 1, pages = form.pages.len());
    let title = if form.pages.len() == 1 { cut(&name, TITLE_MAX) } else { fit_title(&title, &name, form, page) };
    let rows = questions.iter().map(|q| CreateActionRow::InputText(text_input(form, q))).collect();
    Some(CreateModal::new(CustomId::Modal(flow(form), page).encode(), title).components(rows))
}

/// "Title (2/3)": the meeting title is shortened, never the page counter.
fn fit_title(full: &str, name: &str, form: &AnswerForm, page: usize) -> String {
    if full.chars().count() <= TITLE_MAX {
        return full.to_owned();
    }
    let counter = format!(" ({}/{})", page + 1, form.pages.len());
    format!("{}{counter}", cut(name, TITLE_MAX - counter.chars().count()))
}

fn text_input(form: &AnswerForm, q: &Question) -> CreateInputText {
    // Each kind says whether it is typed on one line (`QuestionKind::one_line`).
    let style = if q.kind.one_line() { InputTextStyle::Short } else { InputTextStyle::Paragraph };
    // The label holds the start of the question; the placeholder the help text or the rest.
    let label = cut(&q.text, LABEL_MAX);
    let mut placeholder = q.help.clone().unwrap_or_else(|| q.text.clone());
    // An anonymous question says so where the member types (the label is too short for it).
    if let Some(label) = crate::app::reflection::anonymity_label(q, form.meeting.lang()) {
        placeholder = format!("🔒 {label} {placeholder}");
    }
    let mut input = CreateInputText::new(style, label, CustomId::Input(q.id.clone()).encode())
        .placeholder(cut(&placeholder, PLACEHOLDER_MAX))
        .max_length(ANSWER_MAX)
        // Blank keeps an earlier answer, so no field is ever required in the modal.
        .required(false);
    if let Some(current) = form.current.get(&q.id) {
        input = input.value(cut(current, ANSWER_MAX as usize));
    }
    input
}

/// The follow-up message after a modal page (or instead of the modal when the form has only
/// pickers): a list of the picker questions shown, and their components.
#[derive(Debug)]
pub struct FollowUp {
    pub text: String,
    pub rows: Vec<CreateActionRow>,
}

pub fn follow_up(form: &AnswerForm, nav: Nav, lang: Lang) -> FollowUp {
    let shown: Vec<&Question> = form.pickers.iter().skip(nav.offset).take(PICKERS_PER_MESSAGE).collect();
    let mut lines = Vec::new();
    let mut rows: Vec<CreateActionRow> = shown.iter().map(|q| picker(form, q, nav, lang)).collect();
    for q in &shown {
        lines.push(format!("**{}** {}", q.id, q.text));
    }
    let mut nav_buttons = Vec::new();
    if let Some(page) = nav.next_page.filter(|p| *p < form.pages.len()) {
        nav_buttons.push(
            CreateButton::new(CustomId::Page(flow(form), page).encode())
                .label(t!(lang, "button-next-page", page = page + 1, pages = form.pages.len()))
                .style(ButtonStyle::Primary),
        );
    }
    let after = nav.offset + shown.len();
    if after < form.pickers.len() {
        nav_buttons.push(
            CreateButton::new(CustomId::More(flow(form), Nav { offset: after, ..nav }).encode())
                .label(t!(lang, "button-more-questions"))
                .style(ButtonStyle::Secondary),
        );
    }
    if !nav_buttons.is_empty() {
        rows.push(CreateActionRow::Buttons(nav_buttons));
    }
    if nav.next_page.is_none() && after >= form.pickers.len() {
        lines.push(match form.phase {
            Phase::Reflection => t!(lang, "flow-done"),
            Phase::Evaluation => t!(lang, "flow-done-evaluation"),
            Phase::During => t!(lang, "flow-done-during"),
        });
    }
    FollowUp { text: lines.join("\n"), rows }
}

fn picker(form: &AnswerForm, q: &Question, nav: Nav, lang: Lang) -> CreateActionRow {
    let current = form.current.get(&q.id).map(String::as_str);
    let pick = |value: Option<String>| CustomId::Pick { flow: flow(form), nav, question: q.id.clone(), value }.encode();
    match &q.kind {
        QuestionKind::YesNo => CreateActionRow::Buttons(
            [("yes", "pick-yes"), ("no", "pick-no")]
                .into_iter()
                .map(|(value, label)| {
                    let chosen = current == Some(value);
                    CreateButton::new(pick(Some(value.into())))
                        .label(format!("{}: {}", q.id, t!(lang, label)))
                        .style(if chosen { ButtonStyle::Success } else { ButtonStyle::Secondary })
                })
                .collect(),
        ),
        QuestionKind::Scale { min, max } => {
            let options = (*min..=*max)
                .take(OPTIONS_MAX)
                .map(|v| {
                    CreateSelectMenuOption::new(v.to_string(), v.to_string())
                        .default_selection(current == Some(v.to_string().as_str()))
                })
                .collect();
            select(pick(None), q, options)
        }
        QuestionKind::Choice { options } => {
            let options = options
                .iter()
                .enumerate()
                .take(OPTIONS_MAX)
                .map(|(i, o)| {
                    CreateSelectMenuOption::new(cut(o, 100), i.to_string()).default_selection(current == Some(o))
                })
                .collect();
            select(pick(None), q, options)
        }
        // Typed questions are in the modal pages; shown here only if a kit puts one among pickers.
        QuestionKind::Free | QuestionKind::Number => {
            CreateActionRow::Buttons(vec![
                CreateButton::new(CustomId::Page(flow(form), 0).encode()).label(cut(&q.text, 80))
            ])
        }
    }
}

fn select(id: String, q: &Question, options: Vec<CreateSelectMenuOption>) -> CreateActionRow {
    CreateActionRow::SelectMenu(
        CreateSelectMenu::new(id, CreateSelectMenuKind::String { options })
            .placeholder(cut(&format!("{}: {}", q.id, q.text), 150))
            .min_values(1)
            .max_values(1),
    )
}

/// The answer text a picker click stands for: choices travel as option indexes.
pub fn picked_value(q: &Question, value: &str) -> String {
    match &q.kind {
        QuestionKind::Choice { options } => {
            value.parse::<usize>().ok().and_then(|i| options.get(i).cloned()).unwrap_or_else(|| value.to_owned())
        }
        QuestionKind::Free | QuestionKind::YesNo | QuestionKind::Scale { .. } | QuestionKind::Number => {
            value.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::domain::{Meeting, QuestionId};

    fn question(id: &str, kind: QuestionKind) -> Question {
        Question {
            id: QuestionId::try_from(id).unwrap(),
            text: format!("What does your unit think about {id}, considering everything that happened this year?"),
            kind,
            help: None,
            required: true,
            phase: Phase::Reflection,
            anonymity: crate::domain::privacy::Anonymity::Named,
        }
    }

    fn form(free: usize, pickers: Vec<Question>) -> AnswerForm {
        let texts: Vec<Question> = (0..free).map(|i| question(&format!("q{i}"), QuestionKind::Free)).collect();
        let meeting = Meeting {
            id: crate::domain::MeetingId(1),
            guild: crate::domain::GuildId(1),
            kit_id: "kit".into(),
            title: "Koordineringsgruppa for bærekraft ved universitetet".into(),
            language: "nb".into(),
            timezone: chrono_tz::Europe::Oslo,
            state: crate::domain::MeetingState::Open,
            units: vec![],
            roles: vec![],
            questions: texts.iter().chain(&pickers).cloned().collect(),
            deadline: None,
            unit_answers: false,
            share_after_deadline: false,
        };
        let mut current = HashMap::new();
        current.insert(QuestionId::try_from("q0").unwrap(), "Vi har mye å si".to_owned());
        AnswerForm {
            phase: Phase::Reflection,
            meeting,
            unit: Some(crate::domain::UnitName::try_from("JUS").unwrap()),
            pages: texts.chunks(5).map(<[Question]>::to_vec).collect(),
            pickers,
            current,
        }
    }

    fn json(v: &impl serde::Serialize) -> serde_json::Value {
        serde_json::to_value(v).unwrap()
    }

    #[test]
    fn a_modal_page_has_at_most_five_prefilled_paragraph_inputs_keyed_by_question() {
        let f = form(7, vec![]);
        let page = json(&modal_page(&f, 0, Lang::En).unwrap());
        let rows = page["components"].as_array().unwrap();
        assert_eq!(rows.len(), 5);
        let first = &rows[0]["components"][0];
        assert_eq!(first["custom_id"], "samrad:q:q0");
        assert_eq!(first["value"], "Vi har mye å si");
        assert_eq!(first["style"], 2);
        assert_eq!(first["max_length"], 4000);
        assert_eq!(first["required"], false);
        assert!(first["label"].as_str().unwrap().chars().count() <= 45);
        assert!(page["title"].as_str().unwrap().chars().count() <= 45);
        assert!(page["title"].as_str().unwrap().ends_with("(1/2)"));
        assert_eq!(page["custom_id"], "samrad:m1:modal:0");
        let second = json(&modal_page(&f, 1, Lang::En).unwrap());
        assert_eq!(second["components"].as_array().unwrap().len(), 2);
        assert!(modal_page(&f, 2, Lang::En).is_none());
    }

    #[test]
    fn the_follow_up_offers_the_next_page_and_pickers_for_closed_questions() {
        let f = form(
            7,
            vec![
                question("yn", QuestionKind::YesNo),
                question("sc", QuestionKind::Scale { min: 1, max: 5 }),
                question("ch", QuestionKind::Choice { options: vec!["A".into(), "B".into()] }),
            ],
        );
        let up = follow_up(&f, Nav { next_page: Some(1), offset: 0 }, Lang::Nb);
        assert_eq!(up.rows.len(), 4);
        let rows = json(&up.rows);
        assert_eq!(rows[0]["components"][0]["custom_id"], "samrad:m1:pick:1.0:yn:yes");
        assert_eq!(rows[1]["components"][0]["options"].as_array().unwrap().len(), 5);
        assert_eq!(rows[2]["components"][0]["options"][1]["value"], "1");
        assert_eq!(rows[3]["components"][0]["custom_id"], "samrad:m1:page:1");
        assert!(up.text.contains("**yn**"));
        assert_eq!(picked_value(&f.pickers[2], "1"), "B");
    }

    #[test]
    fn many_pickers_are_shown_four_at_a_time() {
        let pickers = (0..6).map(|i| question(&format!("p{i}"), QuestionKind::YesNo)).collect();
        let f = form(0, pickers);
        let up = follow_up(&f, Nav::default(), Lang::Sv);
        assert_eq!(up.rows.len(), 5);
        let rows = json(&up.rows);
        assert_eq!(rows[4]["components"][0]["custom_id"], "samrad:m1:more:-.4");
        let rest = follow_up(&f, Nav { next_page: None, offset: 4 }, Lang::Sv);
        assert_eq!(rest.rows.len(), 2);
        assert!(rest.text.contains(&t!(Lang::Sv, "flow-done")));
    }

    #[test]
    fn the_evaluation_flow_keeps_its_phase_in_every_id() {
        let mut f = form(6, vec![question("rating", QuestionKind::Scale { min: 1, max: 5 })]);
        f.phase = Phase::Evaluation;
        let modal = json(&modal_page(&f, 0, Lang::En).unwrap());
        assert_eq!(modal["custom_id"], "samrad:m1:eval:modal:0");
        assert_eq!(modal["components"][0]["components"][0]["custom_id"], "samrad:q:q0");
        let rows = json(&follow_up(&f, Nav { next_page: Some(1), offset: 0 }, Lang::En).rows);
        assert_eq!(rows[0]["components"][0]["custom_id"], "samrad:m1:eval:pick:1.0:rating");
        assert_eq!(rows[1]["components"][0]["custom_id"], "samrad:m1:eval:page:1");
        let done = follow_up(&f, Nav::default(), Lang::En);
        assert!(done.text.contains(&t!(Lang::En, "flow-done-evaluation")), "{}", done.text);
    }
}
