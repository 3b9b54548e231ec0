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

use crate::error::{Locale, Reason};

/// The language the request's `Accept-Language` prefers among ours.
pub fn request_locale(headers: &axum::http::HeaderMap) -> Locale {
    Locale::from_accept_language(headers.get(axum::http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()))
}

/// An HTTP status with a GraphQL-shaped error body carrying `extensions.code` and `reason`, its
/// message in `locale`.
pub fn protocol_error(status: StatusCode, code: &str, reason: &Reason, locale: Locale) -> Response {
    let body = json!({ "errors": [{
        "message": reason.message(locale),
        "extensions": { "code": code, "reason": reason.code() },
    }] });
    with_language((status, Json(body)).into_response(), locale)
}

/// `INTERNAL` with the request id, so an operator can find the log line.
pub fn internal_error(status: StatusCode, request_id: &str, locale: Locale) -> Response {
    let body = json!({ "errors": [{
        "message": Reason::Internal.message(locale),
        "extensions": { "code": "INTERNAL", "reason": Reason::Internal.code(), "requestId": request_id },
    }] });
    with_language((status, Json(body)).into_response(), locale)
}

/// Says which language the answer's messages are in.
pub fn with_language(mut response: Response, locale: Locale) -> Response {
    response
        .headers_mut()
        .insert(axum::http::header::CONTENT_LANGUAGE, axum::http::HeaderValue::from_static(locale.tag()));
    response
}

/// Gives every refusal made outside our handlers (axum's 413 for a large body, 405 for a wrong
/// method, the timeout's 408, …) the JSON error shape, instead of plain text or an empty body.
pub async fn json_refusals(request: Request, next: Next) -> Response {
    let locale = request_locale(request.headers());
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
    let (code, reason) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => ("BAD_REQUEST", Reason::BodyTooLarge),
        StatusCode::REQUEST_TIMEOUT => ("TIMEOUT", Reason::TimedOut),
        StatusCode::METHOD_NOT_ALLOWED => ("BAD_REQUEST", Reason::MethodNotAllowed),
        StatusCode::NOT_FOUND => ("NOT_FOUND", Reason::NoSuchRoute),
        status if status.is_server_error() => ("INTERNAL", Reason::Internal),
        _ => ("BAD_REQUEST", Reason::BadRequest),
    };
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(CONTENT_TYPE);
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    let fresh = protocol_error(status, code, &reason, locale);
    let (fresh_parts, body) = fresh.into_parts();
    parts.headers.extend(fresh_parts.headers);
    Response::from_parts(parts, Body::new(body))
}
