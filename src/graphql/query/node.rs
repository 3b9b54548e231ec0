//! `node(id:)`: any object by its global id, through the same loaders and policy as its type.

use crate::error::AppResult;
use async_graphql::{Context, Object, ID};

use crate::{
    auth::policy::{self, Operation},
    error::AppError,
    graphql::{
        access,
        context::ContextExt,
        ids::{parse_global_id, NodeType},
        types::{
            Commitment, Complaint, CreditRecord, Node, Objection, Official, PlanTask, Proposal, Rectification,
            RepairApplication, Unit,
        },
    },
};

#[derive(Default)]
pub struct NodeQuery;

#[Object]
impl NodeQuery {
    /// The object with this global id, or null when there is none the viewer may see.
    async fn node(&self, ctx: &Context<'_>, #[graphql(desc = "A global id.")] id: ID) -> AppResult<Option<Node>> {
        let (node_type, row) = parse_global_id(&id).ok_or_else(|| AppError::bad_argument("id", "not a valid id"))?;
        let viewer = ctx.viewer()?;
        Ok(match node_type {
            NodeType::Unit => access::unit(ctx, row).await?.map(|u| Node::Unit(Unit(u))),
            NodeType::Official => access::official(ctx, row).await?.map(|o| Node::Official(Official(o))),
            NodeType::PlanTask => access::plan_task(ctx, row).await?.map(|t| Node::PlanTask(PlanTask(t))),
            NodeType::CreditRecord => {
                if policy::may(viewer, Operation::ListCreditRecords).is_err() {
                    return Ok(None);
                }
                access::record(ctx, row).await?.map(|r| Node::CreditRecord(CreditRecord(r)))
            }
            NodeType::Commitment => access::commitment(ctx, row).await?.map(|c| Node::Commitment(Commitment(c))),
            NodeType::Rectification => {
                access::rectification(ctx, row).await?.map(|r| Node::Rectification(Rectification(r)))
            }
            NodeType::Objection => access::objection(ctx, row).await?.map(|o| Node::Objection(Objection(o))),
            NodeType::RepairApplication => {
                access::repair_application(ctx, row).await?.map(|r| Node::RepairApplication(RepairApplication(r)))
            }
            NodeType::Complaint => access::complaint(ctx, row).await?.map(|c| Node::Complaint(Complaint(c))),
            NodeType::Proposal => access::proposal(ctx, row).await?.map(|p| Node::Proposal(Proposal(p))),
            NodeType::User
            | NodeType::ApiToken
            | NodeType::AuditEntry
            | NodeType::PlatformPush
            | NodeType::ListingEvent
            | NodeType::ProposalRound
            | NodeType::AccountabilityProposal
            | NodeType::OfficialTransfer => None,
        })
    }
}
