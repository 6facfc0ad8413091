//! Breakout rooms: a channel only its members (and staff) can see, the access granted and
//! revoked per member, and the archive that keeps a closed room readable but shut. The
//! overwrites of rooms this process made are remembered, so archiving needs no read.

use serde::Deserialize;
use serenity::all::{
    ChannelType, CreateChannel, EditChannel, LightMethod, PermissionOverwrite, PermissionOverwriteType, Request, Route,
    TargetId,
};

use super::channels::Expected;
use super::message::cut;
use super::rest::{created_id, json};
use super::DiscordChat;
use crate::app::ports::{ChatError, RoomKind, RoomSpec};
use crate::discord::perms;
use crate::domain::{ChannelId, UserId};

#[derive(Deserialize)]
struct ChannelOverwrites {
    #[serde(default)]
    permission_overwrites: Vec<PermissionOverwrite>,
}

impl DiscordChat {
    pub(super) async fn make_room(&self, spec: &RoomSpec) -> Result<ChannelId, ChatError> {
        let kind = match spec.kind {
            RoomKind::Text => ChannelType::Text,
            RoomKind::Voice => ChannelType::Voice,
        };
        let name = cut(&spec.name, 100);
        let overwrites = perms::room_overwrites(spec);
        let mut builder = CreateChannel::new(name.clone()).kind(kind).permissions(overwrites.clone());
        if let Some(category) = spec.category {
            builder = builder.category(serenity::all::ChannelId::new(category.0));
        }
        let body = json(&builder)?;
        let guild_id = serenity::all::GuildId::new(spec.guild.0);
        // A room's name is unique within its round's category: that is the marker a lost
        // answer is reconciled by.
        let expected = Expected { guild: spec.guild.0, name, kind, parent: spec.category.map(|c| c.0) };
        let make = || Request::new(Route::GuildChannels { guild_id }, LightMethod::Post).body(Some(body.clone()));
        let created = created_id(&self.call_creating("create room", make, Some(&expected)).await?)?;
        self.overwrites.lock().unwrap_or_else(|p| p.into_inner()).insert(created, overwrites);
        Ok(ChannelId(created))
    }

    pub(super) async fn archive(&self, channel: ChannelId) -> Result<(), ChatError> {
        let channel_id = serenity::all::ChannelId::new(channel.0);
        // The overwrites samrad set itself; read from Discord only for a room made before a restart.
        let known = self.overwrites.lock().unwrap_or_else(|p| p.into_inner()).get(&channel.0).cloned();
        let current = match known {
            Some(overwrites) => overwrites,
            None => {
                let read =
                    self.call("read room", || Request::new(Route::Channel { channel_id }, LightMethod::Get)).await?;
                serde_json::from_slice::<ChannelOverwrites>(&read)
                    .map_err(|e| ChatError::Unavailable(format!("unexpected channel from Discord: {e}")))?
                    .permission_overwrites
            }
        };
        let body = json(&EditChannel::new().permissions(perms::archived(current)))?;
        self.call("archive room", || {
            Request::new(Route::Channel { channel_id }, LightMethod::Patch).body(Some(body.clone()))
        })
        .await?;
        self.overwrites.lock().unwrap_or_else(|p| p.into_inner()).remove(&channel.0);
        Ok(())
    }

    pub(super) async fn grant(&self, channel: ChannelId, user: UserId, allow: bool) -> Result<(), ChatError> {
        let channel_id = serenity::all::ChannelId::new(channel.0);
        let target_id = TargetId::new(user.0);
        if !allow {
            let result = self
                .call("revoke room", || {
                    Request::new(Route::ChannelPermission { channel_id, target_id }, LightMethod::Delete)
                })
                .await;
            let member = PermissionOverwriteType::Member(serenity::all::UserId::new(user.0));
            self.remember(channel.0, |list| list.retain(|o| o.kind != member));
            return match result {
                Ok(_) | Err(ChatError::NotFound(_)) => Ok(()),
                Err(e) => Err(e),
            };
        }
        let body = json(&serde_json::json!({
            "type": 1,
            "allow": perms::room_access().bits().to_string(),
            "deny": "0",
        }))?;
        self.call("grant room", || {
            Request::new(Route::ChannelPermission { channel_id, target_id }, LightMethod::Put).body(Some(body.clone()))
        })
        .await?;
        let access = perms::member_access(user.0);
        self.remember(channel.0, |list| {
            list.retain(|o| o.kind != access.kind);
            list.push(access);
        });
        Ok(())
    }

    /// Remembers the overwrites samrad gave a room (or changed), so archiving needs no read.
    fn remember(&self, channel: u64, change: impl FnOnce(&mut Vec<PermissionOverwrite>)) {
        let mut known = self.overwrites.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(list) = known.get_mut(&channel) {
            change(list);
        }
    }
}
