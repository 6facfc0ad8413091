//! Messages: the body of a post (text cut to Discord's limit, buttons in rows, mentions only
//! of the named members, the key as an enforced nonce, files), sent to a channel or by DM.

use serenity::all::{
    ButtonStyle, CreateActionRow, CreateAllowedMentions, CreateAttachment, CreateButton, CreateMessage, LightMethod,
    Multipart, MultipartUpload, Nonce, Request, Route,
};

use super::rest::{created_id, json};
use super::DiscordChat;
use crate::app::ports::{ChatError, MessageId, OutMessage};
use crate::domain::UserId;

/// Discord's limit of buttons in one action row, and of rows in one message.
pub const BUTTONS_PER_ROW: usize = 5;
pub const ROWS_PER_MESSAGE: usize = 5;
/// Discord's message length limit.
pub const MESSAGE_LIMIT: usize = 2000;

impl DiscordChat {
    pub(super) async fn send_to(
        &self,
        channel: u64,
        message: &OutMessage,
        key: Option<&str>,
    ) -> Result<MessageId, ChatError> {
        let builder = message_builder(message, key);
        let payload = serde_json::to_string(&builder).map_err(|e| ChatError::Refused(e.to_string()))?;
        let files = attachments(message);
        let channel_id = serenity::all::ChannelId::new(channel);
        let body = self
            .call("post", || {
                let req = Request::new(Route::ChannelMessages { channel_id }, LightMethod::Post);
                if files.is_empty() {
                    req.body(Some(payload.clone().into_bytes()))
                } else {
                    req.multipart(Some(Multipart {
                        upload: MultipartUpload::Attachments(files.clone()),
                        fields: vec![],
                        payload_json: Some(payload.clone()),
                    }))
                }
            })
            .await?;
        Ok(MessageId(created_id(&body)?))
    }

    /// A DM: opens the DM channel with `user` (Discord returns the open one), then posts there.
    pub(super) async fn send_dm(
        &self,
        user: UserId,
        message: &OutMessage,
        key: Option<&str>,
    ) -> Result<MessageId, ChatError> {
        let body = json(&serde_json::json!({ "recipient_id": user.0.to_string() }))?;
        let created = self
            .call("dm channel", || Request::new(Route::UserMeDmChannels, LightMethod::Post).body(Some(body.clone())))
            .await?;
        let channel = created_id(&created)?;
        self.send_to(channel, message, key).await
    }
}

/// A stable nonce (Discord allows at most 25 characters) for a post key: FNV-1a, so the same
/// key gives the same nonce after a restart.
pub fn nonce_for(key: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("s{hash:016x}")
}

/// The message body: text cut to Discord's limit, buttons in rows of five, mentions limited
/// to the named users (never @everyone or roles), and the key as an enforced nonce.
pub fn message_builder(message: &OutMessage, key: Option<&str>) -> CreateMessage {
    let mut builder = CreateMessage::new()
        .content(cut(&message.text, MESSAGE_LIMIT))
        .allowed_mentions(CreateAllowedMentions::new().users(message.mentions.iter().map(|u| u.0)));
    let rows = button_rows(&message.buttons);
    if !rows.is_empty() {
        builder = builder.components(rows);
    }
    if !message.attachments.is_empty() {
        builder = builder.add_files(attachments(message));
    }
    if let Some(key) = key {
        builder = builder.nonce(Nonce::String(nonce_for(key))).enforce_nonce(true);
    }
    builder
}

pub fn button_rows(buttons: &[crate::app::ports::Button]) -> Vec<CreateActionRow> {
    buttons
        .chunks(BUTTONS_PER_ROW)
        .take(ROWS_PER_MESSAGE)
        .map(|chunk| {
            CreateActionRow::Buttons(
                chunk
                    .iter()
                    .map(|b| {
                        CreateButton::new(crate::discord::ids::CustomId::from(&b.action).encode())
                            .label(cut(&b.label, 80))
                            .style(if b.primary { ButtonStyle::Primary } else { ButtonStyle::Secondary })
                    })
                    .collect(),
            )
        })
        .collect()
}

fn attachments(message: &OutMessage) -> Vec<CreateAttachment> {
    message.attachments.iter().map(|a| CreateAttachment::bytes(a.bytes.clone(), a.name.clone())).collect()
}

/// At most `limit` characters, with "…" when cut.
pub fn cut(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(limit.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::ports::Attachment;

    #[test]
    fn nonces_are_short_stable_and_differ_per_key() {
        let a = nonce_for("meeting 1 open-post");
        assert_eq!(a, nonce_for("meeting 1 open-post"));
        assert_ne!(a, nonce_for("meeting 2 open-post"));
        assert!(a.len() <= 25);
    }

    #[test]
    fn a_keyed_post_enforces_its_nonce_and_only_pings_the_named_members() {
        let msg = OutMessage { mentions: vec![UserId(42)], ..OutMessage::text("hei <@42> @everyone") };
        let v = serde_json::to_value(message_builder(&msg, Some("k"))).unwrap();
        assert_eq!(v["nonce"], nonce_for("k"));
        assert_eq!(v["enforce_nonce"], true);
        assert_eq!(v["allowed_mentions"]["users"], serde_json::json!(["42"]));
        assert!(v["allowed_mentions"]["parse"].as_array().is_none_or(|p| p.is_empty()));
        let v = serde_json::to_value(message_builder(&msg, None)).unwrap();
        assert!(v.get("nonce").is_none_or(|n| n.is_null()));
    }

    #[test]
    fn buttons_go_in_rows_of_five() {
        let mut msg = OutMessage::text("x");
        for i in 0..7 {
            msg = msg.with_button(crate::app::ports::Action::Choose { round: 1, room: i }, format!("B{i}"));
        }
        let v = serde_json::to_value(message_builder(&msg, None)).unwrap();
        let rows = v["components"].as_array().unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["components"].as_array().unwrap().len(), 5);
        assert_eq!(rows[1]["components"][1]["custom_id"], "samrad:choose:1:6", "the action, spelled by ids.rs");
        assert_eq!(rows[0]["components"][0]["style"], 1);
    }

    #[test]
    fn long_text_is_cut_to_discords_limit_and_files_are_listed() {
        let msg = OutMessage {
            attachments: vec![Attachment { name: "chart.png".into(), bytes: vec![1, 2, 3] }],
            ..OutMessage::text("a".repeat(3000))
        };
        let v = serde_json::to_value(message_builder(&msg, None)).unwrap();
        assert_eq!(v["content"].as_str().unwrap().chars().count(), MESSAGE_LIMIT);
        assert_eq!(v["attachments"][0]["filename"], "chart.png");
    }
}
