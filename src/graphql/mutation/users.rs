//! `createUser`, `updateUser`, `resetPassword` (administrator only).

use crate::error::AppResult;
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        types::{enums::Role, User},
    },
    service::accounts::{self, NewUser, UserChange},
};

/// A new account.
#[derive(InputObject)]
pub struct CreateUserInput {
    /// Sign-in name: 3–64 characters of a-z, 0-9, '.', '_', '-'.
    pub username: String,
    /// Name shown in the interface.
    pub display_name: String,
    /// Initial password (12–256 characters).
    #[graphql(secret)]
    pub password: String,
    /// Role (not EVALUATOR: firms get API tokens).
    pub role: Role,
    /// The account's unit.
    pub unit_id: ID,
}

/// Changes to an account; omitted fields stay as they are. A changed role or unit, or
/// deactivation, ends the account's existing tokens for good (reactivation does not revive them).
#[derive(InputObject)]
pub struct UpdateUserInput {
    /// The account.
    pub id: ID,
    /// The version you read (`User.version`); a stale one is `CONFLICT` and nothing changes.
    pub version: i32,
    /// New display name.
    pub display_name: Option<String>,
    /// New role.
    pub role: Option<Role>,
    /// New unit.
    pub unit_id: Option<ID>,
    /// Deactivate (false) or reactivate (true).
    pub active: Option<bool>,
}

/// A new password for an account.
#[derive(InputObject)]
pub struct ResetPasswordInput {
    /// The account.
    pub id: ID,
    /// The new password (12–256 characters).
    #[graphql(secret)]
    pub password: String,
}

/// The account as saved.
#[derive(SimpleObject)]
pub struct UserPayload {
    /// The account.
    pub user: User,
}

#[derive(Default)]
pub struct UserMutation;

#[Object]
impl UserMutation {
    /// Creates an account (administrator only).
    #[graphql(visible = "crate::graphql::visibility::manage_users")]
    async fn create_user(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The account.")] input: CreateUserInput,
    ) -> AppResult<UserPayload> {
        let new = NewUser {
            unit_id: expect_id(&input.unit_id, NodeType::Unit, "input.unitId")?,
            username: input.username,
            display_name: input.display_name,
            password: input.password,
            role: input.role.into(),
        };
        let user = accounts::create_user(ctx.state()?, &ctx.actor()?, new).await?;
        Ok(UserPayload { user: User(user) })
    }

    /// Changes an account's name, role, unit or active flag (administrator only; not your own
    /// role or active flag).
    #[graphql(visible = "crate::graphql::visibility::manage_users")]
    async fn update_user(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The changes.")] input: UpdateUserInput,
    ) -> AppResult<UserPayload> {
        let change = UserChange {
            id: expect_id(&input.id, NodeType::User, "input.id")?,
            version: input.version,
            display_name: input.display_name,
            role: input.role.map(Into::into),
            unit_id: input.unit_id.as_ref().map(|id| expect_id(id, NodeType::Unit, "input.unitId")).transpose()?,
            active: input.active,
        };
        let user = accounts::update_user(ctx.state()?, &ctx.actor()?, change).await?;
        Ok(UserPayload { user: User(user) })
    }

    /// Sets a new password for an account (administrator only); its existing tokens end.
    #[graphql(visible = "crate::graphql::visibility::manage_users")]
    async fn reset_password(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The account and its new password.")] input: ResetPasswordInput,
    ) -> AppResult<UserPayload> {
        let id = expect_id(&input.id, NodeType::User, "input.id")?;
        let user = accounts::reset_password(ctx.state()?, &ctx.actor()?, id, input.password).await?;
        Ok(UserPayload { user: User(user) })
    }
}
