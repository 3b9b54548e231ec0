//! `complaints`: the credit office, leadership and evaluators all; a clerk its subtree's.

use super::list_orders::{ComplaintOrder, ComplaintOrderField};
use crate::error::AppResult;
use async_graphql::{Context, InputObject, Object, ID};
use entity::complaint::{self, Column};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    auth::policy::{self, complaints::complaints_visible_to, Operation},
    graphql::{
        connection::PageArgs,
        context::ContextExt,
        keyset::{paginate, SortKey},
        scalars::Date,
        types::{
            complaint::{ComplaintChannel, ComplaintStatus},
            record_enums::Sector,
            Complaint, ComplaintConnection,
        },
    },
};

/// Which complaints to list.
#[derive(InputObject, Default)]
pub struct ComplaintFilter {
    /// Only those about this unit.
    pub unit_id: Option<ID>,
    /// With `unitId` or `assignedUnitId`: also the units below it.
    #[graphql(default)]
    pub include_subunits: bool,
    /// Only those assigned to this unit.
    pub assigned_unit_id: Option<ID>,
    /// Only this status.
    pub status: Option<ComplaintStatus>,
    /// Only this channel.
    pub channel: Option<ComplaintChannel>,
    /// Only this sector.
    pub sector: Option<Sector>,
    /// Only overdue (true) or not overdue (false) ones.
    pub overdue: Option<bool>,
    /// Received on or after this day.
    pub received_from: Option<Date>,
    /// Received on or before this day.
    pub received_to: Option<Date>,
}

/// The list as `complaints` gives it; nested connections with a filter or an order call it too.
pub async fn list(
    ctx: &Context<'_>,
    filter: ComplaintFilter,
    order: ComplaintOrder,
    args: PageArgs,
) -> AppResult<ComplaintConnection> {
    let viewer = ctx.viewer()?;
    policy::may(viewer, Operation::ListComplaints)?;
    let mut select = complaint::Entity::find().filter(complaints_visible_to(viewer));
    if let Some(unit) = &filter.unit_id {
        select = select.filter(super::filters::in_unit(
            Column::TargetUnitId,
            unit,
            filter.include_subunits,
            "filter.unitId",
        )?);
    }
    if let Some(unit) = &filter.assigned_unit_id {
        let subunits = filter.include_subunits;
        select =
            select.filter(super::filters::in_unit(Column::AssignedUnitId, unit, subunits, "filter.assignedUnitId")?);
    }
    if let Some(status) = filter.status {
        select = select.filter(Column::Status.eq(entity::enums::ComplaintStatus::from(status)));
    }
    if let Some(channel) = filter.channel {
        select = select.filter(Column::Channel.eq(entity::enums::ComplaintChannel::from(channel)));
    }
    if let Some(sector) = filter.sector {
        select = select.filter(Column::Sector.eq(entity::enums::Sector::from(sector)));
    }
    if let Some(overdue) = filter.overdue {
        select = select.filter(Column::Overdue.eq(overdue));
    }
    let (from, to) = (filter.received_from.map(|d| d.0), filter.received_to.map(|d| d.0));
    select = select.filter(super::filters::within_days(Column::ReceivedAt, from, to));
    let column = match order.field {
        ComplaintOrderField::ReceivedAt => Column::ReceivedAt,
        ComplaintOrderField::HandlingDeadline => Column::HandlingDeadline,
    };
    let key = SortKey::by(column, Column::Id, order.direction);
    let page = paginate(ctx, select, &key, &args).await?;
    Ok(page.map(Complaint).into())
}

#[derive(Default)]
pub struct ComplaintQuery;

#[Object]
impl ComplaintQuery {
    /// Complaints from the public the viewer may see, newest first. The complainant's contact
    /// shows only to the credit office and the administrator.
    #[graphql(visible = "crate::graphql::visibility::list_complaints")]
    #[allow(clippy::too_many_arguments)]
    async fn complaints(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which complaints.")] filter: Option<ComplaintFilter>,
        #[graphql(desc = "Sort order (default: newest first).")] order_by: Option<ComplaintOrder>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<ComplaintConnection> {
        list(ctx, filter.unwrap_or_default(), order_by.unwrap_or_default(), PageArgs { first, after, last, before })
            .await
    }
}
