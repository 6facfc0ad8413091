//! Running samrad as a service: Prometheus metrics and a health check over a tiny HTTP
//! endpoint (`--metrics-addr`, off by default), structured logs, and the signals that stop
//! the bot gracefully. The Discord side of these (counting interactions, noticing the gateway
//! come and go, draining on shutdown) is `discord::lifecycle`.

pub mod health;
pub mod http;
pub mod logs;
pub mod metrics;
pub mod shutdown;
