//! The administrator's hand on the platform outbox: a FAILED delivery queued again.

use entity::{enums::PushStatus, platform_push};
use sea_orm::{sea_query::Expr, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use serde_json::json;

use super::Actor;
use crate::{
    auth::policy::{may, Operation},
    error::{AppError, AppResult, Reason},
    ids::{public_id, NodeType},
    state::AppState,
    store::audit::{write_audit, AuditEntry},
};

/// Queues a FAILED delivery again with its attempts reset (compare-and-set on the status: of
/// concurrent requeues one succeeds, the others are `INVALID_TRANSITION`).
pub async fn requeue(state: &AppState, actor: &Actor<'_>, id: i32) -> AppResult<platform_push::Model> {
    may(actor.viewer, Operation::ManagePlatformPushes)?;
    let row = platform_push::Entity::find_by_id(id).one(&state.db).await?;
    let row = row.ok_or(AppError::NotFound(Reason::PlatformPushNotFound))?;
    let refused = || AppError::InvalidTransition(Reason::PushNotFailed);
    if row.status != PushStatus::Failed {
        return Err(refused());
    }
    let txn = state.db.begin().await?;
    let result = platform_push::Entity::update_many()
        .col_expr(platform_push::Column::Status, Expr::value(PushStatus::Pending))
        .col_expr(platform_push::Column::Attempts, Expr::value(0))
        .col_expr(platform_push::Column::NextAttemptAt, Expr::value(actor.now))
        .col_expr(platform_push::Column::LeaseUntil, Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None))
        .filter(platform_push::Column::Id.eq(id))
        .filter(platform_push::Column::Status.eq(PushStatus::Failed))
        .exec(&txn)
        .await?;
    if result.rows_affected != 1 {
        return Err(refused());
    }
    let entry = AuditEntry {
        action: "platform_push.requeue",
        entity: "platform_push",
        entity_id: Some(public_id(NodeType::PlatformPush, id)),
        before: Some(json!({ "status": "FAILED" })),
        after: Some(json!({ "status": "PENDING" })),
    };
    write_audit(&txn, actor.viewer, actor.trace, actor.now, entry).await?;
    txn.commit().await?;
    Ok(platform_push::Model {
        status: PushStatus::Pending,
        attempts: 0,
        next_attempt_at: actor.now,
        lease_until: None,
        ..row
    })
}
