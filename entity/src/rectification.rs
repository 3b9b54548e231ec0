//! `rectification` — 整改: a record's rectification by a deadline, and its review.

use sea_orm::entity::prelude::*;

use crate::enums::{ListingResolution, RectificationStatus};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "rectification")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub record_id: i32,
    pub deadline: Date,
    #[sea_orm(column_type = "Text")]
    pub cause: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub plan: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub completion: Option<String>,
    pub resolution: Option<ListingResolution>,
    pub submitted_on: Option<Date>,
    pub completed_on: Option<Date>,
    pub court_removed_on: Option<Date>,
    pub status: RectificationStatus,
    pub opened_by_user_id: Option<i32>,
    pub reviewer_user_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub review_note: Option<String>,
    pub reviewed_at: Option<DateTimeUtc>,
    pub accountability_flagged: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
