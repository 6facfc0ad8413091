//! Waiting for the bot: until a state holds (READY, RESUME, a request, a callback), woken on
//! every change of the fake, with a timeout that says what it waited for.

use std::time::{Duration, Instant};

use crate::state::{RecordedRequest, State};
use crate::{FakeDiscord, Fault};

/// A wait ran out of time; says what it waited for.
#[derive(Debug, Clone)]
pub struct WaitTimeout(pub String);

impl std::fmt::Display for WaitTimeout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "fake-discord: timed out waiting for {}", self.0)
    }
}

impl std::error::Error for WaitTimeout {}

impl FakeDiscord {
    async fn wait_state<T>(
        &self,
        timeout: Duration,
        what: &str,
        mut check: impl FnMut(&State) -> Option<T>,
    ) -> Result<T, WaitTimeout> {
        let deadline = Instant::now() + timeout;
        loop {
            let notified = self.inner.notify.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if let Some(found) = check(&self.inner.lock()) {
                return Ok(found);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(WaitTimeout(what.to_string()));
            }
            // Wake on any change, and poll now and then in case a change raced the enable.
            let _ = tokio::time::timeout(left.min(Duration::from_millis(100)), notified).await;
        }
    }

    /// Waits until the bot identified and got READY and every GUILD_CREATE, on every shard.
    pub async fn wait_ready(&self, timeout: Duration) -> Result<(), WaitTimeout> {
        self.wait_state(timeout, "READY (bot IDENTIFY)", |s| s.all_live().then_some(())).await
    }

    /// Waits until the bot has RESUMEd more than `after` times (pass `fake.resumes()` taken
    /// before the disconnect).
    pub async fn wait_resumed(&self, after: u32, timeout: Duration) -> Result<(), WaitTimeout> {
        self.wait_state(timeout, "RESUME", |s| (s.resumes > after && s.all_live()).then_some(())).await
    }

    /// Waits for a recorded request (earlier ones count) matching `pred`; returns the first.
    pub async fn wait_for(
        &self,
        pred: impl Fn(&RecordedRequest) -> bool,
        timeout: Duration,
    ) -> Result<RecordedRequest, WaitTimeout> {
        self.wait_state(timeout, "a matching request", |s| s.requests.iter().find(|r| pred(r)).cloned()).await
    }

    /// Waits until `n` recorded requests match `pred`; returns them.
    pub async fn wait_for_n(
        &self,
        n: usize,
        pred: impl Fn(&RecordedRequest) -> bool,
        timeout: Duration,
    ) -> Result<Vec<RecordedRequest>, WaitTimeout> {
        self.wait_state(timeout, &format!("{n} matching requests"), |s| {
            let found: Vec<_> = s.requests.iter().filter(|r| pred(r)).cloned().collect();
            (found.len() >= n).then_some(found)
        })
        .await
    }

    /// Waits for a request on `route` (`"POST /channels/{id}/messages"`, as for faults).
    pub async fn wait_for_route(&self, route: &str, timeout: Duration) -> Result<RecordedRequest, WaitTimeout> {
        let pattern = Fault::server_error(route, 0);
        self.wait_for(move |r| pattern.matches(&r.method, r.route, &r.path), timeout).await
    }

    /// Waits until the interaction with `token` has been answered with a callback.
    pub async fn wait_acknowledged(&self, token: &str, timeout: Duration) -> Result<u64, WaitTimeout> {
        self.wait_state(timeout, "interaction callback", |s| s.interactions.get(token).and_then(|i| i.response_type))
            .await
    }

    /// Waits until `check` holds for the fake (polled on every change).
    pub async fn wait_until(&self, timeout: Duration, check: impl Fn(&FakeDiscord) -> bool) -> Result<(), WaitTimeout> {
        let deadline = Instant::now() + timeout;
        loop {
            let notified = self.inner.notify.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if check(self) {
                return Ok(());
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(WaitTimeout("a condition".into()));
            }
            let _ = tokio::time::timeout(left.min(Duration::from_millis(100)), notified).await;
        }
    }
}
