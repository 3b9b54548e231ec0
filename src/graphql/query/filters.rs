//! Helpers shared by list filters.

use async_graphql::ID;
use sea_orm::{
    sea_query::{Expr, ExprTrait, IntoColumnRef, LikeExpr},
    ColumnTrait, Condition,
};

use crate::{
    auth::policy::in_subtree,
    error::{AppError, AppResult},
    graphql::ids::{expect_id, NodeType},
};

/// `column LIKE '%text%'` with `%`, `_` and `\` in `text` taken literally.
pub fn contains(column: impl IntoColumnRef, text: &str, field: &str) -> AppResult<Condition> {
    if text.chars().count() > 100 {
        return Err(AppError::bad_argument(field, "at most 100 characters"));
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
