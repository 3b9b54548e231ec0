//! `commitment`, `complaint`, `proposal`.

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
                    .table("commitment")
                    .col(pk_auto("id"))
                    .col(integer("unit_id"))
                    .col(string_len("kind", 32))
                    .col(string_len("sector", 32))
                    .col(string_len_null("service_area", 32))
                    .col(text("content"))
                    .col(boolean("is_public"))
                    .col(date_null("due_on"))
                    .col(string_len("status", 32))
                    .col(text_null("evidence"))
                    .col(text_null("legal_basis"))
                    .col(integer_null("record_id"))
                    .col(integer("version"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("commitment", "unit_id", "unit"))
                    .foreign_key(&mut fk("commitment", "record_id", "credit_record"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("commitment", &["status"])).await?;
        manager.create_index(index("commitment", &["kind"])).await?;
        manager.create_index(index("commitment", &["due_on"])).await?;
        manager.create_index(index("commitment", &["is_public"])).await?;
        manager.create_index(index("commitment", &["unit_id"])).await?;
        manager.create_index(index("commitment", &["record_id"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("complaint")
                    .col(pk_auto("id"))
                    .col(string_len("channel", 32))
                    .col(integer("target_unit_id"))
                    .col(integer_null("official_id"))
                    .col(string_len("sector", 32))
                    .col(text("content"))
                    .col(string_len_null("contact_name", 100))
                    .col(string_len_null("contact_phone", 30))
                    .col(timestamp_with_time_zone("received_at"))
                    .col(date_null("handling_deadline"))
                    .col(string_len("status", 32))
                    .col(integer_null("assigned_unit_id"))
                    .col(text_null("reply"))
                    .col(timestamp_with_time_zone_null("replied_at"))
                    .col(text_null("conclusion"))
                    .col(integer_null("record_id"))
                    .col(string_len_null("client_key", 64))
                    .col(integer("version"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("complaint", "target_unit_id", "unit"))
                    .foreign_key(&mut fk("complaint", "official_id", "official"))
                    .foreign_key(&mut fk("complaint", "assigned_unit_id", "unit"))
                    .foreign_key(&mut fk("complaint", "record_id", "credit_record"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("complaint", &["status"])).await?;
        manager.create_index(index("complaint", &["received_at"])).await?;
        manager.create_index(index("complaint", &["sector"])).await?;
        manager.create_index(index("complaint", &["client_key", "received_at"])).await?;
        manager.create_index(index("complaint", &["target_unit_id"])).await?;
        manager.create_index(index("complaint", &["official_id"])).await?;
        manager.create_index(index("complaint", &["assigned_unit_id"])).await?;
        manager.create_index(index("complaint", &["record_id"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("proposal")
                    .col(pk_auto("id"))
                    .col(string_len("kind", 32))
                    .col(string_len("number", 32))
                    .col(string_len("title", 300))
                    .col(string_len_null("proposer", 100))
                    .col(integer("handling_unit_id"))
                    .col(date("assigned_on"))
                    .col(date("due_on"))
                    .col(date_null("replied_on"))
                    .col(text_null("reply"))
                    .col(string_len("status", 32))
                    .col(string_len_null("satisfaction", 32))
                    .col(integer("version"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("proposal", "handling_unit_id", "unit"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index("proposal", &["kind", "number"])).await?;
        manager.create_index(index("proposal", &["status"])).await?;
        manager.create_index(index("proposal", &["due_on"])).await?;
        manager.create_index(index("proposal", &["handling_unit_id"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("proposal").to_owned()).await?;
        manager.drop_table(Table::drop().table("complaint").to_owned()).await?;
        manager.drop_table(Table::drop().table("commitment").to_owned()).await?;
        Ok(())
    }
}
