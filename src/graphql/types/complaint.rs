//! `Complaint` 投诉举报.

use crate::error::AppResult;
use async_graphql::{Context, Enum, Object, ID};
use entity::complaint;

use super::{record_enums::Sector, CreditRecord, Official, Unit};
use crate::{
    auth::policy::complaints::sees_complainant,
    error::AppError,
    graphql::{
        access,
        connection::connection_types,
        context::ContextExt,
        ids::{global_id, NodeType},
        scalars::{Date, DateTime},
    },
    store::identifier_reads::IdentifierReads,
};

/// How a complaint arrived.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ComplaintChannel")]
pub enum ComplaintChannel {
    /// The 12345 government service hotline.
    #[graphql(name = "HOTLINE_12345")]
    Hotline12345,
    /// The public portal's complaint form.
    Website,
    /// A media report.
    Media,
    /// A letter or visit.
    Letter,
    /// Any other way.
    Other,
}

/// Where a complaint stands.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ComplaintStatus")]
pub enum ComplaintStatus {
    /// Received; not yet assigned.
    Received,
    /// Assigned to a unit with a handling deadline.
    Assigned,
    /// The unit replied; awaiting the credit office's conclusion.
    Replied,
    /// Found true (a dishonesty record may have been made).
    Substantiated,
    /// Found untrue.
    Unfounded,
    /// Closed without a finding (withdrawn, duplicate, outside the remit).
    Closed,
}

/// A complaint or report from the public (12345 hotline, portal …) about a unit (plan task 2.3.3).
#[derive(Clone)]
pub struct Complaint(pub complaint::Model);

/// A complaint or report from the public (12345 hotline, portal …) about a unit (plan task 2.3.3).
#[Object]
impl Complaint {
    /// The complaint's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::Complaint, self.0.id)
    }

    /// How it arrived.
    async fn channel(&self) -> ComplaintChannel {
        self.0.channel.into()
    }

    /// The unit complained about.
    async fn target_unit(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(crate::graphql::access::required_unit(ctx, self.0.target_unit_id).await?))
    }

    /// The public servant complained about, if named and the viewer may see them.
    #[graphql(visible = "crate::graphql::visibility::list_officials")]
    async fn official(&self, ctx: &Context<'_>) -> AppResult<Option<Official>> {
        let Some(official) = self.0.official_id else { return Ok(None) };
        Ok(access::official(ctx, official).await?.map(Official))
    }

    /// The key sector.
    async fn sector(&self) -> Sector {
        self.0.sector.into()
    }

    /// What the complainant says.
    async fn content(&self) -> &str {
        &self.0.content
    }

    /// The complainant's name: only for the credit office and the administrator (each read
    /// audited); null for everyone else and for anonymous complaints.
    #[graphql(visible = "crate::graphql::visibility::complainant_contact")]
    async fn contact_name(&self, ctx: &Context<'_>) -> AppResult<Option<String>> {
        self.complainant(ctx, "contact_name", self.0.contact_name.as_ref())
    }

    /// The complainant's phone, whole: only for the credit office and the administrator (each
    /// read audited); null for everyone else.
    #[graphql(visible = "crate::graphql::visibility::complainant_contact")]
    async fn contact_phone(&self, ctx: &Context<'_>) -> AppResult<Option<String>> {
        self.complainant(ctx, "contact_phone", self.0.contact_phone.as_ref())
    }

    /// When it was received.
    async fn received_at(&self) -> DateTime {
        DateTime(self.0.received_at)
    }

    /// The last day for the assigned unit's reply.
    async fn handling_deadline(&self) -> Option<Date> {
        self.0.handling_deadline.map(Date)
    }

    /// Not replied by its handling deadline (marked by the deadline sweep).
    async fn overdue(&self) -> bool {
        self.0.overdue
    }

    /// The complainant's follow-up reference (查询码), which staff may read out to them.
    async fn reference(&self) -> Option<&str> {
        self.0.reference.as_deref()
    }

    /// The 12345 hotline's work-order number (工单号), when the call came that way.
    async fn work_order_number(&self) -> Option<&str> {
        self.0.work_order_number.as_deref()
    }

    /// Where it stands.
    async fn status(&self) -> ComplaintStatus {
        self.0.status.into()
    }

    /// The unit that must reply.
    async fn assigned_unit(&self, ctx: &Context<'_>) -> AppResult<Option<Unit>> {
        let Some(unit) = self.0.assigned_unit_id else { return Ok(None) };
        Ok(crate::graphql::access::unit(ctx, unit).await?.map(Unit))
    }

    /// The unit's reply.
    async fn reply(&self) -> Option<&str> {
        self.0.reply.as_deref()
    }

    /// When the unit replied.
    async fn replied_at(&self) -> Option<DateTime> {
        self.0.replied_at.map(DateTime)
    }

    /// The credit office's conclusion.
    async fn conclusion(&self) -> Option<&str> {
        self.0.conclusion.as_deref()
    }

    /// The dishonesty record a substantiated complaint led to, if the viewer may see it.
    #[graphql(visible = "crate::graphql::visibility::list_credit_records")]
    async fn record(&self, ctx: &Context<'_>) -> AppResult<Option<CreditRecord>> {
        let Some(record) = self.0.record_id else { return Ok(None) };
        Ok(access::record(ctx, record).await?.map(CreditRecord))
    }

    /// Send back with the next change.
    async fn version(&self) -> i32 {
        self.0.version
    }
}

impl Complaint {
    fn complainant(&self, ctx: &Context<'_>, field: &'static str, value: Option<&String>) -> AppResult<Option<String>> {
        let (Some(value), true) = (value, sees_complainant(ctx.viewer()?)) else { return Ok(None) };
        let reads = ctx
            .data::<std::sync::Arc<IdentifierReads>>()
            .map_err(|_| AppError::Internal("no identifier read log in context".into()))?;
        reads.note("complaint", global_id(NodeType::Complaint, self.0.id).0, field);
        Ok(Some(value.clone()))
    }
}

connection_types!(ComplaintConnection, ComplaintEdge, Complaint, "complaints");
