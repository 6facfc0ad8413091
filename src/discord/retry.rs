//! What to do when a Discord REST call fails: a bounded retry policy (pure, unit-tested) and
//! the mapping of final failures to `ChatError`.
//!
//! serenity's ratelimiter is off in the wire-level tests (it ignores the proxy otherwise), so
//! nothing else retries a 429 or a 5xx there; in production the ratelimiter absorbs most 429s
//! and this policy only sees the rest.

use std::time::Duration;

use crate::app::ports::ChatError;

/// Attempts after the first one.
pub const MAX_RETRIES: u32 = 3;
/// A `retry_after` longer than this is not waited for: the call fails as unavailable.
pub const MAX_WAIT: Duration = Duration::from_secs(30);
/// Discord's JSON error code for "Cannot send messages to this user" (closed DMs).
pub const CANNOT_DM: i64 = 50007;
/// "Target user is not connected to voice".
pub const NOT_IN_VOICE: i64 = 40032;

/// One failed attempt, as far as the policy cares.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// HTTP status; `None` when the request never got an answer (connection refused, timeout).
    pub status: Option<u16>,
    /// Discord's JSON error code, when the body had one.
    pub code: Option<i64>,
    /// Seconds to wait, from a 429's body or `Retry-After` header.
    pub retry_after: Option<f64>,
    pub message: String,
}

impl Failure {
    pub fn transport(message: impl Into<String>) -> Self {
        Self { status: None, code: None, retry_after: None, message: message.into() }
    }

    /// Whether Discord may have carried the request out although this attempt failed: a 5xx
    /// or a lost answer can come after the work; a 429 or 4xx never does.
    pub fn may_have_been_done(&self) -> bool {
        self.status.is_none_or(|s| s >= 500)
    }
}

/// The wait before retry number `attempt + 1`, or `None` when the failure is final.
/// 429: the server's `retry_after` (1 s when it gave none); 5xx and no answer: 250 ms, 500 ms,
/// 1 s; anything else (4xx) is never retried.
pub fn retry_delay(failure: &Failure, attempt: u32) -> Option<Duration> {
    if attempt >= MAX_RETRIES {
        return None;
    }
    match failure.status {
        Some(429) => {
            let secs = failure.retry_after.filter(|s| s.is_finite() && *s >= 0.0).unwrap_or(1.0);
            let wait = Duration::from_secs_f64(secs);
            (wait <= MAX_WAIT).then_some(wait)
        }
        Some(s) if s >= 500 => Some(backoff(attempt)),
        None => Some(backoff(attempt)),
        Some(_) => None,
    }
}

fn backoff(attempt: u32) -> Duration {
    Duration::from_millis(250 << attempt.min(4))
}

/// The error a use case sees once retrying is over.
pub fn to_chat_error(what: &str, failure: &Failure) -> ChatError {
    let detail = format!("{what}: {} ({})", failure.message, status_text(failure));
    match failure.status {
        Some(403) => ChatError::Refused(detail),
        Some(400) if failure.code == Some(CANNOT_DM) => ChatError::Refused(detail),
        Some(404) => ChatError::NotFound(detail),
        // Discord's "maximum number of …" codes (30xxx), e.g. 30013 channels per guild.
        Some(400) if failure.code.is_some_and(|c| (30000..31000).contains(&c)) => ChatError::Limit(detail),
        // A full category comes as a form error: "Maximum number of channels in category…".
        Some(400) if failure.message.contains("Maximum number of") => ChatError::Limit(detail),
        Some(400) | Some(401) => ChatError::Refused(detail),
        _ => ChatError::Unavailable(detail),
    }
}

fn status_text(f: &Failure) -> String {
    match (f.status, f.code) {
        (Some(s), Some(c)) => format!("HTTP {s}, code {c}"),
        (Some(s), None) => format!("HTTP {s}"),
        (None, _) => "no response".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(s: u16) -> Failure {
        Failure { status: Some(s), code: None, retry_after: None, message: "x".into() }
    }

    #[test]
    fn rate_limited_calls_wait_as_long_as_discord_asks() {
        let f = Failure { retry_after: Some(2.5), ..status(429) };
        assert_eq!(retry_delay(&f, 0), Some(Duration::from_millis(2500)));
        assert_eq!(retry_delay(&f, 2), Some(Duration::from_millis(2500)));
    }

    #[test]
    fn rate_limit_without_retry_after_waits_a_second() {
        assert_eq!(retry_delay(&status(429), 0), Some(Duration::from_secs(1)));
    }

    #[test]
    fn absurd_retry_after_is_not_waited_for() {
        let f = Failure { retry_after: Some(3600.0), ..status(429) };
        assert_eq!(retry_delay(&f, 0), None);
        let f = Failure { retry_after: Some(f64::NAN), ..status(429) };
        assert_eq!(retry_delay(&f, 0), Some(Duration::from_secs(1)));
    }

    #[test]
    fn server_errors_back_off_and_give_up_after_three_retries() {
        let f = status(502);
        let waits: Vec<_> = (0..5).map(|a| retry_delay(&f, a)).collect();
        assert_eq!(
            waits,
            vec![
                Some(Duration::from_millis(250)),
                Some(Duration::from_millis(500)),
                Some(Duration::from_millis(1000)),
                None,
                None
            ]
        );
        assert!(retry_delay(&Failure::transport("refused"), 0).is_some());
    }

    #[test]
    fn client_errors_are_never_retried() {
        for s in [400, 401, 403, 404, 413] {
            assert_eq!(retry_delay(&status(s), 0), None, "{s}");
        }
    }

    #[test]
    fn discord_limits_are_named_as_limits() {
        let full_guild = Failure { code: Some(30013), ..status(400) };
        assert!(matches!(to_chat_error("create room", &full_guild), ChatError::Limit(_)));
        let full_category = Failure {
            code: Some(50035),
            message: "Invalid Form Body: Maximum number of channels in category reached (50)".into(),
            ..status(400)
        };
        assert!(matches!(to_chat_error("create room", &full_category), ChatError::Limit(_)));
    }

    #[test]
    fn final_failures_map_to_chat_errors() {
        assert!(matches!(to_chat_error("post", &status(403)), ChatError::Refused(_)));
        assert!(matches!(to_chat_error("post", &status(404)), ChatError::NotFound(_)));
        assert!(matches!(to_chat_error("post", &status(429)), ChatError::Unavailable(_)));
        assert!(matches!(to_chat_error("post", &status(503)), ChatError::Unavailable(_)));
        assert!(matches!(to_chat_error("post", &Failure::transport("eof")), ChatError::Unavailable(_)));
        let closed_dm = Failure { code: Some(CANNOT_DM), ..status(400) };
        assert!(matches!(to_chat_error("dm", &closed_dm), ChatError::Refused(_)));
        let too_many = Failure { code: Some(30013), ..status(400) };
        assert!(matches!(to_chat_error("room", &too_many), ChatError::Limit(_)));
    }
}
