//! `createApiToken`, `revokeApiToken` (administrator only).

use crate::error::AppResult;
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use entity::enums;

use crate::{
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        types::ApiToken,
    },
    service::api_tokens::{self, IssueApiToken},
};

/// A read-only token for a third-party evaluation firm (role EVALUATOR).
#[derive(InputObject)]
pub struct CreateApiTokenInput {
    /// The firm's name.
    pub firm: String,
    /// What it is for, e.g. the evaluation period.
    pub purpose: Option<String>,
    /// Lifetime in days (1–365; default 90).
    #[graphql(default = 90)]
    pub days: i64,
}

/// The new token. `token` is shown only here: store it now.
#[derive(SimpleObject)]
pub struct CreateApiTokenPayload {
    /// Send as `Authorization: Bearer <token>`.
    pub token: String,
    /// The stored token's details.
    pub api_token: ApiToken,
}

/// Which token to revoke.
#[derive(InputObject)]
pub struct RevokeApiTokenInput {
    /// The token's id.
    pub id: ID,
}

/// The token as it now is.
#[derive(SimpleObject)]
pub struct RevokeApiTokenPayload {
    /// The token.
    pub api_token: ApiToken,
}

#[derive(Default)]
pub struct ApiTokenMutation;

#[Object]
impl ApiTokenMutation {
    /// Issues an evaluation firm's read-only token (administrator only).
    #[graphql(visible = "crate::graphql::visibility::manage_api_tokens")]
    async fn create_api_token(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The firm and lifetime.")] input: CreateApiTokenInput,
    ) -> AppResult<CreateApiTokenPayload> {
        let command = IssueApiToken {
            role: enums::Role::Evaluator,
            unit_id: None,
            firm: input.firm,
            purpose: input.purpose,
            days: input.days,
        };
        let (token, row) = api_tokens::issue(ctx.state()?, &ctx.actor()?, command).await?;
        Ok(CreateApiTokenPayload { token, api_token: ApiToken(row) })
    }

    /// Revokes a token: it fails on its very next request (administrator only).
    #[graphql(visible = "crate::graphql::visibility::manage_api_tokens")]
    async fn revoke_api_token(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which token.")] input: RevokeApiTokenInput,
    ) -> AppResult<RevokeApiTokenPayload> {
        let id = expect_id(&input.id, NodeType::ApiToken, "input.id")?;
        let row = api_tokens::revoke(ctx.state()?, &ctx.actor()?, id).await?;
        Ok(RevokeApiTokenPayload { api_token: ApiToken(row) })
    }
}
