//! Faults a test can inject into REST routes: rate limits (429), server errors (5xx), and a
//! server error after the work was done (Discord created the channel, then answered 502).

/// A fault answered instead of the normal response, `times` times, on requests matching
/// `route`: `"METHOD /path"` where `{anything}` matches one path segment and `*` matches any
/// method or any path, e.g. `"POST /guilds/{id}/channels"`, `"* /channels/{id}/messages"`.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// 429 with Discord's JSON body (`retry_after` in seconds) and `Retry-After` /
    /// `X-RateLimit-*` headers. `global` sets `X-RateLimit-Global` and the body flag.
    RateLimit { route: String, retry_after: f64, times: u32, global: bool },
    /// `status` (500, 502, 503…) with a Discord-style error body.
    ServerError { route: String, status: u16, times: u32 },
    /// The request is carried out (the channel exists, the message is posted), then answered
    /// with `status` instead of its result, as when Discord's gateway times out after the work.
    PerformThenError { route: String, status: u16, times: u32 },
}

impl Fault {
    /// One 429 on `route`.
    pub fn rate_limit(route: impl Into<String>, retry_after: f64) -> Self {
        Fault::RateLimit { route: route.into(), retry_after, times: 1, global: false }
    }

    /// One `status` answer on `route`.
    pub fn server_error(route: impl Into<String>, status: u16) -> Self {
        Fault::ServerError { route: route.into(), status, times: 1 }
    }

    /// One request on `route` carried out, then answered `status` (500, 502…).
    pub fn perform_then_error(route: impl Into<String>, status: u16) -> Self {
        Fault::PerformThenError { route: route.into(), status, times: 1 }
    }

    /// Whether the request is carried out before the fault's answer.
    pub fn performs(&self) -> bool {
        matches!(self, Fault::PerformThenError { .. })
    }

    /// How many matching requests get the fault.
    pub fn times(mut self, n: u32) -> Self {
        match &mut self {
            Fault::RateLimit { times, .. }
            | Fault::ServerError { times, .. }
            | Fault::PerformThenError { times, .. } => *times = n,
        }
        self
    }

    pub fn route(&self) -> &str {
        match self {
            Fault::RateLimit { route, .. }
            | Fault::ServerError { route, .. }
            | Fault::PerformThenError { route, .. } => route,
        }
    }

    /// Counts one use; true when used up.
    pub(crate) fn consume(&mut self) -> bool {
        match self {
            Fault::RateLimit { times, .. }
            | Fault::ServerError { times, .. }
            | Fault::PerformThenError { times, .. } => {
                *times = times.saturating_sub(1);
                *times == 0
            }
        }
    }

    pub(crate) fn matches(&self, method: &str, template: Option<&str>, path: &str) -> bool {
        let (want_method, want_path) = self.route().split_once(' ').unwrap_or(("*", self.route()));
        if want_method != "*" && !want_method.eq_ignore_ascii_case(method) {
            return false;
        }
        let want_path = want_path.trim().trim_start_matches("/api/v10");
        want_path == "*" || path_matches(want_path, path) || template.is_some_and(|t| path_matches(want_path, t))
    }
}

fn path_matches(pattern: &str, path: &str) -> bool {
    let pattern: Vec<&str> = pattern.trim_matches('/').split('/').collect();
    let path: Vec<&str> = path.trim_matches('/').split('/').collect();
    pattern.len() == path.len()
        && pattern.iter().zip(&path).all(|(want, got)| (want.starts_with('{') && want.ends_with('}')) || want == got)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_patterns_match_segments_and_methods() {
        let fault = Fault::rate_limit("POST /guilds/{id}/channels", 0.1);
        assert!(fault.matches("POST", None, "/guilds/42/channels"));
        assert!(!fault.matches("GET", None, "/guilds/42/channels"));
        assert!(!fault.matches("POST", None, "/guilds/42/channels/x"));
        assert!(Fault::server_error("* *", 500).matches("DELETE", None, "/channels/1"));
        assert!(Fault::server_error("PATCH /api/v10/channels/{c}", 502).matches("PATCH", None, "/channels/9"));
    }
}
