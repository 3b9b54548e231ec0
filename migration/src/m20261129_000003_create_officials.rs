//! `official`, `training_record`.

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
                    .table("official")
                    .col(pk_auto("id"))
                    .col(integer("unit_id"))
                    .col(string_len("name", 100))
                    .col(string_len("id_number", 18))
                    .col(string_len_null("phone", 20))
                    .col(string_len("category", 32))
                    .col(string_len_null("position", 100))
                    .col(boolean("is_head_of_unit"))
                    .col(string_len("status", 32))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("official", "unit_id", "unit"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index("official", &["id_number"])).await?;
        manager.create_index(index("official", &["unit_id", "name"])).await?;
        manager.create_index(index("official", &["status"])).await?;
        manager.create_index(index("official", &["category"])).await?;
        manager.create_index(index("official", &["name"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("training_record")
                    .col(pk_auto("id"))
                    .col(integer("official_id"))
                    .col(string_len("course", 200))
                    .col(integer("minutes"))
                    .col(date("completed_on"))
                    .col(integer_null("recorded_by_user_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk("training_record", "official_id", "official"))
                    .foreign_key(&mut fk("training_record", "recorded_by_user_id", "user_account"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("training_record", &["completed_on"])).await?;
        manager.create_index(index("training_record", &["official_id"])).await?;
        manager.create_index(index("training_record", &["recorded_by_user_id"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("training_record").to_owned()).await?;
        manager.drop_table(Table::drop().table("official").to_owned()).await?;
        Ok(())
    }
}
