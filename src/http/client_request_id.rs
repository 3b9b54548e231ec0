//! The request id is always ours. A client's `X-Request-Id` is taken off the request before the
//! server makes its own, and kept (as [`ClientRequestId`]) only when it is well-formed: at most 64
//! of `[A-Za-z0-9._-]`. It reaches the audit log as a separate, untrusted field.

use axum::{extract::Request, middleware::Next, response::Response};

use crate::store::audit::RequestTrace;

/// The client's own request id, if it sent a well-formed one.
#[derive(Clone, Debug, Default)]
pub struct ClientRequestId(pub Option<String>);

pub async fn take_client_request_id(mut request: Request, next: Next) -> Response {
    let client = request
        .headers_mut()
        .remove("x-request-id")
        .and_then(|value| value.to_str().ok().and_then(RequestTrace::accept_client_id));
    request.extensions_mut().insert(ClientRequestId(client));
    next.run(request).await
}
