//! The organisers' digest: response rate per unit, missing units and members.

use super::meetings::{render_status, status_of};
use super::ports::{OutMessage, Store, StoreError};
use crate::domain::Meeting;
use crate::i18n::Lang;
use crate::t;

/// The digest message for `meeting`. Member names only when `with_names` (organisers' channel).
pub async fn digest_post<S: Store + ?Sized>(
    store: &S,
    meeting: &Meeting,
    lang: Lang,
    with_names: bool,
) -> Result<OutMessage, StoreError> {
    let status = status_of(store, meeting).await?;
    let mut text = t!(lang, "digest-title", title = meeting.title.as_str());
    text.push('\n');
    text.push_str(&render_status(&status, lang));
    if with_names {
        let missing: Vec<String> =
            status.units.iter().flat_map(|u| u.missing().map(|m| format!("{} ({})", m.name, u.unit))).collect();
        if !missing.is_empty() {
            text.push('\n');
            text.push_str(&t!(lang, "digest-missing-members", names = missing.join(", ")));
        }
    }
    Ok(OutMessage::text(text))
}
