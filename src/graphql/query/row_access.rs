//! Single rows of the workflow tables by row id, if the viewer may see them — the row form of
//! each policy, shared by `node(id:)`, nested fields and the mutations.

use async_graphql::Context;

use super::load_record;
use crate::{
    auth::policy::{self, complaints, proposals, workflows},
    error::AppError,
    graphql::{
        context::ContextExt,
        types::{Complaint, Objection, Proposal, Rectification, RepairApplication},
    },
};

/// Whether `unit` lies in the viewer's subtree (asked only when the viewer's reads depend on it).
async fn in_scope(ctx: &Context<'_>, unit: Option<i32>) -> Result<bool, AppError> {
    let Some(unit) = unit else { return Ok(false) };
    if !policy::reads_depend_on_subtree(ctx.viewer()?) {
        return Ok(false);
    }
    Ok(ctx.loaders()?.unit_scope.load_one(unit).await?.unwrap_or(false))
}

/// Whether the viewer sees a workflow row of record `record`: signed in and the record visible.
async fn record_workflow_visible(ctx: &Context<'_>, record: i32) -> Result<bool, AppError> {
    Ok(workflows::can_read_workflows(ctx.viewer()?) && load_record(ctx, record).await?.is_some())
}

/// A rectification, if the viewer may see its record.
pub async fn load_rectification(ctx: &Context<'_>, row: i32) -> Result<Option<Rectification>, AppError> {
    let Some(model) = ctx.loaders()?.rectifications.load_one(row).await? else { return Ok(None) };
    Ok(record_workflow_visible(ctx, model.record_id).await?.then_some(Rectification(model)))
}

/// An objection, if the viewer may see its record.
pub async fn load_objection(ctx: &Context<'_>, row: i32) -> Result<Option<Objection>, AppError> {
    let Some(model) = ctx.loaders()?.objections.load_one(row).await? else { return Ok(None) };
    Ok(record_workflow_visible(ctx, model.record_id).await?.then_some(Objection(model)))
}

/// A repair application, if the viewer may see its record.
pub async fn load_repair_application(ctx: &Context<'_>, row: i32) -> Result<Option<RepairApplication>, AppError> {
    let Some(model) = ctx.loaders()?.repair_applications.load_one(row).await? else { return Ok(None) };
    Ok(record_workflow_visible(ctx, model.record_id).await?.then_some(RepairApplication(model)))
}

/// A complaint, if the viewer may see it (a clerk: aimed at or assigned to its subtree).
pub async fn load_complaint(ctx: &Context<'_>, row: i32) -> Result<Option<Complaint>, AppError> {
    let viewer = ctx.viewer()?;
    if policy::may(viewer, policy::Operation::ListComplaints).is_err() {
        return Ok(None);
    }
    let Some(model) = ctx.loaders()?.complaints.load_one(row).await? else { return Ok(None) };
    let scope = in_scope(ctx, Some(model.target_unit_id)).await? || in_scope(ctx, model.assigned_unit_id).await?;
    Ok(complaints::can_read_complaint(viewer, scope).then_some(Complaint(model)))
}

/// A proposal, if the viewer may see it (a clerk: handled in its subtree).
pub async fn load_proposal(ctx: &Context<'_>, row: i32) -> Result<Option<Proposal>, AppError> {
    let viewer = ctx.viewer()?;
    if policy::may(viewer, policy::Operation::ListProposals).is_err() {
        return Ok(None);
    }
    let Some(model) = ctx.loaders()?.proposals.load_one(row).await? else { return Ok(None) };
    let scope = in_scope(ctx, Some(model.handling_unit_id)).await?;
    Ok(proposals::can_read_proposal(viewer, scope).then_some(Proposal(model)))
}
