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
/// count only when it selects `totalCount`, in the page's statement when both are selected.
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
    let counted = look_ahead.field("totalCount").exists();
    let (mut rows, known) = if wants_rows {
        let key = PageKey { parent, offset, limit, counted };
        let page = (loaders_of.pages)(loaders).load_one(key).await?;
        page.map_or((Vec::new(), None), |page| (page.rows, page.total))
    } else {
        (Vec::new(), None)
    };
    let has_next = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    let total = match known {
        Some(total) => TotalCount::known(total),
        None => {
            let (loaders, counts) = (loaders.clone(), loaders_of.counts);
            TotalCount::from_fn(move || {
                let loaders = loaders.clone();
                async move { Ok(counts(&loaders).load_one(parent).await?.unwrap_or(0)) }
            })
        }
    };
    Ok(Page::from_rows(rows.into_iter().map(wrap).collect(), offset, offset > 0, has_next, total))
}
