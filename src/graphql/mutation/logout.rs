//! `logout`: ends the caller's own session for good.

use async_graphql::{Context, Object, Result, SimpleObject};
use entity::{api_token, user_account};
use sea_orm::{sea_query::Expr, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use serde_json::json;

use super::api_tokens::revoke;
use crate::{
    auth::{
        policy::{self, Operation},
        session_cache::cut_off_now,
    },
    error::AppError,
    graphql::{
        context::ContextExt,
        ids::{global_id, NodeType},
    },
    store::audit::{write_audit, AuditEntry},
};

/// The session has ended.
#[derive(SimpleObject)]
pub struct LogoutPayload {
    /// Always true: the token used for this request no longer works.
    pub logged_out: bool,
}

#[derive(Default)]
pub struct LogoutMutation;

#[Object]
impl LogoutMutation {
    /// Ends the caller's session for good. For an account, every token issued to it until now
    /// stops working (sign in again for a new one); for an API token, that token is revoked.
    /// Audited.
    #[graphql(visible = "crate::graphql::visibility::logout")]
    async fn logout(&self, ctx: &Context<'_>) -> Result<LogoutPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::Logout)?;
        let now = state.clock.now();
        // Reads come before the transaction, which then only writes (SQLite).
        let user = match viewer.user_id {
            Some(id) => user_account::Entity::find_by_id(id).one(&state.db).await.map_err(AppError::from)?,
            None => None,
        };
        let token = match viewer.subject.strip_prefix("token:") {
            Some(jti) => api_token::Entity::find()
                .filter(api_token::Column::Jti.eq(jti))
                .one(&state.db)
                .await
                .map_err(AppError::from)?,
            None => None,
        };
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let entry = if let Some(user_id) = viewer.user_id {
            let user = user.ok_or_else(|| AppError::unauthenticated("invalid token"))?;
            let cut_off = cut_off_now(user.tokens_valid_after);
            user_account::Entity::update_many()
                .col_expr(user_account::Column::TokensValidAfter, Expr::value(cut_off))
                .filter(user_account::Column::Id.eq(user_id))
                .exec(&txn)
                .await
                .map_err(AppError::from)?;
            AuditEntry {
                action: "user.logout",
                entity: "user_account",
                entity_id: Some(global_id(NodeType::User, user_id).0),
                before: None,
                after: Some(json!({ "tokensValidAfter": cut_off })),
            }
        } else {
            let row = token.ok_or_else(|| AppError::unauthenticated("invalid token"))?;
            let row = revoke(&txn, row, now).await?;
            AuditEntry {
                action: "api_token.revoke",
                entity: "api_token",
                entity_id: Some(global_id(NodeType::ApiToken, row.id).0),
                before: None,
                after: Some(json!({ "revokedAt": now, "by": "logout" })),
            }
        };
        write_audit(&txn, viewer, ctx.trace(), now, entry).await.map_err(AppError::from)?;
        txn.commit().await.map_err(AppError::from)?;
        state.sessions.forget(&viewer.subject);
        Ok(LogoutPayload { logged_out: true })
    }
}
