//! `setFiscalCapacity` (plan task 3.5): the 综合财力 a unit's debt ratio divides by.

use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    error::AppResult,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        scalars::Decimal,
    },
    service::debt,
};

/// A unit's fiscal capacity for a year.
#[derive(InputObject)]
pub struct SetFiscalCapacityInput {
    /// The unit.
    pub unit_id: ID,
    /// The year (2000–2100).
    pub year: i32,
    /// The 综合财力, in yuan (more than 0).
    pub amount: Decimal,
}

/// The fiscal capacity as saved.
#[derive(SimpleObject)]
pub struct FiscalCapacityPayload {
    /// The year.
    pub year: i32,
    /// The 综合财力, in yuan.
    pub amount: Decimal,
}

#[derive(Default)]
pub struct DebtMutation;

#[Object]
impl DebtMutation {
    /// Sets a unit's 综合财力 for a year (the credit office, the administrator or 财政局), replacing
    /// any earlier figure for that year. Audited with the figure before and after.
    #[graphql(visible = "crate::graphql::visibility::keep_sector_projects")]
    async fn set_fiscal_capacity(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The unit, year and amount.")] input: SetFiscalCapacityInput,
    ) -> AppResult<FiscalCapacityPayload> {
        let unit = expect_id(&input.unit_id, NodeType::Unit, "input.unitId")?;
        let amount = input.amount.to_fen("input.amount")?;
        let saved = debt::set_fiscal_capacity(ctx.state()?, &ctx.actor()?, unit, input.year, amount).await?;
        Ok(FiscalCapacityPayload { year: saved.year, amount: Decimal::from_fen(saved.amount_fen) })
    }
}
