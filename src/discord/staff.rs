//! Which commands members do not see: Discord hides a command from everyone who lacks its
//! `default_member_permissions`, until a server admin grants it to a role in Server Settings →
//! Integrations → samrad (see the README). The facilitators' commands need Move Members (they
//! move people between voice rooms), the organisers' Manage Server. The runtime checks of the
//! configured facilitator and organiser roles stay: this only keeps the member's list short.

use serenity::all::Permissions;

use super::commands::Command;

/// Commands for facilitators (and organisers).
pub const FACILITATOR_COMMANDS: &[&str] = &["breakout", "agenda"];
/// Commands for organisers.
pub const ORGANISER_COMMANDS: &[&str] = &["meeting", "digest", "export", "kit"];

pub const FACILITATOR_PERMISSIONS: Permissions = Permissions::MOVE_MEMBERS;
pub const ORGANISER_PERMISSIONS: Permissions = Permissions::MANAGE_GUILD;

/// Sets `default_member_permissions` on the staff commands in `list`.
pub fn restrict(list: &mut [Command]) {
    for cmd in list {
        if FACILITATOR_COMMANDS.contains(&cmd.name.as_ref()) {
            cmd.default_member_permissions = FACILITATOR_PERMISSIONS;
        } else if ORGANISER_COMMANDS.contains(&cmd.name.as_ref()) {
            cmd.default_member_permissions = ORGANISER_PERMISSIONS;
        }
    }
}
