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
}

impl Worker {
    /// A worker with the default lease (one minute; renewed every 20 s while a job runs).
    pub fn new(id: impl Into<String>) -> Worker {
        Worker { id: id.into(), lease: Duration::seconds(60), batch: 32 }
    }

    pub fn with_lease(mut self, lease: Duration) -> Worker {
        self.lease = lease;
        self
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
