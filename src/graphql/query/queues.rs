//! What the work queues (`rectifications`, `objections`, `repairApplications`) share: the order
//! input, and the rule that a workflow row is listed only when its record is one the viewer may
//! see (and, with `unitId`, a record of that unit or its subtree).

use async_graphql::{Enum, InputObject, ID};
use chrono::NaiveDate;
use entity::credit_record;
use sea_orm::{
    sea_query::{Expr, ExprTrait, IntoColumnRef, Query},
    ColumnTrait, Condition, EntityTrait, Order, QueryOrder, Select,
};

use crate::{
    auth::{
        policy::records::{records_visible_to, RecordUse},
        Viewer,
    },
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

/// `record_column IN (the records the viewer may see[, of the unit or its subtree])`.
pub fn of_visible_records(
    record_column: impl IntoColumnRef,
    viewer: &Viewer,
    today: NaiveDate,
    unit: Option<(&ID, bool)>,
) -> AppResult<Condition> {
    let mut records = Condition::all().add(records_visible_to(viewer, today, RecordUse::Rows));
    if let Some((unit, subunits)) = unit {
        records = records.add(super::filters::in_unit(credit_record::Column::UnitId, unit, subunits, "filter.unitId")?);
    }
    let ids =
        Query::select().column(credit_record::Column::Id).from(credit_record::Entity).cond_where(records).to_owned();
    Ok(Condition::all().add(Expr::col(record_column).in_subquery(ids)))
}

/// Orders by `column` in the order's direction, then by `id` the same way (a stable order for
/// paging).
pub fn ordered<E: EntityTrait>(
    select: Select<E>,
    column: impl ColumnTrait,
    id: impl ColumnTrait,
    direction: OrderDirection,
) -> Select<E> {
    let direction: Order = direction.into();
    select.order_by(column, direction.clone()).order_by(id, direction)
}

/// A date range filter on `column`.
pub fn within(column: impl ColumnTrait, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Condition {
    let mut range = Condition::all();
    if let Some(from) = from {
        range = range.add(column.gte(from));
    }
    if let Some(to) = to {
        range = range.add(column.lte(to));
    }
    range
}
