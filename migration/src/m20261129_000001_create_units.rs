//! `unit`, `unit_closure`.

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
                    .table("unit")
                    .col(pk_auto("id"))
                    .col(string_len("name", 200))
                    .col(string_len_null("short_name", 100))
                    .col(string_len("kind", 32))
                    .col(integer_null("parent_id"))
                    .col(string_len_null("uscc", 18))
                    .col(string_len_null("division_code", 12))
                    .col(boolean("active"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("unit", "parent_id", "unit"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index("unit", &["uscc"])).await?;
        manager.create_index(index("unit", &["kind"])).await?;
        manager.create_index(index("unit", &["division_code"])).await?;
        manager.create_index(index("unit", &["name"])).await?;
        manager.create_index(index("unit", &["parent_id"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("unit_closure")
                    .col(integer("ancestor_id"))
                    .col(integer("descendant_id"))
                    .col(integer("depth"))
                    .primary_key(Index::create().col("ancestor_id").col("descendant_id"))
                    .foreign_key(&mut fk("unit_closure", "ancestor_id", "unit"))
                    .foreign_key(&mut fk("unit_closure", "descendant_id", "unit"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("unit_closure", &["descendant_id", "depth"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("unit_closure").to_owned()).await?;
        manager.drop_table(Table::drop().table("unit").to_owned()).await?;
        Ok(())
    }
}
