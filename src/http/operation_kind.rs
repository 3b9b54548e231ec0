//! Whether a request writes: a mutation is refused over GET, and a batch that may write runs on
//! the primary (see `read_routing`).

use async_graphql::{
    parser::{
        parse_query,
        types::{ExecutableDocument, OperationType},
    },
    Request, ServerError,
};

/// True unless the operation that would run is a mutation or subscription. A query that does not
/// parse counts as read-only: executing it only reports the parse error.
pub(super) fn is_read_only(request: &Request) -> bool {
    parse_query(&request.query).map_or(true, |document| only_queries(&document, request.operation_name.as_deref()))
}

/// True unless the operation of `document` that would run is a mutation or subscription.
fn only_queries(document: &ExecutableDocument, operation_name: Option<&str>) -> bool {
    let mut operations = document.operations.iter();
    let selected = match operation_name {
        Some(name) => operations.find(|(n, _)| n.map(|n| n.as_str()) == Some(name)),
        None => {
            // With several operations and no name, nothing runs; refuse if any of them writes.
            return document.operations.iter().all(|(_, op)| op.node.ty == OperationType::Query);
        }
    };
    selected.is_none_or(|(_, op)| op.node.ty == OperationType::Query)
}

/// Whether any request of the batch may write (parsing each once; execution reuses the parse).
pub(super) fn may_write(requests: &mut [Result<Request, ServerError>]) -> bool {
    requests.iter_mut().flatten().any(|request| {
        let name = request.operation_name.clone();
        request.parsed_query().is_ok_and(|document| !only_queries(document, name.as_deref()))
    })
}
