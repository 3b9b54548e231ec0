//! `node(id:)`: any object by its global id, through the same loaders and policy as its type.

use async_graphql::{Context, Object, Result, ID};

use crate::{
    auth::policy::{
        self, commitments,
        records::{self, RecordUse},
        Operation,
    },
    error::AppError,
    graphql::{
        context::ContextExt,
        ids::{parse_global_id, NodeType},
        query::{load_complaint, load_objection, load_proposal, load_rectification, load_repair_application},
        types::{Commitment, CreditRecord, Node, Official, PlanTask, Unit},
    },
};

#[derive(Default)]
pub struct NodeQuery;

#[Object]
impl NodeQuery {
    /// The object with this global id, or null when there is none the viewer may see.
    async fn node(&self, ctx: &Context<'_>, #[graphql(desc = "A global id.")] id: ID) -> Result<Option<Node>> {
        let (node_type, row) = parse_global_id(&id).ok_or_else(|| AppError::bad_input("id", "not a valid id"))?;
        let loaders = ctx.loaders()?;
        let viewer = ctx.viewer()?;
        Ok(match node_type {
            NodeType::Unit => {
                if !policy::can_read_units(viewer) {
                    return Ok(None);
                }
                loaders.units.load_one(row).await?.map(|u| Node::Unit(Unit(u)))
            }
            NodeType::Official => load_official(ctx, row).await?.map(Node::Official),
            NodeType::PlanTask => {
                if policy::can_read_plan_tasks(viewer).is_err() {
                    return Ok(None);
                }
                loaders.plan_tasks.load_one(row).await?.map(|t| Node::PlanTask(PlanTask(t)))
            }
            NodeType::CreditRecord => {
                if policy::may(viewer, Operation::ListCreditRecords).is_err() {
                    return Ok(None);
                }
                load_record(ctx, row).await?.map(Node::CreditRecord)
            }
            NodeType::Commitment => load_commitment(ctx, row).await?.map(Node::Commitment),
            NodeType::Rectification => load_rectification(ctx, row).await?.map(Node::Rectification),
            NodeType::Objection => load_objection(ctx, row).await?.map(Node::Objection),
            NodeType::RepairApplication => load_repair_application(ctx, row).await?.map(Node::RepairApplication),
            NodeType::Complaint => load_complaint(ctx, row).await?.map(Node::Complaint),
            NodeType::Proposal => load_proposal(ctx, row).await?.map(Node::Proposal),
            NodeType::User | NodeType::ApiToken | NodeType::AuditEntry | NodeType::PlatformPush => None,
        })
    }
}

/// An official by row id if the viewer may see them (the single-row form of the policy).
pub async fn load_official(ctx: &Context<'_>, row: i32) -> Result<Option<Official>, AppError> {
    let viewer = ctx.viewer()?;
    let loaders = ctx.loaders()?;
    let Some(official) = loaders.officials.load_one(row).await? else {
        return Ok(None);
    };
    let in_scope = if policy::reads_depend_on_subtree(viewer) {
        loaders.unit_scope.load_one(official.unit_id).await?.unwrap_or(false)
    } else {
        false
    };
    Ok(policy::can_read_official(viewer, in_scope).then_some(Official(official)))
}

/// A record by row id if the viewer may see it (the single-row form of the record policy).
pub async fn load_record(ctx: &Context<'_>, row: i32) -> Result<Option<CreditRecord>, AppError> {
    let viewer = ctx.viewer()?;
    let loaders = ctx.loaders()?;
    let today = ctx.state()?.clock.today();
    let Some(record) = loaders.records.load_one(row).await? else { return Ok(None) };
    let in_scope = if policy::reads_depend_on_subtree(viewer) {
        loaders.unit_scope.load_one(record.unit_id).await?.unwrap_or(false)
    } else {
        false
    };
    Ok(records::can_read_record(viewer, &record, today, RecordUse::Rows, in_scope).then_some(CreditRecord(record)))
}

/// A commitment by row id if the viewer may see it.
pub async fn load_commitment(ctx: &Context<'_>, row: i32) -> Result<Option<Commitment>, AppError> {
    let viewer = ctx.viewer()?;
    let loaders = ctx.loaders()?;
    let Some(commitment) = loaders.commitments.load_one(row).await? else { return Ok(None) };
    let in_scope = policy::reads_depend_on_subtree(viewer)
        && loaders.unit_scope.load_one(commitment.unit_id).await?.unwrap_or(false);
    Ok(commitments::can_read_commitment(viewer, &commitment, in_scope).then_some(Commitment(commitment)))
}
