//! `User` and `ApiToken`: accounts as the administrator sees them (never a password hash).

use crate::error::AppResult;
use async_graphql::{Context, Object, ID};
use entity::{api_token, user_account};

use super::{enums::Role, Unit};
use crate::graphql::{
    connection::connection_types,
    ids::{global_id, NodeType},
    scalars::DateTime,
};

/// A person who signs in.
#[derive(Clone)]
pub struct User(pub user_account::Model);

/// A person who signs in.
#[Object(visible = "crate::graphql::visibility::manage_users")]
impl User {
    /// The account's opaque id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::User, self.0.id)
    }

    /// The sign-in name.
    async fn username(&self) -> &str {
        &self.0.username
    }

    /// The name shown in the interface and the audit log.
    async fn display_name(&self) -> &str {
        &self.0.display_name
    }

    /// What the account may do.
    async fn role(&self) -> Role {
        self.0.role.into()
    }

    /// The account's unit.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Option<Unit>> {
        let Some(unit) = self.0.unit_id else { return Ok(None) };
        Ok(crate::graphql::access::unit(ctx, unit).await?.map(Unit))
    }

    /// False once deactivated: it cannot sign in and its tokens stop working.
    async fn active(&self) -> bool {
        self.0.active
    }

    /// When it was created.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }

    /// The account's version: `updateUser` takes it and answers `CONFLICT` when it is stale.
    async fn version(&self) -> i32 {
        self.0.version
    }
}

/// An issued API token (an evaluation firm's). The token itself is shown only once, at creation.
#[derive(Clone)]
pub struct ApiToken(pub api_token::Model);

/// An issued API token (an evaluation firm's). The token itself is shown only once, at creation.
#[Object(visible = "crate::graphql::visibility::manage_api_tokens")]
impl ApiToken {
    /// The token's opaque id (for `revokeApiToken`).
    pub async fn id(&self) -> ID {
        global_id(NodeType::ApiToken, self.0.id)
    }

    /// The firm (or operator purpose) it was issued to.
    async fn firm(&self) -> &str {
        &self.0.firm
    }

    /// What it is for.
    async fn purpose(&self) -> Option<&str> {
        self.0.purpose.as_deref()
    }

    /// The role it carries.
    async fn role(&self) -> Role {
        self.0.role.into()
    }

    /// When it stops working.
    async fn expires_at(&self) -> DateTime {
        DateTime(self.0.expires_at)
    }

    /// When it was revoked (null: not revoked).
    async fn revoked_at(&self) -> Option<DateTime> {
        self.0.revoked_at.map(DateTime)
    }

    /// When it was issued.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }
}

connection_types!(UserConnection, UserEdge, User, "user accounts");
connection_types!(ApiTokenConnection, ApiTokenEdge, ApiToken, "API tokens");
