//! `objections`: the objection queue (异议), for whoever may see the records behind it.

use async_graphql::{Context, InputObject, Object, ID};
use entity::objection::{self, Column};
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
        types::{objection::ObjectionStatus, Objection, ObjectionConnection},
    },
};

/// Which objections to list.
#[derive(InputObject, Default)]
pub struct ObjectionFilter {
    /// Only those of this unit's records.
    pub unit_id: Option<ID>,
    /// With `unitId`: also the units below it.
    #[graphql(default)]
    pub include_subunits: bool,
    /// Only these statuses.
    pub status: Option<Vec<ObjectionStatus>>,
    /// Only overdue (true: undecided past the handling deadline) or not overdue (false) ones.
    pub overdue: Option<bool>,
    /// Handling deadline on or after this day.
    pub deadline_from: Option<Date>,
    /// Handling deadline on or before this day.
    pub deadline_to: Option<Date>,
}

#[derive(Default)]
pub struct ObjectionQuery;

#[Object]
impl ObjectionQuery {
    /// Objections to the records the viewer may see, nearest handling deadline first (signed-in
    /// callers).
    #[graphql(visible = "crate::graphql::visibility::read_record_workflows")]
    #[allow(clippy::too_many_arguments)]
    async fn objections(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which objections.")] filter: Option<ObjectionFilter>,
        #[graphql(desc = "Sort order (default: nearest deadline first).")] order_by: Option<QueueOrder>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<ObjectionConnection> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::ReadRecordWorkflows)?;
        let filter = filter.unwrap_or_default();
        let unit = filter.unit_id.as_ref().map(|unit| (unit, filter.include_subunits));
        let mut select = objection::Entity::find()
            .filter(of_visible_records(Column::RecordId, viewer, state.clock.today(), unit)?)
            .filter(within(
                Column::HandlingDeadline,
                filter.deadline_from.map(|d| d.0),
                filter.deadline_to.map(|d| d.0),
            ));
        if let Some(statuses) = filter.status {
            select =
                select.filter(Column::Status.is_in(statuses.into_iter().map(entity::enums::ObjectionStatus::from)));
        }
        if let Some(overdue) = filter.overdue {
            select = select.filter(Column::Overdue.eq(overdue));
        }
        let order = order_by.unwrap_or_default();
        let column = match order.field {
            QueueOrderField::Deadline => Column::HandlingDeadline,
            QueueOrderField::CreatedAt => Column::CreatedAt,
        };
        let key = SortKey::by(column, Column::Id, order.direction);
        let page = paginate(ctx, select, &key, &PageArgs { first, after, last, before }).await?;
        Ok(page.map(Objection).into())
    }
}
