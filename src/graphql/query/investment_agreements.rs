//! `investmentAgreements` (plan task 3.4): for the credit office, leadership, the administrator
//! and evaluation firms all; for a unit clerk its subtree's, or in 工信商务局 and 招商办 the whole
//! sector's.

use async_graphql::{Context, Enum, InputObject, Object, ID};
use entity::{
    enums::Sector,
    investment_agreement::{self, Column},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    auth::policy::{self, sectors::sector_rows_visible_to, Operation},
    error::AppResult,
    graphql::{
        connection::{OrderDirection, PageArgs},
        context::ContextExt,
        keyset::{paginate, SortKey},
        scalars::Date,
        types::investment_agreement::{AgreementStatus, InvestmentAgreement, InvestmentAgreementConnection},
    },
};

/// Which investment agreements to list.
#[derive(InputObject, Default)]
pub struct InvestmentAgreementFilter {
    /// Only this signing unit's.
    pub unit_id: Option<ID>,
    /// With `unitId`: also the units below it.
    #[graphql(default)]
    pub include_subunits: bool,
    /// Only these states.
    pub status: Option<Vec<AgreementStatus>>,
    /// Only this investor's (its USCC as given).
    pub investor_uscc: Option<String>,
    /// Signed on or after this day.
    pub signed_from: Option<Date>,
    /// Signed on or before this day.
    pub signed_to: Option<Date>,
}

/// What to sort investment agreements by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum InvestmentAgreementOrderField {
    /// The day it was signed.
    SignedOn,
    /// The agreed investment.
    AgreedInvestment,
}

/// Sort order of investment agreements (default: newest signed first).
#[derive(InputObject, Clone, Copy)]
pub struct InvestmentAgreementOrder {
    /// The field.
    #[graphql(default_with = "InvestmentAgreementOrderField::SignedOn")]
    pub field: InvestmentAgreementOrderField,
    /// The direction.
    #[graphql(default_with = "OrderDirection::Desc")]
    pub direction: OrderDirection,
}

impl Default for InvestmentAgreementOrder {
    fn default() -> Self {
        Self { field: InvestmentAgreementOrderField::SignedOn, direction: OrderDirection::Desc }
    }
}

/// The list as `investmentAgreements` gives it.
pub async fn list(
    ctx: &Context<'_>,
    filter: InvestmentAgreementFilter,
    order: InvestmentAgreementOrder,
    args: PageArgs,
) -> AppResult<InvestmentAgreementConnection> {
    let viewer = ctx.viewer()?;
    policy::may(viewer, Operation::ListSectorProjects)?;
    let visible = sector_rows_visible_to(viewer, Sector::InvestmentPromotion, Column::UnitId);
    let mut select = investment_agreement::Entity::find().filter(visible);
    if let Some(unit) = &filter.unit_id {
        select =
            select.filter(super::filters::in_unit(Column::UnitId, unit, filter.include_subunits, "filter.unitId")?);
    }
    if let Some(states) = &filter.status {
        select = select.filter(Column::Status.is_in(states.iter().map(|s| entity::enums::AgreementStatus::from(*s))));
    }
    if let Some(uscc) = &filter.investor_uscc {
        select = select.filter(Column::InvestorUscc.eq(uscc.trim().to_ascii_uppercase()));
    }
    let (from, to) = (filter.signed_from.map(|d| d.0), filter.signed_to.map(|d| d.0));
    select = select.filter(super::filters::within(Column::SignedOn, from, to));
    let column = match order.field {
        InvestmentAgreementOrderField::SignedOn => Column::SignedOn,
        InvestmentAgreementOrderField::AgreedInvestment => Column::AgreedInvestmentFen,
    };
    let key = SortKey::by(column, Column::Id, order.direction);
    let page = paginate(ctx, select, &key, &args).await?;
    Ok(page.map(InvestmentAgreement).into())
}

#[derive(Default)]
pub struct InvestmentAgreementQuery;

#[Object]
impl InvestmentAgreementQuery {
    /// Investment promotion agreements the viewer may see (plan task 3.4), newest signed first.
    #[graphql(visible = "crate::graphql::visibility::list_sector_projects")]
    #[allow(clippy::too_many_arguments)]
    async fn investment_agreements(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which agreements.")] filter: Option<InvestmentAgreementFilter>,
        #[graphql(desc = "Sort order (default: newest signed first).")] order_by: Option<InvestmentAgreementOrder>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<InvestmentAgreementConnection> {
        list(ctx, filter.unwrap_or_default(), order_by.unwrap_or_default(), PageArgs { first, after, last, before })
            .await
    }
}
