//! No panic drops a connection: a panic while handling a request becomes HTTP 500 with the usual
//! error shape, `INTERNAL` and the request id; the panic hook logs it as one line.

use std::panic::AssertUnwindSafe;

use axum::{extract::Request, http::StatusCode, middleware::Next, response::Response};
use futures::FutureExt;
use tower_http::request_id::RequestId;

use super::protocol_error::{internal_error, request_locale};

pub async fn catch_panic(request: Request, next: Next) -> Response {
    let request_id =
        request.extensions().get::<RequestId>().and_then(|id| id.header_value().to_str().ok()).unwrap_or("").to_owned();
    let locale = request_locale(request.headers());
    match AssertUnwindSafe(next.run(request)).catch_unwind().await {
        Ok(response) => response,
        Err(_) => internal_error(StatusCode::INTERNAL_SERVER_ERROR, &request_id, locale),
    }
}

/// Logs a panic as one line (where, and the message), without a backtrace on stderr.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        tracing::error!(%location, message = %message.replace('\n', " "), "panic");
    }));
}

#[cfg(test)]
mod tests {
    use axum::{body::Body, http::Request, middleware, routing::get, Router};
    use tower::ServiceExt;
    use tower_http::request_id::{MakeRequestUuid, SetRequestIdLayer};

    use super::catch_panic;

    #[tokio::test]
    async fn a_panicking_handler_answers_internal_with_the_request_id() {
        let router = Router::new()
            .route(
                "/boom",
                get(|| async {
                    if true {
                        panic!("resolver bug");
                    }
                    "unreachable"
                }),
            )
            .layer(middleware::from_fn(catch_panic))
            .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid));
        let request = Request::get("/boom").body(Body::empty()).unwrap();
        let response = router.oneshot(request).await.unwrap();
        assert_eq!(response.status(), 500);
        let body = axum::body::to_bytes(response.into_body(), 1 << 16).await.unwrap();
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["errors"][0]["extensions"]["code"], "INTERNAL");
        let request_id = json["errors"][0]["extensions"]["requestId"].as_str().unwrap();
        assert!(uuid::Uuid::parse_str(request_id).is_ok(), "{json}");
    }
}
