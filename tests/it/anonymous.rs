//! Anonymous answers in what organisers read: the digest and the export carry no name, no
//! time, and a unit only where at least 3 anonymous answers (and the rest) hide each author.

use samrad::app::answers;
use samrad::app::digest;
use samrad::app::export::{self, ExportFormat};
use samrad::app::ports::prelude::*;
use samrad::app::summarise::Offline;
use samrad::app::Actor;
use samrad::domain::privacy::{Anonymity, AuthorSecret};
use samrad::domain::Meeting;
use samrad::i18n::Lang;
use samrad::render::export::from_csv;

use crate::harness::{World, GUILD};

/// Whether `text` holds `word` as a whole word (so "M1" is not found in "M10").
fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| w == word)
}

/// Benchmarking meeting with every question anonymous; answers from 3, 4, 1 and 2 members
/// of its four units. Returns the meeting, who answered, and the words each wrote.
async fn anonymous_meeting(anonymity: Anonymity) -> (World, Meeting, Vec<(Actor, String)>) {
    anonymous_meeting_shared(anonymity, false).await
}

/// [`anonymous_meeting`], with the kit's `share_after_deadline` set to `share`.
async fn anonymous_meeting_shared(anonymity: Anonymity, share: bool) -> (World, Meeting, Vec<(Actor, String)>) {
    let mut w = World::new("benchmarking-1").await;
    for q in &mut w.kit.questions {
        q.anonymity = anonymity;
    }
    w.kit.share_after_deadline = share;
    w.load().await;
    w.tick_at(w.due("open").await).await;
    let meeting = w.store.current_meeting(GUILD).await.unwrap().unwrap();
    let people = w.seat(4).await;
    let secret = AuthorSecret::new(vec![9; 32]).unwrap();
    let mut said = Vec::new();
    for (unit, answering) in [3, 4, 1, 2].into_iter().enumerate() {
        for who in &people[unit * 4..unit * 4 + answering] {
            let words = format!("Tanke{} om styrkedjan i vår organisation", (b'a' + said.len() as u8) as char);
            let raw = [("utgangslage".to_owned(), words.clone()), ("styrkedja".to_owned(), "3".to_owned())];
            let report = answers::submit_answers_keyed(&w.store, &w.clock, Some(&secret), who, &raw).await.unwrap();
            assert!(report.refused.is_empty(), "{:?}", report.refused);
            said.push((who.clone(), words));
        }
    }
    (w, meeting, said)
}

#[tokio::test]
async fn the_digest_shows_anonymous_answers_without_names_and_hides_small_units() {
    let (w, meeting, said) = anonymous_meeting(Anonymity::Anonymous).await;
    let posts = digest::digest_for(&w.store, &w.organiser, None, &Offline).await.unwrap();
    let text: String = posts.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n");
    assert!(text.contains("(10 svar, anonymt)"), "{text}");
    for (who, _) in &said {
        assert!(!has_word(&text, &who.name), "{} answered and is named: {text}", who.name);
        assert!(!text.contains(&format!("<@{}>", who.user)), "{text}");
    }
    // Organisation B (1 answer) and C (2) are left out of the breakdown; the two others show.
    assert!(text.contains("Enheter utelämnade (för få anonyma svar för att visas säkert): 2"), "{text}");
    let breakdown: Vec<&str> = text.lines().filter(|l| l.starts_with("- 3: ")).collect();
    assert_eq!(breakdown, ["- 3: Mentororganisationen ×3, Organisation A ×4"], "{text}");

    // One unit's own view shows no more than the whole digest does.
    let small = digest::digest_for(&w.store, &w.organiser, Some("Organisation B"), &Offline).await.unwrap();
    let small: String = small.iter().map(|p| p.text.as_str()).collect();
    assert!(!said.iter().any(|(_, words)| small.contains(words.as_str())), "{small}");
    assert!(small.contains("(0 svar"), "{small}");
    let _ = meeting;
}

#[tokio::test]
async fn the_export_has_anonymous_rows_without_name_time_or_small_units() {
    let (w, _, said) = anonymous_meeting(Anonymity::Anonymous).await;
    let file = export::export_file(&w.store, &w.organiser, ExportFormat::Csv).await.unwrap();
    let csv = String::from_utf8(file.bytes).unwrap();
    for (who, words) in &said {
        assert!(csv.contains(words.as_str()), "every answer is exported");
        assert!(!has_word(&csv, &who.name) && !has_word(&csv, &who.user.to_string()), "{csv}");
    }
    let data = from_csv(csv.trim_start_matches(export::UTF8_BOM)).unwrap();
    assert_eq!(data.answers.len(), 20);
    assert!(data.answers.iter().all(|a| a.member == "(anonym)" && a.role.is_empty() && a.updated_at.is_none()));
    let units: std::collections::BTreeSet<&str> = data.answers.iter().map(|a| a.unit.as_str()).collect();
    assert_eq!(units, ["", "Mentororganisationen", "Organisation A"].into(), "B and C are withheld");

    let md = export::export_file(&w.store, &w.organiser, ExportFormat::Markdown).await.unwrap();
    let md = String::from_utf8(md.bytes).unwrap();
    assert!(md.contains("**Organisation A**, (anonym): Tanke"), "{md}");
    assert!(!md.contains("Organisation B**") && !md.contains("Organisation C**"), "{md}");
}

#[tokio::test]
async fn the_shared_post_shows_units_of_anonymous_answers_only_where_the_digest_does() {
    let (w, _, said) = anonymous_meeting_shared(Anonymity::Anonymous, true).await;
    let before = w.chat.posts_in(crate::harness::MEETING_CHANNEL).len();
    w.tick_at(w.due("deadline").await).await;
    let posts = w.chat.posts_in(crate::harness::MEETING_CHANNEL);
    let shared: String = posts.into_iter().skip(before).map(|m| m.text).collect::<Vec<_>>().join("\n");
    assert!(shared.contains("Detta sa enheterna"), "{shared}");
    for (who, _) in &said {
        assert!(!has_word(&shared, &who.name) && !shared.contains(&who.user.to_string()), "{shared}");
    }
    // Units of 3 and 4 answers show; B (1) and C (2) are left out, and that is said.
    let scale: Vec<&str> = shared.lines().filter(|l| l.starts_with("- 3: ")).collect();
    assert_eq!(scale, ["- 3: 10 svar — Mentororganisationen, Organisation A"], "{shared}");
    assert!(!shared.contains("Organisation B") && !shared.contains("Organisation C"), "{shared}");
    assert!(shared.contains("Enheter utelämnade (för få anonyma svar för att visas säkert): 2"), "{shared}");
}

#[tokio::test]
async fn a_kit_that_hides_units_shows_no_unit_next_to_any_anonymous_answer() {
    let (w, _, _) = anonymous_meeting(Anonymity::AnonymousNoUnit).await;
    let posts = digest::digest_for(&w.store, &w.organiser, None, &Offline).await.unwrap();
    let text: String = posts.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n");
    assert!(!text.lines().any(|l| l.starts_with("- 3: ")), "no breakdown by unit: {text}");
    assert!(!text.contains("Enheter utelämnade"), "nothing to leave out: {text}");
    let file = export::export_file(&w.store, &w.organiser, ExportFormat::Csv).await.unwrap();
    let data = from_csv(String::from_utf8(file.bytes).unwrap().trim_start_matches(export::UTF8_BOM)).unwrap();
    assert!(data.answers.iter().all(|a| a.unit.is_empty()), "{:?}", data.answers);
}

#[tokio::test]
async fn the_questions_post_says_which_answers_are_anonymous_and_who_reads_them() {
    let mut w = World::new("benchmarking-1").await;
    let first = w.kit.questions[0].id.clone();
    w.kit.questions[0].anonymity = Anonymity::Anonymous;
    w.load().await;
    let meeting = w.store.current_meeting(GUILD).await.unwrap().unwrap();
    for lang in [Lang::Nb, Lang::Sv, Lang::En] {
        let post = samrad::app::reflection::questions_post(&meeting, lang).text;
        let anonymous = meeting.question(&first).unwrap();
        let label =
            samrad::app::reflection::anonymity_label(anonymous, lang).expect("an anonymous question has a label");
        assert!(post.contains(&format!("{} {label}", anonymous.text)), "{post}");
        assert_eq!(post.matches(&label).count(), 1, "only the anonymous question is marked: {post}");
        assert!(post.contains(&samrad::t!(lang, "questions-post-privacy")), "{post}");
    }
    let named = meeting.questions.iter().find(|q| q.id != first).unwrap();
    assert_eq!(samrad::app::reflection::anonymity_label(named, Lang::En), None);
}

#[tokio::test]
async fn a_member_sees_their_own_anonymous_answers_and_no_command_tells_an_organiser_whose_they_are() {
    let (w, _, said) = anonymous_meeting(Anonymity::Anonymous).await;
    let secret = AuthorSecret::new(vec![9; 32]).unwrap();
    let (me, my_words) = &said[0];

    // /answer mine: the member's own anonymous answers, marked, and nobody else's.
    let (meeting, mine) = answers::my_answers_keyed(&w.store, Some(&secret), me).await.unwrap();
    let text = answers::render_mine(&meeting, &mine, Lang::En);
    assert!(text.contains(my_words.as_str()), "{text}");
    assert!(text.contains("(anonymous: never shown with your name)"), "{text}");
    assert!(said[1..].iter().all(|(_, words)| !text.contains(words.as_str())), "{text}");
    let (_, without_secret) = answers::my_answers(&w.store, me).await.unwrap();
    assert!(without_secret.iter().all(|a| a.value != *my_words), "found only by the member's key");

    // Every read an organiser has: their own answers, the digest (whole and per unit), the
    // export, the status with its audit, their own data. None puts an anonymous answer's
    // words beside its author's name or id.
    let org = &w.organiser;
    let (meeting, theirs) = answers::my_answers_keyed(&w.store, Some(&secret), org).await.unwrap();
    let mut reads = vec![answers::render_mine(&meeting, &theirs, Lang::En)];
    for unit in [None, Some("Mentororganisationen"), Some("Organisation B")] {
        let posts = digest::digest_for(&w.store, org, unit, &Offline).await.unwrap();
        reads.extend(posts.into_iter().map(|p| p.text));
    }
    for format in [ExportFormat::Csv, ExportFormat::Markdown] {
        let file = export::export_file(&w.store, org, format).await.unwrap();
        reads.push(String::from_utf8(file.bytes).unwrap());
    }
    let status = samrad::app::meetings::meeting_status(&w.store, org).await.unwrap();
    reads.push(samrad::app::meetings::render_status(&status, Lang::En));
    reads.extend(samrad::app::audit::status_section(&w.store, org).await.unwrap());
    let files = samrad::app::my_data::my_data(&w.store, &secret, org, "Nätverket").await.unwrap();
    reads.extend(files.into_iter().map(|f| String::from_utf8(f.bytes).unwrap()));
    for read in &reads {
        for (who, words) in &said {
            // Ids as mentions: a bare "100" is also "100 %".
            let named = has_word(read, &who.name) || read.contains(&format!("<@{}>", who.user));
            assert!(!(read.contains(words.as_str()) && named), "{} beside their words in:\n{read}", who.name);
        }
    }
    assert!(reads.iter().any(|r| r.contains(my_words.as_str())), "the words themselves are read");
}
