//! `credit_record` — 信用记录: a dishonesty or honour record of a unit or of an official and the unit they served.

use sea_orm::entity::prelude::*;

use crate::enums::{Disclosure, Polarity, RecordCategory, RecordStatus, Sanction, Sector, Severity, SubjectType};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "credit_record")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub subject_type: SubjectType,
    pub unit_id: i32,
    pub official_id: Option<i32>,
    pub polarity: Polarity,
    pub category: RecordCategory,
    pub sector: Sector,
    pub severity: Severity,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub facts: String,
    pub document_number: Option<String>,
    pub deciding_authority: String,
    pub occurred_on: Date,
    pub decided_on: Date,
    pub status: RecordStatus,
    pub disclosure: Disclosure,
    pub disclosure_until: Option<Date>,
    pub recorded_by_unit_id: i32,
    pub recorded_by_user_id: Option<i32>,
    pub pushed_at: Option<DateTimeUtc>,
    pub source_type: Option<String>,
    pub source_id: Option<i32>,
    /// A disciplinary record's sanction; its period runs from `decided_on`.
    pub sanction: Option<Sanction>,
    /// The day the deadline sweeper lifted it off the public portal (its window closed).
    pub portal_lifted_on: Option<Date>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
