//! `recording_authority` — Which record categories a recording unit (法院, 监委 …) may record.

use sea_orm::entity::prelude::*;

use crate::enums::RecordCategory;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "recording_authority")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub unit_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub category: RecordCategory,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
