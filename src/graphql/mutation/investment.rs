//! `createInvestmentAgreement`, `fulfilInvestmentAgreement`, `changeInvestmentAgreement`,
//! `recordInvestmentBreach` (plan task 3.4): never broken for turnover (`TURNOVER_IS_NO_GROUND`);
//! a breach makes the signing unit's CONTRACT_BREACH record in the same transaction.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    error::AppResult,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::{Date, Decimal},
        types::{
            commitment::ChangeGround, investment_agreement::InvestmentAgreement, record_enums::Severity, CreditRecord,
        },
    },
    service::investment::{self, NewAgreement, Outcome},
};

/// An agreement as signed.
#[derive(InputObject)]
pub struct CreateInvestmentAgreementInput {
    /// The government unit that signed it (a clerk: one of its own units).
    pub unit_id: ID,
    /// The agreement number (unique, at most 50 characters).
    pub agreement_number: String,
    /// The investor's name.
    pub investor_name: String,
    /// The investor's USCC; one that fails GB 32100 is kept and flagged.
    pub investor_uscc: String,
    /// The project (at most 300 characters).
    pub project_name: String,
    /// The agreed investment, in yuan (more than 0).
    pub agreed_investment: Decimal,
    /// The day it was signed (not in the future).
    pub signed_on: Date,
}

/// An agreement kept.
#[derive(InputObject)]
pub struct FulfilInvestmentAgreementInput {
    /// The agreement.
    pub id: ID,
    /// The version you read; a stale one is refused with `CONFLICT`.
    pub version: i32,
    /// The day it was fulfilled (not before signing, not in the future).
    pub fulfilled_on: Date,
}

/// A lawful change or termination (优化营商环境条例 art. 31).
#[derive(InputObject)]
pub struct ChangeInvestmentAgreementInput {
    /// The agreement.
    pub id: ID,
    /// The version you read; a stale one is refused with `CONFLICT`.
    pub version: i32,
    /// Its ground: national or public interest, a change of law or force majeure. Government
    /// turnover, a change of responsible person, a division adjustment or a reorganisation are
    /// refused with `TURNOVER_IS_NO_GROUND`.
    pub ground: ChangeGround,
    /// What changed and why (at most 2000 characters).
    pub reason: String,
    /// The legal basis (at most 2000 characters).
    pub legal_basis: String,
    /// The statutory procedure followed (at most 2000 characters).
    pub procedure: String,
    /// The compensation paid to the investor, in yuan (依法予以补偿; not negative).
    pub compensation: Option<Decimal>,
    /// The change ends the agreement (a termination).
    #[graphql(default)]
    pub terminated: bool,
    /// The day of the change (not before signing, not in the future).
    pub changed_on: Date,
}

/// A breach by the government side.
#[derive(InputObject)]
pub struct RecordInvestmentBreachInput {
    /// The agreement.
    pub id: ID,
    /// The version you read; a stale one is refused with `CONFLICT`.
    pub version: i32,
    /// What was not kept (the record's facts, at most 10000 characters).
    pub facts: String,
    /// The record's severity (default GENERAL).
    pub severity: Option<Severity>,
    /// The day it was broken (not before signing, not in the future).
    pub occurred_on: Date,
}

/// The agreement as saved, and the record a breach made.
#[derive(SimpleObject)]
pub struct InvestmentAgreementPayload {
    /// The agreement.
    pub agreement: InvestmentAgreement,
    /// The CONTRACT_BREACH record, for a breach.
    pub record: Option<CreditRecord>,
}

#[derive(Default)]
pub struct InvestmentMutation;

async fn conclude(ctx: &Context<'_>, id: &ID, version: i32, outcome: Outcome) -> AppResult<InvestmentAgreementPayload> {
    let id = expect_id(id, NodeType::InvestmentAgreement, "input.id")?;
    let (row, record) = investment::conclude(ctx.state()?, &ctx.actor()?, id, version, outcome).await?;
    Ok(InvestmentAgreementPayload { agreement: InvestmentAgreement(row), record: record.map(CreditRecord) })
}

#[Object]
impl InvestmentMutation {
    /// Enters an investment agreement (a unit clerk for its own units, 工信商务局 or 招商办 or the
    /// credit office for any). Audited.
    #[graphql(visible = "crate::graphql::visibility::keep_sector_projects")]
    async fn create_investment_agreement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The agreement.")] input: CreateInvestmentAgreementInput,
    ) -> AppResult<InvestmentAgreementPayload> {
        let new = NewAgreement {
            unit_id: expect_id(&input.unit_id, NodeType::Unit, "input.unitId")?,
            agreement_number: input.agreement_number,
            investor_name: input.investor_name,
            investor_uscc: input.investor_uscc,
            project_name: input.project_name,
            agreed_investment_fen: input.agreed_investment.to_fen("input.agreedInvestment")?,
            signed_on: input.signed_on.0,
        };
        let row = investment::create(ctx.state()?, &ctx.actor()?, new).await?;
        Ok(InvestmentAgreementPayload { agreement: InvestmentAgreement(row), record: None })
    }

    /// Records an ACTIVE agreement as kept. Audited.
    #[graphql(visible = "crate::graphql::visibility::keep_sector_projects")]
    async fn fulfil_investment_agreement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The fulfilment.")] input: FulfilInvestmentAgreementInput,
    ) -> AppResult<InvestmentAgreementPayload> {
        conclude(ctx, &input.id, input.version, Outcome::Fulfilled { on: input.fulfilled_on.0 }).await
    }

    /// Changes or ends an ACTIVE agreement by a lawful procedure, with its ground, legal basis,
    /// procedure and compensation. Audited.
    #[graphql(visible = "crate::graphql::visibility::keep_sector_projects")]
    async fn change_investment_agreement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The change.")] input: ChangeInvestmentAgreementInput,
    ) -> AppResult<InvestmentAgreementPayload> {
        let outcome = Outcome::Changed {
            ground: input.ground.into(),
            reason: input.reason,
            legal_basis: input.legal_basis,
            procedure: input.procedure,
            compensation_fen: input.compensation.map(|c| c.to_fen("input.compensation")).transpose()?,
            terminated: input.terminated,
            on: input.changed_on.0,
        };
        conclude(ctx, &input.id, input.version, outcome).await
    }

    /// Records that the government side broke an ACTIVE agreement: BREACHED, and the signing
    /// unit's CONTRACT_BREACH record (sector INVESTMENT_PROMOTION, SHARED), linked, in the same
    /// transaction. Audited.
    #[graphql(visible = "crate::graphql::visibility::keep_sector_projects")]
    async fn record_investment_breach(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The breach.")] input: RecordInvestmentBreachInput,
    ) -> AppResult<InvestmentAgreementPayload> {
        let outcome = Outcome::Breached {
            facts: input.facts,
            severity: input.severity.map(Into::into).unwrap_or(entity::enums::Severity::General),
            occurred_on: input.occurred_on.0,
        };
        conclude(ctx, &input.id, input.version, outcome).await
    }
}
