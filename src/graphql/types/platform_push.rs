//! `PlatformPush`: a record version on its way to the municipal credit platform.

use async_graphql::{Enum, Object, ID};
use entity::platform_push;

use crate::graphql::{
    connection::connection_types,
    ids::{global_id, NodeType},
    scalars::DateTime,
};

/// Where a delivery stands.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::PushStatus")]
pub enum PushStatus {
    /// Queued, or waiting for its next attempt.
    Pending,
    /// Accepted by the platform.
    Sent,
    /// Gave up after the last attempt; an administrator may requeue it.
    Failed,
}

/// A record version queued for the municipal credit platform (市公共信用信息平台).
#[derive(Clone)]
pub struct PlatformPush(pub platform_push::Model);

/// A record version queued for the municipal credit platform (市公共信用信息平台).
#[Object(visible = "crate::graphql::visibility::manage_platform_pushes")]
impl PlatformPush {
    /// The delivery's id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::PlatformPush, self.0.id)
    }

    /// The record's id.
    async fn record_id(&self) -> ID {
        global_id(NodeType::CreditRecord, self.0.record_id)
    }

    /// The record it carries, if the viewer may see it.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn record(&self, ctx: &async_graphql::Context<'_>) -> crate::error::AppResult<Option<super::CreditRecord>> {
        Ok(crate::graphql::access::record(ctx, self.0.record_id).await?.map(super::CreditRecord))
    }

    /// The record version it carries (with the record id: the idempotency key).
    async fn record_version(&self) -> i32 {
        self.0.record_version
    }

    /// Where it stands.
    async fn status(&self) -> PushStatus {
        self.0.status.into()
    }

    /// Attempts so far.
    async fn attempts(&self) -> i32 {
        self.0.attempts
    }

    /// When the next attempt is due.
    async fn next_attempt_at(&self) -> DateTime {
        DateTime(self.0.next_attempt_at)
    }

    /// What went wrong last time.
    async fn last_error(&self) -> Option<&str> {
        self.0.last_error.as_deref()
    }

    /// When the platform accepted it.
    async fn sent_at(&self) -> Option<DateTime> {
        self.0.sent_at.map(DateTime)
    }

    /// When it was queued.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }
}

connection_types!(PlatformPushConnection, PlatformPushEdge, PlatformPush, "platform deliveries");
