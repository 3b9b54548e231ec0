//! Single rows by id, each through the policy's row predicate — the one place the API reads a
//! row it was given an id for (`node`, `creditRecord`, nested fields, `creditCheck`). Answers are
//! models, wrapped by the caller in its GraphQL type; `None` is "no such row you may see".
//! The unscoped loaders by id live here, in private fields: no other module can read a row by id
//! without its policy check.

mod by_id;
pub mod prefetch;
mod trail_rows;

pub use trail_rows::{
    accountability_proposal, api_token, audit_entry, listing_event, official_transfer, own_account, platform_push,
    proposal_round, public_record, user,
};

use std::sync::Arc;

use async_graphql::Context;
use by_id::ById;
use entity::{
    commitment, complaint, credit_record, objection, official, plan_task, proposal, rectification, repair_application,
    unit,
};

use crate::{
    auth::policy::{
        self, commitments, complaints, proposals,
        records::{self, RecordUse},
        sectors, workflows,
    },
    error::AppError,
    graphql::{context::ContextExt, loaders::request_loaders},
};

type Found<M> = Result<Option<M>, AppError>;

request_loaders! {
    /// The request's unscoped loaders by id, put in its context beside the scoped `Loaders`; their
    /// accessors are private to this module.
    pub struct RowsById {
        units: ById<unit::Entity> = |s| ById::new(&s.db),
        officials: ById<official::Entity> = |s| ById::new(&s.db),
        plan_tasks: ById<plan_task::Entity> = |s| ById::new(&s.db),
        records: ById<credit_record::Entity> = |s| ById::new(&s.db),
        commitments: ById<commitment::Entity> = |s| ById::new(&s.db),
        complaints: ById<complaint::Entity> = |s| ById::new(&s.db),
        proposals: ById<proposal::Entity> = |s| ById::new(&s.db),
        rectifications: ById<rectification::Entity> = |s| ById::new(&s.db),
        objections: ById<objection::Entity> = |s| ById::new(&s.db),
        repair_applications: ById<repair_application::Entity> = |s| ById::new(&s.db),
        users: ById<entity::user_account::Entity> = |s| ById::new(&s.db),
        api_tokens: ById<entity::api_token::Entity> = |s| ById::new(&s.db),
        audit_entries: ById<entity::audit_log::Entity> = |s| ById::new(&s.db),
        platform_pushes: ById<entity::platform_push::Entity> = |s| ById::new(&s.db),
        listing_events: ById<entity::listing_event::Entity> = |s| ById::new(&s.db),
        proposal_rounds: ById<entity::proposal_round::Entity> = |s| ById::new(&s.db),
        official_transfers: ById<entity::official_transfer::Entity> = |s| ById::new(&s.db),
        procurement_contracts: ById<entity::procurement_contract::Entity> = |s| ById::new(&s.db),
        investment_agreements: ById<entity::investment_agreement::Entity> = |s| ById::new(&s.db),
        debt_instruments: ById<entity::debt_instrument::Entity> = |s| ById::new(&s.db),
        ppp_projects: ById<entity::ppp_project::Entity> = |s| ById::new(&s.db),
        ppp_assignments: ById<entity::ppp_stage_assignment::Entity> = |s| ById::new(&s.db),
        tender_projects: ById<entity::tender_project::Entity> = |s| ById::new(&s.db),
        evaluation_periods: ById<entity::evaluation_period::Entity> = |s| ById::new(&s.db),
        evaluations: ById<entity::evaluation::Entity> = |s| ById::new(&s.db),
    }
}

fn rows<'a>(ctx: &'a Context<'_>) -> Result<&'a RowsById, AppError> {
    ctx.data::<Arc<RowsById>>()
        .map(|rows| rows.as_ref())
        .map_err(|_| AppError::Internal("no row loaders in context".into()))
}

/// A unit (the county's register is readable by everyone).
pub async fn unit(ctx: &Context<'_>, row: i32) -> Found<unit::Model> {
    if !policy::can_read_units(ctx.viewer()?) {
        return Ok(None);
    }
    rows(ctx)?.units().load_one(row).await
}

/// A unit a row cannot be without (its foreign key): every reader sees the register, so the field
/// is non-null; a missing row is an internal error.
pub async fn required_unit(ctx: &Context<'_>, row: i32) -> Result<unit::Model, AppError> {
    unit(ctx, row).await?.ok_or_else(|| AppError::Internal(format!("unit {row} is missing")))
}

/// A task of the plan, for a signed-in viewer.
pub async fn plan_task(ctx: &Context<'_>, row: i32) -> Found<plan_task::Model> {
    if policy::can_read_plan_tasks(ctx.viewer()?).is_err() {
        return Ok(None);
    }
    rows(ctx)?.plan_tasks().load_one(row).await
}

/// Whether `unit` lies in the viewer's subtree (asked only when the viewer's reads depend on it).
async fn in_scope(ctx: &Context<'_>, unit: Option<i32>) -> Result<bool, AppError> {
    let Some(unit) = unit else { return Ok(false) };
    if !policy::reads_depend_on_subtree(ctx.viewer()?) {
        return Ok(false);
    }
    Ok(ctx.loaders()?.unit_scope().load_one(unit).await?.unwrap_or(false))
}

/// Whether the viewer's unit leads `sector` (its lead departments see the whole sector).
async fn leads_sector(ctx: &Context<'_>, sector: entity::enums::Sector) -> Result<bool, AppError> {
    let viewer = ctx.viewer()?;
    if !policy::reads_depend_on_subtree(viewer) {
        return Ok(false);
    }
    let Some(own) = viewer.unit_id else { return Ok(false) };
    let Some(own) = rows(ctx)?.units().load_one(own).await? else { return Ok(false) };
    Ok(sectors::unit_leads(own.short_name.as_deref(), sector))
}

/// Whether the viewer may see a row of `sector` whose government-side unit is `unit`.
async fn sector_row_visible(ctx: &Context<'_>, unit: i32, sector: entity::enums::Sector) -> Result<bool, AppError> {
    let scope = in_scope(ctx, Some(unit)).await?;
    let leads = leads_sector(ctx, sector).await?;
    Ok(sectors::can_read_sector_row(ctx.viewer()?, scope, leads))
}

/// A procurement contract, if the viewer may see it.
pub async fn procurement_contract(ctx: &Context<'_>, row: i32) -> Found<entity::procurement_contract::Model> {
    if policy::may(ctx.viewer()?, policy::Operation::ListSectorProjects).is_err() {
        return Ok(None);
    }
    let Some(contract) = rows(ctx)?.procurement_contracts().load_one(row).await? else { return Ok(None) };
    Ok(sector_row_visible(ctx, contract.purchaser_unit_id, entity::enums::Sector::Procurement)
        .await?
        .then_some(contract))
}

/// An investment agreement, if the viewer may see it.
pub async fn investment_agreement(ctx: &Context<'_>, row: i32) -> Found<entity::investment_agreement::Model> {
    if policy::may(ctx.viewer()?, policy::Operation::ListSectorProjects).is_err() {
        return Ok(None);
    }
    let Some(agreement) = rows(ctx)?.investment_agreements().load_one(row).await? else { return Ok(None) };
    Ok(sector_row_visible(ctx, agreement.unit_id, entity::enums::Sector::InvestmentPromotion)
        .await?
        .then_some(agreement))
}

/// A PPP project, if the viewer may see it.
pub async fn ppp_project(ctx: &Context<'_>, row: i32) -> Found<entity::ppp_project::Model> {
    if policy::may(ctx.viewer()?, policy::Operation::ListSectorProjects).is_err() {
        return Ok(None);
    }
    let Some(project) = rows(ctx)?.ppp_projects().load_one(row).await? else { return Ok(None) };
    Ok(sector_row_visible(ctx, project.unit_id, entity::enums::Sector::Ppp).await?.then_some(project))
}

/// A PPP stage assignment, if the viewer may see its project.
pub async fn ppp_stage_assignment(ctx: &Context<'_>, row: i32) -> Found<entity::ppp_stage_assignment::Model> {
    let Some(assignment) = rows(ctx)?.ppp_assignments().load_one(row).await? else { return Ok(None) };
    Ok(ppp_project(ctx, assignment.project_id).await?.map(|_| assignment))
}

/// A tender project, if the viewer may see it.
pub async fn tender_project(ctx: &Context<'_>, row: i32) -> Found<entity::tender_project::Model> {
    if policy::may(ctx.viewer()?, policy::Operation::ListSectorProjects).is_err() {
        return Ok(None);
    }
    let Some(tender) = rows(ctx)?.tender_projects().load_one(row).await? else { return Ok(None) };
    Ok(sector_row_visible(ctx, tender.unit_id, entity::enums::Sector::Bidding).await?.then_some(tender))
}

/// An evaluation period (their names and dates are public).
pub async fn evaluation_period(ctx: &Context<'_>, row: i32) -> Found<entity::evaluation_period::Model> {
    policy::may(ctx.viewer()?, policy::Operation::ListEvaluations)?;
    rows(ctx)?.evaluation_periods().load_one(row).await
}

/// An evaluation, if the viewer may see it (published, or by the row rule).
pub async fn evaluation(ctx: &Context<'_>, row: i32) -> Found<entity::evaluation::Model> {
    policy::may(ctx.viewer()?, policy::Operation::ListEvaluations)?;
    let Some(model) = rows(ctx)?.evaluations().load_one(row).await? else { return Ok(None) };
    let scope = in_scope(ctx, Some(model.unit_id)).await?;
    Ok(policy::evaluations::can_read_evaluation(ctx.viewer()?, model.published, scope).then_some(model))
}

/// A debt instrument with its borrower's kind, if the viewer may see it.
pub async fn debt_instrument(
    ctx: &Context<'_>,
    row: i32,
) -> Result<Option<(entity::debt_instrument::Model, entity::enums::UnitKind)>, AppError> {
    if policy::may(ctx.viewer()?, policy::Operation::ListSectorProjects).is_err() {
        return Ok(None);
    }
    let Some(debt) = rows(ctx)?.debt_instruments().load_one(row).await? else { return Ok(None) };
    if !sector_row_visible(ctx, debt.unit_id, entity::enums::Sector::Debt).await? {
        return Ok(None);
    }
    let Some(borrower) = rows(ctx)?.units().load_one(debt.unit_id).await? else { return Ok(None) };
    Ok(Some((debt, borrower.kind)))
}

/// An official, if the viewer may see them.
pub async fn official(ctx: &Context<'_>, row: i32) -> Found<official::Model> {
    let Some(official) = rows(ctx)?.officials().load_one(row).await? else { return Ok(None) };
    let scope = in_scope(ctx, Some(official.unit_id)).await?;
    Ok(policy::can_read_official(ctx.viewer()?, scope).then_some(official))
}

/// A credit record, if the viewer may see it.
pub async fn record(ctx: &Context<'_>, row: i32) -> Found<credit_record::Model> {
    let today = ctx.state()?.clock.today();
    let Some(record) = rows(ctx)?.records().load_one(row).await? else { return Ok(None) };
    let scope = in_scope(ctx, Some(record.unit_id)).await?;
    Ok(records::can_read_record(ctx.viewer()?, &record, today, RecordUse::Rows, scope).then_some(record))
}

/// A commitment, if the viewer may see it.
pub async fn commitment(ctx: &Context<'_>, row: i32) -> Found<commitment::Model> {
    let Some(commitment) = rows(ctx)?.commitments().load_one(row).await? else { return Ok(None) };
    let scope = in_scope(ctx, Some(commitment.unit_id)).await?;
    Ok(commitments::can_read_commitment(ctx.viewer()?, &commitment, scope).then_some(commitment))
}

/// Whether the viewer sees a workflow row of record `record`: signed in and the record visible.
async fn workflow_visible(ctx: &Context<'_>, record_id: i32) -> Result<bool, AppError> {
    Ok(workflows::can_read_workflows(ctx.viewer()?) && record(ctx, record_id).await?.is_some())
}

/// A rectification, if the viewer may see its record.
pub async fn rectification(ctx: &Context<'_>, row: i32) -> Found<rectification::Model> {
    let Some(model) = rows(ctx)?.rectifications().load_one(row).await? else { return Ok(None) };
    Ok(workflow_visible(ctx, model.record_id).await?.then_some(model))
}

/// An objection, if the viewer may see its record.
pub async fn objection(ctx: &Context<'_>, row: i32) -> Found<objection::Model> {
    let Some(model) = rows(ctx)?.objections().load_one(row).await? else { return Ok(None) };
    Ok(workflow_visible(ctx, model.record_id).await?.then_some(model))
}

/// A repair application, if the viewer may see its record.
pub async fn repair_application(ctx: &Context<'_>, row: i32) -> Found<repair_application::Model> {
    let Some(model) = rows(ctx)?.repair_applications().load_one(row).await? else { return Ok(None) };
    Ok(workflow_visible(ctx, model.record_id).await?.then_some(model))
}

/// A complaint, if the viewer may see it (a clerk: aimed at or assigned to its subtree).
pub async fn complaint(ctx: &Context<'_>, row: i32) -> Found<complaint::Model> {
    let viewer = ctx.viewer()?;
    if policy::may(viewer, policy::Operation::ListComplaints).is_err() {
        return Ok(None);
    }
    let Some(model) = rows(ctx)?.complaints().load_one(row).await? else { return Ok(None) };
    let scope = in_scope(ctx, Some(model.target_unit_id)).await? || in_scope(ctx, model.assigned_unit_id).await?;
    Ok(complaints::can_read_complaint(viewer, scope).then_some(model))
}

/// A proposal, if the viewer may see it (a clerk: handled in its subtree).
pub async fn proposal(ctx: &Context<'_>, row: i32) -> Found<proposal::Model> {
    let viewer = ctx.viewer()?;
    if policy::may(viewer, policy::Operation::ListProposals).is_err() {
        return Ok(None);
    }
    let Some(model) = rows(ctx)?.proposals().load_one(row).await? else { return Ok(None) };
    let scope = in_scope(ctx, Some(model.handling_unit_id)).await?;
    Ok(proposals::can_read_proposal(viewer, scope).then_some(model))
}
