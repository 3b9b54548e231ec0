//! `ppp_project` — PPP project with its government-side unit and current stage.

use sea_orm::entity::prelude::*;

use crate::enums::PppStage;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "ppp_project")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub unit_id: i32,
    pub project_number: String,
    pub name: String,
    pub total_investment_fen: i64,
    pub partner_name: String,
    pub partner_uscc: Option<String>,
    pub stage: PppStage,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
