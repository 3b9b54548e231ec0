//! Helpers shared by list filters.

use async_graphql::ID;
use chrono::NaiveDate;
use sea_orm::{
    sea_query::{Expr, ExprTrait, IntoColumnRef, LikeExpr},
    ColumnTrait, Condition,
};

use crate::{
    auth::policy::in_subtree,
    error::{AppError, AppResult, Reason},
    graphql::ids::{expect_id, NodeType},
};

/// `column LIKE '%text%'` with `%`, `_` and `\` in `text` taken literally.
pub fn contains(column: impl IntoColumnRef, text: &str, field: &str) -> AppResult<Condition> {
    if text.chars().count() > 100 {
        return Err(AppError::bad_argument(field, Reason::TooLong { max: 100 }));
    }
    let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    Ok(Condition::all().add(Expr::col(column).like(LikeExpr::new(format!("%{escaped}%")).escape('\\'))))
}

/// `filter.unitId` with `includeSubunits`: the unit's rows, or with `subunits` those of every unit
/// below it too (one indexed lookup in the closure table).
pub fn in_unit<C: ColumnTrait>(column: C, unit: &ID, subunits: bool, field: &str) -> AppResult<Condition> {
    let unit = expect_id(unit, NodeType::Unit, field)?;
    Ok(if subunits { in_subtree(column, Some(unit)) } else { Condition::all().add(column.eq(unit)) })
}

/// A date range on `column`: on or after `from`, on or before `to` (either may be open).
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

/// Instants on the days `from` to `to` (UTC), on a date-time `column` (either end may be open).
pub fn within_days(column: impl ColumnTrait, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Condition {
    let midnight = |day: NaiveDate| day.and_time(chrono::NaiveTime::MIN).and_utc();
    let mut range = Condition::all();
    if let Some(from) = from {
        range = range.add(column.gte(midnight(from)));
    }
    if let Some(next) = to.and_then(|to| to.succ_opt()) {
        range = range.add(column.lt(midnight(next)));
    }
    range
}
