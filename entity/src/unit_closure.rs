//! `unit_closure` — The unit tree's closure: one row per (ancestor, descendant), depth 0 for the unit itself, so a subtree is one indexed lookup.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "unit_closure")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub ancestor_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub descendant_id: i32,
    pub depth: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
