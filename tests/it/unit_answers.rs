//! Unit answers (#17): one answer per unit per question, written and edited by any member of
//! the unit; reminders only to units without an answer; the digest and status count units;
//! "what the units said" after the deadline and the units' plans after the meeting.

use samrad::app::plans::{self, PlanInput};
use samrad::app::ports::prelude::*;
use samrad::app::ports::OutMessage;
use samrad::app::{answers, digest, meetings, Actor};
use samrad::domain::{Phase, QuestionKind, UserId};
use samrad::i18n::Lang;

use crate::harness::{World, MEETING_CHANNEL};

/// An answer to every reflection question: yes/no as `yes`, the first option or step, `free`.
fn reflection<S>(w: &World<S>, yes: &str, free: &str) -> Vec<(String, String)> {
    w.kit
        .questions
        .iter()
        .filter(|q| q.phase == Phase::Reflection)
        .map(|q| {
            let v = match &q.kind {
                QuestionKind::YesNo => yes.to_owned(),
                QuestionKind::Scale { min, .. } => min.to_string(),
                QuestionKind::Choice { options } => options[0].clone(),
                QuestionKind::Number => "41,5".into(),
                QuestionKind::Free => free.into(),
            };
            (q.id.to_string(), v)
        })
        .collect()
}

fn texts(posts: Vec<OutMessage>) -> String {
    posts.into_iter().map(|m| m.text).collect::<Vec<_>>().join("\n")
}

async fn dms<S>(w: &World<S>, who: &Actor) -> Vec<String> {
    w.chat.dms_to(who.user).into_iter().map(|m| m.text).collect()
}

on_both_stores!(
    members_of_a_unit_write_and_edit_one_answer_and_reminders_skip_units_that_answered,
    "bydel-likestilling"
);
async fn members_of_a_unit_write_and_edit_one_answer_and_reminders_skip_units_that_answered<S: Store>(w: World<S>) {
    assert!(w.kit.unit_answers, "seed 003's checklist is reported per service site");
    w.load().await;
    let people = w.seat(2).await;
    let (ann, bo, other) = (&people[0], &people[1], &people[2]);
    w.tick_at(w.due("open").await).await;
    let opening = w.chat.posts_in(MEETING_CHANNEL).pop().unwrap().text;
    assert!(opening.contains("ett felles svar"), "the questions post says it is a unit answer: {opening}");

    let first =
        answers::submit_answers(&w.store, &w.clock, ann, &reflection(&w, "nei", "Vi har startet.")).await.unwrap();
    assert!(first.refused.is_empty(), "{first:?}");
    assert!(first.saved.iter().all(|(_, revision)| *revision == 1));
    // Bo, of the same unit, opens the form on the unit's answer Ann wrote, and edits one part.
    let form = answers::answer_form(&w.store, &w.clock, bo, Phase::Reflection).await.unwrap();
    assert_eq!(form.current.get(&"hvor-er-vi".try_into().unwrap()).map(String::as_str), Some("Vi har startet."));
    assert_eq!(form.current.get(&"trekantmoter".try_into().unwrap()).map(String::as_str), Some("no"));
    let edit = vec![("hvor-er-vi".to_owned(), "Vi har en plan for hele bydelen.".to_owned())];
    let report = answers::submit_answers(&w.store, &w.clock, bo, &edit).await.unwrap();
    assert_eq!(report.saved, vec![("hvor-er-vi".try_into().unwrap(), 2)], "an edit is the unit answer's next revision");
    let meeting = w.store.current_meeting(crate::harness::GUILD).await.unwrap().unwrap();
    let unit = meeting.units.iter().find(|u| u.as_str() == "Barnehagene").unwrap();
    let history = w.store.unit_answer_history(meeting.id, unit, &"hvor-er-vi".try_into().unwrap()).await.unwrap();
    let authored: Vec<(&str, Option<UserId>)> = history.iter().map(|r| (r.value.as_str(), r.author)).collect();
    assert_eq!(
        authored,
        vec![("Vi har startet.", Some(ann.user)), ("Vi har en plan for hele bydelen.", Some(bo.user))]
    );
    assert!(w.store.answers(meeting.id).await.unwrap().is_empty(), "nothing is stored as a member's own answer");

    // Ann's /my-data (in her language, English) holds every version of the unit's answers she wrote, also the one Bo replaced.
    let secret = samrad::domain::privacy::AuthorSecret::new(vec![7; 32]).unwrap();
    let files = samrad::app::my_data::my_data(&w.store, &secret, ann, "Bydelen").await.unwrap();
    let md = String::from_utf8(files[0].bytes.clone()).unwrap();
    let mine = md.split("## Unit answers you wrote").nth(1).expect("the section").split("\n## ").next().unwrap();
    assert!(mine.contains("Barnehagene · hvor-er-vi\n  > Vi har startet."), "{md}");
    assert!(!mine.contains("Vi har en plan for hele bydelen."), "Bo's version is his: {md}");

    // Ann sees the unit's answers and who last wrote each.
    let (m, mine) = answers::my_answers(&w.store, ann).await.unwrap();
    let shown = answers::render_mine(&m, &mine, Lang::Nb);
    assert!(
        shown.contains("Svarene til Barnehagene") && shown.contains(&format!("sist skrevet av <@{}>", bo.user)),
        "{shown}"
    );

    // Status counts units; reminders go to the members of units without an answer only.
    let status = meetings::render_status(&meetings::status_of(&w.store, &meeting).await.unwrap(), Lang::Nb);
    assert!(status.lines().any(|l| l.starts_with("Barnehagene") && l.ends_with(" svart")), "{status}");
    assert!(status.lines().any(|l| l.starts_with("Hjemmetjenesten") && l.ends_with("ikke svart")), "{status}");
    w.tick_at(w.due("remind").await).await;
    assert!(dms(&w, ann).await.is_empty() && dms(&w, bo).await.is_empty(), "their unit has answered");
    let reminder = dms(&w, other).await;
    assert_eq!(reminder.len(), 1, "{reminder:?}");
    assert!(
        reminder[0].contains("**Hjemmetjenesten** har ikke svart") && reminder[0].contains("alle i enheten"),
        "{reminder:?}"
    );

    // The digest counts units and names the units behind each answer.
    let text =
        texts(digest::digest_post(&w.store, &meeting, Lang::Nb, true, &samrad::app::summarise::Offline).await.unwrap());
    assert!(text.contains("1 av 6 enheter"), "{text}");
    assert!(text.contains("- **Barnehagene**: har svart"), "{text}");
    assert!(text.contains("- Nei: Barnehagene"), "{text}");
    assert!(!text.contains("M0") && !text.contains("M1"), "members are not listed as missing: {text}");

    // The export has each unit's answer once, with its last author and how often it was edited.
    let data = samrad::app::export::export_data(&w.store, &meeting).await.unwrap();
    let rows: Vec<_> = data.answers.iter().filter(|a| a.question_id == "hvor-er-vi").collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        (rows[0].unit.as_str(), rows[0].member.as_str(), rows[0].answer.as_str(), rows[0].revisions),
        ("Barnehagene", bo.name.as_str(), "Vi har en plan for hele bydelen.", 1)
    );
}

on_both_stores!(
    after_the_deadline_everyone_reads_what_the_units_said_and_after_the_meeting_their_plans,
    "larandetraff-2"
);
async fn after_the_deadline_everyone_reads_what_the_units_said_and_after_the_meeting_their_plans<S: Store>(
    w: World<S>,
) {
    assert!(w.kit.unit_answers && w.kit.share_after_deadline, "seed 002's key figures per organisation, shared");
    w.load().await;
    let people = w.seat(1).await;
    w.tick_at(w.due("open").await).await;
    for (p, text) in people.iter().zip(["Vi har infört könsuppdelad statistik.", "Vi har börjat kartlägga löner."])
    {
        answers::submit_answers(&w.store, &w.clock, p, &reflection(&w, "ja", text)).await.unwrap();
    }
    let before = w.chat.posts_in(MEETING_CHANNEL).len();
    w.tick_at(w.due("deadline").await).await;
    let posted: Vec<String> = w.chat.posts_in(MEETING_CHANNEL).into_iter().skip(before).map(|m| m.text).collect();
    let shared = posted.join("\n");
    assert!(shared.contains("Detta sa enheterna — Lärandeträff 2"), "{shared}");
    assert!(shared.contains("- **Mentororganisationen**: Vi har infört könsuppdelad statistik."), "{shared}");
    assert!(shared.contains("- **Organisation A**: Vi har börjat kartlägga löner."), "{shared}");
    assert!(shared.contains("- **Organisation A**: 41,5"), "a key figure is the unit's figure: {shared}");
    assert!(shared.contains("Inte svarat: Organisation B, Organisation C"), "{shared}");
    assert!(!shared.contains("M0") && !shared.contains(&people[0].user.to_string()), "no member is named: {shared}");
    assert!(posted.iter().all(|p| p.chars().count() <= 2000));

    // After the meeting, each unit's take-home plan is shared the same way.
    let plan = PlanInput {
        action: "Införa könsuppdelad statistik".into(),
        owner: "HR-chefen".into(),
        owner_id: None,
        due: String::new(),
    };
    plans::record_plan(&w.store, &w.clock, &people[1], &plan).await.unwrap();
    meetings::end_meeting(&w.store, &w.clock, &w.organiser).await.unwrap();
    let before = w.chat.posts_in(MEETING_CHANNEL).len();
    w.tick_at(w.now()).await;
    w.tick_at(w.now()).await;
    let posted: Vec<String> = w.chat.posts_in(MEETING_CHANNEL).into_iter().skip(before).map(|m| m.text).collect();
    assert_eq!(posted.len(), 1, "once, also when the tick runs again: {posted:?}");
    assert!(
        posted[0].contains("Enheternas planer för hemmaplan") && posted[0].contains("**Organisation A**"),
        "{posted:?}"
    );
    assert!(posted[0].contains("Införa könsuppdelad statistik — HR-chefen"), "{posted:?}");
}

on_both_stores!(in_member_mode_the_shared_post_has_themes_with_one_quote_each_and_no_names, "example-en");
async fn in_member_mode_the_shared_post_has_themes_with_one_quote_each_and_no_names<S: Store>(mut w: World<S>) {
    w.kit.share_after_deadline = true;
    w.load().await;
    let people = w.seat(2).await;
    w.tick_at(w.due("open").await).await;
    let said = [
        "Recruitment panels are gender balanced now.",
        "We changed recruitment panels this spring.",
        "Mentoring for new managers started.",
        "Mentoring for new managers is planned.",
        "Recruitment panels get training.",
        "Mentoring for new managers needs money.",
    ];
    for (p, text) in people.iter().zip(said) {
        answers::submit_answers(&w.store, &w.clock, p, &reflection(&w, "no", text)).await.unwrap();
    }
    let before = w.chat.posts_in(MEETING_CHANNEL).len();
    w.tick_at(w.due("deadline").await).await;
    let shared: String = w.chat.posts_in(MEETING_CHANNEL).into_iter().skip(before).map(|m| m.text).collect();
    assert!(shared.contains("What the units said"), "{shared}");
    assert!(shared.to_lowercase().contains("recruitment panels"), "a theme: {shared}");
    assert!(
        shared.contains("- No: 6 answers — Faculty of Humanities, Faculty of Law, Museum of Cultural History"),
        "{shared}"
    );
    assert!(people.iter().all(|p| !shared.contains(&p.name) && !shared.contains(&p.user.to_string())), "{shared}");
}

#[tokio::test]
async fn the_demo_of_a_kit_with_unit_answers_shows_them_edited_counted_and_shared() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("demo.db").display());
    let output = crate::harness::DemoOutput::default();
    let store = samrad::storage::open(&db).await.unwrap();
    let files = samrad::console::demo::files_dir(&db);
    samrad::console::demo::run(crate::harness::kit("larandetraff-2"), 7, store, files, output.out()).await.unwrap();
    let text = output.text();
    for part in [
        "Här svarar varje enhet med ett gemensamt svar",
        "Svaren från",
        "senast skrivet av",
        "enheter (",
        "Detta sa enheterna",
    ] {
        assert!(text.contains(part), "the demo lacks {part:?}:\n{text}");
    }
    // Sample answers are written for the question and not repeated before all were used.
    let shared = &text[text.find("Detta sa enheterna").unwrap()..];
    let first = shared.split("**2.").next().unwrap();
    let answers: Vec<&str> =
        first.lines().filter(|l| l.starts_with("- **")).map(|l| l.split("**: ").nth(1).unwrap()).collect();
    let distinct: std::collections::HashSet<&&str> = answers.iter().collect();
    assert!(answers.len() >= 2 && distinct.len() == answers.len(), "{answers:?}");
}

on_both_stores!(a_room_brief_shows_the_answers_of_its_members_units_under_each_question, "bydel-likestilling");
async fn a_room_brief_shows_the_answers_of_its_members_units_under_each_question<S: Store>(w: World<S>) {
    use rand::SeedableRng;
    use samrad::app::breakouts::{self, SplitRequest};
    use samrad::domain::grouping::{Mode, Sizing};
    w.load().await;
    let people = w.seat(2).await;
    w.tick_at(w.due("open").await).await;
    // One member of each of the first two units answers for it; nobody opted in to sharing.
    for p in [&people[0], &people[2]] {
        let unit = w.store.member(p.guild, p.user).await.unwrap().unwrap().unit.unwrap();
        let raw = vec![("hvor-er-vi".to_owned(), format!("Svaret til {unit}"))];
        answers::submit_answers(&w.store, &w.clock, p, &raw).await.unwrap();
    }
    let facilitator = Actor { staff: samrad::app::Staff::Facilitator, ..w.organiser.clone() };
    let request = SplitRequest {
        mode: Mode::SameUnit,
        sizing: Sizing::Size(2),
        minutes: 10,
        voice: false,
        plan: None,
        present: Some(people.iter().map(|p| p.user).collect()),
        topics: Vec::new(),
    };
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
    let round =
        breakouts::split(&w.store, &w.chat, &w.clock, &facilitator, &request, &mut rng, &|_, _| {}).await.unwrap();
    let question = w.kit.questions.iter().find(|q| q.id.as_str() == "hvor-er-vi").unwrap().text.clone();
    let mut shown = 0;
    for room in &round.rooms {
        let brief: String = w.chat.posts_in(room.text_channel.unwrap()).into_iter().map(|m| m.text).collect();
        let under = brief.split(&format!("**{question}**")).nth(1).expect("the question is in the brief");
        let unit = w.store.member(crate::harness::GUILD, room.members[0]).await.unwrap().unwrap().unit.unwrap();
        let line = format!("> **{unit}**: Svaret til {unit}");
        if under.contains(&line) {
            shown += 1;
        }
        assert!(
            !brief.contains("Svaret til") || under.contains(&line),
            "a room reads only its own units' answers: {brief}"
        );
    }
    assert_eq!(shown, 2, "the two units that answered read their answer in their room");
}
