//! `ProcurementContract` 政府采购合同 (plan task 3.1).

use async_graphql::{Context, Enum, Object, ID};
use entity::procurement_contract;

use super::{CreditRecord, Unit};
use crate::{
    domain::procurement_rules,
    error::AppResult,
    graphql::{
        access,
        connection::connection_types,
        context::ContextExt,
        ids::{global_id, NodeType},
        scalars::{Date, DateTime, Decimal},
    },
};

/// How the contract was procured (政府采购法 art. 26).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ProcurementMethod")]
pub enum ProcurementMethod {
    /// 公开招标.
    PublicTender,
    /// 邀请招标.
    InvitedTender,
    /// 竞争性谈判.
    CompetitiveNegotiation,
    /// 竞争性磋商.
    CompetitiveConsultation,
    /// 单一来源.
    SingleSource,
    /// 询价.
    Inquiry,
    /// 框架协议.
    FrameworkAgreement,
}

/// The acceptance of the delivery (履约验收).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::Acceptance")]
pub enum Acceptance {
    /// Not yet accepted: no payment is due.
    Pending,
    /// Accepted: payment falls due after the contract's term.
    Passed,
    /// Refused: nothing is due until a later acceptance passes.
    Failed,
}

/// A government procurement contract: its acceptance, and whether its supplier was paid on time.
#[derive(Clone)]
pub struct ProcurementContract(pub procurement_contract::Model);

/// A government procurement contract: its acceptance, and whether its supplier was paid on time.
#[Object]
impl ProcurementContract {
    /// The contract's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::ProcurementContract, self.0.id)
    }

    /// The purchaser (采购人).
    async fn purchaser(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(access::required_unit(ctx, self.0.purchaser_unit_id).await?))
    }

    /// The procurement project number.
    async fn project_number(&self) -> &str {
        &self.0.project_number
    }

    /// What was procured.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// How it was procured.
    async fn method(&self) -> ProcurementMethod {
        self.0.method.into()
    }

    /// The supplier's name.
    async fn supplier_name(&self) -> &str {
        &self.0.supplier_name
    }

    /// The supplier's unified social credit code, as given.
    async fn supplier_uscc(&self) -> &str {
        &self.0.supplier_uscc
    }

    /// False when the supplier's USCC fails GB 32100 (kept and flagged, not refused).
    async fn supplier_uscc_valid(&self) -> bool {
        self.0.supplier_uscc_valid
    }

    /// A small or medium enterprise (保障中小企业款项支付条例: paid within 30 days, at most 60).
    async fn supplier_is_sme(&self) -> bool {
        self.0.supplier_is_sme
    }

    /// The contract amount, in yuan.
    async fn amount(&self) -> Decimal {
        Decimal::from_fen(self.0.amount_fen)
    }

    /// The day it was signed.
    async fn signed_on(&self) -> Date {
        Date(self.0.signed_on)
    }

    /// The agreed payment term, in days from a passed acceptance.
    async fn payment_term_days(&self) -> i32 {
        self.0.payment_term_days
    }

    /// The acceptance (履约验收).
    async fn acceptance(&self) -> Acceptance {
        self.0.acceptance.into()
    }

    /// The day of the acceptance.
    async fn accepted_on(&self) -> Option<Date> {
        self.0.accepted_on.map(Date)
    }

    /// Who accepted.
    async fn accepted_by(&self) -> Option<&str> {
        self.0.accepted_by.as_deref()
    }

    /// The day payment falls due (after a passed acceptance).
    async fn payment_due_on(&self) -> Option<Date> {
        self.0.payment_due_on.map(Date)
    }

    /// The day it was paid.
    async fn paid_on(&self) -> Option<Date> {
        self.0.paid_on.map(Date)
    }

    /// Paid after its due day, or still unpaid past it (as of today; the breach grace not counted).
    async fn late_payment(&self, ctx: &Context<'_>) -> AppResult<bool> {
        let today = ctx.state()?.clock.today();
        Ok(procurement_rules::is_late(self.0.payment_due_on, self.0.paid_on, today, 0))
    }

    /// The CONTRACT_BREACH record of a late payment, if the viewer may see it.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn record(&self, ctx: &Context<'_>) -> AppResult<Option<CreditRecord>> {
        let Some(record) = self.0.record_id else { return Ok(None) };
        Ok(access::record(ctx, record).await?.map(CreditRecord))
    }

    /// Send back with `recordAcceptance` and `recordPayment`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When it was entered.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }
}

connection_types!(ProcurementContractConnection, ProcurementContractEdge, ProcurementContract, "procurement contracts");
