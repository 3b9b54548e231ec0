//! The HTTP surface: `/graphql`, `/healthz`, `/readyz`, `/metrics`, with our own request ids,
//! tracing, metrics, a body limit, a timeout, JSON refusals and no panic that drops a connection.

mod authenticate;
mod catch_panic;
mod client_request_id;
pub mod exports;
mod graphiql;
mod graphql;
mod health;
mod input_errors;
mod operation_kind;
mod parsed_queries;
mod persisted_queries;
mod protocol_error;
mod record_metrics;
mod response_shape;
mod subscriptions;

use std::sync::Arc;

use axum::{
    extract::DefaultBodyLimit,
    http::{Request, StatusCode},
    middleware,
    routing::get,
    Router,
};
use tower::ServiceBuilder;
use tower_http::{
    compression::{
        predicate::{NotForContentType, Predicate, SizeAbove},
        CompressionLayer, CompressionLevel,
    },
    cors::{AllowOrigin, CorsLayer},
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer},
    timeout::TimeoutLayer,
    trace::TraceLayer,
};

pub use authenticate::authenticate;
pub use catch_panic::install_panic_hook;

use crate::{graphql::AppSchema, state::AppState};

/// The router's shared state: the app, the two HTTP schemas (suggestions on for signed-in callers,
/// off for anonymous ones), the WebSocket schema and the shape limits HTTP requests are checked
/// against.
#[derive(Clone)]
pub struct HttpApp {
    pub state: AppState,
    pub schema_signed_in: AppSchema,
    pub schema_anonymous: AppSchema,
    pub schema_socket: AppSchema,
    pub shape_limits: crate::graphql::shape_limits::ShapeLimits,
    pub persisted_queries: Arc<persisted_queries::PersistedQueries>,
    pub parsed_queries: Arc<parsed_queries::ParsedQueries>,
}

/// The API over `state`: both schemas and the router (what `startup` serves).
pub fn app(state: AppState) -> Router {
    crate::graphql::scalars::set_date_range(state.config.limits.dates.0, state.config.limits.dates.1);
    let limits = state.config.limits.clone();
    router(HttpApp {
        schema_signed_in: crate::graphql::build_schema(&limits, true),
        schema_anonymous: crate::graphql::build_schema(&limits, false),
        schema_socket: crate::graphql::build_socket_schema(&limits),
        shape_limits: crate::graphql::shape_limits(&limits),
        persisted_queries: Default::default(),
        parsed_queries: Default::default(),
        state,
    })
}

/// The whole router.
pub fn router(app: HttpApp) -> Router {
    let limits = app.state.config.limits.clone();
    let cors = cors(&app.state.config.cors_origins);
    let app = Arc::new(app);
    let router = Router::new()
        .route("/graphql", get(graphql::graphql_get).post(graphql::graphql_post))
        .route("/graphiql/{*asset}", get(graphiql::asset))
        .route("/exports/evaluations/{period}", get(exports::evaluations))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .layer(middleware::from_fn(no_store_when_signed_in))
        .layer(middleware::from_fn(catch_panic::catch_panic))
        .layer(middleware::from_fn_with_state(app.clone(), record_metrics::record_metrics))
        .layer(DefaultBodyLimit::max(limits.max_body_bytes))
        .layer(
            ServiceBuilder::new()
                .layer(middleware::from_fn(client_request_id::take_client_request_id))
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
                    // Path only: query strings may carry variables with personal data.
                    let request_id = request
                        .extensions()
                        .get::<RequestId>()
                        .and_then(|id| id.header_value().to_str().ok())
                        .unwrap_or("-")
                        .to_owned();
                    tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id)
                }))
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(compression())
                .layer(middleware::from_fn(protocol_error::json_refusals))
                .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.request_timeout)),
        )
        .with_state(app);
    match cors {
        Some(cors) => router.layer(cors),
        None => router,
    }
}

/// gzip or brotli, as the client accepts, for answers over 1 KiB (a 100-record page shrinks about
/// eightfold); the fastest level, since the answers are small and the CPU is better spent serving.
fn compression() -> CompressionLayer<impl Predicate> {
    let worth_it = SizeAbove::new(1024).and(NotForContentType::GRPC).and(NotForContentType::IMAGES);
    CompressionLayer::new().quality(CompressionLevel::Fastest).compress_when(worth_it)
}

/// Answers to a signed-in caller are never stored by a browser or a proxy.
async fn no_store_when_signed_in(request: axum::extract::Request, next: middleware::Next) -> axum::response::Response {
    let signed_in = request.headers().contains_key(axum::http::header::AUTHORIZATION);
    let mut response = next.run(request).await;
    if signed_in {
        response
            .headers_mut()
            .insert(axum::http::header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    }
    response
}

/// Browsers on the configured origins may call the API with a bearer token: the preflight is
/// answered (and cached for 10 minutes), `Authorization` and `Content-Type` are allowed, and
/// `x-request-id` is readable. No cookies are used, so credentials are never allowed.
fn cors(origins: &[String]) -> Option<CorsLayer> {
    use axum::http::{header, HeaderName, HeaderValue, Method};
    let origins: Vec<HeaderValue> = origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
    if origins.is_empty() {
        return None;
    }
    let request_id = HeaderName::from_static("x-request-id");
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE, header::ACCEPT, header::ACCEPT_LANGUAGE])
            .expose_headers([request_id])
            .max_age(std::time::Duration::from_secs(600)),
    )
}
