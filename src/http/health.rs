//! `/healthz` (the process is up), `/readyz` (the database answers), `/metrics` (Prometheus).

use std::sync::Arc;

use axum::{extract::State, http::StatusCode, response::IntoResponse};

use super::HttpApp;

pub async fn healthz() -> impl IntoResponse {
    (StatusCode::OK, "ok")
}

pub async fn readyz(State(app): State<Arc<HttpApp>>) -> impl IntoResponse {
    match app.state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(error) => {
            tracing::warn!(%error, "database ping failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

pub async fn metrics(State(app): State<Arc<HttpApp>>) -> impl IntoResponse {
    ([("content-type", "text/plain; version=0.0.4")], app.state.metrics.render())
}
