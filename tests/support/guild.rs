//! The coordination group's guild as the fake Discord serves it, shared by the wire tests
//! (`tests/it/wire`) and the wire benchmark (`benches/wire.rs`, which cannot import test
//! modules and includes this file by path).

use fake_discord::{ChannelFixture, GuildFixture, MemberFixture, RoleFixture, UserFixture, VoiceStateFixture};

pub const ORGANISER: u64 = 1;
pub const FACILITATOR: u64 = 2;
/// Members are MEMBER0, MEMBER0 + 1, …
pub const MEMBER0: u64 = 100;

pub fn member_id(i: usize) -> u64 {
    MEMBER0 + i as u64
}

/// A guild's ids: the guild, its plenary text and voice channels, its facilitator role.
#[derive(Clone, Copy)]
pub struct GuildIds {
    pub guild: u64,
    pub plenary: u64,
    pub voice: u64,
    pub facilitator_role: u64,
}

/// Plenary text and voice, a facilitator role, the organiser, the facilitator and `members`
/// members, all of them sitting in the plenary voice channel when `in_voice`.
pub fn coordination_guild(ids: GuildIds, name: &str, members: usize, in_voice: bool) -> GuildFixture {
    let mut g = GuildFixture::new(ids.guild)
        .name(name)
        .owner(ORGANISER)
        .channel(ChannelFixture::text(ids.plenary, "plenary"))
        .channel(ChannelFixture::voice(ids.voice, "Plenary voice"))
        .role(RoleFixture::new(ids.facilitator_role, "facilitator"))
        .member(MemberFixture::new(UserFixture::new(ORGANISER, "org")))
        .member(MemberFixture::new(UserFixture::new(FACILITATOR, "fay")).role(ids.facilitator_role));
    for i in 0..members {
        g = g.member(MemberFixture::new(UserFixture::new(member_id(i), format!("m{i}"))));
        if in_voice {
            g = g.voice_state(VoiceStateFixture::new(member_id(i), ids.voice));
        }
    }
    g
}
