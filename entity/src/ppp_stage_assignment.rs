//! `ppp_stage_assignment` — 项目责任回溯: the official responsible for a PPP project in a stage.

use sea_orm::entity::prelude::*;

use crate::enums::PppStage;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "ppp_stage_assignment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub project_id: i32,
    pub stage: PppStage,
    pub official_id: i32,
    pub from_on: Date,
    pub to_on: Option<Date>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
