//! API tokens: issue (an evaluation firm's through the API; any role from the operator's
//! console) and revoke — each audited in the transaction that writes it.

use entity::{api_token, enums::Role};
use sea_orm::{sea_query::Expr, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait};
use serde_json::json;

use super::Actor;
use crate::{
    auth::{
        api_tokens::{issue_api_token, ApiTokenRequest},
        policy::{may, Operation},
    },
    error::{AppError, AppResult, Reason},
    ids::{public_id, NodeType},
    state::AppState,
    store::audit::{write_audit, AuditEntry},
};

/// A token to issue.
pub struct IssueApiToken {
    pub role: Role,
    pub unit_id: Option<i32>,
    pub firm: String,
    pub purpose: Option<String>,
    pub days: i64,
}

/// Issues a token: its row and its audit entry in one transaction. Returns the token (shown
/// once) and the row.
pub async fn issue(
    state: &AppState,
    actor: &Actor<'_>,
    command: IssueApiToken,
) -> AppResult<(String, api_token::Model)> {
    may(actor.viewer, Operation::ManageApiTokens)?;
    let firm = command.firm.trim().to_owned();
    if firm.is_empty() || firm.chars().count() > 200 {
        return Err(AppError::bad_input("firm", Reason::LengthBetween { min: 1, max: 200 }));
    }
    let request = ApiTokenRequest {
        role: command.role,
        unit_id: command.unit_id,
        unit: command.unit_id.map(|unit| public_id(NodeType::Unit, unit)),
        firm,
        purpose: command.purpose,
        days: command.days,
        created_by_user_id: actor.viewer.user_id,
        now: actor.now,
    };
    let txn = state.db.begin().await?;
    let (token, row) = issue_api_token(&txn, &state.keys, &state.config, request).await?;
    let entry = AuditEntry {
        action: "api_token.create",
        entity: "api_token",
        entity_id: Some(public_id(NodeType::ApiToken, row.id)),
        before: None,
        after: Some(json!({ "firm": row.firm, "role": row.role, "unitId": row.unit_id, "expiresAt": row.expires_at })),
    };
    write_audit(&txn, actor.viewer, actor.trace, actor.now, entry).await?;
    txn.commit().await?;
    Ok((token, row))
}

/// Revokes a token at once (compare-and-set: of concurrent revocations one succeeds, the others
/// are `INVALID_TRANSITION`).
pub async fn revoke(state: &AppState, actor: &Actor<'_>, id: i32) -> AppResult<api_token::Model> {
    may(actor.viewer, Operation::ManageApiTokens)?;
    let row =
        api_token::Entity::find_by_id(id).one(&state.db).await?.ok_or(AppError::NotFound(Reason::ApiTokenNotFound))?;
    if row.revoked_at.is_some() {
        return Err(AppError::InvalidTransition(Reason::AlreadyRevoked));
    }
    let txn = state.db.begin().await?;
    let row = revoke_row(&txn, row, actor, "admin").await?;
    txn.commit().await?;
    state.sessions.forget(&format!("token:{}", row.jti));
    Ok(row)
}

/// Sets `revoked_at` if it is not set yet, and audits it; `by` says why (`admin`, `logout`).
pub(super) async fn revoke_row<C: ConnectionTrait>(
    db: &C,
    row: api_token::Model,
    actor: &Actor<'_>,
    by: &str,
) -> AppResult<api_token::Model> {
    let result = api_token::Entity::update_many()
        .col_expr(api_token::Column::RevokedAt, Expr::value(actor.now))
        .filter(api_token::Column::Id.eq(row.id))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(AppError::InvalidTransition(Reason::AlreadyRevoked));
    }
    let entry = AuditEntry {
        action: "api_token.revoke",
        entity: "api_token",
        entity_id: Some(public_id(NodeType::ApiToken, row.id)),
        before: None,
        after: Some(json!({ "revokedAt": actor.now, "by": by })),
    };
    write_audit(db, actor.viewer, actor.trace, actor.now, entry).await?;
    Ok(api_token::Model { revoked_at: Some(actor.now), ..row })
}
