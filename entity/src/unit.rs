//! `unit` — 单位: a body of the county, in a tree (county government → departments, townships → villages).

use sea_orm::entity::prelude::*;

use crate::enums::UnitKind;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "unit")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    pub short_name: Option<String>,
    pub kind: UnitKind,
    pub parent_id: Option<i32>,
    pub uscc: Option<String>,
    pub division_code: Option<String>,
    pub active: bool,
    /// Send back with a change; a stale one is refused.
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
