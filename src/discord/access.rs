//! What samrad needs Discord to let it do, spelled in one place: the permission bits per place
//! (the server, where breakout categories and rooms are made; the plenary text and voice
//! channels; the organiser channel), their union for the invite link, and Discord's own
//! computation of a member's effective permissions from roles and overwrites, so that
//! `/meeting check` can name what is missing before a split fails halfway.

use std::collections::HashMap;

use serenity::all::{PermissionOverwrite, PermissionOverwriteType, Permissions, RoleId, UserId};

/// Where samrad acts, each with what it must be allowed there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Server-wide: new breakout categories and rooms are created here, with overwrites that
    /// grant room members what samrad itself must hold (Discord refuses to grant more), and
    /// members are moved between voice channels.
    Server,
    /// Questions, reminders, summaries and the meeting day's agenda are posted here.
    PlenaryText,
    /// Members are moved from here into their rooms and back.
    PlenaryVoice,
    /// Digests (with a chart) go here.
    OrganiserChannel,
}

impl Place {
    pub const ALL: [Place; 4] = [Place::Server, Place::PlenaryText, Place::PlenaryVoice, Place::OrganiserChannel];

    pub fn required(self) -> Permissions {
        match self {
            Place::Server => {
                Permissions::MANAGE_CHANNELS
                    | Permissions::MANAGE_ROLES
                    | Permissions::MOVE_MEMBERS
                    | Permissions::VIEW_CHANNEL
                    | Permissions::SEND_MESSAGES
                    | Permissions::READ_MESSAGE_HISTORY
                    | Permissions::CONNECT
                    | Permissions::SPEAK
            }
            Place::PlenaryText => {
                Permissions::VIEW_CHANNEL
                    | Permissions::SEND_MESSAGES
                    | Permissions::EMBED_LINKS
                    | Permissions::ATTACH_FILES
                    | Permissions::READ_MESSAGE_HISTORY
            }
            Place::PlenaryVoice => Permissions::VIEW_CHANNEL | Permissions::CONNECT | Permissions::MOVE_MEMBERS,
            Place::OrganiserChannel => {
                Permissions::VIEW_CHANNEL
                    | Permissions::SEND_MESSAGES
                    | Permissions::EMBED_LINKS
                    | Permissions::ATTACH_FILES
            }
        }
    }

    /// The catalogue id naming the place (`check-place-…`).
    pub fn message_id(self) -> &'static str {
        match self {
            Place::Server => "check-place-server",
            Place::PlenaryText => "check-place-plenary",
            Place::PlenaryVoice => "check-place-voice",
            Place::OrganiserChannel => "check-place-organisers",
        }
    }
}

/// Everything samrad needs anywhere: the `permissions` of the invite link.
pub fn invite_permissions() -> Permissions {
    Place::ALL.iter().fold(Permissions::empty(), |all, place| all | place.required())
}

/// The catalogue id of one permission in plain words (`perm-…`), for the bits samrad asks for.
pub fn plain_words_id(permission: Permissions) -> &'static str {
    const NAMES: &[(Permissions, &str)] = &[
        (Permissions::VIEW_CHANNEL, "perm-view-channel"),
        (Permissions::SEND_MESSAGES, "perm-send-messages"),
        (Permissions::EMBED_LINKS, "perm-embed-links"),
        (Permissions::ATTACH_FILES, "perm-attach-files"),
        (Permissions::READ_MESSAGE_HISTORY, "perm-read-message-history"),
        (Permissions::MANAGE_CHANNELS, "perm-manage-channels"),
        (Permissions::MANAGE_ROLES, "perm-manage-roles"),
        (Permissions::MOVE_MEMBERS, "perm-move-members"),
        (Permissions::CONNECT, "perm-connect"),
        (Permissions::SPEAK, "perm-speak"),
    ];
    NAMES.iter().find(|(p, _)| *p == permission).map_or("perm-other", |(_, id)| id)
}

/// A member as far as permissions go: the guild, the member, their roles, and whether they
/// own the guild.
#[derive(Debug, Clone)]
pub struct Subject {
    pub guild: u64,
    pub user: u64,
    pub roles: Vec<RoleId>,
    pub owner: bool,
}

/// The server-wide permissions of `who`: @everyone's (the role whose id is the guild's) and
/// every role's they hold; everything for the owner and for administrators.
pub fn base_permissions(who: &Subject, role_permissions: &HashMap<RoleId, Permissions>) -> Permissions {
    if who.owner {
        return Permissions::all();
    }
    let everyone = role_permissions.get(&RoleId::new(who.guild)).copied().unwrap_or_else(Permissions::empty);
    let held = who.roles.iter().filter_map(|r| role_permissions.get(r)).fold(everyone, |all, p| all | *p);
    if held.contains(Permissions::ADMINISTRATOR) {
        Permissions::all()
    } else {
        held
    }
}

/// The permissions of `who` in a channel, as Discord computes them: the @everyone overwrite,
/// then all role overwrites together (denies, then allows), then the member's own overwrite.
/// Without *View Channel* nothing else applies there, and a text channel's extras need
/// *Send Messages*.
pub fn channel_permissions(base: Permissions, who: &Subject, overwrites: &[PermissionOverwrite]) -> Permissions {
    if base.contains(Permissions::ADMINISTRATOR) {
        return Permissions::all();
    }
    let apply = |p: Permissions, allow: Permissions, deny: Permissions| (p - deny) | allow;
    let everyone = PermissionOverwriteType::Role(RoleId::new(who.guild));
    let mut p = base;
    if let Some(o) = overwrites.iter().find(|o| o.kind == everyone) {
        p = apply(p, o.allow, o.deny);
    }
    let (mut allow, mut deny) = (Permissions::empty(), Permissions::empty());
    for o in overwrites {
        if matches!(o.kind, PermissionOverwriteType::Role(r) if r != RoleId::new(who.guild) && who.roles.contains(&r)) {
            allow |= o.allow;
            deny |= o.deny;
        }
    }
    p = apply(p, allow, deny);
    let member = PermissionOverwriteType::Member(UserId::new(who.user));
    if let Some(o) = overwrites.iter().find(|o| o.kind == member) {
        p = apply(p, o.allow, o.deny);
    }
    if !p.contains(Permissions::VIEW_CHANNEL) {
        return Permissions::empty();
    }
    if !p.contains(Permissions::SEND_MESSAGES) {
        p -= Permissions::EMBED_LINKS | Permissions::ATTACH_FILES | Permissions::MENTION_EVERYONE;
    }
    p
}

/// What `place` requires that `has` lacks, one bit each, in a stable order.
pub fn missing(place: Place, has: Permissions) -> Vec<Permissions> {
    let lacking = place.required() - has;
    lacking.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GUILD: u64 = 10;
    const BOT: u64 = 99;
    const ROLE: u64 = 20;

    fn bot(roles: &[u64]) -> Subject {
        Subject { guild: GUILD, user: BOT, roles: roles.iter().map(|r| RoleId::new(*r)).collect(), owner: false }
    }

    fn roles(everyone: Permissions, role: Permissions) -> HashMap<RoleId, Permissions> {
        HashMap::from([(RoleId::new(GUILD), everyone), (RoleId::new(ROLE), role)])
    }

    fn role_ow(id: u64, allow: Permissions, deny: Permissions) -> PermissionOverwrite {
        PermissionOverwrite { allow, deny, kind: PermissionOverwriteType::Role(RoleId::new(id)) }
    }

    #[test]
    fn the_invite_asks_for_exactly_the_permissions_samrad_uses() {
        // View, send, embed, attach, history, manage channels, manage roles, move, connect, speak.
        let expected: u64 = (1 << 10)
            | (1 << 11)
            | (1 << 14)
            | (1 << 15)
            | (1 << 16)
            | (1 << 4)
            | (1 << 28)
            | (1 << 24)
            | (1 << 20)
            | (1 << 21);
        assert_eq!(invite_permissions().bits(), expected);
        assert_eq!(invite_permissions().bits(), 288_476_176);
        for bit in invite_permissions().iter() {
            assert_ne!(plain_words_id(bit), "perm-other", "{bit:?} has plain words");
        }
    }

    #[test]
    fn roles_add_up_and_administrators_and_owners_may_do_everything() {
        let r = roles(Permissions::VIEW_CHANNEL, Permissions::MANAGE_CHANNELS);
        assert_eq!(base_permissions(&bot(&[]), &r), Permissions::VIEW_CHANNEL);
        assert_eq!(base_permissions(&bot(&[ROLE]), &r), Permissions::VIEW_CHANNEL | Permissions::MANAGE_CHANNELS);
        let admin = roles(Permissions::empty(), Permissions::ADMINISTRATOR);
        assert_eq!(base_permissions(&bot(&[ROLE]), &admin), Permissions::all());
        let owner = Subject { owner: true, ..bot(&[]) };
        assert_eq!(base_permissions(&owner, &roles(Permissions::empty(), Permissions::empty())), Permissions::all());
    }

    #[test]
    fn a_role_allow_beats_an_everyone_deny_and_the_member_overwrite_beats_both() {
        let base = Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES | Permissions::ATTACH_FILES;
        let everyone_deny = role_ow(GUILD, Permissions::empty(), Permissions::SEND_MESSAGES);
        let p = channel_permissions(base, &bot(&[]), std::slice::from_ref(&everyone_deny));
        assert!(!p.contains(Permissions::SEND_MESSAGES));
        assert!(!p.contains(Permissions::ATTACH_FILES), "attaching needs sending");
        let role_allow = role_ow(ROLE, Permissions::SEND_MESSAGES, Permissions::empty());
        let p = channel_permissions(base, &bot(&[ROLE]), &[everyone_deny.clone(), role_allow.clone()]);
        assert!(p.contains(Permissions::SEND_MESSAGES | Permissions::ATTACH_FILES));
        // One role allows what another denies: the allow wins.
        let other_deny = role_ow(21, Permissions::empty(), Permissions::SEND_MESSAGES);
        let p = channel_permissions(base, &bot(&[ROLE, 21]), &[other_deny, role_allow.clone()]);
        assert!(p.contains(Permissions::SEND_MESSAGES));
        let member_deny = PermissionOverwrite {
            allow: Permissions::empty(),
            deny: Permissions::SEND_MESSAGES,
            kind: PermissionOverwriteType::Member(UserId::new(BOT)),
        };
        let p = channel_permissions(base, &bot(&[ROLE]), &[role_allow, member_deny]);
        assert!(!p.contains(Permissions::SEND_MESSAGES));
    }

    #[test]
    fn a_hidden_channel_allows_nothing_and_administrators_ignore_overwrites() {
        let hide = role_ow(GUILD, Permissions::empty(), Permissions::VIEW_CHANNEL);
        let base = Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES | Permissions::MOVE_MEMBERS;
        assert_eq!(channel_permissions(base, &bot(&[]), std::slice::from_ref(&hide)), Permissions::empty());
        assert_eq!(channel_permissions(Permissions::all(), &bot(&[]), &[hide]), Permissions::all());
    }

    #[test]
    fn missing_names_each_lacking_bit_of_the_place() {
        let has = Permissions::VIEW_CHANNEL | Permissions::CONNECT;
        assert_eq!(missing(Place::PlenaryVoice, has), vec![Permissions::MOVE_MEMBERS]);
        assert!(missing(Place::Server, Permissions::all()).is_empty());
        assert_eq!(missing(Place::OrganiserChannel, Permissions::empty()).len(), 4);
    }
}
