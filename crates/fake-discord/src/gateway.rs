//! The gateway websocket: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with
//! replay of missed dispatches, and test-driven disconnects. JSON text frames only (no zlib).

use std::sync::Arc;
use std::time::Instant;

use axum::extract::ws::{CloseFrame, Message, WebSocket};
use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::sync::mpsc;

use crate::fixtures::ready_json;
use crate::state::{Connection, GatewayFrame, Outgoing};
use crate::Inner;

/// Runs one websocket connection until either side closes it.
pub(crate) async fn serve(inner: Arc<Inner>, socket: WebSocket) {
    let (mut sink, mut stream) = socket.split();
    let (tx, mut rx) = mpsc::unbounded_channel::<Outgoing>();
    let conn_id = {
        let mut s = inner.lock();
        s.next_connection += 1;
        s.connects += 1;
        let id = s.next_connection;
        // A new connection replaces the old one (as after a RESUME on a fresh socket).
        if let Some(old) = s.connection.replace(Connection { id, tx: tx.clone(), live: false }) {
            let _ = old.tx.send(Outgoing::Close(4000, "replaced"));
        }
        id
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
        if !handle_frame(&inner, conn_id, &tx, frame) {
            break;
        }
        inner.notify.notify_waiters();
    }

    {
        let mut s = inner.lock();
        if s.connection.as_ref().is_some_and(|c| c.id == conn_id) {
            s.connection = None;
        }
    }
    drop(tx);
    writer.abort();
    inner.notify.notify_waiters();
}

/// Handles one frame from the bot; false ends the connection.
fn handle_frame(inner: &Inner, conn_id: u64, tx: &mpsc::UnboundedSender<Outgoing>, frame: Value) -> bool {
    let op = frame["op"].as_u64().unwrap_or(u64::MAX);
    let d = frame.get("d").cloned().unwrap_or(Value::Null);
    let mut s = inner.lock();
    if s.connection.as_ref().is_none_or(|c| c.id != conn_id) {
        return false;
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
            s.identifies += 1;
            s.intents = d["intents"].as_u64().unwrap_or(0);
            s.session_id = Some(format!("fake-session-{}", s.identifies));
            s.seq = 0;
            s.sent.clear();
            if let Some(conn) = s.connection.as_mut() {
                conn.live = true;
            }
            let guild_ids: Vec<u64> = s.guilds.keys().copied().collect();
            let session_id = s.session_id.clone().unwrap_or_default();
            let shard = d.get("shard").cloned().unwrap_or(json!([0, 1]));
            let ready = ready_json(&s.bot, s.application_id, &guild_ids, &session_id, &inner.ws_url(), shard);
            s.dispatch("READY", ready);
            for id in guild_ids {
                if let Some(guild) = s.guild_create(id) {
                    s.dispatch("GUILD_CREATE", guild);
                }
            }
        }
        6 => {
            let session = d["session_id"].as_str().map(str::to_string);
            if session.is_none() || session != s.session_id {
                let _ = tx.send(Outgoing::Text(json!({ "op": 9, "d": false, "s": null, "t": null }).to_string()));
                return true;
            }
            s.resumes += 1;
            if let Some(conn) = s.connection.as_mut() {
                conn.live = true;
            }
            let after = d["seq"].as_u64().unwrap_or(0);
            let missed: Vec<Value> = s.sent.iter().filter(|(seq, _)| *seq > after).map(|(_, f)| f.clone()).collect();
            for frame in &missed {
                s.send_frame(frame);
            }
            s.dispatch("RESUMED", json!({}));
        }
        3 | 4 | 8 | 31 => {}
        _ => {
            let _ = tx.send(Outgoing::Close(4001, "Unknown opcode."));
            return false;
        }
    }
    true
}
