//! `rectifications`: the rectification queue (整改), for whoever may see the records behind it.

use async_graphql::{Context, InputObject, Object, ID};
use entity::rectification::{self, Column};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{
    filters::within,
    queues::{of_visible_records, QueueOrder, QueueOrderField},
};
use crate::{
    auth::policy::{self, Operation},
    error::AppResult,
    graphql::{
        connection::PageArgs,
        context::ContextExt,
        keyset::{paginate, SortKey},
        scalars::Date,
        types::{rectification::RectificationStatus, Rectification, RectificationConnection},
    },
};

/// Which rectifications to list.
#[derive(InputObject, Default)]
pub struct RectificationFilter {
    /// Only those of this unit's records.
    pub unit_id: Option<ID>,
    /// With `unitId`: also the units below it.
    #[graphql(default)]
    pub include_subunits: bool,
    /// Only these statuses.
    pub status: Option<Vec<RectificationStatus>>,
    /// Only overdue (true: OVERDUE) or not overdue (false) ones.
    pub overdue: Option<bool>,
    /// Deadline on or after this day.
    pub deadline_from: Option<Date>,
    /// Deadline on or before this day.
    pub deadline_to: Option<Date>,
}

#[derive(Default)]
pub struct RectificationQuery;

#[Object]
impl RectificationQuery {
    /// Rectifications of the records the viewer may see, nearest deadline first (signed-in
    /// callers).
    #[graphql(visible = "crate::graphql::visibility::read_record_workflows")]
    #[allow(clippy::too_many_arguments)]
    async fn rectifications(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which rectifications.")] filter: Option<RectificationFilter>,
        #[graphql(desc = "Sort order (default: nearest deadline first).")] order_by: Option<QueueOrder>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<RectificationConnection> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::ReadRecordWorkflows)?;
        let filter = filter.unwrap_or_default();
        let unit = filter.unit_id.as_ref().map(|unit| (unit, filter.include_subunits));
        let mut select = rectification::Entity::find()
            .filter(of_visible_records(Column::RecordId, viewer, state.clock.today(), unit)?)
            .filter(within(Column::Deadline, filter.deadline_from.map(|d| d.0), filter.deadline_to.map(|d| d.0)));
        if let Some(statuses) = filter.status {
            select =
                select.filter(Column::Status.is_in(statuses.into_iter().map(entity::enums::RectificationStatus::from)));
        }
        if let Some(overdue) = filter.overdue {
            let is_overdue = Column::Status.eq(entity::enums::RectificationStatus::Overdue);
            select = select.filter(if overdue { is_overdue } else { sea_orm::sea_query::ExprTrait::not(is_overdue) });
        }
        let order = order_by.unwrap_or_default();
        let column = match order.field {
            QueueOrderField::Deadline => Column::Deadline,
            QueueOrderField::CreatedAt => Column::CreatedAt,
        };
        let key = SortKey::by(column, Column::Id, order.direction);
        let page = paginate(ctx, select, &key, &PageArgs { first, after, last, before }).await?;
        Ok(page.map(Rectification).into())
    }
}
