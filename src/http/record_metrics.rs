//! Counts every request by route and status, and its latency.

use std::{sync::Arc, time::Instant};

use axum::{
    extract::{MatchedPath, Request, State},
    middleware::Next,
    response::Response,
};

use super::HttpApp;

pub async fn record_metrics(State(app): State<Arc<HttpApp>>, request: Request, next: Next) -> Response {
    let route =
        request.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "other".into());
    let started = Instant::now();
    let response = next.run(request).await;
    app.state.metrics.record_request(&route, response.status().as_u16(), started.elapsed());
    response
}
