//! Helpers shared by list filters.

use sea_orm::{
    sea_query::{Expr, ExprTrait, IntoColumnRef, LikeExpr},
    Condition,
};

use crate::error::{AppError, AppResult};

/// `column LIKE '%text%'` with `%`, `_` and `\` in `text` taken literally.
pub fn contains(column: impl IntoColumnRef, text: &str, field: &str) -> AppResult<Condition> {
    if text.chars().count() > 100 {
        return Err(AppError::bad_input(field, "at most 100 characters"));
    }
    let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    Ok(Condition::all().add(Expr::col(column).like(LikeExpr::new(format!("%{escaped}%")).escape('\\'))))
}
