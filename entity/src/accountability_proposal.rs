//! `accountability_proposal` — 问责建议: opened by the deadline sweep when a rectification goes
//! overdue (plan 2.3.2: 依法依规追究责任), decided by the 监委's recorder.

use sea_orm::entity::prelude::*;

use crate::enums::AccountabilityStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "accountability_proposal")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The overdue rectification, and the dishonesty record it was to rectify.
    pub rectification_id: i32,
    pub record_id: i32,
    /// The unit held to account (the record's unit).
    pub unit_id: i32,
    /// The first day past the rectification's deadline.
    pub overdue_since: Date,
    pub status: AccountabilityStatus,
    /// Confirmed: the ACCOUNTABILITY record it made.
    pub accountability_record_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub dismissal_reason: Option<String>,
    pub decided_on: Option<Date>,
    pub decided_by_user_id: Option<i32>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
