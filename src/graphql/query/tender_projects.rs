//! `tenderProjects` (plan task 3.3): for the credit office, leadership, the administrator and
//! evaluation firms all; for a unit clerk its subtree's, or in 发改局 and 行政服务中心 the whole
//! sector's.

use async_graphql::{Context, Enum, InputObject, Object, ID};
use entity::{
    enums::Sector,
    tender_project::{self, Column},
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
        types::tender_project::{TenderMethod, TenderProject, TenderProjectConnection, TenderStatus},
    },
};

/// Which tenders to list.
#[derive(InputObject, Default)]
pub struct TenderProjectFilter {
    /// Only this tenderer's.
    pub unit_id: Option<ID>,
    /// With `unitId`: also the units below it.
    #[graphql(default)]
    pub include_subunits: bool,
    /// Only these states.
    pub status: Option<Vec<TenderStatus>>,
    /// Only this method.
    pub method: Option<TenderMethod>,
    /// Only those won by this bidder (its USCC as given).
    pub winning_bidder_uscc: Option<String>,
    /// Bids opened on or after this day.
    pub bid_opening_from: Option<Date>,
    /// Bids opened on or before this day.
    pub bid_opening_to: Option<Date>,
}

/// What to sort tenders by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum TenderProjectOrderField {
    /// The day bids are opened.
    BidOpeningOn,
    /// The budget.
    Budget,
}

/// Sort order of tenders (default: latest bid opening first).
#[derive(InputObject, Clone, Copy)]
pub struct TenderProjectOrder {
    /// The field.
    #[graphql(default_with = "TenderProjectOrderField::BidOpeningOn")]
    pub field: TenderProjectOrderField,
    /// The direction.
    #[graphql(default_with = "OrderDirection::Desc")]
    pub direction: OrderDirection,
}

impl Default for TenderProjectOrder {
    fn default() -> Self {
        Self { field: TenderProjectOrderField::BidOpeningOn, direction: OrderDirection::Desc }
    }
}

/// The list as `tenderProjects` gives it.
pub async fn list(
    ctx: &Context<'_>,
    filter: TenderProjectFilter,
    order: TenderProjectOrder,
    args: PageArgs,
) -> AppResult<TenderProjectConnection> {
    let viewer = ctx.viewer()?;
    policy::may(viewer, Operation::ListSectorProjects)?;
    let mut select =
        tender_project::Entity::find().filter(sector_rows_visible_to(viewer, Sector::Bidding, Column::UnitId));
    if let Some(unit) = &filter.unit_id {
        select =
            select.filter(super::filters::in_unit(Column::UnitId, unit, filter.include_subunits, "filter.unitId")?);
    }
    if let Some(states) = &filter.status {
        select = select.filter(Column::Status.is_in(states.iter().map(|s| entity::enums::TenderStatus::from(*s))));
    }
    if let Some(method) = filter.method {
        select = select.filter(Column::Method.eq(entity::enums::TenderMethod::from(method)));
    }
    if let Some(uscc) = &filter.winning_bidder_uscc {
        select = select.filter(Column::WinningBidderUscc.eq(uscc.trim().to_ascii_uppercase()));
    }
    let (from, to) = (filter.bid_opening_from.map(|d| d.0), filter.bid_opening_to.map(|d| d.0));
    select = select.filter(super::filters::within(Column::BidOpeningOn, from, to));
    let column = match order.field {
        TenderProjectOrderField::BidOpeningOn => Column::BidOpeningOn,
        TenderProjectOrderField::Budget => Column::BudgetFen,
    };
    let key = SortKey::by(column, Column::Id, order.direction);
    let page = paginate(ctx, select, &key, &args).await?;
    Ok(page.map(TenderProject).into())
}

#[derive(Default)]
pub struct TenderProjectQuery;

#[Object]
impl TenderProjectQuery {
    /// Tenders of government bodies the viewer may see (plan task 3.3), latest bid opening first.
    #[graphql(visible = "crate::graphql::visibility::list_sector_projects")]
    #[allow(clippy::too_many_arguments)]
    async fn tender_projects(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which tenders.")] filter: Option<TenderProjectFilter>,
        #[graphql(desc = "Sort order (default: latest bid opening first).")] order_by: Option<TenderProjectOrder>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<TenderProjectConnection> {
        list(ctx, filter.unwrap_or_default(), order_by.unwrap_or_default(), PageArgs { first, after, last, before })
            .await
    }
}
