//! Joining units and taking roles.

use super::actor::{Actor, UserMessage};
use super::ports::{Member, Store, StoreError};
use crate::domain::{IdError, RoleName, UnitName, UserId};
use crate::i18n::Lang;
use crate::t;

#[derive(Debug, thiserror::Error)]
pub enum MembershipError {
    #[error("no meeting is loaded")]
    NoMeeting,
    #[error("this meeting has no units")]
    NoUnits,
    #[error("unknown unit {given:?}")]
    UnknownUnit { given: String, known: Vec<String> },
    #[error("unknown role {given:?}")]
    UnknownRole { given: String, known: Vec<String> },
    #[error("only organisers may change other members")]
    NotOrganiser,
    #[error("unknown language {0:?}")]
    UnknownLanguage(String),
    #[error("bad name: {0}")]
    BadName(#[from] IdError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl UserMessage for MembershipError {
    fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::NoMeeting => t!(lang, "err-no-meeting"),
            Self::NoUnits => t!(lang, "err-no-units"),
            Self::UnknownUnit { given, known } => t!(lang, "err-unknown-unit", given = given, known = known.join(", ")),
            Self::UnknownRole { given, known } => t!(lang, "err-unknown-role", given = given, known = known.join(", ")),
            Self::NotOrganiser => t!(lang, "err-not-organiser"),
            Self::UnknownLanguage(code) => t!(lang, "err-unknown-language", code = code.as_str()),
            Self::BadName(e) => t!(lang, "err-bad-input", detail = e.to_string()),
            Self::Store(_) => t!(lang, "err-internal"),
        }
    }
}

/// The person a change is for: oneself, or (organisers only) someone else.
async fn target<S: Store + ?Sized>(
    store: &S,
    actor: &Actor,
    other: Option<(UserId, &str)>,
) -> Result<UserId, MembershipError> {
    match other {
        Some((user, _)) if user != actor.user && !actor.can_organise() => Err(MembershipError::NotOrganiser),
        Some((user, name)) => {
            store.ensure_member(actor.guild, user, name).await?;
            Ok(user)
        }
        None => {
            store.ensure_member(actor.guild, actor.user, &actor.name).await?;
            Ok(actor.user)
        }
    }
}

/// `/unit join`: the unit must be one of the current meeting's units.
pub async fn join_unit<S: Store + ?Sized>(
    store: &S,
    actor: &Actor,
    unit: &str,
    other: Option<(UserId, &str)>,
) -> Result<UnitName, MembershipError> {
    let meeting = store.current_meeting(actor.guild).await?.ok_or(MembershipError::NoMeeting)?;
    if meeting.units.is_empty() {
        return Err(MembershipError::NoUnits);
    }
    let unit = meeting.unit(unit).cloned().ok_or_else(|| MembershipError::UnknownUnit {
        given: unit.to_owned(),
        known: meeting.units.iter().map(|u| u.to_string()).collect(),
    })?;
    let user = target(store, actor, other).await?;
    store.set_unit(actor.guild, user, Some(&unit)).await?;
    Ok(unit)
}

/// `/unit leave`: returns the unit left, if any.
pub async fn leave_unit<S: Store + ?Sized>(store: &S, actor: &Actor) -> Result<Option<UnitName>, MembershipError> {
    let before = store.member(actor.guild, actor.user).await?.and_then(|m| m.unit);
    if before.is_some() {
        store.set_unit(actor.guild, actor.user, None).await?;
    }
    Ok(before)
}

/// `/role set`: the role must be one of the meeting's roles.
pub async fn set_role<S: Store + ?Sized>(
    store: &S,
    actor: &Actor,
    role: &str,
    other: Option<(UserId, &str)>,
) -> Result<RoleName, MembershipError> {
    let meeting = store.current_meeting(actor.guild).await?.ok_or(MembershipError::NoMeeting)?;
    let role = meeting.role(role).cloned().ok_or_else(|| MembershipError::UnknownRole {
        given: role.to_owned(),
        known: meeting.roles.iter().map(|r| r.to_string()).collect(),
    })?;
    let user = target(store, actor, other).await?;
    store.set_role(actor.guild, user, Some(&role)).await?;
    Ok(role)
}

/// One unit and its members, for `/unit list`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRoster {
    pub unit: UnitName,
    pub members: Vec<Member>,
}

/// `/unit list`: the meeting's units with their members (units without members included).
pub async fn list_units<S: Store + ?Sized>(store: &S, actor: &Actor) -> Result<Vec<UnitRoster>, MembershipError> {
    let meeting = store.current_meeting(actor.guild).await?.ok_or(MembershipError::NoMeeting)?;
    let members = store.members(actor.guild).await?;
    Ok(meeting
        .units
        .iter()
        .map(|unit| UnitRoster {
            unit: unit.clone(),
            members: members.iter().filter(|m| m.unit.as_ref() == Some(unit)).cloned().collect(),
        })
        .collect())
}

/// Unit names matching what a person has typed so far (autocomplete).
pub async fn unit_suggestions<S: Store + ?Sized>(store: &S, actor: &Actor, partial: &str) -> Vec<String> {
    let Ok(Some(meeting)) = store.current_meeting(actor.guild).await else { return Vec::new() };
    let p = partial.to_lowercase();
    meeting.units.iter().map(|u| u.to_string()).filter(|u| u.to_lowercase().contains(&p)).take(25).collect()
}

/// Role names matching what a person has typed so far (autocomplete).
pub async fn role_suggestions<S: Store + ?Sized>(store: &S, actor: &Actor, partial: &str) -> Vec<String> {
    let Ok(Some(meeting)) = store.current_meeting(actor.guild).await else { return Vec::new() };
    let p = partial.to_lowercase();
    meeting.roles.iter().map(|r| r.to_string()).filter(|r| r.to_lowercase().contains(&p)).take(25).collect()
}

/// `/language set`: the language samrad uses in private replies and DMs to this member.
/// `None` clears the choice (back to the Discord client's language).
pub async fn set_language<S: Store + ?Sized>(
    store: &S,
    actor: &Actor,
    code: Option<&str>,
) -> Result<Option<Lang>, MembershipError> {
    let lang = match code {
        Some(c) => Some(Lang::from_code(c).ok_or_else(|| MembershipError::UnknownLanguage(c.to_owned()))?),
        None => None,
    };
    store.ensure_member(actor.guild, actor.user, &actor.name).await?;
    store.set_member_locale(actor.guild, actor.user, lang.map(Lang::code)).await?;
    Ok(lang)
}
