//! PrivacyStore: consent, anonymous answers kept apart from who gave them, the audit log,
//! retention (purge keeps key figures) and a member's own data.

use samrad::app::privacy_store::{AuditAction, AuditEntry, Consent};
use samrad::app::retention::audit_entry;
use samrad::domain::digest::KeyFigure;
use samrad::domain::privacy::{Anonymity, AuthorSecret};
use samrad::domain::{MeetingState, Phase, Question, QuestionKind};

use super::*;

store_tests!(
    consent_is_off_and_unasked_until_the_member_answers,
    anonymous_answers_keep_history_and_no_member,
    anonymous_respondents_say_who_answered_never_what,
    the_audit_log_lists_newest_first_per_guild,
    purging_a_meeting_deletes_its_words_and_keeps_key_figures,
    ended_meetings_are_listed_only_under_a_retention_setting,
    member_data_holds_named_and_own_anonymous_answers_with_history,
);

fn secret() -> AuthorSecret {
    AuthorSecret::new(vec![3; 32]).unwrap()
}

async fn anonymous_meeting(db: &Db) -> MeetingId {
    let mut m = new_meeting(GUILD, "kit-anon");
    let q = |id: &str, kind: QuestionKind, anonymity: Anonymity| Question {
        id: qid(id),
        text: format!("Q {id}"),
        kind,
        help: None,
        required: true,
        phase: Phase::Reflection,
        anonymity,
    };
    m.questions = vec![
        q("named", QuestionKind::Free, Anonymity::Named),
        q("anon", QuestionKind::Free, Anonymity::Anonymous),
        q("count", QuestionKind::Number, Anonymity::Named),
    ];
    db.store.create_meeting(&m, t0()).await.unwrap()
}

async fn consent_is_off_and_unasked_until_the_member_answers(db: &Db) {
    assert_eq!(db.store.consent(GUILD, user(1)).await.unwrap(), Consent::default(), "a stranger");
    join(db, GUILD, 1).await;
    assert_eq!(db.store.consent(GUILD, user(1)).await.unwrap(), Consent { share_in_rooms: false, asked: false });
    db.store.mark_consent_asked(GUILD, user(1)).await.unwrap();
    assert_eq!(db.store.consent(GUILD, user(1)).await.unwrap(), Consent { share_in_rooms: false, asked: true });
    db.store.set_consent(GUILD, user(1), true).await.unwrap();
    assert_eq!(db.store.consent(GUILD, user(1)).await.unwrap(), Consent { share_in_rooms: true, asked: true });
    assert!(db.store.member(GUILD, user(1)).await.unwrap().unwrap().share_in_rooms);
    assert_eq!(db.store.consent(OTHER_GUILD, user(1)).await.unwrap(), Consent::default(), "per guild");
}

async fn anonymous_answers_keep_history_and_no_member(db: &Db) {
    let m = anonymous_meeting(db).await;
    let who = join(db, GUILD, 1).await;
    db.store.set_unit(GUILD, who, Some(&unit("Arkitektur"))).await.unwrap();
    let key = secret().author_key(GUILD, m, who);
    let save = |v: &str, u: Option<UnitName>| vec![(qid("anon"), v.to_owned(), u)];
    let r1 =
        db.store.save_anonymous_answers(m, GUILD, who, &key, &save("first", Some(unit("arkitektur"))), at(1)).await;
    assert_eq!(r1.unwrap(), vec![1]);
    let r2 = db.store.save_anonymous_answers(m, GUILD, who, &key, &save("second", None), at(2)).await.unwrap();
    assert_eq!(r2, vec![2]);
    let all = db.store.anonymous_answers(m).await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].value.as_str(), all[0].revision, all[0].unit.clone()), ("second", 2, None));
    let mine = db.store.anonymous_answers_of(m, &key).await.unwrap();
    assert_eq!(mine, all);
    let other = secret().author_key(GUILD, m, user(2));
    assert!(db.store.anonymous_answers_of(m, &other).await.unwrap().is_empty());
    assert!(db.store.answers(m).await.unwrap().is_empty(), "anonymous answers never appear as named ones");
}

async fn anonymous_respondents_say_who_answered_never_what(db: &Db) {
    let m = anonymous_meeting(db).await;
    for n in [2, 1] {
        let who = join(db, GUILD, n).await;
        let key = secret().author_key(GUILD, m, who);
        for v in ["a", "b"] {
            let a = vec![(qid("anon"), format!("{v}{n}"), None)];
            db.store.save_anonymous_answers(m, GUILD, who, &key, &a, at(1)).await.unwrap();
        }
    }
    let respondents = db.store.anonymous_respondents(m).await.unwrap();
    assert_eq!(respondents, vec![(qid("anon"), user(1)), (qid("anon"), user(2))], "once each, in user order");
    db.store.forget(GUILD, user(1), &[]).await.unwrap();
    assert_eq!(db.store.anonymous_respondents(m).await.unwrap(), vec![(qid("anon"), user(2))]);
}

async fn the_audit_log_lists_newest_first_per_guild(db: &Db) {
    let m = meeting(db).await;
    let entry = |s: i64, actor: Option<UserId>, action| AuditEntry {
        at: at(s),
        actor,
        action,
        meeting: Some(m),
        detail: "d".repeat(300),
    };
    db.store.record_audit(GUILD, &entry(1, Some(user(1)), AuditAction::Export)).await.unwrap();
    db.store.record_audit(GUILD, &entry(3, None, AuditAction::Digest)).await.unwrap();
    db.store.record_audit(GUILD, &entry(2, Some(user(2)), AuditAction::KitUpload)).await.unwrap();
    db.store.record_audit(OTHER_GUILD, &entry(4, Some(user(1)), AuditAction::Export)).await.unwrap();
    let log = db.store.audit_log(GUILD, 2).await.unwrap();
    assert_eq!(log.iter().map(|e| e.action).collect::<Vec<_>>(), vec![AuditAction::Digest, AuditAction::KitUpload]);
    assert_eq!(log[0].at, at(3));
    assert_eq!(log[1].detail.len(), 200, "details are cut to 200 characters");
    join(db, GUILD, 1).await;
    db.store.forget(GUILD, user(1), &[]).await.unwrap();
    let log = db.store.audit_log(GUILD, 10).await.unwrap();
    assert_eq!(log[2].actor, None, "the forgotten organiser's entry stays without them");
    assert_eq!(db.store.audit_log(OTHER_GUILD, 10).await.unwrap()[0].actor, Some(user(1)), "other guilds untouched");
}

async fn purging_a_meeting_deletes_its_words_and_keeps_key_figures(db: &Db) {
    let m = anonymous_meeting(db).await;
    let who = join(db, GUILD, 1).await;
    db.store.set_unit(GUILD, who, Some(&unit("Arkitektur"))).await.unwrap();
    db.store
        .save_answers(m, GUILD, who, &[(qid("named"), "words".into()), (qid("count"), "12.5".into())], at(1))
        .await
        .unwrap();
    let key = secret().author_key(GUILD, m, who);
    db.store.save_anonymous_answers(m, GUILD, who, &key, &[(qid("anon"), "hidden".into(), None)], at(1)).await.unwrap();
    let figure = KeyFigure { question: qid("count"), unit: unit("Arkitektur"), value: 12.5 };
    let audit = audit_entry(m, "Møte om styrkedjan", at(9));
    let rates = [(unit("Arkitektur"), 0.5), (unit("Ukjent"), 1.0)];
    let deleted = db.store.purge_meeting(m, std::slice::from_ref(&figure), &rates, &audit).await.unwrap();
    assert!(deleted >= 4, "two answers, one anonymous answer, one respondent: {deleted}");
    assert!(db.store.answers(m).await.unwrap().is_empty());
    assert!(db.store.anonymous_answers(m).await.unwrap().is_empty());
    assert!(db.store.anonymous_respondents(m).await.unwrap().is_empty());
    assert_eq!(db.store.kept_key_figures(m).await.unwrap(), vec![figure]);
    assert_eq!(
        db.store.kept_response_rates(m).await.unwrap(),
        vec![rates[0].clone()],
        "a unit not in the guild is not kept"
    );
    assert!(db.store.member(GUILD, who).await.unwrap().is_some(), "members stay");
    assert_eq!(db.store.audit_log(GUILD, 10).await.unwrap(), vec![audit], "recorded with the deletion");
}

async fn ended_meetings_are_listed_only_under_a_retention_setting(db: &Db) {
    let m = meeting(db).await;
    db.store.set_meeting_state(m, MeetingState::Ended, at(5)).await.unwrap();
    assert!(db.store.ended_meetings().await.unwrap().is_empty(), "retention is off by default");
    assert_eq!(db.store.retention_days(GUILD).await.unwrap(), None);
    db.store.set_retention_days(GUILD, Some(30)).await.unwrap();
    assert_eq!(db.store.retention_days(GUILD).await.unwrap(), Some(30));
    let ended = db.store.ended_meetings().await.unwrap();
    assert_eq!(ended.len(), 1);
    assert_eq!((ended[0].meeting, ended[0].retention_days), (m, Some(30)));
    assert_eq!(ended[0].ended, at(5), "ended at the clock's time");
    db.store.set_meeting_state(m, MeetingState::Ended, at(50)).await.unwrap();
    assert_eq!(db.store.ended_meetings().await.unwrap()[0].ended, at(5), "the first end is kept");
    db.store.purge_meeting(m, &[], &[], &audit_entry(m, "Møte", at(1))).await.unwrap();
    assert!(db.store.ended_meetings().await.unwrap().is_empty(), "purged meetings are done");
    assert_eq!(db.store.meeting_ids(GUILD).await.unwrap(), vec![m]);
}

async fn member_data_holds_named_and_own_anonymous_answers_with_history(db: &Db) {
    let m = anonymous_meeting(db).await;
    let who = join(db, GUILD, 1).await;
    for v in ["v1", "v2"] {
        db.store.save_answers(m, GUILD, who, &[(qid("named"), format!("named {v}"))], at(1)).await.unwrap();
        let key = secret().author_key(GUILD, m, who);
        db.store
            .save_anonymous_answers(m, GUILD, who, &key, &[(qid("anon"), format!("anon {v}"), None)], at(1))
            .await
            .unwrap();
    }
    let other = join(db, GUILD, 2).await;
    let okey = secret().author_key(GUILD, m, other);
    db.store
        .save_anonymous_answers(m, GUILD, other, &okey, &[(qid("anon"), "not mine".into(), None)], at(1))
        .await
        .unwrap();
    let keys = vec![(m, secret().author_key(GUILD, m, who))];
    let data = db.store.member_data(GUILD, who, &keys).await.unwrap();
    assert_eq!(data.name, "Medlem 1");
    let answers: Vec<(&str, bool, Vec<String>)> =
        data.answers.iter().map(|a| (a.value.as_str(), a.anonymous, a.earlier.clone())).collect();
    assert_eq!(answers, vec![("named v2", false, vec!["named v1".into()]), ("anon v2", true, vec!["anon v1".into()])]);
    let none = db.store.member_data(GUILD, who, &[]).await.unwrap();
    assert_eq!(none.answers.len(), 1, "without the key, no anonymous answer is found");
}
