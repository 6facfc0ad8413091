//! Options resolved the way serenity reads them, and the routes' answers.

use super::*;
use crate::fixtures::{CommandOption, GuildFixture, InteractionContext, InteractionFixture, RoleFixture};

#[test]
fn user_and_role_options_are_resolved_and_serenity_reads_them() {
    let mut s = State::new(1, UserFixture::bot(1, "bot"));
    s.add_guild(
        GuildFixture::new(10)
            .role(RoleFixture::new(12, "facilitator"))
            .member(MemberFixture::new(UserFixture::new(7, "ada")).nick("Ada")),
    );
    let ctx = InteractionContext::new(10, 11, MemberFixture::new(UserFixture::new(8, "bo")));
    let options = vec![CommandOption::subcommand(
        "move",
        vec![CommandOption::user("member", 7), CommandOption::role("role", 12), CommandOption::integer("room", 2)],
    )];
    let mut payload = InteractionFixture::slash_command("breakout", options, ctx).to_json(5, "tok", 1, None);
    resolve_options(&s, 10, &mut payload["data"]);
    assert_eq!(payload["data"]["resolved"]["users"]["7"]["username"], "ada");
    assert_eq!(payload["data"]["resolved"]["members"]["7"]["nick"], "Ada");
    let interaction: serenity::all::Interaction = serde_json::from_value(payload).expect("serenity parses it");
    let command = interaction.command().expect("a command");
    let user = serenity::all::UserId::new(7);
    assert_eq!(command.data.resolved.users[&user].name, "ada");
    assert!(command.data.resolved.members.contains_key(&user));
    assert!(command.data.resolved.roles.contains_key(&serenity::all::RoleId::new(12)));
}
