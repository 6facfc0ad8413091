//! The Prometheus series samrad exports, named in one place, and the calls that record them.
//! Recording goes through the `metrics` facade: without `--metrics-addr` no recorder is
//! installed and every call is a no-op.

use std::sync::OnceLock;
use std::time::Duration;

use metrics::{counter, gauge, histogram};
use metrics_exporter_prometheus::{BuildError, Matcher, PrometheusBuilder, PrometheusHandle};

/// Interactions handled, by `command` (slash command path, `component` or `modal`) and
/// `outcome` (`ok`, `error`, `refused` while shutting down).
pub const INTERACTIONS: &str = "samrad_interactions_total";
/// Seconds from receiving an interaction to the end of its handling; the acknowledgement
/// (an answer, or a deferral first) is sent within it.
pub const INTERACTION_SECONDS: &str = "samrad_interaction_ack_seconds";
/// Discord REST calls of the chat adapter, by `route` (what the call does) and `status`.
pub const REST_CALLS: &str = "samrad_discord_requests_total";
/// 429 answers from Discord, by `route`.
pub const RATE_LIMITED: &str = "samrad_discord_rate_limited_total";
/// Retried REST calls, by `route`.
pub const RETRIES: &str = "samrad_discord_retries_total";
/// Scheduled jobs by `state`: `claimed`, `done`, `failed`, `skipped`.
pub const JOBS: &str = "samrad_jobs_total";
/// Scheduled jobs that were due when the scheduler last looked (claimed by this process).
pub const JOBS_DUE: &str = "samrad_jobs_due";
/// Seconds between a job falling due and this process claiming it.
pub const CLAIM_LAG: &str = "samrad_job_claim_lag_seconds";
/// Database connections in use (of the store's pool).
pub const DB_POOL_IN_USE: &str = "samrad_db_pool_connections_in_use";
/// Gateway sessions resumed or identified again after the first.
pub const GATEWAY_RECONNECTS: &str = "samrad_gateway_reconnects_total";
/// 1 while every gateway shard of this process is connected.
pub const GATEWAY_CONNECTED: &str = "samrad_gateway_connected";

const SECONDS_BUCKETS: &[f64] = &[0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Installs the process-wide recorder (once); later calls return the same handle.
pub fn install() -> Result<&'static PrometheusHandle, BuildError> {
    if let Some(handle) = HANDLE.get() {
        return Ok(handle);
    }
    let recorder = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), SECONDS_BUCKETS)?
        .build_recorder();
    let handle = recorder.handle();
    metrics::set_global_recorder(recorder)?;
    describe();
    Ok(HANDLE.get_or_init(|| handle))
}

/// The current values in Prometheus' text format (empty before `install`).
pub fn render() -> String {
    HANDLE.get().map(PrometheusHandle::render).unwrap_or_default()
}

fn describe() {
    metrics::describe_counter!(INTERACTIONS, "Interactions handled, by command and outcome");
    metrics::describe_histogram!(INTERACTION_SECONDS, metrics::Unit::Seconds, "Interaction handling time");
    metrics::describe_counter!(REST_CALLS, "Discord REST calls, by route and status");
    metrics::describe_counter!(RATE_LIMITED, "Discord 429 answers, by route");
    metrics::describe_counter!(RETRIES, "Retried Discord REST calls, by route");
    metrics::describe_counter!(JOBS, "Scheduled jobs, by state");
    metrics::describe_gauge!(JOBS_DUE, "Jobs due at the scheduler's last look");
    metrics::describe_histogram!(CLAIM_LAG, metrics::Unit::Seconds, "From a job's due time to its claim");
    metrics::describe_gauge!(DB_POOL_IN_USE, "Database connections in use");
    metrics::describe_counter!(GATEWAY_RECONNECTS, "Gateway sessions after the first");
    metrics::describe_gauge!(GATEWAY_CONNECTED, "1 while the gateway is connected");
}

pub fn interaction(command: String, outcome: &'static str, took: Duration) {
    counter!(INTERACTIONS, "command" => command, "outcome" => outcome).increment(1);
    histogram!(INTERACTION_SECONDS).record(took.as_secs_f64());
}

/// One attempt of a REST call: `Ok` (any 2xx), or the failed answer's HTTP status (`None`:
/// no answer at all).
pub fn rest_call(route: &str, result: Result<(), Option<u16>>) {
    let status = match result {
        Ok(()) => "2xx".to_owned(),
        Err(Some(status)) => status.to_string(),
        Err(None) => "none".to_owned(),
    };
    if result == Err(Some(429)) {
        counter!(RATE_LIMITED, "route" => route.to_owned()).increment(1);
    }
    counter!(REST_CALLS, "route" => route.to_owned(), "status" => status).increment(1);
}

pub fn retry(route: &str) {
    counter!(RETRIES, "route" => route.to_owned()).increment(1);
}

/// A claim: how many jobs were due and claimed, and how late each was.
pub fn claimed(lags: impl ExactSizeIterator<Item = f64>) {
    let n = lags.len();
    gauge!(JOBS_DUE).set(n as f64);
    counter!(JOBS, "state" => "claimed").increment(n as u64);
    for lag in lags {
        histogram!(CLAIM_LAG).record(lag.max(0.0));
    }
}

pub fn job(state: &'static str) {
    counter!(JOBS, "state" => state).increment(1);
}

pub fn gateway_reconnect() {
    counter!(GATEWAY_RECONNECTS).increment(1);
}

pub fn gateway_connected(connected: bool) {
    gauge!(GATEWAY_CONNECTED).set(if connected { 1.0 } else { 0.0 });
}

pub fn db_pool_in_use(n: u32) {
    gauge!(DB_POOL_IN_USE).set(f64::from(n));
}
