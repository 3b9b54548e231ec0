//! `AccountabilityProposal` 问责建议.

use async_graphql::{Context, Enum, Object, ID};
use entity::accountability_proposal;

use super::{CreditRecord, Rectification, Unit};
use crate::{
    error::AppResult,
    graphql::{
        access,
        connection::connection_types,
        ids::{global_id, NodeType},
        scalars::{Date, DateTime},
    },
};

/// Where an accountability proposal stands.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::AccountabilityStatus")]
pub enum AccountabilityStatus {
    /// Awaiting the 监委's decision.
    Proposed,
    /// Confirmed: the ACCOUNTABILITY record was made.
    Confirmed,
    /// Dismissed, with a reason.
    Dismissed,
}

/// A proposal to hold a unit to account for a rectification left overdue (逾期未整改 → 依法依规
/// 追究责任, plan 2.3.2), opened by the deadline sweep for the 监委's recorder.
#[derive(Clone)]
pub struct AccountabilityProposal(pub accountability_proposal::Model);

/// A proposal to hold a unit to account for a rectification left overdue (逾期未整改 → 依法依规
/// 追究责任, plan 2.3.2), opened by the deadline sweep for the 监委's recorder.
#[Object(visible = "crate::graphql::visibility::list_accountability_proposals")]
impl AccountabilityProposal {
    /// The proposal's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::AccountabilityProposal, self.0.id)
    }

    /// Where it stands.
    async fn status(&self) -> AccountabilityStatus {
        self.0.status.into()
    }

    /// The unit held to account.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(crate::graphql::access::required_unit(ctx, self.0.unit_id).await?))
    }

    /// The dishonesty record whose rectification is overdue, if the viewer may see it.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn record(&self, ctx: &Context<'_>) -> AppResult<Option<CreditRecord>> {
        Ok(access::record(ctx, self.0.record_id).await?.map(CreditRecord))
    }

    /// The overdue rectification, if the viewer may see it.
    async fn rectification(&self, ctx: &Context<'_>) -> AppResult<Option<Rectification>> {
        Ok(access::rectification(ctx, self.0.rectification_id).await?.map(Rectification))
    }

    /// The first day past the rectification's deadline.
    async fn overdue_since(&self) -> Date {
        Date(self.0.overdue_since)
    }

    /// Confirmed: the ACCOUNTABILITY record it made, if the viewer may see it.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn accountability_record(&self, ctx: &Context<'_>) -> AppResult<Option<CreditRecord>> {
        let Some(record) = self.0.accountability_record_id else { return Ok(None) };
        Ok(access::record(ctx, record).await?.map(CreditRecord))
    }

    /// Dismissed: why.
    async fn dismissal_reason(&self) -> Option<&str> {
        self.0.dismissal_reason.as_deref()
    }

    /// When it was decided.
    async fn decided_on(&self) -> Option<Date> {
        self.0.decided_on.map(Date)
    }

    /// Send back with the decision.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When the sweep opened it.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }
}

connection_types!(
    AccountabilityProposalConnection,
    AccountabilityProposalEdge,
    AccountabilityProposal,
    "accountability proposals"
);
