//! Building the app: connect, migrate, assemble the state, bind and serve a router. The router
//! itself (the API) is handed in by the caller — `main.rs` passes `http::app` — so nothing here
//! depends on the API.

pub mod demo;

use std::{net::SocketAddr, sync::Arc};

use sea_orm::DatabaseConnection;
use tokio::{net::TcpListener, sync::oneshot, task::JoinHandle};

use crate::{
    auth::JwtKeys,
    clock::{Clock, SystemClock},
    config::{Config, DatabaseArgs},
    db,
    error::StartupError,
    jobs::platform_push::run_worker,
    metrics::Metrics,
    read_routing::ReadRouting,
    state::AppState,
};

/// Connects to the database, applies migrations and assembles the shared state.
pub async fn build_state(config: Config, clock: Arc<dyn Clock>) -> Result<AppState, StartupError> {
    let metrics = Arc::new(Metrics::default());
    let db = db::connect(&config.database_url, metrics.clone()).await?;
    db::migrate(&db).await?;
    let replica = match &config.database_read_url {
        Some(url) => Some(db::connect_replica(url, metrics.clone()).await?),
        None => None,
    };
    Ok(AppState {
        live: crate::live::LiveFeed::new(db.clone()),
        reads: Arc::new(ReadRouting::new(replica, config.read_your_writes)),
        db,
        keys: Arc::new(JwtKeys::new(&config)),
        config: Arc::new(config),
        metrics,
        clock,
        sessions: Arc::default(),
    })
}

/// [`build_state`] with the system clock.
/// Opens the database and applies pending migrations: all that `migrate`, `seed` and
/// `export-pushes` need (no secret, no server).
pub async fn open_database(database: &DatabaseArgs) -> Result<DatabaseConnection, StartupError> {
    let db = db::connect(&database.url, Arc::new(Metrics::default())).await?;
    db::migrate(&db).await?;
    Ok(db)
}

pub async fn build_default_state(config: Config) -> Result<AppState, StartupError> {
    build_state(config, Arc::new(SystemClock)).await
}

/// A server running in the background.
pub struct RunningServer {
    pub address: SocketAddr,
    pub state: AppState,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<Result<(), std::io::Error>>,
}

impl RunningServer {
    /// Stops accepting, lets in-flight requests finish, and waits.
    pub async fn stop(mut self) -> Result<(), StartupError> {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        self.task.await.map_err(|e| StartupError::Other(e.to_string()))??;
        Ok(())
    }
}

/// Makes the router over a state (`http::app`).
pub type MakeApp = fn(AppState) -> axum::Router;

/// Binds `config.bind` (port 0 picks a free port) and serves `app` in the background.
pub async fn spawn(state: AppState, app: MakeApp) -> Result<RunningServer, StartupError> {
    let listener = TcpListener::bind(&state.config.bind).await?;
    let address = listener.local_addr()?;
    let (shutdown, stopped) = oneshot::channel::<()>();
    let router = app(state.clone());
    tokio::spawn(metrics_upkeep(Arc::downgrade(&state.metrics)));
    let task = tokio::spawn(async move {
        axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(async move {
                let _ = stopped.await;
            })
            .await
    });
    Ok(RunningServer { address, state, shutdown: Some(shutdown), task })
}

/// Serves until SIGTERM or Ctrl-C, then shuts down gracefully; the platform worker runs beside
/// it when a platform URL is configured.
pub async fn serve_until_signal(state: AppState, app: MakeApp) -> Result<(), StartupError> {
    let listener = TcpListener::bind(&state.config.bind).await?;
    tracing::info!(address = %listener.local_addr()?, "listening");
    let (stop_worker, stopped) = tokio::sync::watch::channel(false);
    let worker = state.config.platform.url.is_some().then(|| {
        tokio::spawn(run_worker(state.db.clone(), state.config.platform.clone(), state.clock.clone(), stopped.clone()))
    });
    tokio::spawn(metrics_upkeep(Arc::downgrade(&state.metrics)));
    let sweeper = (state.config.deadlines.sweep_interval_secs > 0)
        .then(|| tokio::spawn(crate::jobs::deadline_sweep::run_sweeper(state.clone(), stopped)));
    axum::serve(listener, app(state).into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    let _ = stop_worker.send(true);
    for job in [worker, sweeper].into_iter().flatten() {
        let _ = job.await;
    }
    tracing::info!("stopped");
    Ok(())
}

/// Folds the latency samples into their buckets every five seconds, for as long as the state
/// lives, so a server nobody scrapes keeps no samples.
async fn metrics_upkeep(metrics: std::sync::Weak<Metrics>) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(5));
    loop {
        every.tick().await;
        match metrics.upgrade() {
            Some(metrics) => metrics.run_upkeep(),
            None => return,
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
