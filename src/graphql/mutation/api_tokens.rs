//! `createApiToken`, `revokeApiToken` (administrator only).

use async_graphql::{Context, InputObject, Object, Result, SimpleObject, ID};
use entity::{api_token, enums};
use sea_orm::{sea_query::Expr, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait};
use serde_json::json;

use crate::{
    auth::{
        api_tokens::{issue_api_token, ApiTokenRequest},
        policy::{self, Operation},
    },
    error::{AppError, AppResult},
    graphql::{
        context::ContextExt,
        ids::{expect_id, global_id, NodeType},
        types::ApiToken,
    },
    store::audit::{write_audit, AuditEntry},
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

/// Sets `revoked_at` if the token is not revoked yet (compare-and-set: of concurrent revocations
/// exactly one succeeds; the others are `INVALID_TRANSITION`).
pub(super) async fn revoke<C: ConnectionTrait>(
    db: &C,
    row: api_token::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<api_token::Model> {
    let result = api_token::Entity::update_many()
        .col_expr(api_token::Column::RevokedAt, Expr::value(now))
        .filter(api_token::Column::Id.eq(row.id))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(AppError::InvalidTransition("the token is already revoked".into()));
    }
    Ok(api_token::Model { revoked_at: Some(now), ..row })
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
    ) -> Result<CreateApiTokenPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::ManageApiTokens)?;
        if input.firm.trim().is_empty() || input.firm.chars().count() > 200 {
            return Err(AppError::bad_input("input.firm", "1 to 200 characters").into());
        }
        let now = state.clock.now();
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let request = ApiTokenRequest {
            role: enums::Role::Evaluator,
            unit_id: None,
            unit: None,
            firm: input.firm.trim().to_owned(),
            purpose: input.purpose,
            days: input.days,
            created_by_user_id: viewer.user_id,
            now,
        };
        let (token, row) = issue_api_token(&txn, &state.keys, &state.config, request).await?;
        let entry = AuditEntry {
            action: "api_token.create",
            entity: "api_token",
            entity_id: Some(global_id(NodeType::ApiToken, row.id).0),
            before: None,
            after: Some(json!({ "firm": row.firm, "role": row.role, "expiresAt": row.expires_at })),
        };
        write_audit(&txn, viewer, ctx.trace(), now, entry).await.map_err(AppError::from)?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(CreateApiTokenPayload { token, api_token: ApiToken(row) })
    }

    /// Revokes a token: it fails on its very next request (administrator only).
    #[graphql(visible = "crate::graphql::visibility::manage_api_tokens")]
    async fn revoke_api_token(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which token.")] input: RevokeApiTokenInput,
    ) -> Result<RevokeApiTokenPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::ManageApiTokens)?;
        let id = expect_id(&input.id, NodeType::ApiToken, "input.id")?;
        let row = api_token::Entity::find_by_id(id).one(&state.db).await.map_err(AppError::from)?;
        let row = row.ok_or_else(|| AppError::not_found("API token"))?;
        if row.revoked_at.is_some() {
            return Err(AppError::InvalidTransition("the token is already revoked".into()).into());
        }
        let now = state.clock.now();
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let jti = row.jti.clone();
        let row = revoke(&txn, row, now).await?;
        let entry = AuditEntry {
            action: "api_token.revoke",
            entity: "api_token",
            entity_id: Some(global_id(NodeType::ApiToken, id).0),
            before: None,
            after: Some(json!({ "revokedAt": now })),
        };
        write_audit(&txn, viewer, ctx.trace(), now, entry).await.map_err(AppError::from)?;
        txn.commit().await.map_err(AppError::from)?;
        state.sessions.forget(&format!("token:{jti}"));
        Ok(RevokeApiTokenPayload { api_token: ApiToken(row) })
    }
}
