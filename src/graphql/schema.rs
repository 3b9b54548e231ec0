//! Building the schema with its limits.

use async_graphql::{Schema, SchemaBuilder};

use super::{mutation::MutationRoot, query::QueryRoot, shape_limits::ShapeLimits, subscription::SubscriptionRoot};
use crate::config::Limits;

/// The schema type of the API.
pub type AppSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

/// The schema with every limit applied. `suggestions` turns "did you mean" hints on (signed-in
/// callers) or off (anonymous callers).
pub fn build_schema(limits: &Limits, suggestions: bool) -> AppSchema {
    let mut builder: SchemaBuilder<QueryRoot, MutationRoot, SubscriptionRoot> =
        Schema::build(QueryRoot::default(), MutationRoot::default(), SubscriptionRoot)
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
