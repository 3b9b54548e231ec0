//! `repair_application` — 信用修复: an application to repair credit after rectification.

use sea_orm::entity::prelude::*;

use crate::enums::RepairStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "repair_application")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub record_id: i32,
    pub applicant_user_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub measures: String,
    pub status: RepairStatus,
    pub rule_set: String,
    #[sea_orm(column_type = "Text")]
    pub decision: Option<String>,
    pub decided_at: Option<DateTimeUtc>,
    pub decided_by_user_id: Option<i32>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
