//! `plan_task`, `plan_task_lead_unit`, `task_progress`.

use sea_orm_migration::{prelude::*, schema::*};

use crate::support::{fk, index, unique_index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("plan_task")
                    .col(pk_auto("id"))
                    .col(string_len("code", 16))
                    .col(string_len("section", 32))
                    .col(string_len("title", 300))
                    .col(text("description"))
                    .col(integer("sort_order"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index("plan_task", &["code"])).await?;
        manager.create_index(index("plan_task", &["sort_order"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("plan_task_lead_unit")
                    .col(integer("task_id"))
                    .col(integer("unit_id"))
                    .primary_key(Index::create().col("task_id").col("unit_id"))
                    .foreign_key(&mut fk("plan_task_lead_unit", "task_id", "plan_task"))
                    .foreign_key(&mut fk("plan_task_lead_unit", "unit_id", "unit"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("plan_task_lead_unit", &["unit_id"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("task_progress")
                    .col(pk_auto("id"))
                    .col(integer("task_id"))
                    .col(integer("unit_id"))
                    .col(string_len("period", 16))
                    .col(text("summary"))
                    .col(string_len("status", 32))
                    .col(integer_null("reported_by_user_id"))
                    .col(timestamp_with_time_zone("reported_at"))
                    .foreign_key(&mut fk("task_progress", "task_id", "plan_task"))
                    .foreign_key(&mut fk("task_progress", "unit_id", "unit"))
                    .foreign_key(&mut fk("task_progress", "reported_by_user_id", "user_account"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("task_progress", &["period"])).await?;
        manager.create_index(index("task_progress", &["task_id"])).await?;
        manager.create_index(index("task_progress", &["unit_id"])).await?;
        manager.create_index(index("task_progress", &["reported_by_user_id"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("task_progress").to_owned()).await?;
        manager.drop_table(Table::drop().table("plan_task_lead_unit").to_owned()).await?;
        manager.drop_table(Table::drop().table("plan_task").to_owned()).await?;
        Ok(())
    }
}
