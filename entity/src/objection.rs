//! `objection` — 异议: an objection to a record, decided by the credit office.

use sea_orm::entity::prelude::*;

use crate::enums::ObjectionStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "objection")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub record_id: i32,
    pub filed_by_user_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub grounds: String,
    pub status: ObjectionStatus,
    #[sea_orm(column_type = "Text")]
    pub decision: Option<String>,
    pub decided_at: Option<DateTimeUtc>,
    pub decided_by_user_id: Option<i32>,
    pub handling_deadline: Date,
    pub overdue: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
