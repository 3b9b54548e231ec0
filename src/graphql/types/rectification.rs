//! `Rectification` 整改.

use crate::error::AppResult;
use async_graphql::{Context, Enum, Object, ID};
use entity::rectification;

use super::CreditRecord;
use crate::graphql::{
    access,
    ids::{global_id, NodeType},
    scalars::{Date, DateTime},
};

/// Where a rectification stands.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::RectificationStatus")]
pub enum RectificationStatus {
    /// Opened; the unit has not yet submitted.
    Pending,
    /// The unit submitted its cause, plan and completion; awaiting review.
    Submitted,
    /// Accepted: the record is RECTIFIED.
    Accepted,
    /// Rejected with reasons; the unit submits again by the deadline.
    Rejected,
    /// The deadline passed without an accepted submission (逾期未整改): flagged for accountability.
    Overdue,
}

/// How a 失信被执行人's obligation ended.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ListingResolution")]
pub enum ListingResolution {
    /// The obligation in the judgment was performed (履行完毕).
    ObligationPerformed,
    /// A settlement was reached and performed (执行和解履行完毕).
    SettlementPerformed,
}

/// A dishonesty record's rectification by a deadline (plan task 2.1.2).
#[derive(Clone)]
pub struct Rectification(pub rectification::Model);

/// A dishonesty record's rectification by a deadline (plan task 2.1.2).
#[Object]
impl Rectification {
    /// The rectification's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::Rectification, self.0.id)
    }

    /// The record being rectified, if the viewer may see it.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn record(&self, ctx: &Context<'_>) -> AppResult<Option<CreditRecord>> {
        Ok(access::record(ctx, self.0.record_id).await?.map(CreditRecord))
    }

    /// The last day to rectify (限期).
    async fn deadline(&self) -> Date {
        Date(self.0.deadline)
    }

    /// The unit's written explanation of the cause.
    async fn cause(&self) -> Option<&str> {
        self.0.cause.as_deref()
    }

    /// The unit's rectification plan.
    async fn plan(&self) -> Option<&str> {
        self.0.plan.as_deref()
    }

    /// What the unit completed.
    async fn completion(&self) -> Option<&str> {
        self.0.completion.as_deref()
    }

    /// For a 失信被执行人 listing: how the obligation ended.
    async fn resolution(&self) -> Option<ListingResolution> {
        self.0.resolution.map(Into::into)
    }

    /// When the unit last submitted.
    async fn submitted_on(&self) -> Option<Date> {
        self.0.submitted_on.map(Date)
    }

    /// When the submission was accepted.
    async fn completed_on(&self) -> Option<Date> {
        self.0.completed_on.map(Date)
    }

    /// For a listing: the day the court removed it.
    async fn court_removed_on(&self) -> Option<Date> {
        self.0.court_removed_on.map(Date)
    }

    /// Where it stands.
    async fn status(&self) -> RectificationStatus {
        self.0.status.into()
    }

    /// The reviewer's reasons (for a rejection) or remarks.
    async fn review_note(&self) -> Option<&str> {
        self.0.review_note.as_deref()
    }

    /// When it was last reviewed.
    async fn reviewed_at(&self) -> Option<DateTime> {
        self.0.reviewed_at.map(DateTime)
    }

    /// Overdue without rectification: flagged for accountability (逾期未整改 → 追究责任).
    async fn accountability_flagged(&self) -> bool {
        self.0.accountability_flagged
    }

    /// Send back with the next change.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When it was opened.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }
}

crate::graphql::connection::connection_types!(
    RectificationConnection,
    RectificationEdge,
    Rectification,
    "rectifications"
);
