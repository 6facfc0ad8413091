//! A chat platform in memory. Behaves like Discord where it matters to the use cases:
//! keyed posts are deduplicated like Discord's enforced nonce, rooms have member lists,
//! voice moves only work for people in voice, DMs can be closed.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;

use crate::app::ports::{Chat, ChatError, GuildChannel, MessageId, OutMessage, RoomKind, RoomSpec};
use crate::domain::{ChannelId, GuildId, UserId};

/// Everything the bot did, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChatEvent {
    Post { channel: ChannelId, message: OutMessage, id: MessageId },
    Dm { user: UserId, message: OutMessage, id: MessageId },
    Category { id: ChannelId, name: String },
    Room { id: ChannelId, spec: RoomSpec },
    Archived(ChannelId),
    Deleted(ChannelId),
    Moved { user: UserId, to: ChannelId },
    Granted { channel: ChannelId, user: UserId, allow: bool },
}

#[derive(Default)]
struct State {
    next_id: u64,
    events: Vec<ChatEvent>,
    by_key: HashMap<String, MessageId>,
    voice: HashMap<UserId, ChannelId>,
    closed_dms: HashSet<UserId>,
    names: HashMap<ChannelId, String>,
    /// Channels that exist: made by the bot and not deleted, plus `others`.
    live: HashSet<ChannelId>,
    /// The category of each room made in one, and the categories themselves.
    parents: HashMap<ChannelId, ChannelId>,
    categories: HashSet<ChannelId>,
    others: usize,
    fail_next: usize,
}

/// Cloning shares the same state, so a test can keep a handle while the app owns another.
#[derive(Clone, Default)]
pub struct MemoryChat {
    state: Arc<Mutex<State>>,
    echo: Option<Arc<Mutex<Box<dyn Write + Send>>>>,
    /// Where a printing chat saves attachments (charts, exports) so a person can open them.
    files: Option<std::path::PathBuf>,
}

impl MemoryChat {
    pub fn new() -> Self {
        Self::default()
    }

    /// A chat that also prints each event as a readable line (the demo's console).
    pub fn printing(out: Box<dyn Write + Send>) -> Self {
        Self { state: Arc::default(), echo: Some(Arc::new(Mutex::new(out))), files: None }
    }

    /// Also saves every attachment into `dir` and prints its path.
    pub fn saving_attachments(mut self, dir: impl Into<std::path::PathBuf>) -> Self {
        self.files = Some(dir.into());
        self
    }

    /// Writes `message`'s attachments into the files folder; returns a line per file.
    fn save_attachments(&self, id: MessageId, message: &OutMessage) -> String {
        let Some(dir) = &self.files else { return String::new() };
        let mut lines = String::new();
        for a in &message.attachments {
            let path = dir.join(format!("{}-{}", id.0, a.name));
            let saved = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&path, &a.bytes));
            lines.push_str(&match saved {
                Ok(()) => format!("\n[attachment] {}", path.display()),
                Err(e) => format!("\n[attachment] {} not saved: {e}", a.name),
            });
        }
        lines
    }

    /// Pretends the guild already has `n` channels of its own (for the 500-channel limit).
    pub fn add_existing_channels(&self, n: usize) {
        self.lock().others += n;
    }

    pub fn events(&self) -> Vec<ChatEvent> {
        self.lock().events.clone()
    }

    pub fn posts_in(&self, channel: ChannelId) -> Vec<OutMessage> {
        self.events()
            .into_iter()
            .filter_map(|e| match e {
                ChatEvent::Post { channel: c, message, .. } if c == channel => Some(message),
                _ => None,
            })
            .collect()
    }

    pub fn dms_to(&self, user: UserId) -> Vec<OutMessage> {
        self.events()
            .into_iter()
            .filter_map(|e| match e {
                ChatEvent::Dm { user: u, message, .. } if u == user => Some(message),
                _ => None,
            })
            .collect()
    }

    /// Puts `user` in voice channel `channel` (as if they joined it).
    pub fn join_voice(&self, user: UserId, channel: ChannelId) {
        self.lock().voice.insert(user, channel);
    }

    pub fn voice_channel_of(&self, user: UserId) -> Option<ChannelId> {
        self.lock().voice.get(&user).copied()
    }

    /// `user` does not accept DMs (Discord answers 50007).
    pub fn close_dms(&self, user: UserId) {
        self.lock().closed_dms.insert(user);
    }

    /// The next `n` calls fail as if the platform were down.
    pub fn fail_next(&self, n: usize) {
        self.lock().fail_next = n;
    }

    pub fn channel_name(&self, channel: ChannelId) -> Option<String> {
        self.lock().names.get(&channel).cloned()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().expect("memory chat lock")
    }

    fn check_fault(&self) -> Result<(), ChatError> {
        let mut s = self.lock();
        if s.fail_next > 0 {
            s.fail_next -= 1;
            return Err(ChatError::Unavailable("injected failure".into()));
        }
        Ok(())
    }

    fn next_id(s: &mut State) -> u64 {
        s.next_id += 1;
        9_000_000 + s.next_id
    }

    fn record(&self, event: ChatEvent) {
        let line = match &event {
            ChatEvent::Post { channel, message, id } => {
                let name = self.channel_name(*channel).unwrap_or_else(|| channel.to_string());
                format!("[#{name}] {}{}{}", message.text, buttons(message), self.save_attachments(*id, message))
            }
            ChatEvent::Dm { user, message, .. } => format!("[DM → {user}] {}{}", message.text, buttons(message)),
            ChatEvent::Category { name, .. } => format!("[category] {name}"),
            ChatEvent::Room { spec, .. } => format!(
                "[{} room] {} — {} member(s), private",
                if spec.kind == RoomKind::Voice { "voice" } else { "text" },
                spec.name,
                spec.members.len()
            ),
            ChatEvent::Archived(c) => format!("[archived] #{}", self.channel_name(*c).unwrap_or_default()),
            ChatEvent::Deleted(c) => format!("[deleted] #{}", self.channel_name(*c).unwrap_or_default()),
            ChatEvent::Moved { user, to } => format!("[voice] {user} → {}", self.channel_name(*to).unwrap_or_default()),
            ChatEvent::Granted { channel, user, allow } => {
                format!(
                    "[access] {user} {} #{}",
                    if *allow { "+" } else { "-" },
                    self.channel_name(*channel).unwrap_or_default()
                )
            }
        };
        if let Some(echo) = &self.echo {
            let mut out = echo.lock().expect("echo lock");
            let _ = writeln!(out, "{line}");
        }
        self.lock().events.push(event);
    }

    /// The id for a message sent under `key`: the earlier one when the key was used before
    /// (like Discord's enforced nonce; `fresh` is false), else a new one.
    fn message_id(&self, key: Option<&str>) -> (MessageId, bool) {
        let mut s = self.lock();
        if let Some(id) = key.and_then(|k| s.by_key.get(k).copied()) {
            return (id, false);
        }
        let id = MessageId(Self::next_id(&mut s));
        if let Some(k) = key {
            s.by_key.insert(k.to_owned(), id);
        }
        (id, true)
    }
}

fn buttons(m: &OutMessage) -> String {
    if m.buttons.is_empty() {
        return String::new();
    }
    let labels: Vec<String> = m.buttons.iter().map(|b| format!("[{}]", b.label)).collect();
    format!("  {}", labels.join(" "))
}

#[async_trait]
impl Chat for MemoryChat {
    async fn post(&self, channel: ChannelId, message: OutMessage, key: Option<&str>) -> Result<MessageId, ChatError> {
        self.check_fault()?;
        let (id, fresh) = self.message_id(key);
        if !fresh {
            return Ok(id);
        }
        self.record(ChatEvent::Post { channel, message, id });
        Ok(id)
    }

    async fn dm(&self, user: UserId, message: OutMessage, key: Option<&str>) -> Result<MessageId, ChatError> {
        self.check_fault()?;
        if self.lock().closed_dms.contains(&user) {
            return Err(ChatError::Refused("Cannot send messages to this user".into()));
        }
        let (id, fresh) = self.message_id(key);
        if !fresh {
            return Ok(id);
        }
        self.record(ChatEvent::Dm { user, message, id });
        Ok(id)
    }

    async fn create_category(&self, _guild: GuildId, name: &str) -> Result<ChannelId, ChatError> {
        self.check_fault()?;
        let id = {
            let mut s = self.lock();
            let id = ChannelId(Self::next_id(&mut s));
            s.names.insert(id, name.to_owned());
            s.live.insert(id);
            s.categories.insert(id);
            id
        };
        self.record(ChatEvent::Category { id, name: name.to_owned() });
        Ok(id)
    }

    async fn create_room(&self, spec: &RoomSpec) -> Result<ChannelId, ChatError> {
        self.check_fault()?;
        let id = {
            let mut s = self.lock();
            let id = ChannelId(Self::next_id(&mut s));
            s.names.insert(id, spec.name.clone());
            s.live.insert(id);
            if let Some(category) = spec.category {
                s.parents.insert(id, category);
            }
            id
        };
        self.record(ChatEvent::Room { id, spec: spec.clone() });
        Ok(id)
    }

    async fn archive_room(&self, channel: ChannelId) -> Result<(), ChatError> {
        self.check_fault()?;
        self.record(ChatEvent::Archived(channel));
        Ok(())
    }

    async fn delete_channel(&self, channel: ChannelId) -> Result<(), ChatError> {
        self.check_fault()?;
        self.lock().live.remove(&channel);
        self.record(ChatEvent::Deleted(channel));
        Ok(())
    }

    async fn channel_count(&self, _guild: GuildId) -> Result<usize, ChatError> {
        let s = self.lock();
        Ok(s.live.len() + s.others)
    }

    /// The channels the bot made and has not deleted (`others` are not listed).
    async fn channels(&self, _guild: GuildId) -> Result<Vec<GuildChannel>, ChatError> {
        let s = self.lock();
        let mut list: Vec<GuildChannel> = s
            .live
            .iter()
            .map(|id| GuildChannel {
                id: *id,
                name: s.names.get(id).cloned().unwrap_or_default(),
                category: s.categories.contains(id),
                parent: s.parents.get(id).copied(),
            })
            .collect();
        list.sort_by_key(|c| c.id.0);
        Ok(list)
    }

    async fn move_to_voice(&self, _guild: GuildId, user: UserId, channel: ChannelId) -> Result<bool, ChatError> {
        self.check_fault()?;
        {
            let mut s = self.lock();
            match s.voice.get_mut(&user) {
                None => return Ok(false),
                Some(c) => *c = channel,
            }
        }
        self.record(ChatEvent::Moved { user, to: channel });
        Ok(true)
    }

    async fn voice_members(&self, _guild: GuildId, channel: ChannelId) -> Result<Vec<UserId>, ChatError> {
        let mut users: Vec<UserId> =
            self.lock().voice.iter().filter(|(_, c)| **c == channel).map(|(u, _)| *u).collect();
        users.sort();
        Ok(users)
    }

    async fn grant_room(&self, channel: ChannelId, user: UserId, allow: bool) -> Result<(), ChatError> {
        self.check_fault()?;
        self.record(ChatEvent::Granted { channel, user, allow });
        Ok(())
    }
}
