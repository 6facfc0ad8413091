//! Posting for scheduled jobs and use cases: `post_once` sends a message under a stable key at
//! most once, and what a job run comes to (`JobOutcome`, `JobFailure`). Buttons carry typed
//! actions (`ports::Action`); the chat adapter spells them.
//!
//! Idempotency: a key found in the store is not sent again; the key also goes to the chat
//! adapter as a nonce, so a send that reached Discord just before a crash is deduplicated there.

use super::ports::{Chat, ChatError, Clock, MessageId, OutMessage, Store, StoreError};
use crate::domain::{ChannelId, UserId};

/// Posts `message` under `key` unless a post with that key was already sent.
pub async fn post_once<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    key: &str,
    to: Target,
    message: OutMessage,
) -> Result<MessageId, JobFailure> {
    if let Some(id) = store.sent_post(key).await? {
        return Ok(id);
    }
    let (id, channel) = match to {
        Target::Channel(c) => (chat.post(c, message, Some(key)).await?, Some(c)),
        Target::Dm(u) => (chat.dm(u, message, Some(key)).await?, None),
    };
    store.record_post(key, channel, id, clock.now()).await?;
    Ok(id)
}

#[derive(Debug, Clone, Copy)]
pub enum Target {
    Channel(ChannelId),
    Dm(UserId),
}

#[derive(Debug, thiserror::Error)]
pub enum JobFailure {
    #[error(transparent)]
    Chat(#[from] ChatError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Config(String),
}

/// What running a scheduled job came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobOutcome {
    Done,
    /// Not run now: the job stays pending (a paused agenda holds its items).
    Held,
}

/// A reminder to one member: a DM under `key`, or, when their DMs are closed, the same message
/// with a mention in `fallback` (the meeting channel) under `key:channel`. Both are sent once.
pub async fn dm_or_mention<S: Store + ?Sized>(
    store: &S,
    chat: &dyn Chat,
    clock: &dyn Clock,
    key: &str,
    (to, fallback): (UserId, Option<ChannelId>),
    message: OutMessage,
) -> Result<MessageId, JobFailure> {
    match post_once(store, chat, clock, key, Target::Dm(to), message.clone()).await {
        Err(JobFailure::Chat(ChatError::Refused(_) | ChatError::NotFound(_))) => {}
        other => return other,
    }
    let channel = fallback.ok_or_else(|| JobFailure::Config(format!("{key}: DMs closed and no meeting channel")))?;
    let message = OutMessage { text: format!("<@{to}> {}", message.text), mentions: vec![to], ..message };
    post_once(store, chat, clock, &format!("{key}:channel"), Target::Channel(channel), message).await
}
