//! `training_record` — 诚信教育: an integrity course an official completed.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "training_record")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub official_id: i32,
    pub course: String,
    pub minutes: i32,
    pub completed_on: Date,
    pub recorded_by_user_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
