//! `task_progress` — A unit's progress report on a plan task for a period.

use sea_orm::entity::prelude::*;

use crate::enums::TaskProgressStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "task_progress")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub task_id: i32,
    pub unit_id: i32,
    pub period: String,
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    pub status: TaskProgressStatus,
    pub reported_by_user_id: Option<i32>,
    pub reported_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
