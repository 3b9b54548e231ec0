//! An overdue rectification opens an accountability proposal (问责建议) for the 监委's recorder,
//! who confirms it (the ACCOUNTABILITY record) or dismisses it with a reason. One per rectification.

use sea_orm_migration::{prelude::*, schema::*};

use crate::support::{fk, index, unique_index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let table = "accountability_proposal";
        manager
            .create_table(
                Table::create()
                    .table(table)
                    .if_not_exists()
                    .col(pk_auto("id"))
                    .col(integer("rectification_id"))
                    .col(integer("record_id"))
                    .col(integer("unit_id"))
                    .col(date("overdue_since"))
                    .col(string_len("status", 32))
                    .col(integer_null("accountability_record_id"))
                    .col(text_null("dismissal_reason"))
                    .col(date_null("decided_on"))
                    .col(integer_null("decided_by_user_id"))
                    .col(integer("version").default(1))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk(table, "rectification_id", "rectification"))
                    .foreign_key(&mut fk(table, "record_id", "credit_record"))
                    .foreign_key(&mut fk(table, "unit_id", "unit"))
                    .foreign_key(&mut fk(table, "accountability_record_id", "credit_record"))
                    .foreign_key(&mut fk(table, "decided_by_user_id", "user_account"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index(table, &["rectification_id"])).await?;
        manager.create_index(index(table, &["status", "overdue_since"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("accountability_proposal").to_owned()).await
    }
}
