//! The metrics and health endpoint: `GET /metrics` (Prometheus text) and `GET /healthz`
//! (200 when healthy, 503 otherwise), on a plain TCP listener. Two fixed routes need no web
//! framework: each connection gets one response and is closed.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tracing::{debug, info};

/// Binds `addr` and serves in the background; returns the bound address (port 0 picks one).
pub async fn serve(addr: SocketAddr) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    info!(addr = %bound, "serving metrics");
    tokio::spawn(async move {
        loop {
            match listener.accept().await {
                Ok((stream, _)) => {
                    tokio::spawn(async move {
                        if let Err(e) = answer(stream).await {
                            debug!(error = %e, "metrics connection");
                        }
                    });
                }
                Err(e) => debug!(error = %e, "metrics accept"),
            }
        }
    });
    Ok(bound)
}

async fn answer(mut stream: TcpStream) -> std::io::Result<()> {
    let mut head = Vec::with_capacity(512);
    let mut buf = [0u8; 512];
    // The request line is all we need; stop at the end of the head or at 8 KiB.
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 8192 {
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf)).await??;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buf[..n]);
    }
    let line = String::from_utf8_lossy(&head);
    let mut parts = line.split_whitespace();
    let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let (status, content_type, body) = route(method, path).await;
    let response = format!(
        "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(response.as_bytes()).await?;
    if method != "HEAD" {
        stream.write_all(body.as_bytes()).await?;
    }
    stream.shutdown().await
}

async fn route(method: &str, path: &str) -> (&'static str, &'static str, String) {
    const TEXT: &str = "text/plain; charset=utf-8";
    if method != "GET" && method != "HEAD" {
        return ("405 Method Not Allowed", TEXT, "GET only\n".into());
    }
    match path.split('?').next().unwrap_or("") {
        "/metrics" => {
            // Fresh pool numbers with every scrape.
            let _ = super::health::check().await;
            ("200 OK", "text/plain; version=0.0.4; charset=utf-8", super::metrics::render())
        }
        "/healthz" => {
            let report = super::health::check().await;
            let body = format!(
                "gateway: {}\ndatabase: {}\n",
                if report.gateway { "connected" } else { "not connected" },
                if report.database { "answers" } else { "does not answer" }
            );
            if report.healthy() {
                ("200 OK", TEXT, body)
            } else {
                ("503 Service Unavailable", TEXT, body)
            }
        }
        _ => ("404 Not Found", TEXT, "samrad serves /metrics and /healthz\n".into()),
    }
}

/// Asks the `/healthz` of a samrad serving at `addr` (a wildcard address means this host);
/// returns whether it is healthy and what it said. For `samrad health` (container checks).
pub async fn ask_health(addr: SocketAddr) -> Result<(bool, String), reqwest::Error> {
    let mut addr = addr;
    if addr.ip().is_unspecified() {
        addr.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
    }
    let client = reqwest::Client::builder().timeout(Duration::from_secs(5)).build()?;
    let resp = client.get(format!("http://{addr}/healthz")).send().await?;
    let healthy = resp.status().is_success();
    Ok((healthy, resp.text().await?))
}
