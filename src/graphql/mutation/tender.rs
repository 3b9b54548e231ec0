//! `createTenderProject`, `recordTenderAward`, `recordTenderFailure`, `recordTenderViolation`
//! (plan task 3.3): a tender is awarded to a bidder checked with a third-party credit report, or
//! fails; a violation by the tenderer makes its record (sector BIDDING) in the same transaction.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    error::AppResult,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::{Date, Decimal},
        types::{
            record_enums::{RecordCategory, Severity},
            tender_project::{TenderMethod, TenderProject},
            CreditRecord,
        },
    },
    service::tender::{self, NewTender, Outcome, Violation},
};

/// A tender as announced.
#[derive(InputObject)]
pub struct CreateTenderProjectInput {
    /// The tenderer (招标人; a clerk: one of its own units).
    pub unit_id: ID,
    /// The project number (unique, at most 50 characters).
    pub project_number: String,
    /// The project's name (at most 300 characters).
    pub name: String,
    /// The tendering agency (招标代理机构); leave out when the body tenders itself.
    pub agency_name: Option<String>,
    /// How it invites bids.
    pub method: TenderMethod,
    /// The budget (招标控制价), in yuan (more than 0).
    pub budget: Decimal,
    /// The day bids are opened (may lie ahead).
    pub bid_opening_on: Date,
}

/// The award of an OPEN tender.
#[derive(InputObject)]
pub struct RecordTenderAwardInput {
    /// The tender.
    pub id: ID,
    /// The version you read; a stale one is refused with `CONFLICT`.
    pub version: i32,
    /// The winning bidder (at most 200 characters).
    pub winning_bidder_name: String,
    /// The winning bidder's USCC; one that fails GB 32100 is kept and flagged.
    pub winning_bidder_uscc: String,
    /// The winning bid, in yuan (more than 0).
    pub award_amount: Decimal,
    /// The third-party credit report (第三方信用报告) the bidder's credit was checked with: its
    /// reference (required, at most 100 characters).
    pub credit_report_reference: String,
    /// The day it was awarded (not before the bid opening, not in the future).
    pub awarded_on: Date,
}

/// The failure of an OPEN tender (流标).
#[derive(InputObject)]
pub struct RecordTenderFailureInput {
    /// The tender.
    pub id: ID,
    /// The version you read; a stale one is refused with `CONFLICT`.
    pub version: i32,
    /// Why it failed, e.g. fewer than three bidders (at most 2000 characters).
    pub reason: String,
    /// The day it failed (not before the bid opening, not in the future).
    pub failed_on: Date,
}

/// A violation by the tenderer.
#[derive(InputObject)]
pub struct RecordTenderViolationInput {
    /// The tender.
    pub id: ID,
    /// The record's category (default OTHER; COMMENDATION is refused).
    pub category: Option<RecordCategory>,
    /// The record's severity (default GENERAL).
    pub severity: Option<Severity>,
    /// What the tenderer did (the record's facts, at most 10000 characters).
    pub facts: String,
    /// The day it happened (not in the future).
    pub occurred_on: Date,
}

/// The tender as saved.
#[derive(SimpleObject)]
pub struct TenderProjectPayload {
    /// The tender.
    pub tender: TenderProject,
}

/// The tender and the record its violation made.
#[derive(SimpleObject)]
pub struct RecordTenderViolationPayload {
    /// The tender.
    pub tender: TenderProject,
    /// The tenderer's record (sector BIDDING, SHARED).
    pub record: CreditRecord,
}

#[derive(Default)]
pub struct TenderMutation;

async fn conclude(ctx: &Context<'_>, id: &ID, version: i32, outcome: Outcome) -> AppResult<TenderProjectPayload> {
    let id = expect_id(id, NodeType::TenderProject, "input.id")?;
    let row = tender::conclude(ctx.state()?, &ctx.actor()?, id, version, outcome).await?;
    Ok(TenderProjectPayload { tender: TenderProject(row) })
}

#[Object]
impl TenderMutation {
    /// Enters a tender, OPEN (a unit clerk for its own units, 发改局, 行政服务中心 or the credit
    /// office for any). Audited.
    #[graphql(visible = "crate::graphql::visibility::keep_sector_projects")]
    async fn create_tender_project(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The tender.")] input: CreateTenderProjectInput,
    ) -> AppResult<TenderProjectPayload> {
        let new = NewTender {
            unit_id: expect_id(&input.unit_id, NodeType::Unit, "input.unitId")?,
            project_number: input.project_number,
            name: input.name,
            agency_name: input.agency_name,
            method: input.method.into(),
            budget_fen: input.budget.to_fen("input.budget")?,
            bid_opening_on: input.bid_opening_on.0,
        };
        let row = tender::create(ctx.state()?, &ctx.actor()?, new).await?;
        Ok(TenderProjectPayload { tender: TenderProject(row) })
    }

    /// Records the award of an OPEN tender, with the third-party credit report the winning
    /// bidder was checked with. Audited.
    #[graphql(visible = "crate::graphql::visibility::keep_sector_projects")]
    async fn record_tender_award(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The award.")] input: RecordTenderAwardInput,
    ) -> AppResult<TenderProjectPayload> {
        let outcome = Outcome::Awarded {
            bidder_name: input.winning_bidder_name,
            bidder_uscc: input.winning_bidder_uscc,
            amount_fen: input.award_amount.to_fen("input.awardAmount")?,
            credit_report_reference: input.credit_report_reference,
            on: input.awarded_on.0,
        };
        conclude(ctx, &input.id, input.version, outcome).await
    }

    /// Records that an OPEN tender failed (流标). Audited.
    #[graphql(visible = "crate::graphql::visibility::keep_sector_projects")]
    async fn record_tender_failure(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The failure.")] input: RecordTenderFailureInput,
    ) -> AppResult<TenderProjectPayload> {
        conclude(ctx, &input.id, input.version, Outcome::Failed { reason: input.reason, on: input.failed_on.0 }).await
    }

    /// Records a violation of the bidding law by the tenderer: its dishonesty record (sector
    /// BIDDING, SHARED), linked to the tender, in the same transaction. Audited.
    #[graphql(visible = "crate::graphql::visibility::keep_sector_projects")]
    async fn record_tender_violation(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The violation.")] input: RecordTenderViolationInput,
    ) -> AppResult<RecordTenderViolationPayload> {
        let violation = Violation {
            tender_id: expect_id(&input.id, NodeType::TenderProject, "input.id")?,
            category: input.category.map(Into::into).unwrap_or(entity::enums::RecordCategory::Other),
            severity: input.severity.map(Into::into).unwrap_or(entity::enums::Severity::General),
            facts: input.facts,
            occurred_on: input.occurred_on.0,
        };
        let (tender, record) = tender::record_violation(ctx.state()?, &ctx.actor()?, violation).await?;
        Ok(RecordTenderViolationPayload { tender: TenderProject(tender), record: CreditRecord(record) })
    }
}
