//! Errors answered before GraphQL runs (wrong method, content type, batch size …), in the same
//! JSON shape as GraphQL errors so the client reads them the same way.

use axum::{
    http::StatusCode,
    response::{IntoResponse, Response},
    Json,
};
use serde_json::json;

/// An HTTP status with a GraphQL-shaped error body carrying `extensions.code`.
pub fn protocol_error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = json!({ "errors": [{ "message": message, "extensions": { "code": code } }] });
    (status, Json(body)).into_response()
}
