//! `POST /graphql` (JSON only, batches of at most N) and `GET /graphql` (GraphiQL, or queries
//! only: a mutation over GET is refused and nothing runs).

use std::{net::SocketAddr, sync::Arc};

use super::{
    authenticate,
    client_request_id::ClientRequestId,
    input_errors::classify_input_error,
    operation_kind::{is_read_only, may_write},
    protocol_error::{protocol_error, request_locale, with_language},
    response_shape::conform,
    HttpApp,
};
use crate::{
    auth::Viewer,
    error::{Locale, Reason},
    graphql::{
        access::RowsById,
        context::{ClientAddress, LoginAttempts},
        loaders::{LoaderScope, Loaders, RequestActivity, Tracked},
    },
    read_routing::{writer_key, Reader, READ_PRIMARY_HEADER},
    store::audit::RequestTrace,
    store::identifier_reads::IdentifierReads,
};
use async_graphql::{BatchRequest, BatchResponse, Request, Response as GqlResponse, Value};
use axum::{
    body::Bytes,
    extract::{ConnectInfo, Extension, State},
    http::{header::CONTENT_TYPE, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    Json,
};

pub async fn graphql_post(
    State(app): State<Arc<HttpApp>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Extension(client_id): Extension<ClientRequestId>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let locale = request_locale(&headers);
    let is_json = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return protocol_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", &Reason::NotJson, locale);
    }
    let batch: BatchRequest = match serde_json::from_slice(&body) {
        Ok(batch) => batch,
        Err(_) => return protocol_error(StatusCode::BAD_REQUEST, "BAD_REQUEST", &Reason::NotAGraphqlRequest, locale),
    };
    let size = match &batch {
        BatchRequest::Single(_) => 1,
        BatchRequest::Batch(requests) => requests.len(),
    };
    if size > app.state.config.limits.max_batch {
        let reason = Reason::BatchTooLarge { max: app.state.config.limits.max_batch };
        return protocol_error(StatusCode::BAD_REQUEST, "BAD_REQUEST", &reason, locale);
    }
    execute(&app, peer, client_id, &headers, batch).await
}

/// `GET /graphql`: a WebSocket upgrade for subscriptions, a read-only query in the query string,
/// or GraphiQL.
pub async fn graphql_get(
    State(app): State<Arc<HttpApp>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Extension(client_id): Extension<ClientRequestId>,
    request: axum::extract::Request,
) -> Response {
    let (mut parts, _) = request.into_parts();
    let asks_for_socket =
        parts.headers.get(axum::http::header::UPGRADE).is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"websocket"));
    if asks_for_socket {
        return super::subscriptions::upgrade(app, &mut parts).await;
    }
    let (headers, uri) = (parts.headers, parts.uri);
    let locale = request_locale(&headers);
    let query_string = uri.query().unwrap_or("");
    if !query_string.split('&').any(|pair| pair.starts_with("query=") || pair.starts_with("extensions=")) {
        if app.state.config.graphiql {
            return super::graphiql::page();
        }
        return protocol_error(StatusCode::METHOD_NOT_ALLOWED, "BAD_REQUEST", &Reason::PostOnly, locale);
    }
    let request = match async_graphql::http::parse_query_string(query_string) {
        Ok(request) => request,
        Err(_) => return protocol_error(StatusCode::BAD_REQUEST, "BAD_REQUEST", &Reason::NotAGraphqlRequest, locale),
    };
    // A persisted query's text is looked up first, so a mutation cannot hide behind its hash.
    let request = match app.persisted_queries.resolve(request) {
        Ok(request) => request,
        Err(error) => return Json(GqlResponse::from_errors(vec![error])).into_response(),
    };
    if !is_read_only(&request) {
        return protocol_error(StatusCode::METHOD_NOT_ALLOWED, "BAD_REQUEST", &Reason::QueriesOnlyOverGet, locale);
    }
    execute(&app, peer, client_id, &headers, BatchRequest::Single(request)).await
}

/// The client's address: the socket peer, or behind a trusted proxy the last `X-Forwarded-For`
/// entry (the one the proxy appended).
fn client_address(peer: SocketAddr, headers: &HeaderMap, trust_forwarded_for: bool) -> ClientAddress {
    let forwarded = trust_forwarded_for
        .then(|| headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()))
        .flatten()
        .and_then(|list| list.rsplit(',').next())
        .map(str::trim)
        .filter(|address| !address.is_empty());
    ClientAddress(forwarded.map(str::to_owned).unwrap_or_else(|| peer.ip().to_string()))
}

async fn execute(
    app: &HttpApp,
    peer: SocketAddr,
    client_id: ClientRequestId,
    headers: &HeaderMap,
    batch: BatchRequest,
) -> Response {
    let state = &app.state;
    let locale = request_locale(headers);
    let viewer = match authenticate(state, headers).await {
        Ok(viewer) => viewer,
        Err(error) => return protocol_error(StatusCode::UNAUTHORIZED, error.code(), error.reason(), locale),
    };
    // The x-request-id header is ours by now: the client's was taken off before ours was set.
    let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok()).map(str::to_owned).unwrap_or_default();
    let trace = RequestTrace { id: request_id.clone(), client_id: client_id.0 };
    let single = matches!(batch, BatchRequest::Single(_));
    let requests = match batch {
        BatchRequest::Single(request) => vec![request],
        BatchRequest::Batch(requests) => requests,
    };
    // Apollo's persisted queries: a hash alone becomes its query text, or a per-operation error.
    let mut requests: Vec<_> = requests.into_iter().map(|request| app.persisted_queries.resolve(request)).collect();
    requests.iter_mut().flatten().for_each(|request| app.parsed_queries.parse(request));
    let client = client_address(peer, headers, state.config.deadlines.trust_forwarded_for);
    let writes = may_write(&mut requests);
    let writer = writer_key(&viewer, &client.0);
    let asks_primary = headers.get(READ_PRIMARY_HEADER).is_some_and(|value| value == "primary");
    let reader = match writes || asks_primary {
        true => state.db.clone(),
        false => state.reads.reader(&state.db, &writer).clone(),
    };
    let login_attempts = Arc::new(LoginAttempts::default());
    let activity = Arc::new(RequestActivity::default());
    let scope = LoaderScope {
        db: reader.clone(),
        viewer: viewer.clone(),
        today: state.clock.today(),
        activity: activity.clone(),
    };
    let loaders = Arc::new(Loaders::new(scope.clone()));
    let rows_by_id = Arc::new(RowsById::new(scope));
    let hide_introspection = viewer.is_anonymous() && !state.config.anonymous_introspection;
    let identifier_reads = Arc::new(IdentifierReads::default());
    let prepare = |request: Request| {
        let request = request
            .data(state.clone())
            .data(viewer.clone())
            .data(loaders.clone())
            .data(rows_by_id.clone())
            .data(trace.clone())
            .data(login_attempts.clone())
            .data(identifier_reads.clone())
            .data(client.clone())
            .data(Reader(reader.clone()));
        if hide_introspection {
            request.disable_introspection()
        } else {
            request
        }
    };
    // Kept to name the argument of an input error (see `input_errors`) and to give the answer
    // the query's shape (see `response_shape`).
    let queries: Vec<(String, Option<String>)> = requests
        .iter()
        .map(|request| match request {
            Ok(request) => (request.query.clone(), request.operation_name.clone()),
            Err(_) => (String::new(), None),
        })
        .collect();
    state.metrics.record_operations(requests.len());
    let schema = if viewer.is_anonymous() { &app.schema_anonymous } else { &app.schema_signed_in };
    // One after another, as async-graphql runs a batch. Each query is parsed once: its document is
    // checked against the shape limits, executed, and gives the answer its shape.
    let run = async {
        let mut answers = Vec::with_capacity(requests.len());
        let mut documents = Vec::with_capacity(requests.len());
        for request in requests {
            let checked = request.and_then(|mut request| {
                app.shape_limits.check_request(&mut request)?;
                Ok(request)
            });
            match checked {
                Ok(mut request) => {
                    documents.push(request.parsed_query().ok().cloned());
                    answers.push(schema.execute(prepare(request)).await);
                }
                Err(error) => {
                    documents.push(None);
                    answers.push(GqlResponse::from_errors(vec![error]));
                }
            }
        }
        (answers, documents)
    };
    let (mut answers, documents) = Tracked::new(run, activity).await;
    if writes {
        state.reads.note_write(&writer);
    }
    let mut response = match (single, answers.pop()) {
        (true, Some(answer)) => BatchResponse::Single(answer),
        (_, last) => BatchResponse::Batch(answers.into_iter().chain(last).collect()),
    };
    if let Err(error) = identifier_reads.flush(&state.db, &viewer, &trace, state.clock.now()).await {
        // Fail closed: identifiers whose reading cannot be audited are not handed out.
        tracing::error!(request_id, %error, "could not audit identifier reads; answer withheld");
        return withheld(response, &request_id, locale);
    }
    let finish = |single: &mut GqlResponse, ((query, operation), document): (&(String, Option<String>), &Option<_>)| {
        normalize_errors(single, query, &viewer, &request_id, locale);
        if let Some(document) = document {
            conform(single, document, operation.as_deref());
        }
    };
    match &mut response {
        BatchResponse::Single(single) => finish(single, (&queries[0], &documents[0])),
        BatchResponse::Batch(all) => {
            all.iter_mut().zip(queries.iter().zip(&documents)).for_each(|(single, query)| finish(single, query))
        }
    }
    with_language(Json(response).into_response(), locale)
}

/// Replaces every answer of the batch by `INTERNAL` (with the request id) and no data.
fn withheld(response: BatchResponse, request_id: &str, locale: Locale) -> Response {
    let internal = || {
        let mut error = async_graphql::ServerError::new(Reason::Internal.message(locale), None);
        let mut extensions = async_graphql::ErrorExtensionValues::default();
        extensions.set("code", Value::from("INTERNAL"));
        extensions.set("reason", Value::from(Reason::Internal.code()));
        extensions.set("requestId", Value::from(request_id));
        error.extensions = Some(extensions);
        GqlResponse::from_errors(vec![error])
    };
    let response = match response {
        BatchResponse::Single(_) => BatchResponse::Single(internal()),
        BatchResponse::Batch(all) => BatchResponse::Batch(all.iter().map(|_| internal()).collect()),
    };
    with_language(Json(response).into_response(), locale)
}

/// Every error leaves with a code and a reason (the code itself where the protocol defines the
/// error: validation, persisted queries), its message in the request's language. An error from
/// inside a resolver that has none is unexpected: it is logged and replaced by "internal error",
/// so no SQL or internals reach the client. Errors from before execution (parse, validation,
/// limits) are `GRAPHQL_VALIDATION_FAILED`.
fn normalize_errors(response: &mut GqlResponse, query: &str, viewer: &Viewer, request_id: &str, locale: Locale) {
    for error in &mut response.errors {
        crate::graphql::errors::localized(error, locale);
        if classify_input_error(error, query, locale) {
            continue;
        }
        let extensions = error.extensions.get_or_insert_with(Default::default);
        match extensions.get("code").cloned() {
            Some(code) if code == Value::from("INTERNAL") => extensions.set("requestId", Value::from(request_id)),
            Some(_) => {}
            None if error.path.is_empty() => extensions.set("code", Value::from("GRAPHQL_VALIDATION_FAILED")),
            None => {
                tracing::error!(request_id, role = viewer.role_label(), error = %error.message, "unexpected resolver error");
                error.message = Reason::Internal.message(locale);
                extensions.set("code", Value::from("INTERNAL"));
                extensions.set("reason", Value::from(Reason::Internal.code()));
                extensions.set("requestId", Value::from(request_id));
            }
        }
        if extensions.get("reason").is_none() {
            let code = extensions.get("code").cloned().unwrap_or(Value::Null);
            extensions.set("reason", code);
        }
    }
}
