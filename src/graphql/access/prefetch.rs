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

/// Loads the units the page's nodes will ask for, in one statement: `fields` names each of the
/// node's unit fields with the ids it points to, and those the query selects are loaded. Every
/// unit field of the node must be named, or one left out would wait on a batch of its own.
pub async fn units(ctx: &Context<'_>, fields: &[(&str, Vec<i32>)]) -> Result<(), AppError> {
    if !policy::can_read_units(ctx.viewer()?) {
        return Ok(());
    }
    let ids: Vec<i32> = fields
        .iter()
        .filter(|(field, _)| selected_on_nodes(ctx, field))
        .flat_map(|(_, ids)| ids.iter().copied())
        .collect();
    if ids.is_empty() {
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
