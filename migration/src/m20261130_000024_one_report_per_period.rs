//! Plan supervision (plan task 4.4): one report per task, lead unit and half year, held by the
//! database so two first reports at once cannot both stand.

use sea_orm_migration::prelude::*;

use crate::support::unique_index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_index(unique_index("task_progress", &["task_id", "unit_id", "period"])).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name("uq_task_progress_task_id_unit_id_period").table("task_progress").to_owned())
            .await
    }
}
