//! Forget-me is complete: after it, no table of either store holds the member's user id or
//! their words. Two guards, each on SQLite and Postgres:
//!
//! - every column of the schema is classified below, as member data that forget-me covers or
//!   as something else; a migration that adds a table or column fails the test until someone
//!   decides which it is (and makes forget-me cover it);
//! - a member who did everything samrad stores (answers edited, anonymous answers, consent,
//!   language, unit, role, seats, notes, a rapporteur summary, a plan, an export, a reminder)
//!   is forgotten, and then every cell of every table is read as text and searched for their
//!   id, their name and their words. Another member's data stays, which proves the scan reads.

use std::collections::BTreeSet;

use chrono::Duration;
use samrad::app::ports::{MessageId, NewRoom, Plan};
use samrad::app::privacy_store::{AuditAction, AuditEntry};
use samrad::domain::grouping::Mode;
use samrad::domain::privacy::{member_post_suffix, Anonymity, AuthorSecret};
use samrad::domain::{Phase, Question, QuestionKind, UserId};

use super::*;

store_tests!(every_column_of_the_schema_is_classified, forget_me_leaves_no_id_name_or_word_of_the_member);

/// Columns that hold a member's id, name or words, each covered by `PrivacyStore::forget`
/// (deleted, emptied, or the id replaced).
const MEMBER_DATA: &[&str] = &[
    "members.user_id",
    "members.display_name",
    "members.unit_id",
    "members.role",
    "members.locale",
    "members.share_in_rooms",
    "members.consent_asked",
    "members.joined_at",
    "answers.user_id",
    "answers.value",
    "answer_revisions.user_id",
    "answer_revisions.value",
    "anonymous_answers.author_key",
    "anonymous_answers.value",
    "anonymous_answer_revisions.author_key",
    "anonymous_answer_revisions.value",
    "anonymous_respondents.user_id",
    "room_members.user_id",
    "notes.user_id",
    "notes.text",
    "rooms.summary",
    "rooms.summary_by",
    "plans.owner",
    "plans.created_by",
    "plans.owner_id",
    "plan_changes.changed_by",
    "decisions.responsible",
    "decisions.responsible_id",
    "decisions.created_by",
    "audit_log.actor_id",
    // Reminder DMs are recorded under a key that ends with the member's id.
    "posts.key",
    "guild_kits.uploaded_by",
    // Who wrote a unit's answer (the answer itself is the unit's and stays).
    "unit_answers.author_id",
    "unit_answer_revisions.author_id",
];

/// Tables whose every column holds no member's id, name or words (meeting structure, kit
/// text, schedules, channels, roles of the server, leases of bot processes).
const NOT_MEMBER_DATA_TABLES: &[&str] = &[
    "agenda_items",
    "agenda_runs",
    "leases",
    "meeting_roles",
    "meeting_series",
    "meeting_units",
    "units",
    "key_figures",
    "kept_response_rates",
    // The kit text a meeting was loaded from.
    "meeting_kits",
    // Presenters as the kit names them (units, or `@name` written by the kit's author, as in
    // `meeting_kits`) and the timer's state: no member id.
    "speaking_timers",
];

/// Columns of tables with member data that hold none themselves.
const NOT_MEMBER_DATA: &[&str] = &[
    // A plan's status and a decision's text belong to the unit and the meeting.
    "plans.status",
    "plans.status_note",
    "plan_changes.id",
    "plan_changes.plan_id",
    "plan_changes.status",
    "plan_changes.note",
    "plan_changes.changed_at",
    "plan_changes.asked_in",
    "decisions.id",
    "decisions.meeting_id",
    "decisions.text",
    "decisions.due",
    "decisions.created_at",
    "guilds.id",
    "guilds.name",
    "guilds.organiser_role",
    "guilds.facilitator_role",
    "guilds.plenary_channel",
    "guilds.plenary_voice",
    "guilds.organiser_channel",
    "guilds.locale",
    "guilds.close_rooms",
    "guilds.room_retention_days",
    "guilds.created_at",
    "guilds.retention_days",
    "meetings.id",
    "meetings.guild_id",
    "meetings.kit_id",
    "meetings.title",
    "meetings.language",
    "meetings.timezone",
    "meetings.meeting_date",
    "meetings.state",
    "meetings.channel_id",
    "meetings.deadline",
    "meetings.created_at",
    "meetings.ended_at",
    "meetings.purged_at",
    "meetings.unit_answers",
    "meetings.share_after_deadline",
    "questions.meeting_id",
    "questions.id",
    "questions.position",
    "questions.text",
    "questions.kind",
    "questions.options_json",
    "questions.help",
    "questions.required",
    "questions.phase",
    "questions.anonymity",
    "members.guild_id",
    "answers.meeting_id",
    "answers.question_id",
    "answers.guild_id",
    "answers.unit_id",
    "answers.revision",
    "answers.answered_at",
    "answers.updated_at",
    "answer_revisions.id",
    "answer_revisions.meeting_id",
    "answer_revisions.question_id",
    "answer_revisions.revision",
    "answer_revisions.replaced_at",
    "anonymous_answers.meeting_id",
    "anonymous_answers.question_id",
    "anonymous_answers.unit_id",
    "anonymous_answers.revision",
    "anonymous_answers.updated_at",
    "anonymous_answer_revisions.id",
    "anonymous_answer_revisions.meeting_id",
    "anonymous_answer_revisions.question_id",
    "anonymous_answer_revisions.revision",
    "anonymous_answer_revisions.replaced_at",
    "anonymous_respondents.meeting_id",
    "anonymous_respondents.question_id",
    "anonymous_respondents.guild_id",
    "audit_log.id",
    "audit_log.guild_id",
    "audit_log.at",
    "audit_log.action",
    "audit_log.meeting_id",
    "audit_log.detail",
    "schedules.id",
    "schedules.meeting_id",
    "schedules.key",
    "schedules.kind",
    "schedules.due_at",
    "schedules.state",
    "schedules.attempts",
    "schedules.last_error",
    "schedules.done_at",
    "schedules.claimed_by",
    "schedules.lease_until",
    "posts.channel_id",
    "posts.message_id",
    "posts.created_at",
    "posts.sent_at",
    "rounds.id",
    "rounds.meeting_id",
    "rounds.number",
    "rounds.mode",
    "rounds.plan_id",
    "rounds.channels_deleted_at",
    "round_categories.round_id",
    "round_categories.position",
    "round_categories.category_id",
    "rounds.started_at",
    "rounds.ends_at",
    "rounds.closed_at",
    "rounds.warned",
    "rounds.in_person",
    "rooms.id",
    "rooms.round_id",
    "rooms.number",
    "rooms.name",
    "rooms.label",
    "rooms.cap",
    "rooms.text_channel",
    "rooms.voice_channel",
    "room_members.room_id",
    "notes.id",
    "notes.room_id",
    "notes.created_at",
    "plans.id",
    "plans.meeting_id",
    "plans.unit_id",
    "plans.action",
    "plans.due",
    "plans.created_at",
    "guild_kits.guild_id",
    "guild_kits.kit_id",
    "guild_kits.version",
    "guild_kits.title",
    "guild_kits.language",
    "guild_kits.source",
    "guild_kits.sha256",
    "guild_kits.uploaded_at",
    // A unit's answer belongs to the unit, like its plan's action.
    "unit_answers.meeting_id",
    "unit_answers.question_id",
    "unit_answers.unit_id",
    "unit_answers.value",
    "unit_answers.revision",
    "unit_answers.updated_at",
    "unit_answer_revisions.id",
    "unit_answer_revisions.meeting_id",
    "unit_answer_revisions.question_id",
    "unit_answer_revisions.unit_id",
    "unit_answer_revisions.revision",
    "unit_answer_revisions.value",
    "unit_answer_revisions.saved_at",
];

/// Every column of the database at `url` as (table, column), sqlx's bookkeeping left out.
async fn columns(url: &str) -> Vec<(String, String)> {
    if url.starts_with("postgres") {
        let pool = sqlx::PgPool::connect(url).await.unwrap();
        sqlx::query_as(
            "SELECT table_name::TEXT, column_name::TEXT FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations' ORDER BY table_name, ordinal_position",
        )
        .fetch_all(&pool)
        .await
        .unwrap()
    } else {
        let pool = sqlx::SqlitePool::connect(url).await.unwrap();
        sqlx::query_as(
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations' ORDER BY m.name, p.cid",
        )
        .fetch_all(&pool)
        .await
        .unwrap()
    }
}

/// Every cell of the database at `url`, as text, with where it is.
async fn cells(url: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let postgres = url.starts_with("postgres");
    for (table, column) in columns(url).await {
        let values: Vec<Option<String>> = if postgres {
            let pool = sqlx::PgPool::connect(url).await.unwrap();
            sqlx::query_scalar(&format!("SELECT \"{column}\"::TEXT FROM \"{table}\"")).fetch_all(&pool).await.unwrap()
        } else {
            let pool = sqlx::SqlitePool::connect(url).await.unwrap();
            sqlx::query_scalar(&format!("SELECT CAST(\"{column}\" AS TEXT) FROM \"{table}\""))
                .fetch_all(&pool)
                .await
                .unwrap()
        };
        out.extend(values.into_iter().map(|v| (format!("{table}.{column}"), v)));
    }
    out
}

async fn every_column_of_the_schema_is_classified(db: &Db) {
    let known: BTreeSet<&str> = MEMBER_DATA.iter().chain(NOT_MEMBER_DATA).copied().collect();
    let unclassified: Vec<String> = columns(&db.url)
        .await
        .into_iter()
        .filter(|(t, _)| !NOT_MEMBER_DATA_TABLES.contains(&t.as_str()))
        .map(|(t, c)| format!("{t}.{c}"))
        .filter(|c| !known.contains(c.as_str()))
        .collect();
    assert!(
        unclassified.is_empty(),
        "columns not classified for forget-me: {unclassified:?}. If one can hold a member's id, name or \
         words, make PrivacyStore::forget cover it on both stores and add it to MEMBER_DATA; otherwise add it \
         to NOT_MEMBER_DATA (tests/it/forget.rs)"
    );
}

fn free(id: &str, anonymity: Anonymity) -> Question {
    Question {
        id: qid(id),
        text: format!("Question {id}"),
        kind: QuestionKind::Free,
        help: None,
        required: true,
        phase: Phase::Reflection,
        anonymity,
    }
}

/// Everything samrad can store about `who` (named `name`), with words starting with `word`.
async fn live_a_meeting(db: &Db, secret: &AuthorSecret, who: UserId, name: &str, word: &str) {
    let (store, privacy) = (&db.store, &db.store);
    let meeting = store.current_meeting(GUILD).await.unwrap().unwrap().id;
    store.ensure_member(GUILD, who, name).await.unwrap();
    store.set_unit(GUILD, who, Some(&unit("Arkitektur"))).await.unwrap();
    store.set_role(GUILD, who, Some(&role("Leder"))).await.unwrap();
    store.set_member_locale(GUILD, who, Some("nb")).await.unwrap();
    privacy.set_consent(GUILD, who, true).await.unwrap();
    for edit in ["first", "second"] {
        let named = vec![(qid("named"), format!("{word}named {edit}"))];
        store.save_answers(meeting, GUILD, who, &named, at(10)).await.unwrap();
        let key = secret.author_key(GUILD, meeting, who);
        let anonymous = vec![(qid("anon"), format!("{word}anon {edit}"), Some(unit("Arkitektur")))];
        privacy.save_anonymous_answers(meeting, GUILD, who, &key, &anonymous, at(20)).await.unwrap();
    }
    let round = match store.open_round(meeting).await.unwrap() {
        Some(round) => round,
        None => {
            let room = NewRoom { number: 1, name: "Rom 1".into(), label: None, cap: None, members: vec![] };
            store
                .create_round(meeting, Mode::Random, None, at(30), at(30) + Duration::minutes(20), &[room])
                .await
                .unwrap()
        }
    };
    let room = &round.rooms[0];
    let mut seated = store.open_round(meeting).await.unwrap().unwrap().rooms[0].members.clone();
    seated.push(who);
    store.set_room_members(room.id, &seated).await.unwrap();
    store.add_note(room.id, who, &format!("{word}note"), at(40)).await.unwrap();
    store.set_room_summary(room.id, who, &format!("{word}summary")).await.unwrap();
    let plan = Plan {
        unit: unit("Arkitektur"),
        action: "Plan kept".into(),
        owner: name.into(),
        owner_id: None,
        due: None,
        created_by: who,
    };
    store.add_plan(meeting, GUILD, &plan, &|_| Vec::new(), at(50)).await.unwrap();
    // The unit's answer stays with the unit; who wrote it goes.
    let unit_answer = vec![(qid("named"), "Unit answer kept".to_owned())];
    store.save_unit_answers(meeting, &unit("Arkitektur"), who, &unit_answer, at(55)).await.unwrap();
    let audit = AuditEntry {
        at: at(60),
        actor: Some(who),
        action: AuditAction::Export,
        meeting: Some(meeting),
        detail: "csv".into(),
    };
    privacy.record_audit(GUILD, &audit).await.unwrap();
    let key = format!("m{meeting}:reminder:0{}", member_post_suffix(who));
    store.record_post(&key, None, MessageId(7), at(70)).await.unwrap();
}

async fn forget_me_leaves_no_id_name_or_word_of_the_member(db: &Db) {
    let privacy = &db.store;
    let secret = AuthorSecret::new(vec![9; 32]).unwrap();
    let mut meeting = new_meeting(GUILD, "kit-a");
    meeting.questions = vec![free("named", Anonymity::Named), free("anon", Anonymity::Anonymous)];
    let id = db.store.create_meeting(&meeting, t0()).await.unwrap();
    // The other member first: the forgotten one sat after them and summarised last.
    let (stays, goes) = (user(2), user(1));
    live_a_meeting(db, &secret, stays, "Yrsa Berg", "Yellowhammer").await;
    live_a_meeting(db, &secret, goes, "Xavier Quill", "Zebrafinch").await;

    let keys = vec![(id, secret.author_key(GUILD, id, goes))];
    let changed = privacy.forget(GUILD, goes, &keys).await.unwrap();
    assert!(changed > 0);

    let cells = cells(&db.url).await;
    let needles = [goes.to_string(), "Xavier Quill".into(), "Zebrafinch".into(), keys[0].1.as_str().to_owned()];
    let found: Vec<String> = cells
        .iter()
        .filter_map(|(place, v)| {
            let v = v.as_deref()?;
            needles.iter().find(|n| v.contains(n.as_str())).map(|n| format!("{place} = {v:?} (holds {n:?})"))
        })
        .collect();
    assert!(found.is_empty(), "forget-me left traces: {found:#?}");

    // The scan reads real data: the other member's traces are all still there.
    for trace in [stays.to_string(), "Yrsa Berg".into(), "Yellowhammernamed second".into(), "Yellowhammeranon".into()] {
        assert!(cells.iter().any(|(_, v)| v.as_deref().is_some_and(|v| v.contains(&trace))), "{trace} was lost");
    }
    let plan = db.store.plans(id).await.unwrap();
    assert_eq!(plan.len(), 2, "plans stay with their unit");
    assert!(plan.iter().any(|p| p.plan.owner == samrad::domain::privacy::REMOVED_OWNER));
    let kept = db.store.unit_answers(id).await.unwrap();
    assert_eq!((kept[0].value.as_str(), kept[0].author), ("Unit answer kept", None), "the unit's answer stays");
}
