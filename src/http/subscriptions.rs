//! The WebSocket side of `/graphql`: graphql-transport-ws (and the older graphql-ws) for
//! subscriptions. The client signs in with its bearer token in `connection_init`
//! (`{ "authorization": "Bearer …" }`), checked as over HTTP; a connection without a valid token
//! is closed. The subscriptions re-check the token every second.

use std::sync::Arc;

use async_graphql::{http::ALL_WEBSOCKET_PROTOCOLS, Data};
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::{
    extract::{ws::WebSocketUpgrade, FromRequestParts},
    http::request::Parts,
    response::{IntoResponse, Response},
};
use serde_json::Value;

use super::HttpApp;
use crate::{auth::bearer::viewer_of_token, error::Locale, graphql::subscription::SubscriberToken, state::AppState};

/// Upgrades a `GET /graphql` that asks for a WebSocket.
pub async fn upgrade(app: Arc<HttpApp>, parts: &mut Parts) -> Response {
    let protocol = match GraphQLProtocol::from_request_parts(parts, &()).await {
        Ok(protocol) => protocol,
        Err(rejection) => return rejection.into_response(),
    };
    let upgrade = match WebSocketUpgrade::from_request_parts(parts, &()).await {
        Ok(upgrade) => upgrade,
        Err(rejection) => return rejection.into_response(),
    };
    let schema = app.schema_socket.clone();
    let state = app.state.clone();
    upgrade
        .protocols(ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| {
            GraphQLWebSocket::new(socket, schema, protocol)
                .on_connection_init(move |payload| connection_init(state, payload))
                .serve()
        })
        .into_response()
}

/// The token in the `connection_init` payload: `authorization` (`Bearer …`) or `token`.
fn token_in(payload: &Value) -> Option<String> {
    let header = ["authorization", "Authorization"].iter().find_map(|key| payload.get(*key)?.as_str());
    let token = match header {
        Some(value) => value.strip_prefix("Bearer ").or_else(|| value.strip_prefix("bearer ")).unwrap_or(value),
        None => payload.get("token")?.as_str()?,
    };
    let token = token.trim();
    (!token.is_empty()).then(|| token.to_owned())
}

async fn connection_init(state: AppState, payload: Value) -> async_graphql::Result<Data> {
    let refused = |e: crate::error::AppError| async_graphql::Error::new(e.reason().message(Locale::default()));
    let token = token_in(&payload)
        .ok_or_else(|| refused(crate::error::AppError::Unauthenticated(crate::error::Reason::SignInToDo)))?;
    let viewer = viewer_of_token(&state, &token).await.map_err(refused)?;
    let mut data = Data::default();
    data.insert(state);
    data.insert(viewer);
    data.insert(SubscriberToken(token));
    Ok(data)
}
