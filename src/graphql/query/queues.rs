//! What the work queues (`rectifications`, `objections`, `repairApplications`) share: the order
//! input, and their rows narrowed by the records' unit on top of the policy's rule.

use async_graphql::{Enum, InputObject, ID};
use chrono::NaiveDate;
use entity::credit_record;
use sea_orm::{sea_query::IntoColumnRef, Condition};

use super::filters::in_unit;
use crate::{
    auth::{policy::workflows::workflows_visible_to, Viewer},
    error::AppResult,
    graphql::connection::OrderDirection,
};

/// What to sort a work queue by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum QueueOrderField {
    /// The last day to act (a repair application, which has none: when it was filed).
    #[default]
    Deadline,
    /// When the item was opened or filed.
    CreatedAt,
}

/// Sort order of a work queue (default: the nearest deadline first).
#[derive(InputObject, Clone, Copy)]
pub struct QueueOrder {
    /// The field.
    #[graphql(default_with = "QueueOrderField::Deadline")]
    pub field: QueueOrderField,
    /// The direction.
    #[graphql(default_with = "OrderDirection::Asc")]
    pub direction: OrderDirection,
}

impl Default for QueueOrder {
    fn default() -> Self {
        Self { field: QueueOrderField::Deadline, direction: OrderDirection::Asc }
    }
}

/// The rows of a workflow table whose records the viewer may see (the policy's rule), narrowed
/// with `unitId` (and `includeSubunits`) to the records of that unit or its subtree.
pub fn of_visible_records(
    record_column: impl IntoColumnRef,
    viewer: &Viewer,
    today: NaiveDate,
    unit: Option<(&ID, bool)>,
) -> AppResult<Condition> {
    let narrowing = match unit {
        Some((unit, subunits)) => in_unit(credit_record::Column::UnitId, unit, subunits, "filter.unitId")?,
        None => Condition::all(),
    };
    Ok(workflows_visible_to(record_column, viewer, today, narrowing))
}
