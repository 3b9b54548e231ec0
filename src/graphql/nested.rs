//! Nested connections (`Unit.officials`, `Unit.creditRecords`, `Official.creditRecords`): forward
//! paging through per-request loaders, so a page of parents costs the same statements whatever
//! its size.

use async_graphql::Context;
use sea_orm::EntityTrait;

use super::{
    connection::{decode_cursor, page_size, Page, TotalCount},
    context::ContextExt,
    loaders::{ChildCounts, ChildPages, ChildTable, Loaders, PageKey, RequestLoader},
};
use crate::error::AppResult;

type Model<C> = <<C as ChildTable>::Table as EntityTrait>::Model;

/// Which loaders serve one nested connection.
pub struct NestedLoaders<C: ChildTable> {
    pub pages: fn(&Loaders) -> &RequestLoader<ChildPages<C>>,
    pub counts: fn(&Loaders) -> &RequestLoader<ChildCounts<C>>,
}

/// A page of `parent`'s children. The page query runs only when the client selects rows; the
/// count only when it selects `totalCount`.
pub async fn nested_page<C, N>(
    ctx: &Context<'_>,
    loaders_of: NestedLoaders<C>,
    parent: i32,
    first: Option<i32>,
    after: Option<String>,
    wrap: fn(Model<C>) -> N,
) -> AppResult<Page<N>>
where
    C: ChildTable,
    Model<C>: Send + Sync + Clone,
{
    let limits = &ctx.state()?.config.limits;
    let limit = page_size(first, "first", limits)?.unwrap_or(limits.default_page_size);
    let offset = after.as_deref().map(|c| decode_cursor(c, "after")).transpose()?.map_or(0, |p| p + 1);
    let loaders = ctx.loaders()?;
    let look_ahead = ctx.look_ahead();
    let wants_rows = ["edges", "nodes", "pageInfo"].iter().any(|f| look_ahead.field(f).exists());
    let mut rows = if wants_rows {
        (loaders_of.pages)(loaders).load_one(PageKey { parent, offset, limit }).await?.unwrap_or_default()
    } else {
        Vec::new()
    };
    let has_next = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    let (loaders, counts) = (loaders.clone(), loaders_of.counts);
    let total = TotalCount::from_fn(move || {
        let loaders = loaders.clone();
        async move { Ok(counts(&loaders).load_one(parent).await?.unwrap_or(0)) }
    });
    Ok(Page::from_rows(rows.into_iter().map(wrap).collect(), offset, offset > 0, has_next, total))
}
