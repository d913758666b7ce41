//! Running the web server and the metrics listener until SIGTERM or Ctrl+C, then letting
//! requests in flight finish.

use std::future::Future;
use std::net::SocketAddr;

use anyhow::Context;
use axum::Router;
use tokio::net::{TcpListener, TcpSocket};
use tokio::sync::watch;

use lettre::message::Mailbox;
use url::Url;

use crate::audit;
use crate::config::Config;
use crate::db::Db;
use crate::directory::search::SearchIndex;
use crate::i18n::Catalogues;
use crate::mail::{self, Transport};
use crate::oidc::Providers;
use crate::secrets::Secrets;
use crate::web;
use crate::web::routes::{self, Limits};
use crate::web::state::AppState;

/// Where a started server listens.
pub struct Addresses {
    pub web: SocketAddr,
    pub metrics: Option<SocketAddr>,
}

/// Binds the listeners, calls `announce` with their addresses, and serves until a shutdown signal.
/// The outbox worker sends mail meanwhile.
pub async fn run(
    config: &Config,
    db: Db,
    secrets: Secrets,
    announce: impl FnOnce(&Addresses),
) -> anyhow::Result<()> {
    let catalogues = Catalogues::load()?;
    let transport = match &config.smtp_url {
        Some(url) => Transport::smtp(url)?,
        None => Transport::Directory(config.mail_dir()),
    };
    let from: Mailbox = config.mail_from.parse().context("configuration: mail_from is not an address")?;
    let limits = Limits {
        request_timeout: std::time::Duration::from_secs(config.request_timeout_secs),
        max_body_bytes: config.max_body_bytes,
    };
    let listener = bind(config.bind)?;
    let metrics_listener = match config.metrics_bind {
        Some(address) => Some(bind(address)?),
        None => None,
    };
    let addresses = Addresses {
        web: listener.local_addr()?,
        metrics: metrics_listener.as_ref().map(TcpListener::local_addr).transpose()?,
    };
    let base_url = match &config.public_base_url {
        Some(url) => url.clone(),
        None => Url::parse(&format!("http://{}/", addresses.web))?,
    };
    let state = AppState::new(db, catalogues, base_url, secrets, Providers::new(config.oidc.clone())?)
        .with_trusted_proxies(config.trusted_proxies.clone())
        .with_socialjouren(config.socialjouren.clone())
        .with_goals_min_group(config.goals_min_group)
        .with_crisis_lines(config.crisis_lines.clone())
        .with_search(open_search_index(config)?);
    let state = if config.public_base_url.is_none() { state.with_origin_from_host() } else { state };
    // Bring the index up to date before the first search asks for it.
    let warm = state.clone();
    tokio::spawn(async move {
        let areas = crate::help_areas::store::list(&warm.db).await.unwrap_or_default();
        if let Err(error) = warm.search.refresh(&warm.db, &areas).await {
            tracing::error!(error = %error, "could not bring the search index up to date");
        }
    });
    announce(&addresses);

    let (stop, stopped) = watch::channel(false);
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("shutting down: finishing requests in flight");
        let _ = stop.send(true);
    });
    if let Some(listener) = metrics_listener {
        let metrics_app = web::metrics::router(state.metrics.clone());
        tokio::spawn(serve(listener, metrics_app, wait_for(stopped.clone())));
    }
    tokio::spawn(mail::run_worker(state.db.clone(), transport, from, wait_for(stopped.clone())));
    tokio::spawn(crate::maintenance::run_worker(state.clone(), wait_for(stopped.clone())));
    tokio::spawn(crate::db::changes::run_follower(state.db.clone(), wait_for(stopped.clone())));
    let counts = tokio::spawn(crate::directory::usage::run_flusher(
        state.usage.clone(),
        state.db.clone(),
        wait_for(stopped.clone()),
    ));
    let checkpoints = config.audit_checkpoints();
    tokio::spawn(audit::checkpoint::run_worker(
        state.clone(),
        checkpoints.clone(),
        wait_for(stopped.clone()),
    ));
    let app = routes::router(state.clone(), limits);
    serve(listener, app, wait_for(stopped)).await?;
    // The last counts are written before the database closes.
    let _ = counts.await;
    // The last checkpoint vouches for every entry the requests in flight appended.
    audit::checkpoint::write_logged(&state.db, &checkpoints, &state.catalogues).await;
    state.db.close().await;
    Ok(())
}

/// The search index in the data directory; when another process holds it (two servers sharing one
/// data directory), one in memory, filled from the database.
fn open_search_index(config: &Config) -> anyhow::Result<SearchIndex> {
    SearchIndex::open(&config.search_dir()).or_else(|error| {
        tracing::warn!(error = %error, "using a search index in memory");
        SearchIndex::in_memory()
    })
}

/// How many new connections may wait to be accepted. Hundreds of residents can arrive in the
/// same moment (a rush for booking times or event places); past the queue the kernel drops a new
/// connection's packets, and the browser sends them again 0.2–1 s later. With the standard
/// library's 128, 250 connections at once lost some in every burst (`nstat`:
/// `TcpExtListenOverflows`). The kernel caps it at `net.core.somaxconn` (4096 by default).
const ACCEPT_QUEUE: u32 = 1024;

fn bind(address: SocketAddr) -> anyhow::Result<TcpListener> {
    let listen = || {
        let socket = if address.is_ipv4() { TcpSocket::new_v4()? } else { TcpSocket::new_v6()? };
        // As `TcpListener::bind` does on Unix: a restarted server can listen again at once. (On
        // Windows the option would let another program take the port.)
        #[cfg(unix)]
        socket.set_reuseaddr(true)?;
        socket.bind(address)?;
        socket.listen(ACCEPT_QUEUE)
    };
    listen().with_context(|| format!("cannot listen on {address} (is another server using it?)"))
}

/// Serves `app` until `shutdown` completes, then waits for requests in flight.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    // The peer address reaches handlers for rate limiting; it is never logged.
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
        .context("the server stopped")
}

async fn wait_for(mut stopped: watch::Receiver<bool>) {
    let _ = stopped.wait_for(|stop| *stop).await;
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
