//! `requeuePlatformPush` (administrator only).

use crate::error::AppResult;
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};

use crate::{
    graphql::{
        context::ContextExt,
        ids::{expect_id, NodeType},
        types::platform_push::PlatformPush,
    },
    service::platform_pushes,
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
    /// Queues a FAILED delivery again, with its attempts reset (administrator only; of concurrent
    /// requeues one succeeds).
    #[graphql(visible = "crate::graphql::visibility::manage_platform_pushes")]
    async fn requeue_platform_push(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which delivery.")] input: RequeuePlatformPushInput,
    ) -> AppResult<RequeuePlatformPushPayload> {
        let id = expect_id(&input.id, NodeType::PlatformPush, "input.id")?;
        let row = platform_pushes::requeue(ctx.state()?, &ctx.actor()?, id).await?;
        Ok(RequeuePlatformPushPayload { platform_push: PlatformPush(row) })
    }
}
