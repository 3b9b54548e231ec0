//! `RepairApplication` 信用修复申请.

use crate::error::AppResult;
use async_graphql::{Context, Enum, Object, ID};
use entity::repair_application;

use super::CreditRecord;
use crate::graphql::{
    access,
    ids::{global_id, NodeType},
    scalars::DateTime,
};

/// Where a repair application stands.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::RepairStatus")]
pub enum RepairStatus {
    /// Awaiting the credit office's decision.
    Submitted,
    /// Approved: the record is REPAIRED.
    Approved,
    /// Rejected, with the decision's reasons.
    Rejected,
}

/// An application to repair credit after rectification (plan task 2.2.1).
#[derive(Clone)]
pub struct RepairApplication(pub repair_application::Model);

/// An application to repair credit after rectification (plan task 2.2.1).
#[Object]
impl RepairApplication {
    /// The application's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::RepairApplication, self.0.id)
    }

    /// The record to repair, if the viewer may see it.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn record(&self, ctx: &Context<'_>) -> AppResult<Option<CreditRecord>> {
        Ok(access::record(ctx, self.0.record_id).await?.map(CreditRecord))
    }

    /// The measures taken (loss recovered, impact removed …).
    async fn measures(&self) -> &str {
        &self.0.measures
    }

    /// Where it stands.
    async fn status(&self) -> RepairStatus {
        self.0.status.into()
    }

    /// The repair rule set it was judged under (its effective date, e.g. `2026-04-01`).
    async fn rule_set(&self) -> &str {
        &self.0.rule_set
    }

    /// The decision's text.
    async fn decision(&self) -> Option<&str> {
        self.0.decision.as_deref()
    }

    /// When it was decided.
    async fn decided_at(&self) -> Option<DateTime> {
        self.0.decided_at.map(DateTime)
    }

    /// Send back with `decideRepair`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When it was filed.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }
}

crate::graphql::connection::connection_types!(
    RepairApplicationConnection,
    RepairApplicationEdge,
    RepairApplication,
    "repair applications"
);
