//! Errors answered before GraphQL runs (wrong method, content type, batch size, body size,
//! timeout …), in the same JSON shape as GraphQL errors so the client reads them the same way.

use axum::{
    body::Body,
    extract::Request,
    http::{header::CONTENT_TYPE, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
    Json,
};
use serde_json::json;

/// An HTTP status with a GraphQL-shaped error body carrying `extensions.code`.
pub fn protocol_error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = json!({ "errors": [{ "message": message, "extensions": { "code": code } }] });
    (status, Json(body)).into_response()
}

/// `INTERNAL` with the request id, so an operator can find the log line.
pub fn internal_error(status: StatusCode, request_id: &str) -> Response {
    let body = json!({ "errors": [{ "message": "internal error", "extensions": { "code": "INTERNAL", "requestId": request_id } }] });
    (status, Json(body)).into_response()
}

/// Gives every refusal made outside our handlers (axum's 413 for a large body, 405 for a wrong
/// method, the timeout's 408, …) the JSON error shape, instead of plain text or an empty body.
pub async fn json_refusals(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let (code, message) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => ("BAD_REQUEST", "the request body is too large"),
        StatusCode::REQUEST_TIMEOUT => ("TIMEOUT", "the request took too long"),
        StatusCode::METHOD_NOT_ALLOWED => ("BAD_REQUEST", "method not allowed"),
        StatusCode::NOT_FOUND => ("NOT_FOUND", "no such route"),
        status if status.is_server_error() => ("INTERNAL", "internal error"),
        _ => ("BAD_REQUEST", "bad request"),
    };
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(CONTENT_TYPE);
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    let fresh = protocol_error(status, code, message);
    let (fresh_parts, body) = fresh.into_parts();
    parts.headers.extend(fresh_parts.headers);
    Response::from_parts(parts, Body::new(body))
}
