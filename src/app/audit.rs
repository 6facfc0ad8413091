//! The audit of organisers' access to the group's data: every export, digest and kit upload is
//! recorded (who, when, what), as is every deletion by the retention job, and listed in
//! `/meeting status` for organisers.

use super::actor::Actor;
use super::ports::{Clock, Store, StoreError};
use super::privacy_store::{AuditAction, AuditEntry};
use crate::domain::{GuildId, MeetingId, UserId};
use crate::i18n::Lang;
use crate::t;

/// How many entries `/meeting status` lists.
pub const AUDIT_LINES: u32 = 10;

/// Records that `actor` (or the scheduler, with `None`) did `action`.
pub async fn record<S: Store + ?Sized>(
    store: &S,
    clock: &dyn Clock,
    guild: GuildId,
    actor: Option<UserId>,
    action: AuditAction,
    meeting: Option<MeetingId>,
    detail: &str,
) -> Result<(), StoreError> {
    let entry = AuditEntry { at: clock.now(), actor, action, meeting, detail: detail.to_owned() };
    store.record_audit(guild, &entry).await?;
    tracing::info!(%guild, action = action.as_str(), detail, "audited");
    Ok(())
}

/// The audit section of `/meeting status`; `None` for non-organisers and empty logs.
pub async fn status_section<S: Store + ?Sized>(store: &S, actor: &Actor) -> Result<Option<String>, StoreError> {
    if !actor.can_organise() {
        return Ok(None);
    }
    let entries = store.audit_log(actor.guild, AUDIT_LINES).await?;
    if entries.is_empty() {
        return Ok(None);
    }
    let mut out = format!("**{}**", t!(actor.lang, "audit-heading"));
    for e in &entries {
        out.push('\n');
        out.push_str(&line(e, actor.lang));
    }
    Ok(Some(out))
}

/// One entry, e.g. "<t:…:f> · @org · export csv". A mention shows the current name.
pub fn line(e: &AuditEntry, lang: Lang) -> String {
    let who = match (e.actor, e.action) {
        (Some(user), _) => format!("<@{user}>"),
        (None, AuditAction::Digest | AuditAction::Retention) => t!(lang, "audit-scheduler"),
        (None, _) => t!(lang, "audit-removed-member"),
    };
    t!(
        lang,
        "audit-line",
        when = format!("<t:{}:f>", e.at.timestamp()),
        who = who,
        action = e.action.as_str(),
        detail = e.detail.as_str()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn an_entry_names_who_by_mention_and_a_forgotten_actor_as_removed() {
        let at = chrono::Utc.with_ymd_and_hms(2027, 3, 1, 9, 0, 0).unwrap();
        let e = AuditEntry {
            at,
            actor: Some(UserId(42)),
            action: AuditAction::Export,
            meeting: None,
            detail: "csv".into(),
        };
        let s = line(&e, Lang::En);
        assert!(s.contains("<@42>") && s.contains("export") && s.contains("csv"), "{s}");
        let gone = AuditEntry { actor: None, ..e };
        assert!(line(&gone, Lang::Nb).contains("et slettet medlem"));
    }

    #[test]
    fn every_action_has_its_own_words_in_every_language() {
        let at = chrono::Utc.with_ymd_and_hms(2027, 3, 1, 9, 0, 0).unwrap();
        for lang in [Lang::Nb, Lang::Sv, Lang::En] {
            let lines: std::collections::HashSet<String> = AuditAction::ALL
                .into_iter()
                .map(|action| line(&AuditEntry { at, actor: None, action, meeting: None, detail: String::new() }, lang))
                .collect();
            assert_eq!(lines.len(), AuditAction::ALL.len(), "{lang:?}: {lines:?}");
        }
        let purge =
            AuditEntry { at, actor: None, action: AuditAction::Retention, meeting: None, detail: "Møte".into() };
        assert!(line(&purge, Lang::Nb).contains("samrad (planlagt) · slettet etter lagringstiden: Møte"));
    }
}
