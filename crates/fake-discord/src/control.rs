//! What a test does to the bot's connection: faults on REST calls, rate limits, gateway
//! drops, reconnects and invalid sessions, and the gateway's counters (identifies, resumes,
//! shards, intents, frames).

use crate::state::{GatewayFrame, Outgoing};
use crate::{limits, FakeDiscord, Fault, RateLimits};

impl FakeDiscord {
    /// Queues a fault for matching REST calls.
    pub fn inject(&self, fault: Fault) {
        self.inner.lock().faults.push(fault);
    }

    /// Starts (or, with `None`, stops) enforcing rate limits, with fresh windows.
    pub fn set_rate_limits(&self, limits: Option<RateLimits>) {
        self.inner.lock().limiter = limits.map(limits::Limiter::new);
    }

    /// Faults not yet used up.
    pub fn pending_faults(&self) -> Vec<Fault> {
        self.inner.lock().faults.clone()
    }

    /// Closes every shard's gateway connection with code 4000 (resumable): the bot should RESUME.
    pub async fn drop_gateway(&self) {
        self.close_gateway(4000, "fake-discord: connection dropped").await;
    }

    /// Closes every shard's gateway connection with `code` (e.g. 4009 session timed out).
    pub async fn close_gateway(&self, code: u16, reason: &'static str) {
        let connections = self.inner.lock().take_connections();
        for conn in connections {
            let _ = conn.tx.send(Outgoing::Close(code, reason));
        }
        self.inner.notify.notify_waiters();
    }

    /// Sends op 7 RECONNECT: the bot should reconnect and RESUME.
    pub fn request_reconnect(&self) {
        let frame = serde_json::json!({ "op": 7, "d": null, "s": null, "t": null });
        self.inner.lock().send_frame_all(&frame);
    }

    /// Sends op 9 INVALID_SESSION (`resumable` false: the bot must IDENTIFY again).
    pub fn invalidate_session(&self, resumable: bool) {
        let mut s = self.inner.lock();
        if !resumable {
            s.shards.values_mut().for_each(|x| x.session_id = None);
        }
        let frame = serde_json::json!({ "op": 9, "d": resumable, "s": null, "t": null });
        s.send_frame_all(&frame);
    }

    /// Every shard of the bot's shard count has a live session.
    pub fn is_connected(&self) -> bool {
        self.inner.lock().all_live()
    }

    /// The shards that identified, as `[id, total]`, in order of their IDENTIFYs.
    pub fn identified_shards(&self) -> Vec<[u64; 2]> {
        let s = self.inner.lock();
        let frames = s.gateway_frames.iter().filter(|f| f.op == 2);
        frames.map(|f| [f.d["shard"][0].as_u64().unwrap_or(0), f.d["shard"][1].as_u64().unwrap_or(1)]).collect()
    }

    /// The shard a guild's events go to under the bot's current shard count.
    pub fn shard_of(&self, guild_id: u64) -> u32 {
        self.inner.lock().shard_of(guild_id)
    }

    /// Number of IDENTIFYs answered with READY.
    pub fn identifies(&self) -> u32 {
        self.inner.lock().identifies
    }

    /// Number of successful RESUMEs.
    pub fn resumes(&self) -> u32 {
        self.inner.lock().resumes
    }

    /// Number of websocket connections accepted.
    pub fn connects(&self) -> u32 {
        self.inner.lock().connects
    }

    /// Intents the bot identified with.
    pub fn intents(&self) -> u64 {
        self.inner.lock().intents
    }

    /// Frames the bot sent on the gateway (IDENTIFY, heartbeats, RESUME…).
    pub fn gateway_frames(&self) -> Vec<GatewayFrame> {
        self.inner.lock().gateway_frames.clone()
    }
}
