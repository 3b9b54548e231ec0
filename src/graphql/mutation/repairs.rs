//! `applyForRepair`, `decideRepair`: credit repair (信用修复) under the rule set in force on the
//! record's decision date. Approved, the record is REPAIRED: it leaves the portal, stops counting
//! in credit checks, and is pushed to the platform as repaired.

use crate::error::AppResult;
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject, ID};

use crate::{
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        types::{CreditRecord, RepairApplication},
    },
    service::repairs,
};

/// An application for credit repair.
#[derive(InputObject)]
pub struct ApplyForRepairInput {
    /// The record to repair.
    pub record_id: ID,
    /// The measures taken: loss recovered, impact removed … (at most 5000 characters).
    pub measures: String,
}

/// The credit office's verdict.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum RepairVerdict {
    /// Repair the record (it must still be eligible).
    Approve,
    /// Refuse, with reasons.
    Reject,
}

/// A decision on a repair application.
#[derive(InputObject)]
pub struct DecideRepairInput {
    /// The application.
    pub id: ID,
    /// The version you read.
    pub version: i32,
    /// Approve or reject.
    pub verdict: RepairVerdict,
    /// The decision's text.
    pub decision: String,
}

/// The application as saved, and the record once repaired.
#[derive(SimpleObject)]
pub struct RepairPayload {
    /// The application.
    pub repair_application: RepairApplication,
    /// The REPAIRED record, for an approval.
    pub record: Option<CreditRecord>,
}

#[derive(Default)]
pub struct RepairMutation;

#[Object]
impl RepairMutation {
    /// Applies for repair of a record: its unit's clerk, or a personnel office for an official's
    /// record. Refused (`INVALID_TRANSITION`) unless eligible today; when only the minimum
    /// disclosure is missing, `extensions.eligibleFrom` gives the first eligible day.
    #[graphql(visible = "crate::graphql::visibility::apply_for_repair")]
    async fn apply_for_repair(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The record and the measures taken.")] input: ApplyForRepairInput,
    ) -> AppResult<RepairPayload> {
        let record = expect_id(&input.record_id, NodeType::CreditRecord, "input.recordId")?;
        let filed = repairs::apply(ctx.state()?, &ctx.actor()?, record, &input.measures).await?;
        Ok(RepairPayload { repair_application: RepairApplication(filed), record: None })
    }

    /// The credit office approves (the record becomes REPAIRED and is pushed; eligibility is
    /// checked again) or rejects an application.
    #[graphql(visible = "crate::graphql::visibility::decide_repairs")]
    async fn decide_repair(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The verdict.")] input: DecideRepairInput,
    ) -> AppResult<RepairPayload> {
        let id = expect_id(&input.id, NodeType::RepairApplication, "input.id")?;
        let approve = input.verdict == RepairVerdict::Approve;
        let (state, actor) = (ctx.state()?, ctx.actor()?);
        let (saved, record) = repairs::decide(state, &actor, id, input.version, approve, &input.decision).await?;
        Ok(RepairPayload { repair_application: RepairApplication(saved), record: record.map(CreditRecord) })
    }
}
