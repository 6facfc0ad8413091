//! The `PrivacyStore` impl of both stores, written once: each method hands over to the
//! store's module of its concern, which both stores name alike (`sqlite/privacy/`,
//! `postgres/privacy/`), so a reader finds the twin of any of them:
//! - `consent`: consent to share in rooms, and anonymous answers (saved under an author key);
//! - `retention`: the audit log, retention, purging an ended meeting and what purging keeps;
//! - `member_data`: everything stored about one member, for their own export;
//! - `forget`: forget-me, every column where a member's id, name or words live.
//!
//! A macro because a trait's methods must sit in one `impl` block per store, and this
//! hand-over is the same for both.

/// Implements `PrivacyStore` for `$store` by calling the functions of the same names in the
/// modules `consent`, `retention`, `member_data` and `forget` where it is invoked; each takes
/// the store first, then the method's arguments.
macro_rules! impl_privacy_store {
    ($store:ty) => {
        // A block of its own, so its imports do not clash with the invoking module's.
        const _: () = {
            use async_trait::async_trait;
            use chrono::{DateTime, Utc};
            use $crate::app::privacy_store::{
                AnonymousAnswer, AnonymousKeys, AuditEntry, Consent, EndedMeeting, MemberData, PrivacyStore,
            };
            use $crate::domain::digest::KeyFigure;
            use $crate::domain::privacy::AuthorKey;
            use $crate::domain::{GuildId, MeetingId, QuestionId, UnitName, UserId};
            use $crate::storage::StoreError;

            #[async_trait]
            impl PrivacyStore for $store {
                async fn consent(&self, guild: GuildId, user: UserId) -> Result<Consent, StoreError> {
                    consent::consent(self, guild, user).await
                }

                async fn set_consent(&self, guild: GuildId, user: UserId, share: bool) -> Result<(), StoreError> {
                    consent::set_consent(self, guild, user, share).await
                }

                async fn mark_consent_asked(&self, guild: GuildId, user: UserId) -> Result<(), StoreError> {
                    consent::mark_consent_asked(self, guild, user).await
                }

                async fn save_anonymous_answers(
                    &self,
                    meeting: MeetingId,
                    guild: GuildId,
                    user: UserId,
                    key: &AuthorKey,
                    answers: &[(QuestionId, String, Option<UnitName>)],
                    now: DateTime<Utc>,
                ) -> Result<Vec<u32>, StoreError> {
                    consent::save_anonymous_answers(self, meeting, guild, user, key, answers, now).await
                }

                async fn anonymous_answers(&self, meeting: MeetingId) -> Result<Vec<AnonymousAnswer>, StoreError> {
                    consent::anonymous_answers(self, meeting).await
                }

                async fn anonymous_answers_of(
                    &self,
                    meeting: MeetingId,
                    key: &AuthorKey,
                ) -> Result<Vec<AnonymousAnswer>, StoreError> {
                    consent::anonymous_answers_of(self, meeting, key).await
                }

                async fn anonymous_respondents(
                    &self,
                    meeting: MeetingId,
                ) -> Result<Vec<(QuestionId, UserId)>, StoreError> {
                    consent::anonymous_respondents(self, meeting).await
                }

                async fn record_audit(&self, guild: GuildId, entry: &AuditEntry) -> Result<(), StoreError> {
                    retention::record_audit(self, guild, entry).await
                }

                async fn audit_log(&self, guild: GuildId, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
                    retention::audit_log(self, guild, limit).await
                }

                async fn retention_days(&self, guild: GuildId) -> Result<Option<u32>, StoreError> {
                    retention::retention_days(self, guild).await
                }

                async fn set_retention_days(&self, guild: GuildId, days: Option<u32>) -> Result<(), StoreError> {
                    retention::set_retention_days(self, guild, days).await
                }

                async fn meeting_ids(&self, guild: GuildId) -> Result<Vec<MeetingId>, StoreError> {
                    retention::meeting_ids(self, guild).await
                }

                async fn ended_meetings(&self) -> Result<Vec<EndedMeeting>, StoreError> {
                    retention::ended_meetings(self).await
                }

                async fn purge_meeting(
                    &self,
                    meeting: MeetingId,
                    figures: &[KeyFigure],
                    rates: &[(UnitName, f64)],
                    audit: &AuditEntry,
                ) -> Result<u64, StoreError> {
                    retention::purge_meeting(self, meeting, figures, rates, audit).await
                }

                async fn kept_key_figures(&self, meeting: MeetingId) -> Result<Vec<KeyFigure>, StoreError> {
                    retention::kept_key_figures(self, meeting).await
                }

                async fn kept_response_rates(&self, meeting: MeetingId) -> Result<Vec<(UnitName, f64)>, StoreError> {
                    retention::kept_response_rates(self, meeting).await
                }

                async fn member_data(
                    &self,
                    guild: GuildId,
                    user: UserId,
                    keys: &AnonymousKeys,
                ) -> Result<MemberData, StoreError> {
                    member_data::member_data(self, guild, user, keys).await
                }

                async fn forget(&self, guild: GuildId, user: UserId, keys: &AnonymousKeys) -> Result<u64, StoreError> {
                    forget::forget(self, guild, user, keys).await
                }
            }
        };
    };
}

pub(super) use impl_privacy_store;
