//! Kits organisers manage from Discord: upload (validated exactly like `samrad check`, stored
//! per guild as a new version), list, download, delete, and the kit `/meeting load` uses — the
//! guild's own kit wins over a shipped kit with the same id; another guild's kits are never seen.

use sha2::{Digest, Sha256};

use super::actor::{Actor, UserMessage};
use super::ports::{
    Clock, KitListing, KitOrigin, KitSource, Kits, KitsError, NewGuildKit, SavedKit, Store, StoreError,
};
use crate::domain::kit::Kit;
use crate::i18n::Lang;
use crate::kit::{parse_kit, parse_upload, KitErrors, UploadProblem, MAX_KIT_BYTES};
use crate::t;

#[derive(Debug, thiserror::Error)]
pub enum KitCommandError {
    #[error("only organisers may do that")]
    NotOrganiser,
    #[error("only facilitators and organisers may do that")]
    NotFacilitator,
    #[error("the file could not be fetched from Discord: {0}")]
    Download(String),
    #[error(transparent)]
    Problem(#[from] UploadProblem),
    #[error("kit {kit_id} version {version} already has this text")]
    Unchanged { kit_id: String, version: u32 },
    #[error("no kit {kit_id}")]
    Unknown { kit_id: String, known: Vec<String> },
    #[error("kit {kit_id} is shipped with samrad")]
    Shipped { kit_id: String },
    /// A stored guild kit no longer passes validation (the format changed under it).
    #[error("stored kit {kit_id} is no longer valid: {errors}")]
    Stale { kit_id: String, errors: KitErrors },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<KitsError> for KitCommandError {
    fn from(e: KitsError) -> Self {
        match e {
            KitsError::Stale { kit_id, errors } => KitCommandError::Stale { kit_id, errors },
            KitsError::Store(e) => KitCommandError::Store(e),
        }
    }
}

impl UserMessage for KitCommandError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::NotOrganiser => t!(lang, "err-not-organiser"),
            Self::NotFacilitator => t!(lang, "err-not-facilitator"),
            Self::Download(_) => t!(lang, "kit-err-download"),
            Self::Problem(p) => problem_message(p, lang),
            Self::Unchanged { kit_id, version } => {
                t!(lang, "kit-err-unchanged", kit = kit_id.as_str(), version = *version)
            }
            Self::Unknown { kit_id, known } => {
                t!(lang, "kit-err-unknown", kit = kit_id.as_str(), known = known.join(", "))
            }
            Self::Shipped { kit_id } => t!(lang, "kit-err-shipped", kit = kit_id.as_str()),
            Self::Stale { kit_id, errors } => {
                format!("{}\n{}", t!(lang, "kit-err-stale", kit = kit_id.as_str()), error_lines(errors, lang))
            }
            Self::Store(_) => t!(lang, "err-internal"),
        }
    }
}

/// An upload refused, in the organiser's language; kit errors as `line:column: message (hint: …)`.
fn problem_message(problem: &UploadProblem, lang: Lang) -> String {
    match problem {
        UploadProblem::TooLarge { bytes } => {
            t!(lang, "kit-err-too-large", kib = bytes.div_ceil(1024), max = MAX_KIT_BYTES / 1024)
        }
        UploadProblem::Empty => t!(lang, "kit-err-empty"),
        UploadProblem::NotText { what } => {
            t!(lang, "kit-err-not-text", what = t!(lang, &format!("kit-what-{}", what.as_str())))
        }
        UploadProblem::NotUtf8 { line, column } => t!(lang, "kit-err-not-utf8", line = *line, column = *column),
        UploadProblem::TooDeep { line, column } => {
            t!(lang, "kit-err-too-deep", line = *line, column = *column, max = crate::kit::upload::MAX_DEPTH)
        }
        UploadProblem::NotAKit => t!(lang, "kit-err-not-a-kit"),
        UploadProblem::Invalid(errors) => {
            format!("{}\n{}", t!(lang, "kit-err-invalid", count = errors.len()), error_lines(errors, lang))
        }
    }
}

/// One line per error without the file name (the organiser knows which file they attached).
/// In `lang`: every rule of the validator reports through the catalogues (`kit-e-…`).
fn error_lines(errors: &KitErrors, lang: Lang) -> String {
    let lines: Vec<String> = errors
        .iter()
        .map(|e| {
            let hint = e.hint_in(lang);
            let hint = if hint.is_empty() { String::new() } else { format!(" {}", t!(lang, "kit-hint", hint = hint)) };
            format!("`{}:{}`: {}{hint}", e.line, e.column, e.message_in(lang))
        })
        .collect();
    lines.join("\n")
}

/// What `/kit upload` stored.
#[derive(Debug, Clone, PartialEq)]
pub struct UploadedKit {
    pub kit: Kit,
    pub version: u32,
    /// A shipped kit with this id exists; this guild now uses its own.
    pub overrides_shipped: bool,
}

/// `/kit upload`: validates the file and stores it as the next version of the guild's kit.
/// Nothing is stored when anything is wrong.
pub async fn upload_kit<S: Store + ?Sized>(
    store: &S,
    kits: &dyn Kits,
    clock: &dyn Clock,
    actor: &Actor,
    bytes: &[u8],
    file_name: &str,
) -> Result<UploadedKit, KitCommandError> {
    if !actor.can_organise() {
        return Err(KitCommandError::NotOrganiser);
    }
    let upload = parse_upload(bytes, file_name)?;
    let kit = upload.kit;
    store.ensure_guild(actor.guild, "").await?;
    let new = NewGuildKit {
        guild: actor.guild,
        kit_id: kit.id.clone(),
        title: kit.title.clone(),
        language: kit.language.clone(),
        sha256: sha256_hex(&upload.source),
        source: upload.source,
        uploaded_by: actor.user,
        uploaded_at: clock.now(),
    };
    match store.save_guild_kit(&new).await? {
        SavedKit::Stored { version } => {
            let overrides_shipped = kits.ships(&kit.id);
            Ok(UploadedKit { kit, version, overrides_shipped })
        }
        SavedKit::Unchanged { version } => Err(KitCommandError::Unchanged { kit_id: kit.id, version }),
    }
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// `/kit list` (facilitators and organisers).
pub async fn list_kits(kits: &dyn Kits, actor: &Actor) -> Result<Vec<KitListing>, KitCommandError> {
    if !actor.can_facilitate() {
        return Err(KitCommandError::NotFacilitator);
    }
    Ok(kits.list(actor.guild).await?)
}

/// The ids of the kits this guild can load, for autocompletion (never another guild's).
pub async fn kit_ids(kits: &dyn Kits, actor: &Actor) -> Vec<String> {
    kits.list(actor.guild).await.map(|list| list.into_iter().map(|k| k.id).collect()).unwrap_or_default()
}

/// The kit `/meeting load kit:<id>` means in this guild, with the text to keep for the meeting.
pub async fn resolve_kit(kits: &dyn Kits, actor: &Actor, kit_id: &str) -> Result<(Kit, KitSource), KitCommandError> {
    if let Some(found) = kits.get(actor.guild, kit_id).await? {
        return Ok(found);
    }
    let known = kits.list(actor.guild).await?.into_iter().map(|k| k.id).collect();
    Err(KitCommandError::Unknown { kit_id: kit_id.to_owned(), known })
}

/// `/kit download`: the kit's text and a file name (organisers).
pub async fn download_kit(kits: &dyn Kits, actor: &Actor, kit_id: &str) -> Result<(String, String), KitCommandError> {
    if !actor.can_organise() {
        return Err(KitCommandError::NotOrganiser);
    }
    let (_, source) = resolve_kit(kits, actor, kit_id).await?;
    Ok((format!("{kit_id}.toml"), source.source))
}

/// `/kit delete`: removes every version of one of the guild's own kits (organisers). Shipped
/// kits cannot be deleted; meetings loaded from the kit keep their copy.
pub async fn delete_kit<S: Store + ?Sized>(
    store: &S,
    kits: &dyn Kits,
    actor: &Actor,
    kit_id: &str,
) -> Result<u64, KitCommandError> {
    if !actor.can_organise() {
        return Err(KitCommandError::NotOrganiser);
    }
    let removed = store.delete_guild_kit(actor.guild, kit_id).await?;
    if removed > 0 {
        return Ok(removed);
    }
    if kits.ships(kit_id) {
        return Err(KitCommandError::Shipped { kit_id: kit_id.to_owned() });
    }
    let known = store.guild_kits(actor.guild).await?.into_iter().map(|k| k.kit_id).collect();
    Err(KitCommandError::Unknown { kit_id: kit_id.to_owned(), known })
}

/// `/kit list` as a message: one line per kit, the guild's own marked with their version.
pub fn render_list(kits: &[KitListing], lang: Lang) -> String {
    if kits.is_empty() {
        return t!(lang, "kit-list-empty");
    }
    let mut out = t!(lang, "kit-list-title");
    for k in kits {
        out.push('\n');
        out.push_str(&match &k.origin {
            KitOrigin::Guild { newest, versions } => t!(
                lang,
                "kit-list-guild",
                kit = k.id.as_str(),
                title = k.title.as_str(),
                language = k.language.as_str(),
                version = *versions,
                by = newest.uploaded_by.map_or_else(|| "–".to_owned(), |u| format!("<@{}>", u.0)),
                when = format!("<t:{}:f>", newest.uploaded_at.timestamp())
            ),
            KitOrigin::Shipped => t!(
                lang,
                "kit-list-shipped",
                kit = k.id.as_str(),
                title = k.title.as_str(),
                language = k.language.as_str()
            ),
        });
    }
    out
}

#[derive(Debug, thiserror::Error)]
pub enum LoadKitError {
    #[error(transparent)]
    Kit(#[from] KitCommandError),
    #[error(transparent)]
    Meeting(#[from] super::meetings::MeetingError),
}

impl UserMessage for LoadKitError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::Kit(e) => e.user_message(lang),
            Self::Meeting(e) => e.user_message(lang),
        }
    }
}

/// `/meeting load kit:<id>`: the guild's kit (or a shipped one) becomes the meeting, and the
/// meeting keeps the text it was loaded from.
pub async fn load_meeting<S: Store + ?Sized>(
    store: &S,
    kits: &dyn Kits,
    clock: &dyn Clock,
    actor: &Actor,
    kit_id: &str,
    date: Option<chrono::NaiveDate>,
    channel: crate::domain::ChannelId,
) -> Result<super::meetings::LoadedMeeting, LoadKitError> {
    if !actor.can_organise() {
        return Err(KitCommandError::NotOrganiser.into());
    }
    let (kit, source) = resolve_kit(kits, actor, kit_id).await?;
    let loaded = super::meetings::load_meeting(store, clock, actor, &kit, date, channel).await?;
    store.save_meeting_kit(loaded.meeting.id, &source).await.map_err(KitCommandError::from)?;
    Ok(loaded)
}

/// The kit a meeting runs on: the text it was loaded from (so later uploads change nothing),
/// or, for meetings loaded before kits were kept, the kit with its id now.
pub async fn kit_of_meeting<S: Store + ?Sized>(
    store: &S,
    kits: &dyn Kits,
    actor: &Actor,
    meeting: &crate::domain::Meeting,
) -> Result<Kit, KitCommandError> {
    match store.meeting_kit(meeting.id).await? {
        Some(kept) => parse_kit(&kept.source, &format!("{}.toml", kept.kit_id))
            .map_err(|errors| KitCommandError::Stale { kit_id: kept.kit_id, errors }),
        None => Ok(resolve_kit(kits, actor, &meeting.kit_id).await?.0),
    }
}

/// The kit of the guild's current meeting; `None` when no meeting is loaded.
pub async fn current_kit<S: Store + ?Sized>(
    store: &S,
    kits: &dyn Kits,
    actor: &Actor,
) -> Result<Option<(crate::domain::Meeting, Kit)>, KitCommandError> {
    let Some(meeting) = store.current_meeting(actor.guild).await? else { return Ok(None) };
    let kit = kit_of_meeting(store, kits, actor, &meeting).await?;
    Ok(Some((meeting, kit)))
}

/// The purpose of the day as the meeting's kit states it (empty when it says none).
pub async fn purpose_of<S: Store + ?Sized>(store: &S, meeting: crate::domain::MeetingId) -> Vec<String> {
    match store.meeting_kit(meeting).await {
        Ok(Some(kept)) => parse_kit(&kept.source, &kept.kit_id).map(|k| k.purpose).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The breakout plan `id` of the meeting's kit, if the meeting keeps its kit and has one.
pub async fn plan_of<S: Store + ?Sized>(
    store: &S,
    meeting: crate::domain::MeetingId,
    id: &str,
) -> Option<crate::domain::kit::BreakoutPlan> {
    let kept = store.meeting_kit(meeting).await.ok()??;
    parse_kit(&kept.source, &kept.kit_id).ok()?.breakouts.into_iter().find(|p| p.id == id)
}

/// The purpose as lines under a heading, or nothing.
pub fn render_purpose(purpose: &[String], lang: Lang) -> String {
    if purpose.is_empty() {
        return String::new();
    }
    let mut out = t!(lang, "purpose-heading");
    for line in purpose {
        out.push_str(&format!("\n• {line}"));
    }
    out
}

/// Puts the purpose of the day under the first line of `text` (a post's heading).
pub async fn insert_purpose<S: Store + ?Sized>(
    store: &S,
    meeting: crate::domain::MeetingId,
    lang: Lang,
    text: &mut String,
) {
    let purpose = render_purpose(&purpose_of(store, meeting).await, lang);
    if purpose.is_empty() {
        return;
    }
    let at = text.find('\n').unwrap_or(text.len());
    text.insert_str(at, &format!("\n{purpose}"));
}
