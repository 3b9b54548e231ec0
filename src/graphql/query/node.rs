//! `node(id:)`: any object by its global id, through the same loaders and policy as its type.

use crate::error::{AppResult, Reason};
use async_graphql::{Context, Object, ID};

use crate::{
    auth::policy::{self, Operation},
    error::AppError,
    graphql::{
        access,
        context::ContextExt,
        ids::{parse_global_id, NodeType},
        types::{
            AccountabilityProposal, ApiToken, AuditEntry, Commitment, Complaint, CreditRecord, DebtInstrument,
            InvestmentAgreement, ListingEvent, Node, Objection, Official, OfficialTransfer, PlanTask, PlatformPush,
            PppProject, PppStageAssignment, ProcurementContract, Proposal, ProposalRound, PublicRecord, Rectification,
            RepairApplication, TenderProject, Unit, User, ViewerInfo,
        },
    },
};

#[derive(Default)]
pub struct NodeQuery;

#[Object]
impl NodeQuery {
    /// The object with this global id, or null when there is none the viewer may see.
    async fn node(&self, ctx: &Context<'_>, #[graphql(desc = "A global id.")] id: ID) -> AppResult<Option<Node>> {
        let viewer = ctx.viewer()?;
        if let Some(subject) = crate::ids::parse_viewer_id(&id) {
            return Ok((subject == viewer.subject).then(|| Node::Viewer(ViewerInfo(viewer.clone()))));
        }
        let (node_type, row) = parse_global_id(&id).ok_or_else(|| AppError::bad_argument("id", Reason::InvalidId))?;
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
            NodeType::ProposalRound => {
                access::proposal_round(ctx, row).await?.map(|r| Node::ProposalRound(ProposalRound(r)))
            }
            NodeType::ListingEvent => {
                access::listing_event(ctx, row).await?.map(|e| Node::ListingEvent(ListingEvent(e)))
            }
            NodeType::AccountabilityProposal => access::accountability_proposal(ctx, row)
                .await?
                .map(|p| Node::AccountabilityProposal(AccountabilityProposal(p))),
            NodeType::OfficialTransfer => {
                access::official_transfer(ctx, row).await?.map(|t| Node::OfficialTransfer(OfficialTransfer(t)))
            }
            NodeType::PublicRecord => {
                access::public_record(ctx, row).await?.map(|r| Node::PublicRecord(PublicRecord(r)))
            }
            NodeType::ProcurementContract => {
                access::procurement_contract(ctx, row).await?.map(|c| Node::ProcurementContract(ProcurementContract(c)))
            }
            NodeType::InvestmentAgreement => {
                access::investment_agreement(ctx, row).await?.map(|a| Node::InvestmentAgreement(InvestmentAgreement(a)))
            }
            NodeType::DebtInstrument => access::debt_instrument(ctx, row)
                .await?
                .map(|(debt, kind)| Node::DebtInstrument(DebtInstrument(debt, kind))),
            NodeType::PppProject => access::ppp_project(ctx, row).await?.map(|p| Node::PppProject(PppProject(p))),
            NodeType::PppStageAssignment => {
                access::ppp_stage_assignment(ctx, row).await?.map(|a| Node::PppStageAssignment(PppStageAssignment(a)))
            }
            NodeType::EvaluationPeriod => access::evaluation_period(ctx, row)
                .await?
                .map(|p| Node::EvaluationPeriod(crate::graphql::types::evaluation::EvaluationPeriod(p))),
            NodeType::Evaluation => access::evaluation(ctx, row)
                .await?
                .map(|e| Node::Evaluation(crate::graphql::types::evaluation::Evaluation(e))),
            NodeType::TenderProject => {
                access::tender_project(ctx, row).await?.map(|t| Node::TenderProject(TenderProject(t)))
            }
            NodeType::PlatformPush => {
                access::platform_push(ctx, row).await?.map(|p| Node::PlatformPush(PlatformPush(p)))
            }
            NodeType::AuditEntry => access::audit_entry(ctx, row).await?.map(|e| Node::AuditEntry(AuditEntry(e))),
            NodeType::User => access::user(ctx, row).await?.map(|u| Node::User(User(u))),
            NodeType::ApiToken => access::api_token(ctx, row).await?.map(|t| Node::ApiToken(ApiToken(t))),
        })
    }
}
