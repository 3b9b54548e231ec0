//! `credit_record`, `platform_push`.

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
                    .table("credit_record")
                    .col(pk_auto("id"))
                    .col(string_len("subject_type", 32))
                    .col(integer("unit_id"))
                    .col(integer_null("official_id"))
                    .col(string_len("polarity", 32))
                    .col(string_len("category", 32))
                    .col(string_len("sector", 32))
                    .col(string_len("severity", 32))
                    .col(string_len("title", 300))
                    .col(text("facts"))
                    .col(string_len_null("document_number", 100))
                    .col(string_len("deciding_authority", 200))
                    .col(date("occurred_on"))
                    .col(date("decided_on"))
                    .col(string_len("status", 32))
                    .col(string_len("disclosure", 32))
                    .col(date_null("disclosure_until"))
                    .col(integer("recorded_by_unit_id"))
                    .col(integer_null("recorded_by_user_id"))
                    .col(timestamp_with_time_zone_null("pushed_at"))
                    .col(string_len_null("source_type", 32))
                    .col(integer_null("source_id"))
                    .col(integer("version"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("credit_record", "unit_id", "unit"))
                    .foreign_key(&mut fk("credit_record", "official_id", "official"))
                    .foreign_key(&mut fk("credit_record", "recorded_by_unit_id", "unit"))
                    .foreign_key(&mut fk("credit_record", "recorded_by_user_id", "user_account"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("credit_record", &["status"])).await?;
        manager.create_index(index("credit_record", &["polarity"])).await?;
        manager.create_index(index("credit_record", &["category"])).await?;
        manager.create_index(index("credit_record", &["severity"])).await?;
        manager.create_index(index("credit_record", &["sector"])).await?;
        manager.create_index(index("credit_record", &["disclosure"])).await?;
        manager.create_index(index("credit_record", &["decided_on"])).await?;
        manager.create_index(index("credit_record", &["unit_id", "status", "polarity", "severity"])).await?;
        manager.create_index(index("credit_record", &["status", "polarity", "severity", "decided_on"])).await?;
        manager.create_index(index("credit_record", &["source_type", "source_id"])).await?;
        manager.create_index(index("credit_record", &["official_id"])).await?;
        manager.create_index(index("credit_record", &["recorded_by_unit_id"])).await?;
        manager.create_index(index("credit_record", &["recorded_by_user_id"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("platform_push")
                    .col(pk_auto("id"))
                    .col(integer("record_id"))
                    .col(integer("record_version"))
                    .col(text("payload"))
                    .col(string_len("status", 32))
                    .col(integer("attempts"))
                    .col(timestamp_with_time_zone("next_attempt_at"))
                    .col(timestamp_with_time_zone_null("lease_until"))
                    .col(text_null("last_error"))
                    .col(timestamp_with_time_zone_null("sent_at"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk("platform_push", "record_id", "credit_record"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index("platform_push", &["record_id", "record_version"])).await?;
        manager.create_index(index("platform_push", &["status", "next_attempt_at"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("platform_push").to_owned()).await?;
        manager.drop_table(Table::drop().table("credit_record").to_owned()).await?;
        Ok(())
    }
}
