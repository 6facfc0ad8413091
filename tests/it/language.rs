//! The members' language: meeting posts in the kit's language, private replies and DMs in the
//! member's own (saved choice, else their Discord client's), English last.

use samrad::app::{answers, membership, UserMessage};
use samrad::i18n::Lang;

use crate::harness::{World, MEETING_CHANNEL};

#[tokio::test]
async fn a_norwegian_meeting_speaks_bokmal_from_post_to_reminder() {
    let w = World::new("uio-koordineringsgruppe").await;
    w.load().await;
    let people = w.seat(1).await;
    w.tick_at(w.due("open").await).await;
    let open = &w.chat.posts_in(MEETING_CHANNEL)[0];
    assert!(open.text.contains("spørsmålene til neste møte er åpne"), "{}", open.text);
    assert!(
        open.text.contains("Svarfrist: onsdag 10. mars kl. 12:00 (<t:"),
        "deadline in words, Oslo time: {}",
        open.text
    );
    assert_eq!(open.buttons[0].label, "Svar");
    w.tick_at(w.due("remind").await).await;
    let dm = &w.chat.dms_to(people[0].user)[0];
    assert!(dm.text.starts_with("Hei M0!"), "{}", dm.text);
}

#[tokio::test]
async fn a_swedish_member_reads_swedish_in_a_norwegian_meeting() {
    let w = World::new("uio-koordineringsgruppe").await;
    w.load().await;
    let people = w.seat(1).await;
    let mut swede = people[0].clone();
    membership::set_language(&w.store, &swede, Some("sv-SE")).await.unwrap();
    swede.lang = Lang::Sv;
    w.tick_at(w.due("open").await).await;
    w.tick_at(w.due("remind").await).await;
    let dm = &w.chat.dms_to(swede.user)[0];
    assert!(dm.text.starts_with("Hej M0!") && dm.text.contains("väntar fortfarande"), "{}", dm.text);
    let err = answers::submit_answers(&w.store, &w.clock, &swede, &[("nope".into(), "x".into())]).await.unwrap_err();
    assert!(err.user_message(swede.lang).contains("Formuläret är inaktuellt"), "{}", err.user_message(swede.lang));
    let err = membership::set_language(&w.store, &swede, Some("de")).await.unwrap_err();
    assert!(err.user_message(Lang::Sv).contains("svenska"));
}

#[tokio::test]
async fn a_swedish_meeting_posts_in_swedish() {
    let w = World::new("benchmarking-1").await;
    w.load().await;
    w.seat(1).await;
    w.tick_at(w.due("open").await).await;
    let open = &w.chat.posts_in(MEETING_CHANNEL)[0];
    assert!(open.text.contains("frågorna inför nästa träff är öppna"), "{}", open.text);
    assert!(open.text.contains("Sista svarsdag:"), "{}", open.text);
    assert_eq!(open.buttons[0].label, "Svara");
}

#[tokio::test]
async fn a_norwegian_meetings_markdown_export_has_norwegian_headings() {
    use samrad::app::export::{export_meeting, ExportFormat};
    let w = World::new("uio-koordineringsgruppe").await;
    let loaded = w.load().await;
    let people = w.seat(1).await;
    w.tick_at(w.due("open").await).await;
    let q = loaded.meeting.reflection_questions().next().unwrap().id.to_string();
    answers::submit_answers(&w.store, &w.clock, &people[0], &[(q.clone(), "Første svar.".into())]).await.unwrap();
    answers::submit_answers(&w.store, &w.clock, &people[0], &[(q, "Andre svar.".into())]).await.unwrap();
    let md = export_meeting(&w.store, loaded.meeting.id, ExportFormat::Markdown).await.unwrap();
    assert!(md.contains(&format!("(møte {})", loaded.meeting.id)), "{md}");
    assert!(md.contains("## Svar") && md.contains("endret 1×") && md.contains("Andre svar."), "{md}");
    assert!(!md.contains("## Answers"), "{md}");
}
