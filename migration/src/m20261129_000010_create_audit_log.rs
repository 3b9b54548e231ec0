//! `audit_log`.

use sea_orm_migration::{prelude::*, schema::*};

use crate::support::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("audit_log")
                    .col(pk_auto("id"))
                    .col(string_len("actor", 100))
                    .col(integer_null("actor_user_id"))
                    .col(string_len("role", 32))
                    .col(string_len("action", 64))
                    .col(string_len("entity", 64))
                    .col(string_len_null("entity_id", 64))
                    .col(text_null("before"))
                    .col(text_null("after"))
                    .col(string_len_null("request_id", 64))
                    .col(timestamp_with_time_zone("at"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("audit_log", &["at"])).await?;
        manager.create_index(index("audit_log", &["actor", "at"])).await?;
        manager.create_index(index("audit_log", &["action"])).await?;
        manager.create_index(index("audit_log", &["entity", "entity_id"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("audit_log").to_owned()).await?;
        Ok(())
    }
}
