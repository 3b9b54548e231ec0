//! `third_party_rating` — A third-party evaluation firm's rating of a unit in a period.

use sea_orm::entity::prelude::*;

use crate::enums::Grade;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "third_party_rating")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub firm: String,
    pub unit_id: i32,
    pub period_id: i32,
    pub grade: Grade,
    pub report_reference: String,
    pub published_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
