//! `CreditRecord` 信用记录.

use crate::error::AppResult;
use async_graphql::{Context, Object, ID};
use entity::credit_record;

use super::{
    record_enums::{Disclosure, Polarity, RecordCategory, RecordStatus, Sanction, Sector, Severity, SubjectType},
    ListingEvent, Objection, Official, Rectification, RepairApplication, Unit,
};
use crate::auth::policy::workflows::can_read_workflows;
use crate::graphql::{
    access,
    connection::connection_types,
    context::ContextExt,
    ids::{global_id, NodeType},
    scalars::{Date, DateTime},
};

/// A dishonesty or honour record of a unit, or of an official and the unit they served.
#[derive(Clone)]
pub struct CreditRecord(pub credit_record::Model);

/// A dishonesty or honour record of a unit, or of an official and the unit they served.
#[Object(visible = "crate::graphql::visibility::list_credit_records")]
impl CreditRecord {
    /// The record's opaque global id.
    pub async fn id(&self) -> ID {
        global_id(NodeType::CreditRecord, self.0.id)
    }

    /// A unit's record, or an official's.
    async fn subject_type(&self) -> SubjectType {
        self.0.subject_type.into()
    }

    /// Honour or dishonesty.
    async fn polarity(&self) -> Polarity {
        self.0.polarity.into()
    }

    /// What kind of record.
    async fn category(&self) -> RecordCategory {
        self.0.category.into()
    }

    /// The key sector.
    async fn sector(&self) -> Sector {
        self.0.sector.into()
    }

    /// How serious.
    async fn severity(&self) -> Severity {
        self.0.severity.into()
    }

    /// Short title.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// The facts as decided.
    async fn facts(&self) -> &str {
        &self.0.facts
    }

    /// The decision's document number (文号), e.g. `德政〔2019〕73号`.
    async fn document_number(&self) -> Option<&str> {
        self.0.document_number.as_deref()
    }

    /// The authority that decided.
    async fn deciding_authority(&self) -> &str {
        &self.0.deciding_authority
    }

    /// When the conduct occurred.
    async fn occurred_on(&self) -> Date {
        Date(self.0.occurred_on)
    }

    /// When it was decided; disclosure and repair periods run from this date.
    async fn decided_on(&self) -> Date {
        Date(self.0.decided_on)
    }

    /// Where the record stands.
    async fn status(&self) -> RecordStatus {
        self.0.status.into()
    }

    /// Who may see it.
    async fn disclosure(&self) -> Disclosure {
        self.0.disclosure.into()
    }

    /// The last day of the disclosure window (null for honours: no end).
    async fn disclosure_until(&self) -> Option<Date> {
        self.0.disclosure_until.map(Date)
    }

    /// The unit the record is about (for an official's record, the unit they served).
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(crate::graphql::access::required_unit(ctx, self.0.unit_id).await?))
    }

    /// The official the record is about, if the viewer may see them.
    #[graphql(visible = "crate::graphql::visibility::list_officials")]
    async fn official(&self, ctx: &Context<'_>) -> AppResult<Option<Official>> {
        let Some(official) = self.0.official_id else { return Ok(None) };
        Ok(access::official(ctx, official).await?.map(Official))
    }

    /// The recording unit.
    async fn recorded_by(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(crate::graphql::access::required_unit(ctx, self.0.recorded_by_unit_id).await?))
    }

    /// When the current version reached the municipal platform (null: not yet).
    async fn pushed_at(&self) -> Option<DateTime> {
        self.0.pushed_at.map(DateTime)
    }

    /// Send back with `updateCreditRecord`: a stale version is refused with `CONFLICT`.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When it was entered.
    async fn created_at(&self) -> DateTime {
        DateTime(self.0.created_at)
    }

    /// When it last changed.
    async fn updated_at(&self) -> DateTime {
        DateTime(self.0.updated_at)
    }

    /// The day the deadline sweep took it off the public portal (its disclosure window closed).
    async fn portal_lifted_on(&self) -> Option<Date> {
        self.0.portal_lifted_on.map(Date)
    }

    /// The current rectification (整改), if one was opened (signed-in viewers).
    async fn rectification(&self, ctx: &Context<'_>) -> AppResult<Option<Rectification>> {
        if !can_read_workflows(ctx.viewer()?) {
            return Ok(None);
        }
        let rows = ctx.loaders()?.record_rectifications().load_one(self.0.id).await?.unwrap_or_default();
        Ok(rows.into_iter().last().map(Rectification))
    }

    /// Objections (异议) filed against it, oldest first (signed-in viewers).
    async fn objections(&self, ctx: &Context<'_>) -> AppResult<Vec<Objection>> {
        if !can_read_workflows(ctx.viewer()?) {
            return Ok(Vec::new());
        }
        let rows = ctx.loaders()?.record_objections().load_one(self.0.id).await?.unwrap_or_default();
        Ok(rows.into_iter().map(Objection).collect())
    }

    /// Credit repair (信用修复) applications, oldest first (signed-in viewers).
    async fn repair_applications(&self, ctx: &Context<'_>) -> AppResult<Vec<RepairApplication>> {
        if !can_read_workflows(ctx.viewer()?) {
            return Ok(Vec::new());
        }
        let rows = ctx.loaders()?.record_repairs().load_one(self.0.id).await?.unwrap_or_default();
        Ok(rows.into_iter().map(RepairApplication).collect())
    }

    /// A disciplinary record's sanction.
    async fn sanction(&self) -> Option<Sanction> {
        self.0.sanction.map(Into::into)
    }

    /// The last day of the sanction's period (null: none, or 开除, which never lapses).
    async fn sanction_ends_on(&self) -> Option<Date> {
        self.0.sanction.and_then(|s| crate::domain::sanction_rules::period_end(s, self.0.decided_on)).map(Date)
    }

    /// For a 失信被执行人 listing: the court's extensions and its removal, oldest first
    /// (signed-in viewers).
    async fn listing_events(&self, ctx: &Context<'_>) -> AppResult<Vec<ListingEvent>> {
        if !can_read_workflows(ctx.viewer()?) {
            return Ok(Vec::new());
        }
        let rows = ctx.loaders()?.record_listing_events().load_one(self.0.id).await?.unwrap_or_default();
        Ok(rows.into_iter().map(ListingEvent).collect())
    }
}

connection_types!(CreditRecordConnection, CreditRecordEdge, CreditRecord, "credit records");
