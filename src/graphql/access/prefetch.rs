//! Rows a page's nodes point to, loaded for the whole page at once before the nodes resolve.
//!
//! Without this, each node's `unit`, `official` or `children` field asks its loader for one key
//! and waits for the batch, which costs a pending entry and a wake per node. Loaded ahead (the
//! same single statement the batch would have run), the nodes' own lookups are answered from the
//! request's cache. The policy checks stay where they are: each node's field still goes
//! through its `access` function.

use async_graphql::Context;

use super::rows;
use crate::{auth::policy, error::AppError, graphql::context::ContextExt};

/// The ids of `fields` (a node's fields, each with the ids it points to) that the query selects
/// on the nodes of the connection being resolved.
fn selected_ids(ctx: &Context<'_>, fields: &[(&str, Vec<i32>)]) -> Vec<i32> {
    let look_ahead = ctx.look_ahead();
    let selected = |field: &str| {
        look_ahead.field("edges").field("node").field(field).exists() || look_ahead.field("nodes").field(field).exists()
    };
    fields.iter().filter(|(field, _)| selected(field)).flat_map(|(_, ids)| ids.iter().copied()).collect()
}

/// Loads the units the page's nodes will ask for, in one statement: `fields` names each of the
/// node's unit fields with the ids it points to, and those the query selects are loaded. Every
/// unit field of the node must be named, or one left out would wait on a batch of its own.
pub async fn units(ctx: &Context<'_>, fields: &[(&str, Vec<i32>)]) -> Result<(), AppError> {
    if !policy::can_read_units(ctx.viewer()?) {
        return Ok(());
    }
    let ids = selected_ids(ctx, fields);
    if ids.is_empty() {
        return Ok(());
    }
    rows(ctx)?.units().load_ahead(ids).await
}

/// Loads the officials the page's nodes will ask for, as [`units`] does.
pub async fn officials(ctx: &Context<'_>, fields: &[(&str, Vec<i32>)]) -> Result<(), AppError> {
    let ids = selected_ids(ctx, fields);
    if ids.is_empty() {
        return Ok(());
    }
    rows(ctx)?.officials().load_ahead(ids).await
}

/// Loads the children of the page's units, if the query selects `children` on its nodes.
pub async fn unit_children(ctx: &Context<'_>, units: Vec<i32>) -> Result<(), AppError> {
    let parents = selected_ids(ctx, &[("children", units)]);
    if parents.is_empty() {
        return Ok(());
    }
    ctx.loaders()?.unit_children().load_ahead(parents).await
}
