//! Rows a page's nodes point to, loaded for the whole page at once before the nodes resolve.
//!
//! Without this, each node's `unit` or `official` field asks its loader for one key and waits for
//! the batch, which costs a pending entry, a channel and a wake per node. Loaded ahead in one
//! `load_many` (the same single statement the batch would have run), the nodes' own lookups are
//! answered from the request's cache. The policy checks stay where they are: each node's field
//! still goes through its `access` function.

use async_graphql::Context;

use super::rows;
use crate::{auth::policy, error::AppError, graphql::context::ContextExt};

/// Whether the query selects `field` on the nodes of the connection being resolved.
pub fn selected_on_nodes(ctx: &Context<'_>, field: &str) -> bool {
    let look_ahead = ctx.look_ahead();
    look_ahead.field("edges").field("node").field(field).exists() || look_ahead.field("nodes").field(field).exists()
}

/// Loads the units `field` of the page's nodes will ask for, if the query selects it.
pub async fn units(ctx: &Context<'_>, field: &str, ids: impl IntoIterator<Item = i32>) -> Result<(), AppError> {
    if !selected_on_nodes(ctx, field) || !policy::can_read_units(ctx.viewer()?) {
        return Ok(());
    }
    rows(ctx)?.units().load_many(ids).await.map(drop)
}

/// Loads the officials `field` of the page's nodes will ask for, if the query selects it.
pub async fn officials(ctx: &Context<'_>, field: &str, ids: impl IntoIterator<Item = i32>) -> Result<(), AppError> {
    if !selected_on_nodes(ctx, field) {
        return Ok(());
    }
    rows(ctx)?.officials().load_many(ids).await.map(drop)
}
