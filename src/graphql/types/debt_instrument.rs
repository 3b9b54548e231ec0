//! `DebtInstrument` 地方政府债务 and `DebtRisk` 债务风险 (plan task 3.5).

use async_graphql::{Context, Enum, Object, SimpleObject, ID};
use entity::debt_instrument;

use super::{CreditRecord, Unit};
use crate::{
    domain::debt_rules,
    error::AppResult,
    graphql::{
        access,
        connection::connection_types,
        ids::{global_id, NodeType},
        scalars::{Date, DateTime, Decimal},
    },
};

/// What kind of debt (预算法 art. 35: local governments borrow by bonds alone).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::DebtKind")]
pub enum DebtKind {
    /// 一般债券, on-lent by the province (转贷).
    GeneralBond,
    /// 专项债券, on-lent by the province (转贷).
    SpecialBond,
    /// A loan (not a lawful way for a local government to borrow).
    Loan,
    /// Historical or implicit debt (隐性债务).
    Other,
}

/// Whether it is repaid.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::DebtStatus")]
pub enum DebtStatus {
    /// Owed, not yet due.
    Outstanding,
    /// Repaid.
    Repaid,
    /// Past maturity and still owed: a breach record was made.
    Overdue,
}

/// Why the risk view flags an instrument.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum DebtFlag {
    /// A township's (or committee's) historical or implicit debt.
    ImplicitTownshipDebt,
    /// A bond or loan held below the county: a township may not borrow (预算法 art. 35).
    TownshipMayNotBorrow,
    /// A county loan, not a bond.
    LoanNotABond,
}

/// Where a debt ratio stands (configurable: `CHENGXIN_DEBT_BANDS`).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "crate::domain::debt_rules::DebtBand")]
pub enum DebtBand {
    /// Below the first threshold (default 120 %).
    Green,
    /// From 120 % (default).
    Yellow,
    /// From 200 % (default).
    Orange,
    /// From 300 % (default).
    Red,
}

/// A debt instrument of a government unit.
#[derive(Clone)]
pub struct DebtInstrument(pub debt_instrument::Model, pub entity::enums::UnitKind);

/// A debt instrument of a government unit.
#[Object]
impl DebtInstrument {
    /// The instrument's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::DebtInstrument, self.0.id)
    }

    /// The borrowing unit.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(access::required_unit(ctx, self.0.unit_id).await?))
    }

    /// Its code (bond code or contract number).
    async fn code(&self) -> &str {
        &self.0.code
    }

    /// What kind of debt.
    async fn kind(&self) -> DebtKind {
        self.0.kind.into()
    }

    /// The principal, in yuan.
    async fn principal(&self) -> Decimal {
        Decimal::from_fen(self.0.principal_fen)
    }

    /// What is still owed, in yuan.
    async fn outstanding(&self) -> Decimal {
        Decimal::from_fen(self.0.outstanding_fen)
    }

    /// The interest rate, in basis points (1/100 of a percent).
    async fn rate_basis_points(&self) -> i32 {
        self.0.rate_bp
    }

    /// The day it was issued or drawn.
    async fn issued_on(&self) -> Date {
        Date(self.0.issued_on)
    }

    /// The day it matures.
    async fn maturity_on(&self) -> Date {
        Date(self.0.maturity_on)
    }

    /// Its credit rating, if rated.
    async fn credit_rating(&self) -> Option<&str> {
        self.0.credit_rating.as_deref()
    }

    /// Whether it is repaid.
    async fn status(&self) -> DebtStatus {
        self.0.status.into()
    }

    /// Why the risk view flags it, if it does.
    async fn flag(&self) -> Option<DebtFlag> {
        debt_rules::debt_flag(self.1, self.0.kind).map(|flag| match flag {
            "IMPLICIT_TOWNSHIP_DEBT" => DebtFlag::ImplicitTownshipDebt,
            "TOWNSHIP_MAY_NOT_BORROW" => DebtFlag::TownshipMayNotBorrow,
            _ => DebtFlag::LoanNotABond,
        })
    }

    /// The breach record of an overdue instrument, if the viewer may see it.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn record(&self, ctx: &Context<'_>) -> AppResult<Option<CreditRecord>> {
        let Some(record) = self.0.record_id else { return Ok(None) };
        Ok(access::record(ctx, record).await?.map(CreditRecord))
    }

    /// The row's version.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When it was entered.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }
}

connection_types!(DebtInstrumentConnection, DebtInstrumentEdge, DebtInstrument, "debt instruments");

/// A unit's debt risk for a year (预警): the ratio of what its subtree owes to its fiscal capacity.
#[derive(SimpleObject)]
pub struct DebtRisk {
    /// The unit.
    pub unit: Unit,
    /// The year.
    pub year: i32,
    /// What the unit's subtree still owes (not repaid), in yuan — of the instruments the viewer
    /// may see.
    pub outstanding: Decimal,
    /// Of that, overdue, in yuan.
    pub overdue: Decimal,
    /// The unit's 综合财力 for the year, in yuan (null when not set).
    pub fiscal_capacity: Option<Decimal>,
    /// Outstanding ÷ fiscal capacity, in percent (null without fiscal capacity).
    pub debt_ratio: Option<Decimal>,
    /// The ratio's band.
    pub band: Option<DebtBand>,
    /// Overdue ÷ outstanding, in percent (null when nothing is owed).
    pub overdue_ratio: Option<Decimal>,
    /// The previous year's band: what was owed from instruments issued by its end and not
    /// repaid, over its fiscal capacity.
    pub previous_band: Option<DebtBand>,
    /// Instruments maturing within the next 90 days (at most 100).
    pub maturing_within_90_days: Vec<DebtInstrument>,
    /// Instruments the risk view flags (a township's debt, a loan), at most 100.
    pub flagged: Vec<DebtInstrument>,
}
