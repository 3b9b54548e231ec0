//! `createProcurementContract`, `recordAcceptance`, `recordPayment` (plan task 3.1): a payment
//! later than 《保障中小企业款项支付条例》 art. 8 allows makes the purchaser's CONTRACT_BREACH record in
//! the same transaction.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    error::AppResult,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::{Date, Decimal},
        types::{
            procurement_contract::{Acceptance, ProcurementContract, ProcurementMethod},
            CreditRecord,
        },
    },
    service::procurement::{self, AcceptanceReport, NewContract, Payment},
};

/// A contract as signed.
#[derive(InputObject)]
pub struct CreateProcurementContractInput {
    /// The purchaser (a clerk: one of its own units; 财政局: any).
    pub purchaser_unit_id: ID,
    /// The procurement project number (unique, at most 50 characters).
    pub project_number: String,
    /// What is procured (at most 300 characters).
    pub title: String,
    /// How it was procured.
    pub method: ProcurementMethod,
    /// The supplier's name.
    pub supplier_name: String,
    /// The supplier's USCC; one that fails GB 32100 is kept and flagged (`supplierUsccValid`).
    pub supplier_uscc: String,
    /// A small or medium enterprise (default true): its term is at most 60 days.
    #[graphql(default = true)]
    pub supplier_is_sme: bool,
    /// The agreed payment term in days from acceptance (default 30; an SME's at most 60).
    pub payment_term_days: Option<i32>,
    /// The amount, in yuan (more than 0).
    pub amount: Decimal,
    /// The day it was signed (not in the future).
    pub signed_on: Date,
}

/// The acceptance of the delivery.
#[derive(InputObject)]
pub struct RecordAcceptanceInput {
    /// The contract.
    pub id: ID,
    /// The version you read; a stale one is refused with `CONFLICT`.
    pub version: i32,
    /// PASSED or FAILED.
    pub result: Acceptance,
    /// The day of the acceptance (not before signing, not in the future).
    pub accepted_on: Date,
    /// Who accepted (the panel or person, at most 50 characters).
    pub accepted_by: String,
}

/// The payment of a contract.
#[derive(InputObject)]
pub struct RecordPaymentInput {
    /// The contract.
    pub id: ID,
    /// The version you read; a stale one is refused with `CONFLICT`.
    pub version: i32,
    /// The day it was paid (not before the acceptance, not in the future).
    pub paid_on: Date,
}

/// The contract as saved, and the breach record a late payment made.
#[derive(SimpleObject)]
pub struct ProcurementContractPayload {
    /// The contract.
    pub contract: ProcurementContract,
    /// The CONTRACT_BREACH record of a late payment, when this made one.
    pub record: Option<CreditRecord>,
}

#[derive(Default)]
pub struct ProcurementMutation;

#[Object]
impl ProcurementMutation {
    /// Enters a procurement contract (a unit clerk for its own units, 财政局 or the credit office
    /// for any). Audited.
    #[graphql(visible = "crate::graphql::visibility::keep_sector_projects")]
    async fn create_procurement_contract(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The contract.")] input: CreateProcurementContractInput,
    ) -> AppResult<ProcurementContractPayload> {
        let new = NewContract {
            purchaser_unit_id: expect_id(&input.purchaser_unit_id, NodeType::Unit, "input.purchaserUnitId")?,
            project_number: input.project_number,
            title: input.title,
            method: input.method.into(),
            supplier_name: input.supplier_name,
            supplier_uscc: input.supplier_uscc,
            supplier_is_sme: input.supplier_is_sme,
            payment_term_days: input.payment_term_days,
            amount_fen: input.amount.to_fen("input.amount")?,
            signed_on: input.signed_on.0,
        };
        let row = procurement::create(ctx.state()?, &ctx.actor()?, new).await?;
        Ok(ProcurementContractPayload { contract: ProcurementContract(row), record: None })
    }

    /// Records the acceptance (履约验收): PASSED starts the payment term; FAILED owes nothing
    /// until a later acceptance passes. PENDING → PASSED or FAILED, FAILED → PASSED; anything else
    /// is `INVALID_TRANSITION`. Audited.
    #[graphql(visible = "crate::graphql::visibility::keep_sector_projects")]
    async fn record_acceptance(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The acceptance.")] input: RecordAcceptanceInput,
    ) -> AppResult<ProcurementContractPayload> {
        let report = AcceptanceReport {
            id: expect_id(&input.id, NodeType::ProcurementContract, "input.id")?,
            version: input.version,
            passed: match input.result {
                Acceptance::Passed => true,
                Acceptance::Failed => false,
                Acceptance::Pending => {
                    return Err(crate::error::AppError::bad_input("result", crate::error::Reason::NotAnAcceptance))
                }
            },
            accepted_on: input.accepted_on.0,
            accepted_by: input.accepted_by,
        };
        let row = procurement::record_acceptance(ctx.state()?, &ctx.actor()?, report).await?;
        Ok(ProcurementContractPayload { contract: ProcurementContract(row), record: None })
    }

    /// Records the payment of an accepted contract (once; `INVALID_TRANSITION` before a passed
    /// acceptance or when already paid). A payment after the due day makes the purchaser's
    /// CONTRACT_BREACH record (sector PROCUREMENT), linked to the contract, in the same
    /// transaction. Audited.
    #[graphql(visible = "crate::graphql::visibility::keep_sector_projects")]
    async fn record_payment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The payment.")] input: RecordPaymentInput,
    ) -> AppResult<ProcurementContractPayload> {
        let payment = Payment {
            id: expect_id(&input.id, NodeType::ProcurementContract, "input.id")?,
            version: input.version,
            paid_on: input.paid_on.0,
        };
        let (row, record) = procurement::record_payment(ctx.state()?, &ctx.actor()?, payment).await?;
        Ok(ProcurementContractPayload { contract: ProcurementContract(row), record: record.map(CreditRecord) })
    }
}
