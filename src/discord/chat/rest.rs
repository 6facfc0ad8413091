//! One REST call to Discord, as `DiscordChat` makes every call: its own rate-limit buckets
//! (when serenity's ratelimiter is off), a bounded retry (see `retry`), Discord's error bodies
//! read into a `ChatError`, and a channel create that is never carried out twice.

use serde::Deserialize;
use serenity::all::{HttpError, Request};
use tracing::{debug, warn};

use super::channels::Expected;
use super::DiscordChat;
use crate::app::ports::ChatError;
use crate::discord::ratelimit::BucketState;
use crate::discord::retry::{self, Failure};

#[derive(Deserialize)]
struct Created {
    id: serenity::all::GenericId,
}

#[derive(Deserialize, Default)]
struct ErrorBody {
    code: Option<i64>,
    message: Option<String>,
    retry_after: Option<f64>,
    /// Per-field errors of a 50035 "Invalid Form Body" (e.g. a full category).
    errors: Option<serde_json::Value>,
}

/// The first nested `_errors[].message` of a form-body error.
fn first_field_error(errors: &serde_json::Value) -> Option<String> {
    match errors {
        serde_json::Value::Object(map) => {
            if let Some(list) = map.get("_errors").and_then(|e| e.as_array()) {
                return list.iter().find_map(|e| e["message"].as_str().map(str::to_owned));
            }
            map.values().find_map(first_field_error)
        }
        _ => None,
    }
}

impl DiscordChat {
    /// Sends a request, retrying as `retry::retry_delay` says. `make` builds a fresh request
    /// for every attempt (same body, so a keyed post keeps its nonce).
    pub(super) async fn call<'a>(&self, what: &str, make: impl Fn() -> Request<'a>) -> Result<Vec<u8>, ChatError> {
        self.call_creating(what, make, None).await
    }

    /// `call` for a request that creates a channel: when an attempt fails in a way that may
    /// have come after Discord made the channel (5xx, no answer), the guild's channels are
    /// searched for it before trying again, so a retry never makes a second one.
    pub(super) async fn call_creating<'a>(
        &self,
        what: &str,
        make: impl Fn() -> Request<'a>,
        made: Option<&Expected>,
    ) -> Result<Vec<u8>, ChatError> {
        let mut attempt = 0;
        loop {
            let failure = match self.once(make()).await {
                Ok(body) => {
                    crate::ops::metrics::rest_call(what, Ok(()));
                    return Ok(body);
                }
                Err(f) => f,
            };
            crate::ops::metrics::rest_call(what, Err(failure.status));
            if let Some(expected) = made.filter(|_| failure.may_have_been_done()) {
                if let Some(found) = self.find_created(expected).await? {
                    warn!(what, status = ?failure.status, "discord call failed after it was carried out; found its channel");
                    return Ok(found);
                }
            }
            match retry::retry_delay(&failure, attempt) {
                Some(wait) => {
                    crate::ops::metrics::retry(what);
                    warn!(what, attempt, status = ?failure.status, wait_ms = wait.as_millis() as u64, "discord call failed, retrying");
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                None => {
                    debug!(what, status = ?failure.status, code = ?failure.code, "discord call failed");
                    return Err(retry::to_chat_error(what, &failure));
                }
            }
        }
    }

    async fn once(&self, req: Request<'_>) -> Result<Vec<u8>, Failure> {
        if self.http.ratelimiter.is_some() {
            return match self.http.request(req).await {
                Ok(resp) => resp.bytes().await.map(|b| b.to_vec()).map_err(|e| Failure::transport(e.to_string())),
                Err(serenity::Error::Http(HttpError::UnsuccessfulRequest(e))) => Err(Failure {
                    status: Some(e.status_code.as_u16()),
                    code: (e.error.code >= 0).then_some(e.error.code as i64),
                    retry_after: None,
                    message: e.error.message,
                }),
                Err(e) => Err(Failure::transport(e.to_string())),
            };
        }
        // Our own bucket keeping stands in for serenity's ratelimiter: wait out a bucket the
        // last answer said was empty, then send and note what this answer says.
        let key = format!("{:?} {:?}", req.method_ref(), req.route_ref().ratelimiting_bucket());
        let mut permit = self.limits.acquire(&key).await;
        let builder = req
            .build(&self.client, self.http.token(), self.http.proxy.as_deref())
            .map_err(|e| Failure::transport(e.to_string()))?;
        let resp = builder.send().await.map_err(|e| Failure::transport(e.to_string()))?;
        let status = resp.status();
        permit.update(BucketState::from_headers(resp.headers(), tokio::time::Instant::now()));
        drop(permit);
        let header_wait = resp
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<f64>().ok());
        let global = resp.headers().contains_key("x-ratelimit-global");
        let body = resp.bytes().await.map_err(|e| Failure::transport(e.to_string()))?.to_vec();
        if status.is_success() {
            return Ok(body);
        }
        let parsed: ErrorBody = serde_json::from_slice(&body).unwrap_or_default();
        if global {
            let wait = parsed.retry_after.or(header_wait).unwrap_or(1.0).clamp(0.0, retry::MAX_WAIT.as_secs_f64());
            self.limits.block_globally(std::time::Duration::from_secs_f64(wait)).await;
        }
        let mut message = parsed.message.unwrap_or_else(|| status.to_string());
        if let Some(detail) = parsed.errors.as_ref().and_then(first_field_error) {
            message = format!("{message}: {detail}");
        }
        Err(Failure {
            status: Some(status.as_u16()),
            code: parsed.code,
            retry_after: parsed.retry_after.or(header_wait),
            message,
        })
    }
}

pub(super) fn created_id(body: &[u8]) -> Result<u64, ChatError> {
    serde_json::from_slice::<Created>(body)
        .map(|c| c.id.get())
        .map_err(|e| ChatError::Unavailable(format!("unexpected response from Discord: {e}")))
}

pub(super) fn json(value: &impl serde::Serialize) -> Result<Vec<u8>, ChatError> {
    serde_json::to_vec(value).map_err(|e| ChatError::Refused(e.to_string()))
}

/// The retry loop on the wire: a loopback server that answers 429, then 500, then 200.
#[cfg(test)]
mod wire_tests {
    use std::sync::{Arc, Mutex};

    use axum::extract::State;
    use axum::http::StatusCode;
    use axum::routing::post;
    use axum::{Json, Router};
    use serenity::all::HttpBuilder;

    use super::super::nonce_for;
    use super::*;
    use crate::app::ports::{Chat, MessageId, OutMessage};
    use crate::domain::ChannelId;

    type Seen = Arc<Mutex<Vec<serde_json::Value>>>;
    type Replies = Arc<Mutex<std::vec::IntoIter<(u16, serde_json::Value)>>>;

    async fn serve(replies: Vec<(u16, serde_json::Value)>) -> (String, Seen) {
        let seen: Seen = Arc::default();
        let replies = Arc::new(Mutex::new(replies.into_iter()));
        let app = Router::new()
            .route(
                "/api/v10/channels/{id}/messages",
                post(
                    |State((seen, replies)): State<(Seen, Replies)>, Json(body): Json<serde_json::Value>| async move {
                        seen.lock().unwrap().push(body);
                        let (status, reply) = replies.lock().unwrap().next().unwrap_or((500, serde_json::json!({})));
                        (StatusCode::from_u16(status).unwrap(), Json(reply))
                    },
                ),
            )
            .with_state((seen.clone(), replies));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        (format!("http://{addr}"), seen)
    }

    fn chat(base: &str) -> DiscordChat {
        let http = HttpBuilder::new("Bot test-token").proxy(base).ratelimiter_disabled(true).build();
        DiscordChat::new(Arc::new(http), None)
    }

    #[tokio::test]
    async fn a_keyed_post_survives_429_and_500_with_one_nonce() {
        let (base, seen) = serve(vec![
            (429, serde_json::json!({"message": "You are being rate limited.", "retry_after": 0.05, "global": false})),
            (502, serde_json::json!({"message": "bad gateway", "code": 0})),
            (200, serde_json::json!({"id": "123"})),
        ])
        .await;
        let id = chat(&base).post(ChannelId(7), OutMessage::text("hei"), Some("meeting 1 open")).await.unwrap();
        assert_eq!(id, MessageId(123));
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 3);
        assert!(seen.iter().all(|b| b["nonce"] == nonce_for("meeting 1 open") && b["enforce_nonce"] == true));
    }

    #[tokio::test]
    async fn a_forbidden_post_is_refused_without_retrying() {
        let (base, seen) = serve(vec![(403, serde_json::json!({"message": "Missing Access", "code": 50001}))]).await;
        let err = chat(&base).post(ChannelId(7), OutMessage::text("hei"), None).await.unwrap_err();
        assert!(matches!(err, ChatError::Refused(_)), "{err:?}");
        assert_eq!(seen.lock().unwrap().len(), 1);
    }

    #[tokio::test]
    async fn persistent_server_errors_end_as_unavailable_after_three_retries() {
        let (base, seen) = serve(vec![]).await;
        let err = chat(&base).post(ChannelId(7), OutMessage::text("hei"), Some("k")).await.unwrap_err();
        assert!(matches!(err, ChatError::Unavailable(_)), "{err:?}");
        assert_eq!(seen.lock().unwrap().len(), 4);
    }
}
