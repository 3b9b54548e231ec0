//! Building the schema with its limits.

use async_graphql::{EmptySubscription, Schema, SchemaBuilder};

use super::{mutation::MutationRoot, query::QueryRoot, shape_limits::ShapeLimits};
use crate::config::Limits;

/// The schema type of the API.
pub type AppSchema = Schema<QueryRoot, MutationRoot, EmptySubscription>;

/// The schema with every limit applied. `suggestions` turns "did you mean" hints on (signed-in
/// callers) or off (anonymous callers).
pub fn build_schema(limits: &Limits, suggestions: bool) -> AppSchema {
    let mut builder: SchemaBuilder<QueryRoot, MutationRoot, EmptySubscription> =
        Schema::build(QueryRoot::default(), MutationRoot::default(), EmptySubscription)
            .limit_complexity(limits.max_complexity)
            .limit_recursive_depth(32)
            .limit_directives(limits.max_directives)
            .extension(ShapeLimits {
                max_fields: limits.max_fields,
                max_aliases: limits.max_aliases,
                max_depth: limits.max_depth,
            });
    if !suggestions {
        builder = builder.disable_suggestions();
    }
    builder.finish()
}

/// The SDL of the full schema, as committed in `schema.graphql`.
pub fn sdl() -> String {
    build_schema(&Limits::default(), true).sdl()
}
