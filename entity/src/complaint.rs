//! `complaint` — 投诉举报: a public complaint (12345 hotline, website …) against a unit.

use sea_orm::entity::prelude::*;

use crate::enums::{ComplaintChannel, ComplaintStatus, Sector};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "complaint")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub channel: ComplaintChannel,
    pub target_unit_id: i32,
    pub official_id: Option<i32>,
    pub sector: Sector,
    #[sea_orm(column_type = "Text")]
    pub content: String,
    /// The complainant's contact never leaves the row by serialisation (audit entries omit it).
    #[serde(skip_serializing)]
    pub contact_name: Option<String>,
    #[serde(skip_serializing)]
    pub contact_phone: Option<String>,
    pub received_at: DateTimeUtc,
    pub handling_deadline: Option<Date>,
    pub status: ComplaintStatus,
    pub assigned_unit_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub reply: Option<String>,
    pub replied_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text")]
    pub conclusion: Option<String>,
    pub record_id: Option<i32>,
    #[serde(skip_serializing)]
    pub client_key: Option<String>,
    /// Set by the deadline sweeper once the handling deadline passed without a reply.
    pub overdue: bool,
    /// The complainant's follow-up reference (查询码): short, unguessable, unique.
    pub reference: Option<String>,
    /// The 12345 hotline's work-order number (工单号), when given.
    pub work_order_number: Option<String>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
