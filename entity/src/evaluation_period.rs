//! `evaluation_period` — An evaluation period (e.g. the 2025 annual integrity evaluation).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "evaluation_period")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    pub year: i32,
    pub starts_on: Date,
    pub ends_on: Date,
    pub created_at: DateTimeUtc,
    /// The weights its evaluations were computed with (JSON), kept with the period.
    #[sea_orm(column_type = "Text")]
    pub weights: Option<String>,
    /// When its evaluations were published; a published period is frozen.
    pub published_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
