//! The register through the API: units and officials carry a version (optimistic concurrency),
//! and an official's transfers between units are kept (调动记录).

use sea_orm_migration::{prelude::*, schema::*};

use crate::support::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["unit", "official"] {
            manager
                .alter_table(
                    Table::alter().table(table).add_column(integer("version").default(1).to_owned()).to_owned(),
                )
                .await?;
        }
        let table = "official_transfer";
        manager
            .create_table(
                Table::create()
                    .table(table)
                    .if_not_exists()
                    .col(pk_auto("id"))
                    .col(integer("official_id"))
                    .col(integer("from_unit_id"))
                    .col(integer("to_unit_id"))
                    .col(string_len_null("from_position", 100))
                    .col(date("effective_on"))
                    .col(integer_null("by_user_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk(table, "official_id", "official"))
                    .foreign_key(&mut fk(table, "from_unit_id", "unit"))
                    .foreign_key(&mut fk(table, "to_unit_id", "unit"))
                    .foreign_key(&mut fk(table, "by_user_id", "user_account"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index(table, &["official_id"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("official_transfer").to_owned()).await?;
        for table in ["official", "unit"] {
            manager.alter_table(Table::alter().table(table).drop_column("version").to_owned()).await?;
        }
        Ok(())
    }
}
