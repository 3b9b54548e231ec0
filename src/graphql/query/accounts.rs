//! `users`, `apiTokens` (administrator only).

use crate::error::AppResult;
use async_graphql::{Context, InputObject, Object};
use entity::{api_token, user_account};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::filters::contains;
use crate::{
    auth::policy::{self, Operation},
    graphql::{
        connection::{OrderDirection, PageArgs},
        context::ContextExt,
        keyset::{paginate, SortKey},
        types::{enums::Role, ApiToken, ApiTokenConnection, User, UserConnection},
    },
};

/// Which accounts to list.
#[derive(InputObject, Default)]
pub struct UserFilter {
    /// Only this role.
    pub role: Option<Role>,
    /// Only active (true) or deactivated (false) accounts.
    pub active: Option<bool>,
    /// Only usernames containing this text.
    pub username_contains: Option<String>,
}

#[derive(Default)]
pub struct AccountQuery;

#[Object]
impl AccountQuery {
    /// User accounts, by username (administrator only).
    #[graphql(visible = "crate::graphql::visibility::manage_users")]
    async fn users(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which accounts.")] filter: Option<UserFilter>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<UserConnection> {
        policy::may(ctx.viewer()?, Operation::ManageUsers)?;
        let filter = filter.unwrap_or_default();
        let mut select = user_account::Entity::find();
        if let Some(role) = filter.role {
            select = select.filter(user_account::Column::Role.eq(entity::enums::Role::from(role)));
        }
        if let Some(active) = filter.active {
            select = select.filter(user_account::Column::Active.eq(active));
        }
        if let Some(text) = &filter.username_contains {
            select = select.filter(contains(user_account::Column::Username, text, "filter.usernameContains")?);
        }
        let key = SortKey::by(user_account::Column::Username, user_account::Column::Id, OrderDirection::Asc);
        let page = paginate(ctx, select, &key, &PageArgs { first, after, last, before }).await?;
        Ok(page.map(User).into())
    }

    /// Issued API tokens, newest first (administrator only).
    #[graphql(visible = "crate::graphql::visibility::manage_api_tokens")]
    async fn api_tokens(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only tokens that still work (true) or no longer do (false).")] active: Option<bool>,
        #[graphql(desc = "Page forward: how many (at most 100).")] first: Option<i32>,
        #[graphql(desc = "Page forward: start after this cursor.")] after: Option<String>,
        #[graphql(desc = "Page backward: how many (at most 100).")] last: Option<i32>,
        #[graphql(desc = "Page backward: end before this cursor.")] before: Option<String>,
    ) -> AppResult<ApiTokenConnection> {
        let state = ctx.state()?;
        policy::may(ctx.viewer()?, Operation::ManageApiTokens)?;
        let now = state.clock.now();
        let mut select = api_token::Entity::find();
        match active {
            Some(true) => {
                select =
                    select.filter(api_token::Column::RevokedAt.is_null()).filter(api_token::Column::ExpiresAt.gt(now));
            }
            Some(false) => {
                select = select.filter(
                    sea_orm::Condition::any()
                        .add(api_token::Column::RevokedAt.is_not_null())
                        .add(api_token::Column::ExpiresAt.lte(now)),
                );
            }
            None => {}
        }
        let key = SortKey::by(api_token::Column::CreatedAt, api_token::Column::Id, OrderDirection::Desc);
        let page = paginate(ctx, select, &key, &PageArgs { first, after, last, before }).await?;
        Ok(page.map(ApiToken).into())
    }
}
