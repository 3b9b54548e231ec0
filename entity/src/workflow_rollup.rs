//! `workflow_rollup` — the open workflows of a unit (own or whole subtree) per kind (the workflow
//! table's name), overdue mark and day (`YYYYMMDD`, 0: none; a repair application's submission
//! day, a proposal's current due day). Kept in the transaction of every workflow write.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "workflow_rollup")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub unit_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub subtree: bool,
    #[sea_orm(primary_key, auto_increment = false)]
    pub kind: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub overdue: bool,
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: i32,
    pub open: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
