//! The REST side: one fallback handler that strips `/api/v10`, matches the route table,
//! records the call, applies rate limits (when on) and injected faults, validates the body and
//! answers from state.

use std::sync::Arc;
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::limits::{epoch_after, Admission};
use crate::state::{RecordedAttachment, RecordedRequest};
use crate::{handlers, Fault, Inner};

/// Every route the fake serves, literal segments before `{params}` where both could match.
pub(crate) const ROUTES: &[(&str, &str)] = &[
    ("GET", "/gateway"),
    ("GET", "/gateway/bot"),
    ("GET", "/oauth2/applications/@me"),
    ("GET", "/applications/@me"),
    ("GET", "/users/@me"),
    ("POST", "/users/@me/channels"),
    ("GET", "/users/{user}"),
    ("GET", "/applications/{app}/commands"),
    ("PUT", "/applications/{app}/commands"),
    ("POST", "/applications/{app}/commands"),
    ("GET", "/applications/{app}/guilds/{guild}/commands"),
    ("PUT", "/applications/{app}/guilds/{guild}/commands"),
    ("POST", "/applications/{app}/guilds/{guild}/commands"),
    ("POST", "/interactions/{interaction}/{token}/callback"),
    ("POST", "/webhooks/{app}/{token}"),
    ("GET", "/webhooks/{app}/{token}/messages/{message}"),
    ("PATCH", "/webhooks/{app}/{token}/messages/{message}"),
    ("DELETE", "/webhooks/{app}/{token}/messages/{message}"),
    ("GET", "/channels/{channel}"),
    ("PATCH", "/channels/{channel}"),
    ("DELETE", "/channels/{channel}"),
    ("GET", "/channels/{channel}/messages"),
    ("POST", "/channels/{channel}/messages"),
    ("GET", "/channels/{channel}/messages/{message}"),
    ("PATCH", "/channels/{channel}/messages/{message}"),
    ("DELETE", "/channels/{channel}/messages/{message}"),
    ("PUT", "/channels/{channel}/permissions/{overwrite}"),
    ("DELETE", "/channels/{channel}/permissions/{overwrite}"),
    ("GET", "/guilds/{guild}"),
    ("GET", "/guilds/{guild}/roles"),
    ("GET", "/guilds/{guild}/channels"),
    ("POST", "/guilds/{guild}/channels"),
    ("GET", "/guilds/{guild}/members"),
    ("GET", "/guilds/{guild}/members/{user}"),
    ("PATCH", "/guilds/{guild}/members/{user}"),
    ("PUT", "/guilds/{guild}/members/{user}/roles/{role}"),
    ("DELETE", "/guilds/{guild}/members/{user}/roles/{role}"),
];

/// A matched route: its template and the values of its `{params}` in order.
pub(crate) struct Matched {
    pub template: &'static str,
    pub params: Vec<String>,
}

impl Matched {
    /// Param `i` as a snowflake (0 when not numeric, which then finds nothing).
    pub fn id(&self, i: usize) -> u64 {
        self.params.get(i).and_then(|p| p.parse().ok()).unwrap_or(0)
    }

    pub fn param(&self, i: usize) -> &str {
        self.params.get(i).map_or("", String::as_str)
    }
}

pub(crate) fn match_route(method: &str, path: &str) -> Option<Matched> {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    ROUTES.iter().filter(|(m, _)| *m == method).find_map(|(_, template)| {
        let pattern: Vec<&str> = template.trim_matches('/').split('/').collect();
        if pattern.len() != segments.len() {
            return None;
        }
        let mut params = Vec::new();
        for (want, got) in pattern.iter().zip(&segments) {
            if want.starts_with('{') {
                params.push((*got).to_string());
            } else if want != got {
                return None;
            }
        }
        Some(Matched { template, params })
    })
}

/// An answer: status, optional JSON body.
pub(crate) struct Reply {
    pub status: u16,
    pub body: Option<Value>,
}

impl Reply {
    pub fn ok(body: Value) -> Self {
        Self { status: 200, body: Some(body) }
    }

    pub fn created(body: Value) -> Self {
        Self { status: 201, body: Some(body) }
    }

    pub fn no_content() -> Self {
        Self { status: 204, body: None }
    }

    /// A Discord JSON error (`code` from Discord's JSON error codes).
    pub fn error(status: u16, code: u32, message: &str) -> Self {
        Self { status, body: Some(json!({ "code": code, "message": message })) }
    }
}

/// The fallback handler for every REST call.
pub(crate) async fn handle(inner: Arc<Inner>, req: Request) -> Response {
    let received_at = Instant::now();
    let method = req.method().as_str().to_string();
    let full_path = req.uri().path().to_string();
    let query = req.uri().query().unwrap_or("").to_string();
    let audit_reason = header(req.headers(), "x-audit-log-reason");
    let path = full_path.strip_prefix("/api/v10").map(str::to_string);
    let (body, attachments, parse_error) = read_body(req).await;

    let matched = path.as_deref().and_then(|p| match_route(&method, p));
    let path = path.unwrap_or(full_path);
    let template = matched.as_ref().map(|m| m.template);

    // Discord refuses a rate-limited request before anything else; then injected faults.
    let (admission, fault) = {
        let mut state = inner.lock();
        let admission = match state.limiter.as_mut() {
            Some(limiter) => limiter.admit(&method, template, &path, received_at),
            None => Admission::Go(Vec::new()),
        };
        let fault = match admission {
            Admission::Go(_) => state.take_fault(&method, template, &path),
            Admission::Limited(..) => None,
        };
        (admission, fault)
    };
    let mut validation_errors = Vec::new();
    if let Some(error) = parse_error {
        validation_errors.push(error);
    }
    let (reply, headers) = match (admission, &fault, &matched) {
        (Admission::Limited(reply, headers), _, _) => (reply, headers),
        (_, Some(fault), _) if !fault.performs() => fault_reply(fault),
        (_, _, None) => (Reply::error(404, 0, "404: Not Found"), Vec::new()),
        (Admission::Go(headers), _, Some(matched)) => {
            validation_errors.extend(inner.validators.validate(&method, matched.template, &body));
            let reply = handlers::route(&inner, &method, matched, &query, &body, &attachments);
            match &fault {
                Some(fault) => fault_reply(fault),
                None => (reply, headers),
            }
        }
    };

    if !validation_errors.is_empty() {
        tracing::warn!(%method, %path, ?validation_errors, "fake-discord: invalid request body");
    }
    {
        let mut state = inner.lock();
        state.requests.push(RecordedRequest {
            method,
            path,
            query,
            route: template,
            body,
            attachments,
            audit_reason,
            status: reply.status,
            validation_errors,
            received_at,
            at: Instant::now(),
        });
    }
    inner.notify.notify_waiters();
    respond(reply, headers)
}

fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
}

/// Reads a JSON or multipart body. Returns the JSON (or `payload_json`), uploaded files and a
/// parse error message if the body was not valid JSON.
async fn read_body(req: Request) -> (Value, Vec<RecordedAttachment>, Option<String>) {
    let content_type = header(req.headers(), "content-type").unwrap_or_default();
    if content_type.starts_with("multipart/form-data") {
        return read_multipart(req).await;
    }
    let bytes = match axum::body::to_bytes(req.into_body(), 64 * 1024 * 1024).await {
        Ok(bytes) => bytes,
        Err(e) => return (Value::Null, Vec::new(), Some(format!("body: {e}"))),
    };
    parse_json(&bytes, Vec::new())
}

fn parse_json(bytes: &Bytes, files: Vec<RecordedAttachment>) -> (Value, Vec<RecordedAttachment>, Option<String>) {
    if bytes.is_empty() {
        return (Value::Null, files, None);
    }
    match serde_json::from_slice(bytes) {
        Ok(value) => (value, files, None),
        Err(e) => (Value::String(String::from_utf8_lossy(bytes).into_owned()), files, Some(format!("not JSON: {e}"))),
    }
}

async fn read_multipart(req: Request) -> (Value, Vec<RecordedAttachment>, Option<String>) {
    let mut multipart = match Multipart::from_request(req, &()).await {
        Ok(m) => m,
        Err(e) => return (Value::Null, Vec::new(), Some(format!("multipart: {e}"))),
    };
    let mut files = Vec::new();
    let mut payload = Bytes::new();
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or("").to_string();
                let filename = field.file_name().map(str::to_string);
                let content_type = field.content_type().map(str::to_string);
                let data = field.bytes().await.unwrap_or_default();
                if name == "payload_json" {
                    payload = data;
                } else {
                    files.push(RecordedAttachment {
                        field: name,
                        filename,
                        content_type,
                        size: data.len(),
                        data: data.to_vec(),
                    });
                }
            }
            Ok(None) => break,
            Err(e) => return (Value::Null, files, Some(format!("multipart: {e}"))),
        }
    }
    parse_json(&payload, files)
}

fn fault_reply(fault: &Fault) -> (Reply, Vec<(&'static str, String)>) {
    match fault {
        Fault::RateLimit { retry_after, global, .. } => {
            let body = json!({
                "message": "You are being rate limited.",
                "retry_after": retry_after,
                "global": global,
                "code": 0,
            });
            let mut headers = vec![
                ("retry-after", format!("{}", retry_after.ceil() as u64)),
                ("x-ratelimit-limit", "5".to_string()),
                ("x-ratelimit-remaining", "0".to_string()),
                ("x-ratelimit-reset-after", format!("{retry_after:.3}")),
                ("x-ratelimit-reset", reset_at(*retry_after)),
                ("x-ratelimit-bucket", "fake-bucket".to_string()),
                ("x-ratelimit-scope", if *global { "global" } else { "user" }.to_string()),
            ];
            if *global {
                headers.push(("x-ratelimit-global", "true".to_string()));
            }
            (Reply { status: 429, body: Some(body) }, headers)
        }
        Fault::ServerError { status, .. } | Fault::PerformThenError { status, .. } => {
            (Reply::error(*status, 0, "Internal Server Error (injected by fake-discord)"), Vec::new())
        }
    }
}

fn reset_at(retry_after: f64) -> String {
    epoch_after(std::time::Duration::from_secs_f64(retry_after.max(0.0)))
}

fn respond(reply: Reply, headers: Vec<(&'static str, String)>) -> Response {
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = match reply.body {
        Some(body) => (status, axum::Json(body)).into_response(),
        None => (status, Body::empty()).into_response(),
    };
    for (name, value) in headers {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_routes_win_over_params() {
        assert_eq!(match_route("GET", "/users/@me").unwrap().template, "/users/@me");
        assert_eq!(match_route("GET", "/users/5").unwrap().template, "/users/{user}");
        let m = match_route("PATCH", "/webhooks/1/tok/messages/@original").unwrap();
        assert_eq!(m.param(2), "@original");
        assert!(match_route("GET", "/nope").is_none());
        assert!(match_route("POST", "/channels/1").is_none());
    }
}
