//! `/my-data`: everything samrad stores about the asking member in this guild, as two
//! attachments: a Markdown file to read (in the member's language) and JSON for machines.
//! Their anonymous answers are included: only the bot can find them, by the member's key.

use std::fmt::Write;

use serde_json::json;

use super::actor::Actor;
use super::ports::{Attachment, Store, StoreError};
use super::privacy_store::MemberData;
use crate::domain::privacy::AuthorSecret;
use crate::i18n::Lang;
use crate::t;

/// The keys of the member's anonymous answers: one per meeting of the guild.
pub async fn anonymous_keys<S: Store + ?Sized>(
    store: &S,
    secret: &AuthorSecret,
    actor: &Actor,
) -> Result<Vec<(crate::domain::MeetingId, crate::domain::privacy::AuthorKey)>, StoreError> {
    Ok(store
        .meeting_ids(actor.guild)
        .await?
        .into_iter()
        .map(|m| (m, secret.author_key(actor.guild, m, actor.user)))
        .collect())
}

/// Every version of a unit's answer the member wrote, in every meeting of the guild (a rare
/// request: one read per unit answer is fine).
async fn unit_answers_by<S: Store + ?Sized>(
    store: &S,
    actor: &Actor,
) -> Result<Vec<(String, String, String, String)>, StoreError> {
    let mut out = Vec::new();
    for id in store.meeting_ids(actor.guild).await? {
        let Some(meeting) = store.meeting(id).await? else { continue };
        for current in store.unit_answers(id).await? {
            for version in store.unit_answer_history(id, &current.unit, &current.question).await? {
                if version.author == Some(actor.user) {
                    let (unit, question) = (current.unit.to_string(), current.question.to_string());
                    out.push((meeting.title.clone(), unit, question, version.value));
                }
            }
        }
    }
    Ok(out)
}

/// The member's data as `samrad-my-data.md` and `samrad-my-data.json`.
pub async fn my_data<S: Store + ?Sized>(
    store: &S,
    secret: &AuthorSecret,
    actor: &Actor,
    guild_name: &str,
) -> Result<Vec<Attachment>, StoreError> {
    let keys = anonymous_keys(store, secret, actor).await?;
    let mut data = store.member_data(actor.guild, actor.user, &keys).await?;
    data.unit_answers = unit_answers_by(store, actor).await?;
    Ok(vec![
        Attachment { name: "samrad-my-data.md".into(), bytes: markdown(&data, actor, guild_name).into_bytes() },
        Attachment { name: "samrad-my-data.json".into(), bytes: to_json(&data).into_bytes() },
    ])
}

fn to_json(d: &MemberData) -> String {
    let value = json!({
        "name": d.name,
        "unit": d.unit.as_ref().map(|u| u.to_string()),
        "role": d.role,
        "language": d.locale,
        "share_in_rooms": d.consent.share_in_rooms,
        "asked_about_sharing": d.consent.asked,
        "joined_at": d.joined_at.map(|t| t.to_rfc3339()),
        "answers": d.answers.iter().map(|a| json!({
            "meeting": a.meeting.0,
            "meeting_title": a.meeting_title,
            "question": a.question.as_str(),
            "question_text": a.question_text,
            "answer": a.value,
            "earlier_versions": a.earlier,
            "anonymous": a.anonymous,
        })).collect::<Vec<_>>(),
        "rooms": d.rooms.iter().map(|(m, r)| json!({"meeting_title": m, "room": r})).collect::<Vec<_>>(),
        "notes": d.notes.iter().map(|(r, t)| json!({"room": r, "text": t})).collect::<Vec<_>>(),
        "room_summaries": d.summaries.iter().map(|(r, t)| json!({"room": r, "text": t})).collect::<Vec<_>>(),
        "plans": d.plans.iter().map(|(u, a, o, due)| json!({
            "unit": u, "action": a, "owner": o, "due": due.map(|d| d.to_string()),
        })).collect::<Vec<_>>(),
        "unit_answers": d.unit_answers.iter().map(|(m, u, q, t)| json!({
            "meeting_title": m, "unit": u, "question": q, "answer": t,
        })).collect::<Vec<_>>(),
        "audit": d.audit.iter().map(|e| json!({
            "at": e.at.to_rfc3339(), "action": e.action.as_str(), "meeting": e.meeting.map(|m| m.0), "detail": e.detail,
        })).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

fn section<T>(out: &mut String, lang: Lang, heading: &str, items: &[T], line: impl Fn(&T) -> String) {
    let _ = write!(out, "\n\n## {}\n", t!(lang, heading));
    if items.is_empty() {
        let _ = write!(out, "\n{}", t!(lang, "my-data-none"));
    }
    for item in items {
        let _ = write!(out, "\n- {}", line(item));
    }
}

fn markdown(d: &MemberData, actor: &Actor, guild_name: &str) -> String {
    let lang = actor.lang;
    let none = || "—".to_owned();
    let mut out = format!("# {}\n\n", t!(lang, "my-data-title", guild = guild_name));
    out.push_str(&t!(
        lang,
        "my-data-member",
        name = d.name.as_str(),
        unit = d.unit.as_ref().map(|u| u.to_string()).unwrap_or_else(none),
        role = d.role.clone().unwrap_or_else(none),
        locale = d.locale.clone().unwrap_or_else(none),
        share = if d.consent.share_in_rooms { "✓" } else { "✗" }
    ));
    section(&mut out, lang, "my-data-answers", &d.answers, |a| {
        let mut s = format!("**{}** · {}: {}\n  > {}", a.meeting_title, a.question, a.question_text, a.value);
        if a.anonymous {
            let _ = write!(s, " _({})_", t!(lang, "my-data-anonymous"));
        }
        if !a.earlier.is_empty() {
            let _ = write!(s, "\n  {}: {}", t!(lang, "my-data-earlier"), a.earlier.join(" · "));
        }
        s
    });
    section(&mut out, lang, "my-data-rooms", &d.rooms, |(m, r)| format!("{m}: {r}"));
    section(&mut out, lang, "my-data-notes", &d.notes, |(r, t)| format!("{r}: {t}"));
    section(&mut out, lang, "my-data-summaries", &d.summaries, |(r, t)| format!("{r}: {t}"));
    section(&mut out, lang, "my-data-plans", &d.plans, |(u, a, o, due)| {
        format!("{u}: {a} ({o}{})", due.map(|d| format!(", {d}")).unwrap_or_default())
    });
    section(&mut out, lang, "my-data-unit-answers", &d.unit_answers, |(m, u, q, t)| {
        format!("**{m}** · {u} · {q}\n  > {t}")
    });
    section(&mut out, lang, "my-data-audit", &d.audit, |e| {
        format!("{} {} {}", e.at.format("%Y-%m-%d %H:%M"), e.action.as_str(), e.detail)
    });
    out.push('\n');
    out
}
