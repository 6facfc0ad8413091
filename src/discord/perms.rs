//! Permissions, both ways: the overwrites a private breakout room is created with, and who
//! counts as staff (organiser/facilitator) for an interaction.

use serenity::all::{PermissionOverwrite, PermissionOverwriteType, Permissions, RoleId, UserId as SUserId};

use crate::app::ports::{GuildSettings, RoomSpec};
use crate::app::Staff;

/// What a room member (and staff) may do in a room.
pub fn room_access() -> Permissions {
    Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES | Permissions::CONNECT | Permissions::SPEAK
}

/// Overwrites for a new room, sent inline in the create call so the room is never visible to
/// everyone, not even for a moment: @everyone (the role whose id is the guild id) may not view
/// it; each member and each staff role may view, write, connect and speak.
pub fn room_overwrites(spec: &RoomSpec) -> Vec<PermissionOverwrite> {
    let mut out = vec![PermissionOverwrite {
        allow: Permissions::empty(),
        deny: Permissions::VIEW_CHANNEL,
        kind: PermissionOverwriteType::Role(RoleId::new(spec.guild.0)),
    }];
    out.extend(spec.staff_roles.iter().filter(|r| **r != 0 && **r != spec.guild.0).map(|r| PermissionOverwrite {
        allow: room_access(),
        deny: Permissions::empty(),
        kind: PermissionOverwriteType::Role(RoleId::new(*r)),
    }));
    out.extend(spec.members.iter().filter(|u| u.0 != 0).map(|u| member_access(u.0)));
    out
}

pub fn member_access(user: u64) -> PermissionOverwrite {
    PermissionOverwrite {
        allow: room_access(),
        deny: Permissions::empty(),
        kind: PermissionOverwriteType::Member(SUserId::new(user)),
    }
}

/// The same overwrites with members made read-only (archive at close): they still see the
/// room and its notes, but cannot write or speak there.
pub fn archived(overwrites: Vec<PermissionOverwrite>) -> Vec<PermissionOverwrite> {
    overwrites
        .into_iter()
        .map(|mut o| {
            if matches!(o.kind, PermissionOverwriteType::Member(_)) {
                o.allow = (o.allow | Permissions::VIEW_CHANNEL) - (Permissions::SEND_MESSAGES | Permissions::SPEAK);
                o.deny |= Permissions::SEND_MESSAGES | Permissions::SPEAK;
            }
            o
        })
        .collect()
}

/// Staff level of a member: server admins and managers are organisers; otherwise the guild's
/// configured organiser and facilitator roles decide.
pub fn staff_level(permissions: Option<Permissions>, roles: &[RoleId], settings: &GuildSettings) -> Staff {
    let admin = Permissions::ADMINISTRATOR | Permissions::MANAGE_GUILD;
    let has = |role: Option<u64>| role.is_some_and(|r| roles.iter().any(|x| x.get() == r));
    if permissions.is_some_and(|p| p.intersects(admin)) || has(settings.organiser_role) {
        Staff::Organiser
    } else if has(settings.facilitator_role) {
        Staff::Facilitator
    } else {
        Staff::Member
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::ports::RoomKind;
    use crate::domain::{GuildId, UserId};

    fn spec() -> RoomSpec {
        RoomSpec {
            guild: GuildId(100),
            category: None,
            name: "room-1".into(),
            kind: RoomKind::Text,
            members: vec![UserId(1), UserId(2)],
            staff_roles: vec![7],
        }
    }

    #[test]
    fn everyone_is_kept_out_of_a_breakout_room() {
        let o = room_overwrites(&spec());
        let everyone = o.iter().find(|o| o.kind == PermissionOverwriteType::Role(RoleId::new(100))).unwrap();
        assert!(everyone.deny.contains(Permissions::VIEW_CHANNEL));
        assert!(everyone.allow.is_empty());
    }

    #[test]
    fn each_member_and_the_staff_role_may_see_talk_and_write() {
        let o = room_overwrites(&spec());
        for kind in [
            PermissionOverwriteType::Member(SUserId::new(1)),
            PermissionOverwriteType::Member(SUserId::new(2)),
            PermissionOverwriteType::Role(RoleId::new(7)),
        ] {
            let ow = o.iter().find(|o| o.kind == kind).unwrap_or_else(|| panic!("{kind:?} missing"));
            assert!(ow.allow.contains(room_access()), "{kind:?}");
            assert!(ow.deny.is_empty());
        }
        assert_eq!(o.len(), 4);
    }

    #[test]
    fn archived_rooms_are_read_only_for_members_but_not_for_staff() {
        let o = archived(room_overwrites(&spec()));
        let member = o.iter().find(|o| o.kind == PermissionOverwriteType::Member(SUserId::new(1))).unwrap();
        assert!(member.allow.contains(Permissions::VIEW_CHANNEL));
        assert!(member.deny.contains(Permissions::SEND_MESSAGES));
        assert!(!member.allow.contains(Permissions::SEND_MESSAGES));
        let staff = o.iter().find(|o| o.kind == PermissionOverwriteType::Role(RoleId::new(7))).unwrap();
        assert!(staff.allow.contains(Permissions::SEND_MESSAGES));
    }

    #[test]
    fn admins_organise_and_configured_roles_decide_for_others() {
        let settings = GuildSettings { organiser_role: Some(5), facilitator_role: Some(6), ..Default::default() };
        assert_eq!(staff_level(Some(Permissions::MANAGE_GUILD), &[], &settings), Staff::Organiser);
        assert_eq!(staff_level(Some(Permissions::ADMINISTRATOR), &[], &settings), Staff::Organiser);
        assert_eq!(staff_level(None, &[RoleId::new(5)], &settings), Staff::Organiser);
        assert_eq!(staff_level(Some(Permissions::SEND_MESSAGES), &[RoleId::new(6)], &settings), Staff::Facilitator);
        assert_eq!(staff_level(None, &[RoleId::new(9)], &settings), Staff::Member);
        assert_eq!(staff_level(None, &[RoleId::new(5)], &GuildSettings::default()), Staff::Member);
    }
}
