//! `/healthz` (the process is up), `/readyz` (the database, and the read replica if any, answer), `/metrics` (Prometheus).

use std::sync::Arc;

use axum::{extract::State, http::StatusCode, response::IntoResponse};

use super::HttpApp;
use crate::{db, metrics::Snapshot, store::outbox};

pub async fn healthz() -> impl IntoResponse {
    (StatusCode::OK, "ok")
}

pub async fn readyz(State(app): State<Arc<HttpApp>>) -> impl IntoResponse {
    if let Err(error) = app.state.db.ping().await {
        tracing::warn!(%error, "database ping failed");
        return (StatusCode::SERVICE_UNAVAILABLE, "database unavailable");
    }
    if let Some(replica) = app.state.reads.replica() {
        if let Err(error) = replica.ping().await {
            tracing::warn!(%error, "read replica ping failed");
            return (StatusCode::SERVICE_UNAVAILABLE, "read replica unavailable");
        }
    }
    (StatusCode::OK, "ready")
}

/// Reads the pool and the outbox into their gauges (one SQL statement), then renders.
pub async fn metrics(State(app): State<Arc<HttpApp>>) -> impl IntoResponse {
    let state = &app.state;
    let now = state.clock.now();
    let (pool_connections, pool_in_use) = db::pool_usage(&state.db);
    let mut snapshot = Snapshot { pool_connections, pool_in_use, ..Snapshot::default() };
    match outbox::backlog(&state.db, now).await {
        Ok(backlog) => {
            snapshot.outbox_backlog = backlog.unsent;
            snapshot.outbox_oldest_due_seconds =
                backlog.oldest_due.map_or(0.0, |due| (now - due).num_milliseconds().max(0) as f64 / 1_000.0);
        }
        Err(error) => tracing::warn!(%error, "reading the outbox backlog failed"),
    }
    state.metrics.record_snapshot(snapshot, 1);
    ([("content-type", "text/plain; version=0.0.4")], state.metrics.render())
}
