//! Building the schema with its limits.

use async_graphql::{Schema, SchemaBuilder};

use super::{mutation::MutationRoot, query::QueryRoot, shape_limits::ShapeLimits, subscription::SubscriptionRoot};
use crate::config::Limits;

/// The schema type of the API.
pub type AppSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

/// The schema with async-graphql's own limits applied, for HTTP: the caller checks the shape limits
/// ([`shape_limits`]) before it executes. `suggestions` turns "did you mean" hints on (signed-in
/// callers) or off (anonymous callers).
pub fn build_schema(limits: &Limits, suggestions: bool) -> AppSchema {
    let builder = builder(limits);
    if suggestions {
        builder.finish()
    } else {
        builder.disable_suggestions().finish()
    }
}

/// The schema for WebSocket connections, which checks the shape limits itself (as an extension).
pub fn build_socket_schema(limits: &Limits) -> AppSchema {
    builder(limits).extension(shape_limits(limits)).finish()
}

/// The configured shape limits.
pub fn shape_limits(limits: &Limits) -> ShapeLimits {
    ShapeLimits { max_fields: limits.max_fields, max_aliases: limits.max_aliases, max_depth: limits.max_depth }
}

fn builder(limits: &Limits) -> SchemaBuilder<QueryRoot, MutationRoot, SubscriptionRoot> {
    Schema::build(QueryRoot::default(), MutationRoot::default(), SubscriptionRoot)
        .limit_complexity(limits.max_complexity)
        .limit_recursive_depth(32)
        .limit_directives(limits.max_directives)
}

/// The SDL of the full schema, as committed in `schema.graphql`.
pub fn sdl() -> String {
    build_schema(&Limits::default(), true).sdl()
}
