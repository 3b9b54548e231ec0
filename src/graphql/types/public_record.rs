//! `PublicRecord`: a record as the public portal shows it.

use crate::error::AppResult;
use async_graphql::{Context, Object, ID};
use entity::credit_record;

use super::{
    record_enums::{Polarity, RecordCategory, RecordStatus, Sector, Severity},
    Unit,
};
use crate::graphql::{
    connection::connection_types,
    context::ContextExt,
    ids::{global_id, NodeType},
    scalars::Date,
};

/// A published record of a unit, with the fields a public notice shows (公示).
#[derive(Clone)]
pub struct PublicRecord(pub credit_record::Model);

/// A published record of a unit, with the fields a public notice shows (公示).
#[Object]
impl PublicRecord {
    /// The published record's id (for `node`; not a `CreditRecord` id, which a signed-in caller
    /// gets from `creditRecordId`).
    pub async fn id(&self) -> ID {
        global_id(NodeType::PublicRecord, self.0.id)
    }

    /// The same record's `CreditRecord` id, for staff who may open it.
    async fn credit_record_id(&self) -> ID {
        global_id(NodeType::CreditRecord, self.0.id)
    }

    /// The unit.
    async fn unit(&self, ctx: &Context<'_>) -> AppResult<Unit> {
        Ok(Unit(crate::graphql::access::required_unit(ctx, self.0.unit_id).await?))
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

    /// The decision's document number (文号).
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

    /// When it was decided.
    async fn decided_on(&self) -> Date {
        Date(self.0.decided_on)
    }

    /// In force, being rectified, or rectified.
    async fn status(&self) -> RecordStatus {
        self.0.status.into()
    }

    /// The status as the notice prints it: 失信 (in force), 整改中 (being rectified) or 已整改
    /// (rectified; shown until the record is repaired or its window ends); 表彰 for an honour.
    async fn status_label(&self) -> &'static str {
        if self.0.polarity == entity::enums::Polarity::Honor {
            return "表彰";
        }
        match self.0.status {
            entity::enums::RecordStatus::Rectifying => "整改中",
            entity::enums::RecordStatus::Rectified => "已整改",
            _ => "失信",
        }
    }

    /// Whether an objection to the record is being handled (shown as 异议处理中).
    async fn objection_pending(&self, ctx: &Context<'_>) -> AppResult<bool> {
        use entity::enums::ObjectionStatus;
        let objections = ctx.loaders()?.record_objections().load_one(self.0.id).await?.unwrap_or_default();
        Ok(objections.iter().any(|o| matches!(o.status, ObjectionStatus::Filed | ObjectionStatus::UnderReview)))
    }

    /// The last day it is shown (null: no end).
    async fn disclosure_until(&self) -> Option<Date> {
        self.0.disclosure_until.map(Date)
    }
}

connection_types!(PublicRecordConnection, PublicRecordEdge, PublicRecord, "published records");
