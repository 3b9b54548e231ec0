//! `requeuePlatformPush` (administrator only).

use async_graphql::{Context, InputObject, Object, Result, SimpleObject, ID};
use entity::{enums, platform_push};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set, TransactionTrait};
use serde_json::json;

use crate::{
    auth::policy::{self, Operation},
    error::AppError,
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        types::platform_push::PlatformPush,
    },
    store::audit::{write_audit, AuditEntry},
};

/// Which failed delivery to try again.
#[derive(InputObject)]
pub struct RequeuePlatformPushInput {
    /// The delivery's id.
    pub id: ID,
}

/// The delivery, queued again.
#[derive(SimpleObject)]
pub struct RequeuePlatformPushPayload {
    /// The delivery.
    pub platform_push: PlatformPush,
}

#[derive(Default)]
pub struct PlatformPushMutation;

#[Object]
impl PlatformPushMutation {
    /// Queues a FAILED delivery again, with its attempts reset (administrator only).
    #[graphql(visible = "crate::graphql::visibility::manage_platform_pushes")]
    async fn requeue_platform_push(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which delivery.")] input: RequeuePlatformPushInput,
    ) -> Result<RequeuePlatformPushPayload> {
        let state = ctx.state()?;
        let viewer = ctx.viewer()?;
        policy::may(viewer, Operation::ManagePlatformPushes)?;
        let id = expect_id(&input.id, NodeType::PlatformPush, "input.id")?;
        let row = platform_push::Entity::find_by_id(id).one(&state.db).await.map_err(AppError::from)?;
        let row = row.ok_or_else(|| AppError::not_found("platform push"))?;
        if row.status != enums::PushStatus::Failed {
            return Err(AppError::InvalidTransition("only a FAILED delivery can be requeued".into()).into());
        }
        let now = state.clock.now();
        let txn = state.db.begin().await.map_err(AppError::from)?;
        let mut active = row.into_active_model();
        active.status = Set(enums::PushStatus::Pending);
        active.attempts = Set(0);
        active.next_attempt_at = Set(now);
        active.lease_until = Set(None);
        let row = active.update(&txn).await.map_err(AppError::from)?;
        let entry = AuditEntry {
            action: "platform_push.requeue",
            entity: "platform_push",
            entity_id: Some(input.id.0.clone()),
            before: Some(json!({ "status": "FAILED" })),
            after: Some(json!({ "status": "PENDING" })),
        };
        write_audit(&txn, viewer, ctx.trace(), now, entry).await.map_err(AppError::from)?;
        txn.commit().await.map_err(AppError::from)?;
        Ok(RequeuePlatformPushPayload { platform_push: PlatformPush(row) })
    }
}
