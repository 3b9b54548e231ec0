//! `platformPushes` (administrator only).

use crate::error::AppResult;
use async_graphql::{Context, Object};
use entity::platform_push::{self, Column};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    auth::policy::{self, Operation},
    graphql::{
        connection::{OrderDirection, PageArgs},
        context::ContextExt,
        keyset::{paginate, SortKey},
        types::platform_push::{PlatformPush, PlatformPushConnection, PushStatus},
    },
};

#[derive(Default)]
pub struct PlatformPushQuery;

#[Object]
impl PlatformPushQuery {
    /// Deliveries to the municipal platform, oldest first (administrator only).
    #[graphql(visible = "crate::graphql::visibility::manage_platform_pushes")]
    async fn platform_pushes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this status.")] status: Option<PushStatus>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<PlatformPushConnection> {
        policy::may(ctx.viewer()?, Operation::ManagePlatformPushes)?;
        let mut select = platform_push::Entity::find();
        if let Some(status) = status {
            select = select.filter(Column::Status.eq(entity::enums::PushStatus::from(status)));
        }
        let key = SortKey::by_id(Column::Id, OrderDirection::Asc);
        let page = paginate(ctx, select, &key, &PageArgs { first, after, last, before }).await?;
        Ok(page.map(PlatformPush).into())
    }
}
