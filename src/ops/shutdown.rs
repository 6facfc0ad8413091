//! What stops the bot: SIGTERM (systemd, Docker, Kubernetes) or ctrl-c.

use tracing::{error, info};

/// Completes at the first SIGTERM or ctrl-c.
pub async fn signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => info!("SIGTERM: shutting down"),
                    r = tokio::signal::ctrl_c() => ctrl_c(r).await,
                }
                return;
            }
            Err(e) => error!(error = %e, "cannot listen for SIGTERM"),
        }
    }
    ctrl_c(tokio::signal::ctrl_c().await).await;
}

async fn ctrl_c(result: std::io::Result<()>) {
    match result {
        Ok(()) => info!("ctrl-c: shutting down"),
        Err(e) => {
            error!(error = %e, "cannot listen for ctrl-c");
            std::future::pending::<()>().await;
        }
    }
}
