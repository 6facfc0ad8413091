//! The REST calls the bot made, as recorded: listing, filtering by route, and the
//! assertions that no body broke Discord's schema and no route was unknown.

use crate::state::RecordedRequest;
use crate::{FakeDiscord, Fault};

impl FakeDiscord {
    /// Every REST call so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.inner.lock().requests.clone()
    }

    /// Calls on `route` (`"METHOD /path"`, `{x}` matches a segment, `*` anything).
    pub fn requests_matching(&self, route: &str) -> Vec<RecordedRequest> {
        let pattern = Fault::server_error(route, 0);
        self.requests().into_iter().filter(|r| pattern.matches(&r.method, r.route, &r.path)).collect()
    }

    /// Calls to routes the fake does not serve (answered 404).
    pub fn unknown_requests(&self) -> Vec<RecordedRequest> {
        self.requests().into_iter().filter(|r| r.route.is_none()).collect()
    }

    /// Calls whose body failed validation.
    pub fn invalid_requests(&self) -> Vec<RecordedRequest> {
        self.requests().into_iter().filter(|r| !r.validation_errors.is_empty()).collect()
    }

    pub fn clear_requests(&self) {
        self.inner.lock().requests.clear();
    }

    /// Panics listing every request whose body broke Discord's schema.
    pub fn assert_all_valid(&self) {
        let invalid = self.invalid_requests();
        if !invalid.is_empty() {
            let list: Vec<String> = invalid
                .iter()
                .map(|r| {
                    format!("{} {}\n    body: {}\n    {}", r.method, r.path, r.body, r.validation_errors.join("\n    "))
                })
                .collect();
            panic!("{} request(s) with invalid bodies:\n{}", invalid.len(), list.join("\n"));
        }
    }

    /// Panics listing every call to a route the fake does not know.
    pub fn assert_no_unknown_routes(&self) {
        let unknown = self.unknown_requests();
        if !unknown.is_empty() {
            let list: Vec<String> = unknown.iter().map(|r| format!("{} {}", r.method, r.path)).collect();
            panic!("{} request(s) to unknown routes:\n{}", unknown.len(), list.join("\n"));
        }
    }
}
