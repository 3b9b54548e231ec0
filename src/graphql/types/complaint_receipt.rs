//! `ComplaintReceipt`: what the complainant sees of their complaint by its reference — where it
//! stands and the reply, never whom it names or who sent it.

use async_graphql::Object;
use entity::complaint;

use super::complaint::ComplaintStatus;
use crate::graphql::scalars::{Date, DateTime};

/// A complaint as its complainant follows it up (`complaintStatus`).
pub struct ComplaintReceipt(pub complaint::Model);

/// A complaint as its complainant follows it up: status, dates and the reply. Never the contact
/// details, the official named or the internal conclusion's record.
#[Object]
impl ComplaintReceipt {
    /// The follow-up reference, as issued (`XXXX-XXXX-XXXX`).
    async fn reference(&self) -> &str {
        self.0.reference.as_deref().unwrap_or_default()
    }

    /// Where it stands.
    async fn status(&self) -> ComplaintStatus {
        self.0.status.into()
    }

    /// When it was received.
    async fn received_at(&self) -> DateTime {
        DateTime(self.0.received_at)
    }

    /// The last day for the reply, once a unit is assigned.
    async fn handling_deadline(&self) -> Option<Date> {
        self.0.handling_deadline.map(Date)
    }

    /// The reply, once given.
    async fn reply(&self) -> Option<&str> {
        self.0.reply.as_deref()
    }

    /// When the reply was given.
    async fn replied_at(&self) -> Option<DateTime> {
        self.0.replied_at.map(DateTime)
    }

    /// The credit office's conclusion, once it concluded (substantiated or unfounded).
    async fn conclusion(&self) -> Option<&str> {
        self.0.conclusion.as_deref()
    }
}
