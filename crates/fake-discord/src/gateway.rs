//! The gateway websocket: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with
//! replay of missed dispatches, and test-driven disconnects. JSON text frames only (no zlib).
//!
//! Sharding as on Discord: IDENTIFY's `shard: [id, total]` binds the connection to shard `id`;
//! that shard gets READY with its own guilds (`(guild_id >> 22) % total == id`) and only their
//! events; DMs go to shard 0. Each shard has its own session, sequence and RESUME replay.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::ws::{CloseFrame, Message, WebSocket};
use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::sync::mpsc;

use crate::fixtures::ready_json;
use crate::state::{Connection, GatewayFrame, Outgoing, State};
use crate::Inner;

/// Runs one websocket connection until either side closes it.
pub(crate) async fn serve(inner: Arc<Inner>, socket: WebSocket) {
    let (mut sink, mut stream) = socket.split();
    let (tx, mut rx) = mpsc::unbounded_channel::<Outgoing>();
    let conn_id = {
        let mut s = inner.lock();
        s.next_connection += 1;
        s.connects += 1;
        s.next_connection
    };
    let hello = json!({ "op": 10, "d": { "heartbeat_interval": inner.heartbeat_interval_ms }, "s": null, "t": null });
    let _ = tx.send(Outgoing::Text(hello.to_string()));
    inner.notify.notify_waiters();

    let writer = tokio::spawn(async move {
        while let Some(out) = rx.recv().await {
            let result = match out {
                Outgoing::Text(text) => sink.send(Message::Text(text.into())).await,
                Outgoing::Close(code, reason) => {
                    let _ = sink.send(Message::Close(Some(CloseFrame { code, reason: reason.into() }))).await;
                    break;
                }
            };
            if result.is_err() {
                break;
            }
        }
    });

    // The shard this connection identified or resumed as; None until then.
    let mut bound: Option<u32> = None;
    while let Some(Ok(message)) = stream.next().await {
        let text = match message {
            Message::Text(text) => text.to_string(),
            Message::Binary(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Message::Close(_) => break,
            _ => continue,
        };
        let Ok(frame) = serde_json::from_str::<Value>(&text) else {
            let _ = tx.send(Outgoing::Close(4002, "decode error"));
            break;
        };
        if !handle_frame(&inner, conn_id, &tx, &mut bound, frame) {
            break;
        }
        inner.notify.notify_waiters();
    }

    if let Some(shard) = bound {
        let mut s = inner.lock();
        if let Some(session) = s.shards.get_mut(&shard) {
            if session.connection.as_ref().is_some_and(|c| c.id == conn_id) {
                session.connection = None;
            }
        }
    }
    drop(tx);
    writer.abort();
    inner.notify.notify_waiters();
}

/// Makes `conn_id` the shard's live connection; an older one is closed (as after a RESUME on
/// a fresh socket).
fn bind(s: &mut State, shard: u32, conn_id: u64, tx: &mpsc::UnboundedSender<Outgoing>) {
    let session = s.shards.entry(shard).or_default();
    if let Some(old) = session.connection.replace(Connection { id: conn_id, tx: tx.clone() }) {
        if old.id != conn_id {
            let _ = old.tx.send(Outgoing::Close(4000, "replaced"));
        }
    }
}

/// Handles one frame from the bot; false ends the connection.
fn handle_frame(
    inner: &Inner,
    conn_id: u64,
    tx: &mpsc::UnboundedSender<Outgoing>,
    bound: &mut Option<u32>,
    frame: Value,
) -> bool {
    let op = frame["op"].as_u64().unwrap_or(u64::MAX);
    let d = frame.get("d").cloned().unwrap_or(Value::Null);
    let mut s = inner.lock();
    // A connection replaced by a newer one for its shard is done.
    if let Some(shard) = *bound {
        if s.shards.get(&shard).and_then(|x| x.connection.as_ref()).is_none_or(|c| c.id != conn_id) {
            return false;
        }
    }
    s.gateway_frames.push(GatewayFrame { op, d: d.clone(), at: Instant::now() });
    match op {
        1 => {
            let _ = tx.send(Outgoing::Text(json!({ "op": 11, "d": null, "s": null, "t": null }).to_string()));
        }
        2 => {
            if d["token"].as_str().is_none() {
                let _ = tx.send(Outgoing::Close(4004, "Authentication failed."));
                return false;
            }
            let shard = &d["shard"];
            let (id, total) = (shard[0].as_u64().unwrap_or(0), shard[1].as_u64().unwrap_or(1));
            if total == 0 || id >= total || total > u64::from(u16::MAX) {
                let _ = tx.send(Outgoing::Close(4010, "Invalid shard."));
                return false;
            }
            let (id, total) = (id as u32, total as u32);
            s.identifies += 1;
            s.intents = d["intents"].as_u64().unwrap_or(0);
            s.shard_total = total;
            bind(&mut s, id, conn_id, tx);
            *bound = Some(id);
            let session_id = format!("fake-session-{}", s.identifies);
            let session = s.shards.entry(id).or_default();
            session.session_id = Some(session_id.clone());
            session.seq = 0;
            session.sent.clear();
            let guild_ids: Vec<u64> = s.guilds.keys().copied().filter(|g| s.shard_of(*g) == id).collect();
            let ready =
                ready_json(&s.bot, s.application_id, &guild_ids, &session_id, &inner.ws_url(), json!([id, total]));
            s.dispatch_to(id, "READY", ready);
            for guild in guild_ids {
                if let Some(create) = s.guild_create(guild) {
                    s.dispatch_to(id, "GUILD_CREATE", create);
                }
            }
        }
        6 => {
            let session = d["session_id"].as_str().map(str::to_string);
            let shard =
                s.shards.iter().find(|(_, x)| x.session_id.is_some() && x.session_id == session).map(|(id, _)| *id);
            let Some(shard) = shard else {
                let _ = tx.send(Outgoing::Text(json!({ "op": 9, "d": false, "s": null, "t": null }).to_string()));
                return true;
            };
            s.resumes += 1;
            bind(&mut s, shard, conn_id, tx);
            *bound = Some(shard);
            let after = d["seq"].as_u64().unwrap_or(0);
            let missed: Vec<Value> =
                s.shards[&shard].sent.iter().filter(|(seq, _)| *seq > after).map(|(_, f)| f.clone()).collect();
            for frame in &missed {
                let _ = tx.send(Outgoing::Text(frame.to_string()));
            }
            s.dispatch_to(shard, "RESUMED", json!({}));
        }
        3 | 4 | 8 | 31 => {}
        _ => {
            let _ = tx.send(Outgoing::Close(4001, "Unknown opcode."));
            return false;
        }
    }
    true
}
