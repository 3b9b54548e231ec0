//! `Objection` 异议.

use crate::error::AppResult;
use async_graphql::{Context, Enum, Object, ID};
use entity::objection;

use super::CreditRecord;
use crate::graphql::{
    access,
    ids::{global_id, NodeType},
    scalars::{Date, DateTime},
};

/// Where an objection stands.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ObjectionStatus")]
pub enum ObjectionStatus {
    /// Filed; not yet taken up.
    Filed,
    /// The credit office is reviewing it.
    UnderReview,
    /// Upheld: the record was revoked or corrected.
    Upheld,
    /// Dismissed: the record stands.
    Dismissed,
}

/// An objection to a record by its subject (plan task 2.1.3).
#[derive(Clone)]
pub struct Objection(pub objection::Model);

/// An objection to a record by its subject (plan task 2.1.3).
#[Object]
impl Objection {
    /// The objection's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::Objection, self.0.id)
    }

    /// The record objected to, if the viewer may see it.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn record(&self, ctx: &Context<'_>) -> AppResult<Option<CreditRecord>> {
        Ok(access::record(ctx, self.0.record_id).await?.map(CreditRecord))
    }

    /// The grounds given.
    async fn grounds(&self) -> &str {
        &self.0.grounds
    }

    /// Where it stands.
    async fn status(&self) -> ObjectionStatus {
        self.0.status.into()
    }

    /// The decision's text.
    async fn decision(&self) -> Option<&str> {
        self.0.decision.as_deref()
    }

    /// When it was decided.
    async fn decided_at(&self) -> Option<DateTime> {
        self.0.decided_at.map(DateTime)
    }

    /// The last day for the credit office's decision.
    async fn handling_deadline(&self) -> Date {
        Date(self.0.handling_deadline)
    }

    /// Not decided by its handling deadline (marked by the deadline sweep).
    async fn overdue(&self) -> bool {
        self.0.overdue
    }

    /// Send back with `decideObjection`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When it was filed.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }
}

crate::graphql::connection::connection_types!(ObjectionConnection, ObjectionEdge, Objection, "objections");
