//! `official_transfer` — 调动记录: an official moved from one unit to another. The records made
//! while they served the old unit keep naming it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "official_transfer")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub official_id: i32,
    pub from_unit_id: i32,
    pub to_unit_id: i32,
    /// The position held at the old unit.
    pub from_position: Option<String>,
    pub effective_on: Date,
    pub by_user_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
