//! samrad's own view of Discord's rate limits, for when serenity's ratelimiter is off (a
//! Discord-compatible server other than discord.com, as in the wire tests): what the last
//! answer's `X-RateLimit-*` headers said about each bucket, and the global per-token limit.
//! A call never goes out into a bucket known to be empty; it waits for the bucket's reset.
//!
//! Calls on one bucket go one at a time (the bucket's lock is held across the call), so the
//! `Remaining` count read from one answer is exact for the next call; different buckets run
//! in parallel. This is what serenity's ratelimiter does in production.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Mutex as AsyncMutex, OwnedMutexGuard};
use tokio::time::Instant;

/// Discord's global limit per bot token: 50 requests per second.
pub const GLOBAL_PER_SECOND: usize = 50;

/// What one answer's headers said about its bucket.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BucketState {
    /// Calls left in the current window (`X-RateLimit-Remaining`).
    pub remaining: u32,
    /// When the window ends (now + `X-RateLimit-Reset-After`).
    pub reset_at: Instant,
}

impl BucketState {
    /// From the headers of an answer received at `now`; `None` when it had none.
    pub fn from_headers(headers: &reqwest::header::HeaderMap, now: Instant) -> Option<Self> {
        let number = |name: &str| headers.get(name)?.to_str().ok()?.trim().parse::<f64>().ok();
        let remaining = number("x-ratelimit-remaining")?;
        let after = number("x-ratelimit-reset-after").filter(|s| s.is_finite() && *s >= 0.0)?;
        Some(Self { remaining: remaining.max(0.0) as u32, reset_at: now + Duration::from_secs_f64(after) })
    }

    /// How long to wait before the next call at `now`: until the reset when nothing is left.
    pub fn wait(&self, now: Instant) -> Duration {
        if self.remaining > 0 {
            Duration::ZERO
        } else {
            self.reset_at.saturating_duration_since(now)
        }
    }
}

/// The buckets samrad has seen, by a key naming method, route and top-level resource.
#[derive(Default)]
pub struct RateLimits {
    buckets: Mutex<HashMap<String, Arc<AsyncMutex<Option<BucketState>>>>>,
    /// When the last `GLOBAL_PER_SECOND` calls went out, and a global 429's end.
    global: AsyncMutex<Global>,
}

#[derive(Default)]
struct Global {
    sent: VecDeque<Instant>,
    blocked_until: Option<Instant>,
}

/// Held while a call is in flight on its bucket; `update` it with the answer's headers.
pub struct Permit {
    guard: OwnedMutexGuard<Option<BucketState>>,
}

impl Permit {
    pub fn update(&mut self, state: Option<BucketState>) {
        if state.is_some() {
            *self.guard = state;
        }
    }
}

impl RateLimits {
    /// Waits until a call on `key` may go out without being refused, and takes its turn.
    pub async fn acquire(&self, key: &str) -> Permit {
        let bucket = {
            let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
            buckets.entry(key.to_owned()).or_default().clone()
        };
        let guard = bucket.lock_owned().await;
        if let Some(state) = *guard {
            let wait = state.wait(Instant::now());
            if !wait.is_zero() {
                tracing::debug!(bucket = key, wait_ms = wait.as_millis() as u64, "bucket empty, waiting for its reset");
                tokio::time::sleep(wait).await;
            }
        }
        self.take_global().await;
        Permit { guard }
    }

    /// A global 429: nothing goes out for `after`.
    pub async fn block_globally(&self, after: Duration) {
        self.global.lock().await.blocked_until = Some(Instant::now() + after);
    }

    async fn take_global(&self) {
        let mut global = self.global.lock().await;
        loop {
            let now = Instant::now();
            while global.sent.front().is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(1)) {
                global.sent.pop_front();
            }
            let until = match global.blocked_until {
                Some(until) if until > now => until,
                _ if global.sent.len() >= GLOBAL_PER_SECOND => global.sent[0] + Duration::from_secs(1),
                _ => break,
            };
            tokio::time::sleep_until(until).await;
        }
        global.sent.push_back(Instant::now());
    }
}

#[cfg(test)]
mod tests {
    use reqwest::header::{HeaderMap, HeaderValue};

    use super::*;

    fn headers(remaining: &str, after: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-ratelimit-limit", HeaderValue::from_static("10"));
        h.insert("x-ratelimit-remaining", HeaderValue::from_str(remaining).unwrap());
        h.insert("x-ratelimit-reset-after", HeaderValue::from_str(after).unwrap());
        h
    }

    #[test]
    fn an_empty_bucket_waits_for_its_reset_and_a_full_one_not_at_all() {
        let now = Instant::now();
        let empty = BucketState::from_headers(&headers("0", "2.500"), now).unwrap();
        assert_eq!(empty.wait(now), Duration::from_millis(2500));
        assert_eq!(empty.wait(now + Duration::from_secs(3)), Duration::ZERO);
        let left = BucketState::from_headers(&headers("3", "2.500"), now).unwrap();
        assert_eq!(left.wait(now), Duration::ZERO);
        assert_eq!(BucketState::from_headers(&HeaderMap::new(), now), None);
    }

    #[tokio::test]
    async fn a_call_on_an_empty_bucket_goes_out_only_after_the_reset() {
        let limits = RateLimits::default();
        let start = Instant::now();
        let mut permit = limits.acquire("PATCH guild 1 members").await;
        permit.update(BucketState::from_headers(&headers("0", "0.300"), Instant::now()));
        drop(permit);
        let _other_bucket = limits.acquire("PATCH guild 2 members").await;
        assert!(start.elapsed() < Duration::from_millis(300), "another guild's bucket is not held up");
        let _next = limits.acquire("PATCH guild 1 members").await;
        assert!(start.elapsed() >= Duration::from_millis(300), "waited for the reset: {:?}", start.elapsed());
    }

    #[tokio::test]
    async fn no_more_than_fifty_calls_go_out_in_any_second_nor_during_a_global_429() {
        let limits = RateLimits::default();
        let start = Instant::now();
        for i in 0..GLOBAL_PER_SECOND + 1 {
            let _ = limits.acquire(&format!("GET channel {i}")).await;
        }
        assert!(start.elapsed() >= Duration::from_secs(1), "the 51st call waited: {:?}", start.elapsed());
        limits.block_globally(Duration::from_millis(300)).await;
        let before = Instant::now();
        let _ = limits.acquire("GET channel 99").await;
        assert!(before.elapsed() >= Duration::from_millis(300));
    }
}
