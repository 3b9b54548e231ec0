//! A complaint's follow-up reference (查询码), given to the complainant, and the 12345 hotline's
//! work-order number (工单号) when the call came that way.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        manager
            .alter_table(Table::alter().table("complaint").add_column(string_len_null("reference", 16)).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter().table("complaint").add_column(string_len_null("work_order_number", 32)).to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("complaint_reference_key").table("complaint").col("reference").unique().to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("complaint_reference_key").table("complaint").to_owned()).await?;
        manager.alter_table(Table::alter().table("complaint").drop_column("work_order_number").to_owned()).await?;
        manager.alter_table(Table::alter().table("complaint").drop_column("reference").to_owned()).await
    }
}
