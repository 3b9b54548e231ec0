//! `proposals`: the credit office and leadership all; a clerk those its subtree handles.

use super::list_orders::{ProposalOrder, ProposalOrderField};
use crate::error::AppResult;
use async_graphql::{Context, InputObject, Object, ID};
use entity::proposal::{self, Column};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter};

use crate::{
    auth::policy::{self, proposals::proposals_visible_to, Operation},
    graphql::{
        connection::PageArgs,
        context::ContextExt,
        keyset::{paginate, SortKey},
        scalars::Date,
        types::{
            proposal::{ProposalKind, ProposalStatus},
            Proposal, ProposalConnection,
        },
    },
};

/// Which proposals to list.
#[derive(InputObject, Default)]
pub struct ProposalFilter {
    /// Only those this unit handles.
    pub handling_unit_id: Option<ID>,
    /// With `handlingUnitId`: also those the units below it handle.
    #[graphql(default)]
    pub include_subunits: bool,
    /// Only this kind.
    pub kind: Option<ProposalKind>,
    /// Only this status.
    pub status: Option<ProposalStatus>,
    /// Only late (true) or timely (false) ones: some round replied after its due date, or the open
    /// round unreplied past it.
    pub late: Option<bool>,
    /// The open (or last) round due on or after this day.
    pub due_from: Option<Date>,
    /// The open (or last) round due on or before this day.
    pub due_to: Option<Date>,
}

/// The list as `proposals` gives it; nested connections with a filter or an order call it too.
pub async fn list(
    ctx: &Context<'_>,
    filter: ProposalFilter,
    order: ProposalOrder,
    args: PageArgs,
) -> AppResult<ProposalConnection> {
    let state = ctx.state()?;
    let viewer = ctx.viewer()?;
    policy::may(viewer, Operation::ListProposals)?;
    let mut select = proposal::Entity::find().filter(proposals_visible_to(viewer));
    if let Some(unit) = &filter.handling_unit_id {
        let unit =
            super::filters::in_unit(Column::HandlingUnitId, unit, filter.include_subunits, "filter.handlingUnitId")?;
        select = select.filter(unit);
    }
    if let Some(kind) = filter.kind {
        select = select.filter(Column::Kind.eq(entity::enums::ProposalKind::from(kind)));
    }
    if let Some(status) = filter.status {
        select = select.filter(Column::Status.eq(entity::enums::ProposalStatus::from(status)));
    }
    if let Some(late) = filter.late {
        let today = state.clock.today();
        let is_late = Condition::any().add(Column::WasLate.eq(true)).add(
            Condition::all()
                .add(Column::Status.eq(entity::enums::ProposalStatus::Assigned))
                .add(Column::CurrentDueOn.lt(today)),
        );
        select = select.filter(if late { is_late } else { is_late.not() });
    }
    let (from, to) = (filter.due_from.map(|d| d.0), filter.due_to.map(|d| d.0));
    select = select.filter(super::filters::within(Column::CurrentDueOn, from, to));
    let column = match order.field {
        ProposalOrderField::DueOn => Column::DueOn,
        ProposalOrderField::AssignedOn => Column::AssignedOn,
        ProposalOrderField::RepliedOn => Column::RepliedOn,
    };
    let key = SortKey::by(column, Column::Id, order.direction);
    let page = paginate(ctx, select, &key, &args).await?;
    Ok(page.map(Proposal).into())
}

#[derive(Default)]
pub struct ProposalQuery;

#[Object]
impl ProposalQuery {
    /// People's Congress suggestions and CPPCC proposals the viewer may see, by due date.
    #[graphql(visible = "crate::graphql::visibility::list_proposals")]
    #[allow(clippy::too_many_arguments)]
    async fn proposals(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which proposals.")] filter: Option<ProposalFilter>,
        #[graphql(desc = "Sort order (default: soonest due first).")] order_by: Option<ProposalOrder>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<ProposalConnection> {
        list(ctx, filter.unwrap_or_default(), order_by.unwrap_or_default(), PageArgs { first, after, last, before })
            .await
    }
}
