//! KitStore: every uploaded version of a guild's kits, and the kit a meeting was loaded from.

use samrad::app::ports::{KitSource, NewGuildKit, SavedKit};

use super::*;

store_tests!(
    uploads_become_versions_and_the_newest_is_the_kit,
    the_same_text_twice_is_not_a_new_version,
    concurrent_uploads_of_one_kit_get_their_own_versions,
    a_guild_never_sees_another_guilds_kits,
    delete_removes_every_version_but_not_a_meetings_copy,
    a_meeting_keeps_the_kit_text_it_was_loaded_from,
    a_forgotten_uploader_leaves_no_user_id
);

fn upload(guild: GuildId, id: &str, text: &str, by: u64, seconds: i64) -> NewGuildKit {
    NewGuildKit {
        guild,
        kit_id: id.into(),
        title: format!("Møte «{id}» 🌍"),
        language: "nb".into(),
        source: text.into(),
        sha256: format!("{:0>64}", text.len()),
        uploaded_by: user(by),
        uploaded_at: at(seconds),
    }
}

async fn uploads_become_versions_and_the_newest_is_the_kit(db: &Db) {
    db.store.ensure_guild(GUILD, "g").await.unwrap();
    assert_eq!(
        db.store.save_guild_kit(&upload(GUILD, "mote", "a = 1", 1, 0)).await.unwrap(),
        SavedKit::Stored { version: 1 }
    );
    assert_eq!(
        db.store.save_guild_kit(&upload(GUILD, "mote", "a = 22", 2, 5)).await.unwrap(),
        SavedKit::Stored { version: 2 }
    );
    assert_eq!(
        db.store.save_guild_kit(&upload(GUILD, "annet", "b = 1", 1, 9)).await.unwrap(),
        SavedKit::Stored { version: 1 }
    );

    let kits = db.store.guild_kits(GUILD).await.unwrap();
    let ids: Vec<(&str, u32)> = kits.iter().map(|k| (k.kit_id.as_str(), k.version)).collect();
    assert_eq!(ids, [("annet", 1), ("mote", 2)]);
    assert_eq!(kits[1].uploaded_by, Some(user(2)));
    assert_eq!(kits[1].uploaded_at, at(5));
    assert_eq!(kits[1].title, "Møte «mote» 🌍");

    let versions = db.store.guild_kit_versions(GUILD, "mote").await.unwrap();
    assert_eq!(
        versions.iter().map(|v| (v.version, v.uploaded_by)).collect::<Vec<_>>(),
        [(1, Some(user(1))), (2, Some(user(2)))]
    );
    let newest = db.store.guild_kit_source(GUILD, "mote").await.unwrap().expect("stored");
    assert_eq!(newest, KitSource { kit_id: "mote".into(), version: Some(2), source: "a = 22".into() });
    assert!(db.store.guild_kit_source(GUILD, "ukjent").await.unwrap().is_none());
    assert!(db.store.guild_kit_versions(GUILD, "ukjent").await.unwrap().is_empty());
}

async fn the_same_text_twice_is_not_a_new_version(db: &Db) {
    db.store.ensure_guild(GUILD, "g").await.unwrap();
    db.store.save_guild_kit(&upload(GUILD, "mote", "a = 1", 1, 0)).await.unwrap();
    assert_eq!(
        db.store.save_guild_kit(&upload(GUILD, "mote", "a = 1", 2, 5)).await.unwrap(),
        SavedKit::Unchanged { version: 1 }
    );
    // Going back to an older text is a change: it becomes the newest version.
    db.store.save_guild_kit(&upload(GUILD, "mote", "a = 22", 1, 6)).await.unwrap();
    assert_eq!(
        db.store.save_guild_kit(&upload(GUILD, "mote", "a = 1", 1, 7)).await.unwrap(),
        SavedKit::Stored { version: 3 }
    );
    assert_eq!(db.store.guild_kit_versions(GUILD, "mote").await.unwrap().len(), 3);
}

async fn concurrent_uploads_of_one_kit_get_their_own_versions(db: &Db) {
    db.store.ensure_guild(GUILD, "g").await.unwrap();
    let other = db.reopen().await;
    let texts: Vec<String> = (0..8).map(|i| format!("v = {}", "1".repeat(i + 1))).collect();
    let saves = texts.iter().enumerate().map(|(i, text)| {
        let store = if i % 2 == 0 { db.store.clone() } else { other.clone() };
        let kit = upload(GUILD, "mote", text, 1, i as i64);
        async move { store.save_guild_kit(&kit).await }
    });
    let mut versions: Vec<u32> = futures::future::join_all(saves)
        .await
        .into_iter()
        .map(|r| match r.expect("each upload is stored") {
            SavedKit::Stored { version } => version,
            other => panic!("{other:?}"),
        })
        .collect();
    versions.sort_unstable();
    assert_eq!(versions, (1..=8).collect::<Vec<_>>());
}

async fn a_guild_never_sees_another_guilds_kits(db: &Db) {
    db.store.ensure_guild(GUILD, "g").await.unwrap();
    db.store.ensure_guild(OTHER_GUILD, "h").await.unwrap();
    db.store.save_guild_kit(&upload(GUILD, "mote", "a = 1", 1, 0)).await.unwrap();
    assert!(db.store.guild_kits(OTHER_GUILD).await.unwrap().is_empty());
    assert!(db.store.guild_kit_source(OTHER_GUILD, "mote").await.unwrap().is_none());
    assert_eq!(db.store.delete_guild_kit(OTHER_GUILD, "mote").await.unwrap(), 0);
    // The same id in another guild is a kit of its own, starting at version 1.
    let theirs = db.store.save_guild_kit(&upload(OTHER_GUILD, "mote", "a = 1", 3, 1)).await.unwrap();
    assert_eq!(theirs, SavedKit::Stored { version: 1 });
    assert_eq!(db.store.guild_kit_versions(GUILD, "mote").await.unwrap().len(), 1);
}

async fn delete_removes_every_version_but_not_a_meetings_copy(db: &Db) {
    let m = meeting(db).await;
    db.store.save_guild_kit(&upload(GUILD, "mote", "a = 1", 1, 0)).await.unwrap();
    db.store.save_guild_kit(&upload(GUILD, "mote", "a = 22", 1, 1)).await.unwrap();
    let loaded = db.store.guild_kit_source(GUILD, "mote").await.unwrap().expect("stored");
    db.store.save_meeting_kit(m, &loaded).await.unwrap();
    assert_eq!(db.store.delete_guild_kit(GUILD, "mote").await.unwrap(), 2);
    assert!(db.store.guild_kits(GUILD).await.unwrap().is_empty());
    assert_eq!(db.store.meeting_kit(m).await.unwrap(), Some(loaded));
    assert_eq!(db.store.delete_guild_kit(GUILD, "mote").await.unwrap(), 0);
}

async fn a_meeting_keeps_the_kit_text_it_was_loaded_from(db: &Db) {
    let m = meeting(db).await;
    assert!(db.store.meeting_kit(m).await.unwrap().is_none());
    let shipped = KitSource { kit_id: "kit-a".into(), version: None, source: "id = \"kit-a\" # «æøå»".into() };
    db.store.save_meeting_kit(m, &shipped).await.unwrap();
    assert_eq!(db.store.meeting_kit(m).await.unwrap(), Some(shipped.clone()));
    assert_conflict(db.store.save_meeting_kit(m, &shipped).await, "a second kit for one meeting");
    assert_not_found(db.store.save_meeting_kit(MeetingId(987_654), &shipped).await, "an unknown meeting");
}

async fn a_forgotten_uploader_leaves_no_user_id(db: &Db) {
    let by = join(db, GUILD, 1).await;
    db.store.save_guild_kit(&upload(GUILD, "mote", "a = 1", 1, 0)).await.unwrap();
    db.store.forget_member(GUILD, by).await.unwrap();
    let kits = db.store.guild_kits(GUILD).await.unwrap();
    assert_eq!(kits.len(), 1, "the kit stays: it belongs to the group");
    assert_eq!(kits[0].uploaded_by, None);
}
