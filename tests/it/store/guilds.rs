//! GuildStore: settings, members and their unit, role, privacy and language; `/forget-me`.

use samrad::app::ports::{GuildSettings, Member};

use super::*;

store_tests!(
    settings_of_an_unknown_guild_are_the_defaults,
    settings_round_trip_every_field,
    ensure_guild_twice_keeps_the_settings,
    an_unknown_locale_is_a_conflict,
    member_round_trips_every_field,
    ensure_member_twice_keeps_one_member_and_takes_the_new_name,
    members_are_listed_by_user_within_their_guild,
    guilds_of_lists_the_users_guilds_in_order,
    unit_and_role_of_a_stranger_are_not_found,
    unit_names_match_regardless_of_case,
    forget_member_removes_answers_notes_and_membership_in_that_guild_only,
    settings_and_member_read_both_as_their_own_reads_do,
);

async fn settings_of_an_unknown_guild_are_the_defaults(db: &Db) {
    let settings = db.store.guild_settings(GUILD).await.unwrap();
    assert_eq!(settings, GuildSettings { locale: "en".into(), ..GuildSettings::default() });
}

/// Guild settings with every field set away from its default.
fn every_setting() -> GuildSettings {
    GuildSettings {
        organiser_role: Some(TOP),
        facilitator_role: Some(TOP - 5),
        plenary_channel: Some(channel(1)),
        plenary_voice: Some(channel(2)),
        organiser_channel: Some(channel(3)),
        locale: "nb".into(),
        delete_rooms: true,
    }
}

async fn settings_round_trip_every_field(db: &Db) {
    // No ensure_guild first: saving settings is enough to create the guild.
    let full = every_setting();
    db.store.save_guild_settings(GUILD, &full).await.unwrap();
    assert_eq!(db.store.guild_settings(GUILD).await.unwrap(), full);

    let empty = GuildSettings { locale: "sv".into(), ..GuildSettings::default() };
    db.store.save_guild_settings(GUILD, &empty).await.unwrap();
    assert_eq!(db.store.guild_settings(GUILD).await.unwrap(), empty, "Some → None is stored too");
    assert_eq!(db.store.guild_settings(OTHER_GUILD).await.unwrap().locale, "en");
}

async fn ensure_guild_twice_keeps_the_settings(db: &Db) {
    db.store.ensure_guild(GUILD, "Koordineringsgruppa").await.unwrap();
    let settings = GuildSettings { organiser_role: Some(7), locale: "sv".into(), ..GuildSettings::default() };
    db.store.save_guild_settings(GUILD, &settings).await.unwrap();
    db.store.ensure_guild(GUILD, "Nytt navn").await.unwrap();
    db.store.ensure_guild(GUILD, "").await.unwrap();
    assert_eq!(db.store.guild_settings(GUILD).await.unwrap(), settings);
}

async fn an_unknown_locale_is_a_conflict(db: &Db) {
    let settings = GuildSettings { locale: "de".into(), ..GuildSettings::default() };
    assert_conflict(db.store.save_guild_settings(GUILD, &settings).await, "guild locale 'de'");
    join(db, GUILD, 1).await;
    assert_conflict(db.store.set_member_locale(GUILD, user(1), Some("xx")).await, "member locale 'xx'");
    assert_eq!(db.store.member(GUILD, user(1)).await.unwrap().unwrap().locale, None);
}

async fn member_round_trips_every_field(db: &Db) {
    assert_eq!(db.store.member(GUILD, user(1)).await.unwrap(), None);
    db.store.ensure_member(GUILD, user(1), "Åse Øygard 🌿").await.unwrap();
    let fresh = Member {
        user: user(1),
        name: "Åse Øygard 🌿".into(),
        unit: None,
        role: None,
        // Sharing in rooms is opt-in.
        share_in_rooms: false,
        locale: None,
        consent_asked: false,
    };
    assert_eq!(db.store.member(GUILD, user(1)).await.unwrap(), Some(fresh.clone()), "a new member's defaults");

    db.store.set_unit(GUILD, user(1), Some(&unit("Det juridiske fakultet"))).await.unwrap();
    db.store.set_role(GUILD, user(1), Some(&role("Verneombud"))).await.unwrap();
    db.store.set_share_in_rooms(GUILD, user(1), true).await.unwrap();
    db.store.set_member_locale(GUILD, user(1), Some("sv")).await.unwrap();
    let full = db.store.member(GUILD, user(1)).await.unwrap().unwrap();
    assert_eq!(full.unit.as_ref().map(|u| u.as_str()), Some("Det juridiske fakultet"));
    assert_eq!(full.role.as_ref().map(|r| r.as_str()), Some("Verneombud"));
    assert!(full.share_in_rooms);
    assert_eq!(full.locale.as_deref(), Some("sv"));

    db.store.set_unit(GUILD, user(1), None).await.unwrap();
    db.store.set_role(GUILD, user(1), None).await.unwrap();
    db.store.set_share_in_rooms(GUILD, user(1), false).await.unwrap();
    db.store.set_member_locale(GUILD, user(1), None).await.unwrap();
    assert_eq!(db.store.member(GUILD, user(1)).await.unwrap(), Some(fresh), "back to None");
    assert_eq!(db.store.member(OTHER_GUILD, user(1)).await.unwrap(), None, "membership is per guild");
}

async fn ensure_member_twice_keeps_one_member_and_takes_the_new_name(db: &Db) {
    db.store.ensure_member(GUILD, user(1), "Kari").await.unwrap();
    db.store.set_unit(GUILD, user(1), Some(&unit("HF"))).await.unwrap();
    db.store.set_role(GUILD, user(1), Some(&role("Leder"))).await.unwrap();
    db.store.set_share_in_rooms(GUILD, user(1), false).await.unwrap();
    db.store.set_member_locale(GUILD, user(1), Some("nb")).await.unwrap();
    db.store.ensure_member(GUILD, user(1), "Kari Nordmann").await.unwrap();

    let members = db.store.members(GUILD).await.unwrap();
    assert_eq!(members.len(), 1);
    let m = &members[0];
    assert_eq!(m.name, "Kari Nordmann");
    assert_eq!(m.unit, Some(unit("HF")), "a repeated join keeps the unit");
    assert_eq!(m.role, Some(role("Leder")));
    assert!(!m.share_in_rooms);
    assert_eq!(m.locale.as_deref(), Some("nb"));
}

async fn members_are_listed_by_user_within_their_guild(db: &Db) {
    for n in [5, 1, 3] {
        join(db, GUILD, n).await;
    }
    join(db, OTHER_GUILD, 2).await;
    let users: Vec<_> = db.store.members(GUILD).await.unwrap().into_iter().map(|m| m.user).collect();
    assert_eq!(users, vec![user(1), user(3), user(5)]);
    assert!(db.store.members(GuildId(42)).await.unwrap().is_empty());
}

async fn guilds_of_lists_the_users_guilds_in_order(db: &Db) {
    assert!(db.store.guilds_of(user(1)).await.unwrap().is_empty());
    join(db, GUILD, 1).await;
    join(db, GuildId(42), 1).await;
    join(db, OTHER_GUILD, 2).await;
    assert_eq!(db.store.guilds_of(user(1)).await.unwrap(), vec![GuildId(42), GUILD]);
}

async fn unit_and_role_of_a_stranger_are_not_found(db: &Db) {
    db.store.ensure_guild(GUILD, "g").await.unwrap();
    assert_not_found(db.store.set_unit(GUILD, user(9), Some(&unit("HF"))).await, "set_unit of a non-member");
    assert_not_found(db.store.set_role(GUILD, user(9), Some(&role("Leder"))).await, "set_role of a non-member");
    assert_eq!(db.store.member(GUILD, user(9)).await.unwrap(), None, "nothing was created");
}

async fn unit_names_match_regardless_of_case(db: &Db) {
    join(db, GUILD, 1).await;
    join(db, GUILD, 2).await;
    db.store.set_unit(GUILD, user(1), Some(&unit("JUS"))).await.unwrap();
    db.store.set_unit(GUILD, user(2), Some(&unit("jus"))).await.unwrap();
    let members = db.store.members(GUILD).await.unwrap();
    assert_eq!(members[0].unit.as_ref().map(|u| u.as_str()), Some("JUS"));
    assert_eq!(members[1].unit.as_ref().map(|u| u.as_str()), Some("JUS"), "the first spelling is the unit's name");
}

async fn forget_member_removes_answers_notes_and_membership_in_that_guild_only(db: &Db) {
    let m = meeting(db).await;
    let (forgotten, kept) = (join(db, GUILD, 1).await, join(db, GUILD, 2).await);
    join(db, OTHER_GUILD, 1).await;
    let other_meeting = db.store.create_meeting(&new_meeting(OTHER_GUILD, "kit-a"), t0()).await.unwrap();
    for who in [forgotten, kept] {
        db.store.save_answer(m, GUILD, who, &qid("q1"), "første", at(1)).await.unwrap();
        db.store.save_answer(m, GUILD, who, &qid("q1"), "andre", at(2)).await.unwrap();
        db.store.save_answer(m, GUILD, who, &qid("q2"), "3", at(2)).await.unwrap();
    }
    db.store.save_answer(other_meeting, OTHER_GUILD, forgotten, &qid("q1"), "annet sted", at(1)).await.unwrap();
    let random = samrad::domain::grouping::Mode::Random;
    let room_id = db.store.create_round(m, random, None, at(0), at(60), &[room(1)]).await.unwrap().rooms[0].id;
    db.store.add_note(room_id, forgotten, "mitt notat", at(3)).await.unwrap();
    db.store.add_note(room_id, kept, "ditt notat", at(4)).await.unwrap();
    let other_room =
        db.store.create_round(other_meeting, random, None, at(0), at(60), &[room(1)]).await.unwrap().rooms[0].id;
    db.store.add_note(other_room, forgotten, "annet notat", at(3)).await.unwrap();

    let removed = db.store.forget_member(GUILD, forgotten).await.unwrap();
    assert!(removed >= 4, "two answers, a note and the membership are at least 4 records, got {removed}");

    assert_eq!(db.store.member(GUILD, forgotten).await.unwrap(), None);
    assert!(db.store.answers_of(m, forgotten).await.unwrap().is_empty());
    let notes = db.store.notes(room_id).await.unwrap();
    assert_eq!(notes.iter().map(|n| n.user).collect::<Vec<_>>(), vec![kept]);
    assert_eq!(db.store.answers_of(m, kept).await.unwrap().len(), 2, "others keep their answers");
    assert_eq!(db.store.guilds_of(forgotten).await.unwrap(), vec![OTHER_GUILD]);
    assert_eq!(db.store.answers_of(other_meeting, forgotten).await.unwrap().len(), 1, "other guilds keep theirs");
    assert_eq!(db.store.notes(other_room).await.unwrap().len(), 1);

    // Forgetting twice is harmless, and a re-joined member starts from nothing.
    assert_eq!(db.store.forget_member(GUILD, forgotten).await.unwrap(), 0);
    join(db, GUILD, 1).await;
    let fresh = db.store.save_answer(m, GUILD, forgotten, &qid("q1"), "ny start", at(9)).await.unwrap();
    assert_eq!(fresh, 1, "no revision history survives /forget-me");
    let edited = db.store.save_answer(m, GUILD, forgotten, &qid("q1"), "endret", at(10)).await.unwrap();
    assert_eq!(edited, 2, "an old revision 1 left behind would collide here");
}

fn room(number: u32) -> samrad::app::ports::NewRoom {
    samrad::app::ports::NewRoom { number, name: format!("rom-{number}"), label: None, cap: None, members: vec![] }
}

async fn settings_and_member_read_both_as_their_own_reads_do(db: &Db) {
    let defaults = GuildSettings { locale: "en".into(), ..GuildSettings::default() };
    assert_eq!(db.store.settings_and_member(GUILD, user(1)).await.unwrap(), (defaults, None), "nothing stored");
    let full = every_setting();
    db.store.save_guild_settings(GUILD, &full).await.unwrap();
    assert_eq!(db.store.settings_and_member(GUILD, user(1)).await.unwrap(), (full.clone(), None), "not a member");

    db.store.ensure_member(GUILD, user(1), "Åse").await.unwrap();
    db.store.set_unit(GUILD, user(1), Some(&unit("Det juridiske fakultet"))).await.unwrap();
    db.store.set_role(GUILD, user(1), Some(&role("Verneombud"))).await.unwrap();
    db.store.set_member_locale(GUILD, user(1), Some("sv")).await.unwrap();
    db.store.mark_consent_asked(GUILD, user(1)).await.unwrap();
    let (settings, member) = db.store.settings_and_member(GUILD, user(1)).await.unwrap();
    assert_eq!(settings, full);
    let member = member.expect("the member");
    assert!(member.consent_asked && !member.share_in_rooms);
    assert_eq!(Some(member), db.store.member(GUILD, user(1)).await.unwrap());
    // A member of another guild whose guild row holds no settings.
    db.store.ensure_member(OTHER_GUILD, user(2), "Bo").await.unwrap();
    let (other, bo) = db.store.settings_and_member(OTHER_GUILD, user(2)).await.unwrap();
    assert_eq!((other.locale.as_str(), bo.map(|m| m.name)), ("en", Some("Bo".to_owned())));
}
