//! `repairApplications`: the credit-repair queue (信用修复), for whoever may see the records
//! behind it.

use async_graphql::{Context, InputObject, Object, ID};
use entity::repair_application::{self, Column};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{
    filters::within_days,
    queues::{of_visible_records, QueueOrder},
};
use crate::{
    auth::policy::{self, Operation},
    error::AppResult,
    graphql::{
        connection::PageArgs,
        context::ContextExt,
        keyset::{paginate, SortKey},
        scalars::Date,
        types::{repair_application::RepairStatus, RepairApplication, RepairApplicationConnection},
    },
};

/// Which repair applications to list.
#[derive(InputObject, Default)]
pub struct RepairApplicationFilter {
    /// Only those for this unit's records.
    pub unit_id: Option<ID>,
    /// With `unitId`: also the units below it.
    #[graphql(default)]
    pub include_subunits: bool,
    /// Only these statuses.
    pub status: Option<Vec<RepairStatus>>,
    /// Filed on or after this day.
    pub filed_from: Option<Date>,
    /// Filed on or before this day.
    pub filed_to: Option<Date>,
}

#[derive(Default)]
pub struct RepairApplicationQuery;

#[Object]
impl RepairApplicationQuery {
    /// Repair applications for the records the viewer may see, oldest first (signed-in callers).
    /// A repair application has no deadline of its own: `DEADLINE` sorts by when it was filed.
    #[graphql(visible = "crate::graphql::visibility::read_record_workflows")]
    #[allow(clippy::too_many_arguments)]
    async fn repair_applications(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which applications.")] filter: Option<RepairApplicationFilter>,
        #[graphql(desc = "Sort order (default: oldest first).")] order_by: Option<QueueOrder>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<RepairApplicationConnection> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::ReadRecordWorkflows)?;
        let filter = filter.unwrap_or_default();
        let unit = filter.unit_id.as_ref().map(|unit| (unit, filter.include_subunits));
        let mut select = repair_application::Entity::find().filter(of_visible_records(
            Column::RecordId,
            viewer,
            state.clock.today(),
            unit,
        )?);
        if let Some(statuses) = filter.status {
            select = select.filter(Column::Status.is_in(statuses.into_iter().map(entity::enums::RepairStatus::from)));
        }
        let (from, to) = (filter.filed_from.map(|d| d.0), filter.filed_to.map(|d| d.0));
        select = select.filter(within_days(Column::CreatedAt, from, to));
        let key = SortKey::by(Column::CreatedAt, Column::Id, order_by.unwrap_or_default().direction);
        let page = paginate(ctx, select, &key, &PageArgs { first, after, last, before }).await?;
        Ok(page.map(RepairApplication).into())
    }
}
