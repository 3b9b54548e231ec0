//! `commitments`: for everyone — the public sees public ones.

use crate::error::AppResult;
use async_graphql::{Context, InputObject, Object, ID};
use entity::commitment::{self, Column};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::list_orders::{CommitmentOrder, CommitmentOrderField};
use crate::{
    auth::policy::{self, commitments::commitments_visible_to, Operation},
    graphql::{
        connection::PageArgs,
        context::ContextExt,
        keyset::{paginate, SortKey},
        scalars::Date,
        types::{
            commitment::{CommitmentKind, CommitmentStatus},
            record_enums::Sector,
            Commitment, CommitmentConnection,
        },
    },
};

/// Which commitments to list.
#[derive(InputObject, Default)]
pub struct CommitmentFilter {
    /// Only this unit's.
    pub unit_id: Option<ID>,
    /// With `unitId`: also the units below it.
    #[graphql(default)]
    pub include_subunits: bool,
    /// Only this kind.
    pub kind: Option<CommitmentKind>,
    /// Only this status.
    pub status: Option<CommitmentStatus>,
    /// Only this sector.
    pub sector: Option<Sector>,
    /// Only public (true) or internal (false) ones.
    pub is_public: Option<bool>,
    /// Due on or after this day.
    pub due_from: Option<Date>,
    /// Due on or before this day.
    pub due_to: Option<Date>,
    /// Only overdue (true) or not overdue (false) ones.
    pub overdue: Option<bool>,
}

/// The list as `commitments` gives it; nested connections with a filter or an order call it too.
pub async fn list(
    ctx: &Context<'_>,
    filter: CommitmentFilter,
    order: CommitmentOrder,
    args: PageArgs,
) -> AppResult<CommitmentConnection> {
    let viewer = ctx.viewer()?;
    policy::may(viewer, Operation::ListCommitments)?;
    let mut select = commitment::Entity::find().filter(commitments_visible_to(viewer));
    if let Some(unit) = &filter.unit_id {
        select =
            select.filter(super::filters::in_unit(Column::UnitId, unit, filter.include_subunits, "filter.unitId")?);
    }
    if let Some(kind) = filter.kind {
        select = select.filter(Column::Kind.eq(entity::enums::CommitmentKind::from(kind)));
    }
    if let Some(status) = filter.status {
        select = select.filter(Column::Status.eq(entity::enums::CommitmentStatus::from(status)));
    }
    if let Some(sector) = filter.sector {
        select = select.filter(Column::Sector.eq(entity::enums::Sector::from(sector)));
    }
    if let Some(public) = filter.is_public {
        select = select.filter(Column::IsPublic.eq(public));
    }
    if let Some(overdue) = filter.overdue {
        select = select.filter(Column::Overdue.eq(overdue));
    }
    select =
        select.filter(super::filters::within(Column::DueOn, filter.due_from.map(|d| d.0), filter.due_to.map(|d| d.0)));
    let column = match order.field {
        CommitmentOrderField::DueOn => Column::DueOn,
        CommitmentOrderField::CreatedAt => Column::CreatedAt,
    };
    let key = SortKey::by(column, Column::Id, order.direction);
    let page = paginate(ctx, select, &key, &args).await?;
    Ok(page.map(Commitment).into())
}

#[derive(Default)]
pub struct CommitmentQuery;

#[Object]
impl CommitmentQuery {
    /// Commitments the viewer may see, by due date (the public: public ones only).
    #[allow(clippy::too_many_arguments)]
    async fn commitments(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which commitments.")] filter: Option<CommitmentFilter>,
        #[graphql(desc = "Sort order (default: soonest due first).")] order_by: Option<CommitmentOrder>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<CommitmentConnection> {
        list(ctx, filter.unwrap_or_default(), order_by.unwrap_or_default(), PageArgs { first, after, last, before })
            .await
    }
}
