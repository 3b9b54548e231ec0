//! `user_account`, `api_token`, `login_failure`, `recording_authority`.

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
                    .table("user_account")
                    .col(pk_auto("id"))
                    .col(string_len("username", 64))
                    .col(string_len("display_name", 100))
                    .col(string_len("password_hash", 255))
                    .col(string_len("role", 32))
                    .col(integer_null("unit_id"))
                    .col(boolean("active"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("user_account", "unit_id", "unit"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index("user_account", &["username"])).await?;
        manager.create_index(index("user_account", &["role"])).await?;
        manager.create_index(index("user_account", &["unit_id"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("api_token")
                    .col(pk_auto("id"))
                    .col(string_len("jti", 64))
                    .col(string_len("firm", 200))
                    .col(string_len_null("purpose", 300))
                    .col(string_len("role", 32))
                    .col(integer_null("unit_id"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("revoked_at"))
                    .col(integer_null("created_by_user_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk("api_token", "unit_id", "unit"))
                    .foreign_key(&mut fk("api_token", "created_by_user_id", "user_account"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index("api_token", &["jti"])).await?;
        manager.create_index(index("api_token", &["expires_at"])).await?;
        manager.create_index(index("api_token", &["unit_id"])).await?;
        manager.create_index(index("api_token", &["created_by_user_id"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("login_failure")
                    .col(pk_auto("id"))
                    .col(string_len("username", 64))
                    .col(timestamp_with_time_zone("at"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("login_failure", &["username", "at"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("recording_authority")
                    .col(integer("unit_id"))
                    .col(string_len("category", 32))
                    .primary_key(Index::create().col("unit_id").col("category"))
                    .foreign_key(&mut fk("recording_authority", "unit_id", "unit"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("recording_authority", &["category"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("recording_authority").to_owned()).await?;
        manager.drop_table(Table::drop().table("login_failure").to_owned()).await?;
        manager.drop_table(Table::drop().table("api_token").to_owned()).await?;
        manager.drop_table(Table::drop().table("user_account").to_owned()).await?;
        Ok(())
    }
}
