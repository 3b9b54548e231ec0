//! `InvestmentAgreement` 招商引资协议 (plan task 3.4).

use async_graphql::{Context, Enum, Object, ID};
use entity::investment_agreement;

use super::{commitment::ChangeGround, CommitmentConnection, CreditRecord, Unit};
use crate::{
    error::AppResult,
    graphql::{
        access,
        connection::connection_types,
        ids::{global_id, NodeType},
        loaders::PledgesOfAgreement,
        nested::{nested_page, NestedLoaders},
        scalars::{Date, DateTime, Decimal},
        types::Commitment,
    },
};

/// Whether an investment agreement was kept.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::AgreementStatus")]
pub enum AgreementStatus {
    /// In force.
    Active,
    /// Kept.
    Fulfilled,
    /// Broken by the government side: a CONTRACT_BREACH record was made.
    Breached,
    /// Changed or ended by a lawful procedure, with compensation.
    ChangedLawfully,
}

/// An investment promotion agreement of a government unit with an investor.
#[derive(Clone)]
pub struct InvestmentAgreement(pub investment_agreement::Model);

/// An investment promotion agreement of a government unit with an investor.
#[Object]
impl InvestmentAgreement {
    /// The agreement's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::InvestmentAgreement, self.0.id)
    }

    /// The government unit that signed it.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(access::required_unit(ctx, self.0.unit_id).await?))
    }

    /// The agreement number.
    async fn agreement_number(&self) -> &str {
        &self.0.agreement_number
    }

    /// The investor.
    async fn investor_name(&self) -> &str {
        &self.0.investor_name
    }

    /// The investor's USCC, as given.
    async fn investor_uscc(&self) -> &str {
        &self.0.investor_uscc
    }

    /// False when the investor's USCC fails GB 32100 (kept and flagged).
    async fn investor_uscc_valid(&self) -> bool {
        self.0.investor_uscc_valid
    }

    /// The project.
    async fn project_name(&self) -> &str {
        &self.0.project_name
    }

    /// The agreed investment, in yuan.
    async fn agreed_investment(&self) -> Decimal {
        Decimal::from_fen(self.0.agreed_investment_fen)
    }

    /// The day it was signed.
    async fn signed_on(&self) -> Date {
        Date(self.0.signed_on)
    }

    /// Whether it was kept.
    async fn status(&self) -> AgreementStatus {
        self.0.status.into()
    }

    /// The day it was fulfilled.
    async fn fulfilled_on(&self) -> Option<Date> {
        self.0.fulfilled_on.map(Date)
    }

    /// For CHANGED_LAWFULLY: its ground.
    async fn change_ground(&self) -> Option<ChangeGround> {
        self.0.change_ground.map(Into::into)
    }

    /// For CHANGED_LAWFULLY: why.
    async fn change_reason(&self) -> Option<&str> {
        self.0.change_reason.as_deref()
    }

    /// For CHANGED_LAWFULLY: its legal basis.
    async fn legal_basis(&self) -> Option<&str> {
        self.0.legal_basis.as_deref()
    }

    /// For CHANGED_LAWFULLY: the statutory procedure it followed.
    async fn change_procedure(&self) -> Option<&str> {
        self.0.change_procedure.as_deref()
    }

    /// For CHANGED_LAWFULLY: the day of the change.
    async fn changed_on(&self) -> Option<Date> {
        self.0.changed_on.map(Date)
    }

    /// For CHANGED_LAWFULLY: the change ended the agreement.
    async fn terminated(&self) -> bool {
        self.0.terminated
    }

    /// For CHANGED_LAWFULLY: the compensation paid to the investor, in yuan.
    async fn compensation(&self) -> Option<Decimal> {
        self.0.compensation_fen.map(Decimal::from_fen)
    }

    /// The CONTRACT_BREACH record of a breach, if the viewer may see it.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn record(&self, ctx: &Context<'_>) -> AppResult<Option<CreditRecord>> {
        let Some(record) = self.0.record_id else { return Ok(None) };
        Ok(access::record(ctx, record).await?.map(CreditRecord))
    }

    /// The prior credit pledges (事前信用承诺) made for it, published on the portal.
    async fn credit_pledges(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many (at most 100; default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor to start after.")] after: Option<String>,
    ) -> AppResult<CommitmentConnection> {
        let loaders = NestedLoaders::<PledgesOfAgreement> {
            pages: |l| l.agreement_pledge_pages(),
            counts: |l| l.agreement_pledge_counts(),
        };
        Ok(nested_page(ctx, loaders, self.0.id, first, after, Commitment).await?.into())
    }

    /// Send back with `concludeInvestmentAgreement`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When it was entered.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }
}

connection_types!(InvestmentAgreementConnection, InvestmentAgreementEdge, InvestmentAgreement, "investment agreements");
