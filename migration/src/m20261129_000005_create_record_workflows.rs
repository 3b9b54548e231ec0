//! `rectification`, `objection`, `repair_application`.

use sea_orm_migration::{prelude::*, schema::*};

use crate::support::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("rectification")
                    .col(pk_auto("id"))
                    .col(integer("record_id"))
                    .col(date("deadline"))
                    .col(text_null("cause"))
                    .col(text_null("plan"))
                    .col(text_null("completion"))
                    .col(string_len_null("resolution", 32))
                    .col(date_null("submitted_on"))
                    .col(date_null("completed_on"))
                    .col(date_null("court_removed_on"))
                    .col(string_len("status", 32))
                    .col(integer_null("opened_by_user_id"))
                    .col(integer_null("reviewer_user_id"))
                    .col(text_null("review_note"))
                    .col(timestamp_with_time_zone_null("reviewed_at"))
                    .col(boolean("accountability_flagged"))
                    .col(integer("version"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("rectification", "record_id", "credit_record"))
                    .foreign_key(&mut fk("rectification", "opened_by_user_id", "user_account"))
                    .foreign_key(&mut fk("rectification", "reviewer_user_id", "user_account"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("rectification", &["status"])).await?;
        manager.create_index(index("rectification", &["deadline"])).await?;
        manager.create_index(index("rectification", &["record_id"])).await?;
        manager.create_index(index("rectification", &["opened_by_user_id"])).await?;
        manager.create_index(index("rectification", &["reviewer_user_id"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("objection")
                    .col(pk_auto("id"))
                    .col(integer("record_id"))
                    .col(integer_null("filed_by_user_id"))
                    .col(text("grounds"))
                    .col(string_len("status", 32))
                    .col(text_null("decision"))
                    .col(timestamp_with_time_zone_null("decided_at"))
                    .col(integer_null("decided_by_user_id"))
                    .col(date("handling_deadline"))
                    .col(boolean("overdue"))
                    .col(integer("version"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("objection", "record_id", "credit_record"))
                    .foreign_key(&mut fk("objection", "filed_by_user_id", "user_account"))
                    .foreign_key(&mut fk("objection", "decided_by_user_id", "user_account"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("objection", &["status"])).await?;
        manager.create_index(index("objection", &["handling_deadline"])).await?;
        manager.create_index(index("objection", &["record_id"])).await?;
        manager.create_index(index("objection", &["filed_by_user_id"])).await?;
        manager.create_index(index("objection", &["decided_by_user_id"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("repair_application")
                    .col(pk_auto("id"))
                    .col(integer("record_id"))
                    .col(integer_null("applicant_user_id"))
                    .col(text("measures"))
                    .col(string_len("status", 32))
                    .col(string_len("rule_set", 32))
                    .col(text_null("decision"))
                    .col(timestamp_with_time_zone_null("decided_at"))
                    .col(integer_null("decided_by_user_id"))
                    .col(integer("version"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("repair_application", "record_id", "credit_record"))
                    .foreign_key(&mut fk("repair_application", "applicant_user_id", "user_account"))
                    .foreign_key(&mut fk("repair_application", "decided_by_user_id", "user_account"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("repair_application", &["status"])).await?;
        manager.create_index(index("repair_application", &["record_id"])).await?;
        manager.create_index(index("repair_application", &["applicant_user_id"])).await?;
        manager.create_index(index("repair_application", &["decided_by_user_id"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("repair_application").to_owned()).await?;
        manager.drop_table(Table::drop().table("objection").to_owned()).await?;
        manager.drop_table(Table::drop().table("rectification").to_owned()).await?;
        Ok(())
    }
}
