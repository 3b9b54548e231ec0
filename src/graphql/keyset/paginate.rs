//! Running a filtered query as one keyset page ([`super::SortKey`] gives the order, the bounds and
//! the cursors), with its `totalCount` counted in the same statement when selected.

use async_graphql::Context;
use sea_orm::{
    sea_query::{Expr, IntoIden, Query, QueryStatementBuilder, SimpleExpr},
    Condition, EntityTrait, FromQueryResult, QueryFilter, QuerySelect, QueryTrait, Select,
};

use super::SortKey;
use crate::{
    error::{AppError, AppResult, Reason},
    graphql::{
        connection::{page_size, Counted, Page, PageArgs, TotalCount, PAGE_TOTAL},
        context::ContextExt,
    },
};

/// `(SELECT COUNT(*) FROM (<the filtered query>))`, for the page's statement to carry.
fn count_of<E: EntityTrait>(select: &Select<E>) -> SimpleExpr {
    let filtered = select.clone().into_query();
    let count = Query::select().expr(Expr::cust("COUNT(*)")).from_subquery(filtered, "filtered").to_owned();
    SimpleExpr::SubQuery(None, Box::new(count.into_sub_query_statement()))
}

/// A `total` for [`paginate_counted_by`]: `column` of `table` (a rollup's or a tally's count)
/// summed over the rows matching `condition`, 0 where none do, as a scalar sub-select.
pub fn summed_total(table: impl IntoIden, column: &str, condition: Condition) -> SimpleExpr {
    let sum = Query::select()
        .expr(Expr::cust(format!("COALESCE(CAST(SUM({column}) AS BIGINT), 0)")))
        .from(table)
        .cond_where(condition)
        .to_owned();
    SimpleExpr::SubQuery(None, Box::new(sum.into_sub_query_statement()))
}

/// Runs a filtered query as one page in `key`'s order, on the request's reader: one statement for
/// the rows (the sort key and id of `after`/`before` bound it), which also counts the filtered rows
/// when the list's `totalCount` is selected (a sub-select; an empty page counts in a statement of
/// its own, if asked). `hasPreviousPage` is true when paging after a cursor, and `hasNextPage` when
/// paging backwards before one (Relay's rule); the other is exact.
pub async fn paginate<E>(
    ctx: &Context<'_>,
    select: Select<E>,
    key: &SortKey<E>,
    args: &PageArgs,
) -> AppResult<Page<E::Model>>
where
    E: EntityTrait,
    E::Model: FromQueryResult + Send + Sync,
{
    paginate_counted_by(ctx, select, key, args, None).await
}

/// [`paginate`], with the list's `totalCount` given by `total`, a scalar sub-select that counts
/// what the filter matches another way (from the rollups), in place of counting the rows.
pub async fn paginate_counted_by<E>(
    ctx: &Context<'_>,
    select: Select<E>,
    key: &SortKey<E>,
    args: &PageArgs,
    total: Option<SimpleExpr>,
) -> AppResult<Page<E::Model>>
where
    E: EntityTrait,
    E::Model: FromQueryResult + Send + Sync,
{
    let (db, limits) = (ctx.reader()?, &ctx.state()?.config.limits);
    let counted = ctx.look_ahead().field("totalCount").exists();
    let first = page_size(args.first, "first", limits)?;
    let last = page_size(args.last, "last", limits)?;
    if first.is_some() && last.is_some() {
        return Err(AppError::bad_argument("last", Reason::FirstAndLast));
    }
    let after = args.after.as_deref().map(|c| key.decode(c, "after")).transpose()?;
    let before = args.before.as_deref().map(|c| key.decode(c, "before")).transpose()?;
    let (count, total) = match total {
        Some(total) => (counted.then(|| total.clone()), TotalCount::of_expr(db, total)),
        None => (counted.then(|| count_of(&select)), TotalCount::of_select(db, select.clone())),
    };
    let mut select = select;
    if let Some(after) = &after {
        select = select.filter(key.beyond(after, true));
    }
    if let Some(before) = &before {
        select = select.filter(key.beyond(before, false));
    }
    let (take, backwards) = match last {
        Some(last) => (last, true),
        None => (first.unwrap_or(limits.default_page_size), false),
    };
    let ordered = key.order(select, backwards).limit(take + 1);
    let (mut rows, total) = match count {
        Some(count) => {
            let rows = ordered.expr_as(count, PAGE_TOTAL).into_model::<Counted<E::Model>>().all(db).await?;
            let counted = rows.first().map(|row| TotalCount::known(row.total()));
            // An empty first page counts none; an empty page after a cursor counts on its own.
            let empty = (after.is_none() && before.is_none()).then(|| TotalCount::known(0));
            (rows.into_iter().map(|row| row.row).collect(), counted.or(empty).unwrap_or(total))
        }
        None => (ordered.all(db).await?, total),
    };
    let more = rows.len() as u64 > take;
    rows.truncate(take as usize);
    if backwards {
        rows.reverse();
        Ok(key.page(rows, more, before.is_some(), total))
    } else {
        Ok(key.page(rows, after.is_some(), more, total))
    }
}
