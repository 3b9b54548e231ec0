//! `official` — 公务人员: a civil servant or public-institution staff member of a unit.

use sea_orm::entity::prelude::*;

use crate::enums::{OfficialCategory, OfficialStatus};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "official")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub unit_id: i32,
    pub name: String,
    /// Never copied into the audit log or any other serialised form.
    #[serde(skip_serializing)]
    pub id_number: String,
    #[serde(skip_serializing)]
    pub phone: Option<String>,
    pub category: OfficialCategory,
    pub position: Option<String>,
    pub is_head_of_unit: bool,
    pub status: OfficialStatus,
    /// Send back with a change; a stale one is refused.
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
