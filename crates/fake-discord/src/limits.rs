//! Discord's rate limits, as an option: a global limit per token (interaction callbacks and
//! their webhooks exempt) and per-route buckets keyed by the route's top-level resource, with
//! Discord's `X-RateLimit-*` headers on every answer of a limited route and its 429 bodies.
//!
//! Windows are fixed, starting at the first request after the last reset, as Discord's are.
//! A request answered 429 does not use up the window (Discord does not count it either).

use std::collections::HashMap;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};

use crate::fault::Fault;
use crate::rest::Reply;

/// One per-route bucket: `limit` requests per `per`, counted per top-level resource (the
/// route's first `{param}`: the guild of `/guilds/{guild}/…`, the channel of `/channels/{channel}/…`).
#[derive(Clone, Debug, PartialEq)]
pub struct BucketRule {
    /// `"METHOD /path"` as for [`Fault`]s, e.g. `"PATCH /guilds/{g}/members/{u}"`.
    pub route: String,
    pub limit: u32,
    pub per: Duration,
    /// What `X-RateLimit-Bucket` says (Discord sends an opaque hash).
    pub bucket: String,
}

/// The limits the fake enforces (see [`crate::FakeDiscordBuilder::rate_limits`]).
#[derive(Clone, Debug, PartialEq)]
pub struct RateLimits {
    /// Requests per `global_per` across every route but interaction callbacks (50 per second).
    pub global_limit: u32,
    pub global_per: Duration,
    pub buckets: Vec<BucketRule>,
}

impl RateLimits {
    /// The commonly observed values: 50 requests per second globally; voice moves (member
    /// edits) and channel creates 10 per 10 s per guild; message posts 5 per 5 s per channel.
    pub fn discord() -> Self {
        let rule = |route: &str, limit, secs, bucket: &str| BucketRule {
            route: route.into(),
            limit,
            per: Duration::from_secs(secs),
            bucket: bucket.into(),
        };
        Self {
            global_limit: 50,
            global_per: Duration::from_secs(1),
            buckets: vec![
                rule("PATCH /guilds/{guild}/members/{user}", 10, 10, "b2b3a0a1c4e5d6f7a8b9c0d1e2f3a4b5"),
                rule("POST /guilds/{guild}/channels", 10, 10, "c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8"),
                rule("POST /channels/{channel}/messages", 5, 5, "80c17d2f203122d936070c88c8d10f33"),
            ],
        }
    }

    /// The same counts in windows `factor` times as long (0.1: ten times faster), so tests
    /// can hit the limits without waiting ten seconds.
    pub fn scaled(mut self, factor: f64) -> Self {
        self.global_per = self.global_per.mul_f64(factor);
        for rule in &mut self.buckets {
            rule.per = rule.per.mul_f64(factor);
        }
        self
    }

    /// Replaces the global limit (e.g. a high one, to test the buckets alone).
    pub fn global(mut self, limit: u32, per: Duration) -> Self {
        self.global_limit = limit;
        self.global_per = per;
        self
    }
}

#[derive(Clone, Copy)]
struct Window {
    start: Instant,
    used: u32,
}

impl Window {
    /// The window at `now`: a new one when the old one is over.
    fn current(slot: &mut Option<Window>, per: Duration, now: Instant) -> &mut Window {
        if slot.is_none_or(|w| now >= w.start + per) {
            *slot = Some(Window { start: now, used: 0 });
        }
        slot.as_mut().expect("just set")
    }
}

/// Counts requests against [`RateLimits`].
pub(crate) struct Limiter {
    limits: RateLimits,
    global: Option<Window>,
    buckets: HashMap<(usize, String), Option<Window>>,
}

/// What the limiter decided: go ahead (with the headers to add to the answer), or a 429.
pub(crate) enum Admission {
    Go(Vec<(&'static str, String)>),
    Limited(Reply, Vec<(&'static str, String)>),
}

impl Limiter {
    pub fn new(limits: RateLimits) -> Self {
        Self { limits, global: None, buckets: HashMap::new() }
    }

    /// Counts one request on `template` (`None`: an unknown route, counted globally only).
    pub fn admit(&mut self, method: &str, template: Option<&str>, path: &str, now: Instant) -> Admission {
        let exempt = template.is_some_and(|t| t.starts_with("/interactions/") || t.starts_with("/webhooks/"));
        let rule = template.and_then(|t| {
            self.limits
                .buckets
                .iter()
                .position(|r| Fault::server_error(r.route.as_str(), 0).matches(method, Some(t), path))
        });
        let global_per = self.limits.global_per;
        if !exempt {
            let window = Window::current(&mut self.global, global_per, now);
            if window.used >= self.limits.global_limit {
                let after = (window.start + global_per).saturating_duration_since(now);
                return Admission::Limited(limited_body(after, true), limited_headers(after, None, true));
            }
        }
        let mut headers = Vec::new();
        if let Some(index) = rule {
            let rule = &self.limits.buckets[index];
            let major = path.trim_matches('/').split('/').nth(1).unwrap_or("").to_string();
            let slot = self.buckets.entry((index, major)).or_default();
            let window = Window::current(slot, rule.per, now);
            let after = (window.start + rule.per).saturating_duration_since(now);
            if window.used >= rule.limit {
                let mut headers = limited_headers(after, Some(rule), false);
                headers.extend(bucket_headers(rule, 0, after));
                return Admission::Limited(limited_body(after, false), headers);
            }
            window.used += 1;
            headers = bucket_headers(rule, rule.limit - window.used, after);
        }
        if !exempt {
            Window::current(&mut self.global, global_per, now).used += 1;
        }
        Admission::Go(headers)
    }
}

fn limited_body(after: Duration, global: bool) -> Reply {
    let body: Value = json!({
        "message": "You are being rate limited.",
        "retry_after": round3(after.as_secs_f64()),
        "global": global,
    });
    Reply { status: 429, body: Some(body) }
}

fn limited_headers(after: Duration, rule: Option<&BucketRule>, global: bool) -> Vec<(&'static str, String)> {
    let mut headers = vec![
        ("retry-after", format!("{}", after.as_secs_f64().ceil() as u64)),
        ("x-ratelimit-scope", if global { "global" } else { "user" }.to_string()),
    ];
    if global {
        headers.push(("x-ratelimit-global", "true".to_string()));
    }
    if rule.is_none() {
        headers.push(("x-ratelimit-reset-after", format!("{:.3}", after.as_secs_f64())));
    }
    headers
}

/// `X-RateLimit-Limit`, `-Remaining`, `-Reset` (epoch seconds), `-Reset-After`, `-Bucket`.
fn bucket_headers(rule: &BucketRule, remaining: u32, after: Duration) -> Vec<(&'static str, String)> {
    vec![
        ("x-ratelimit-limit", rule.limit.to_string()),
        ("x-ratelimit-remaining", remaining.to_string()),
        ("x-ratelimit-reset", epoch_after(after)),
        ("x-ratelimit-reset-after", format!("{:.3}", after.as_secs_f64())),
        ("x-ratelimit-bucket", rule.bucket.clone()),
    ]
}

/// Epoch seconds (three decimals) `after` from now, as `X-RateLimit-Reset` gives them.
pub(crate) fn epoch_after(after: Duration) -> String {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    format!("{:.3}", (now + after).as_secs_f64())
}

fn round3(secs: f64) -> f64 {
    (secs * 1000.0).ceil() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn go(a: &Admission) -> Option<u32> {
        match a {
            Admission::Go(h) => h.iter().find(|(k, _)| *k == "x-ratelimit-remaining").map(|(_, v)| v.parse().unwrap()),
            Admission::Limited(..) => None,
        }
    }

    #[test]
    fn a_bucket_counts_down_per_guild_and_refuses_when_empty_until_its_window_ends() {
        let mut l = Limiter::new(RateLimits::discord());
        let t0 = Instant::now();
        let route = Some("/guilds/{guild}/members/{user}");
        let left: Vec<_> = (0..10).map(|_| go(&l.admit("PATCH", route, "/guilds/1/members/5", t0))).collect();
        assert_eq!(left, (0..10).rev().map(Some).collect::<Vec<_>>());
        let refused = l.admit("PATCH", route, "/guilds/1/members/6", t0 + Duration::from_secs(3));
        let Admission::Limited(reply, headers) = refused else { panic!("the 11th move in 10 s is refused") };
        assert_eq!(reply.status, 429);
        assert_eq!(reply.body.as_ref().unwrap()["retry_after"], 7.0);
        assert!(headers.contains(&("x-ratelimit-scope", "user".to_string())));
        // Another guild has its own bucket; the first guild's refills when its window ends.
        assert_eq!(go(&l.admit("PATCH", route, "/guilds/2/members/5", t0)), Some(9));
        assert_eq!(go(&l.admit("PATCH", route, "/guilds/1/members/5", t0 + Duration::from_secs(10))), Some(9));
    }

    #[test]
    fn the_global_limit_spans_routes_and_spares_interaction_callbacks() {
        let mut l = Limiter::new(RateLimits::discord());
        let t0 = Instant::now();
        for i in 0..50 {
            assert!(matches!(
                l.admit("GET", Some("/channels/{channel}"), &format!("/channels/{i}"), t0),
                Admission::Go(_)
            ));
        }
        let Admission::Limited(reply, headers) = l.admit("GET", Some("/users/@me"), "/users/@me", t0) else {
            panic!("the 51st request in a second is refused")
        };
        assert_eq!(reply.body.unwrap()["global"], true);
        assert!(headers.contains(&("x-ratelimit-global", "true".to_string())));
        let callback =
            l.admit("POST", Some("/interactions/{interaction}/{token}/callback"), "/interactions/1/t/callback", t0);
        assert!(matches!(callback, Admission::Go(_)));
        assert!(matches!(
            l.admit("GET", Some("/users/@me"), "/users/@me", t0 + Duration::from_secs(1)),
            Admission::Go(_)
        ));
    }
}
