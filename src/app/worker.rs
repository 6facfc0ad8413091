//! Who runs scheduled work. Several `samrad run` processes may share one database; each is a
//! worker with its own id, and a job or a lease is held by one worker at a time for a while
//! (`lease`). A worker renews what it holds while it works; when a process dies its holdings
//! run out and another worker takes them over.

use std::sync::OnceLock;

use chrono::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Worker {
    pub id: String,
    /// How long a claim lasts without renewal: the longest a dead process delays its work.
    pub lease: Duration,
    /// How many due jobs one claim takes (a tick claims until nothing due is left).
    pub batch: u32,
    /// How often a running job's claim is renewed (real time; a third of the lease unless set).
    pub renew_every: Option<std::time::Duration>,
}

impl Worker {
    /// A worker with the default lease (one minute; renewed every 20 s while a job runs).
    pub fn new(id: impl Into<String>) -> Worker {
        Worker { id: id.into(), lease: Duration::seconds(60), batch: 32, renew_every: None }
    }

    pub fn with_lease(mut self, lease: Duration) -> Worker {
        self.lease = lease;
        self
    }

    pub fn renewing_every(mut self, every: std::time::Duration) -> Worker {
        self.renew_every = Some(every);
        self
    }

    /// How long to wait between renewals of a running job's claim.
    pub fn renewal_interval(&self) -> std::time::Duration {
        self.renew_every.unwrap_or_else(|| (self.lease / 3).to_std().unwrap_or(std::time::Duration::from_secs(1)))
    }

    pub fn with_batch(mut self, batch: u32) -> Worker {
        self.batch = batch.max(1);
        self
    }

    /// This process: host, pid and a random part, so a restarted process with a reused pid
    /// is not mistaken for its predecessor.
    pub fn process() -> &'static Worker {
        static PROCESS: OnceLock<Worker> = OnceLock::new();
        PROCESS.get_or_init(|| {
            let host = std::fs::read_to_string("/etc/hostname").map(|h| h.trim().to_owned()).unwrap_or_default();
            let host = if host.is_empty() { "host".to_owned() } else { host };
            Worker::new(format!("{host}:{}:{:08x}", std::process::id(), rand::random::<u32>()))
        })
    }
}
