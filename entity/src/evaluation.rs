//! `evaluation` — A unit's integrity evaluation in a period: score, grade and breakdown.

use sea_orm::entity::prelude::*;

use crate::enums::Grade;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "evaluation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub period_id: i32,
    pub unit_id: i32,
    pub score_centi: i32,
    pub grade: Grade,
    #[sea_orm(column_type = "Text")]
    pub breakdown: String,
    pub third_party_grade: Option<Grade>,
    pub published: bool,
    pub computed_at: DateTimeUtc,
    pub published_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
