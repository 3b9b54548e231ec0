//! Bidding (招标投标, plan task 3.3): `tender_project` — a government body's tender, its agency,
//! bid opening, the winning bidder and the third-party credit report (第三方信用报告) its credit
//! was checked with. PPP responsibility (项目责任回溯): at most one open assignment per project
//! and stage, held by the database so two concurrent assignments cannot both stand.

use sea_orm_migration::{prelude::*, schema::*};

use crate::support::{fk, index, unique_index};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "tender_project";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TABLE)
                    .col(pk_auto("id"))
                    .col(integer("unit_id"))
                    .col(string_len("project_number", 64))
                    .col(string_len("name", 300))
                    .col(string_len_null("agency_name", 200))
                    .col(string_len("method", 32))
                    .col(big_integer("budget_fen"))
                    .col(date("bid_opening_on"))
                    .col(string_len("status", 32))
                    .col(string_len_null("winning_bidder_name", 200))
                    .col(string_len_null("winning_bidder_uscc", 18))
                    .col(boolean_null("winning_bidder_uscc_valid"))
                    .col(big_integer_null("award_amount_fen"))
                    .col(string_len_null("credit_report_reference", 100))
                    .col(date_null("concluded_on"))
                    .col(text_null("failure_reason"))
                    .col(integer("version"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk(TABLE, "unit_id", "unit"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index(TABLE, &["project_number"])).await?;
        manager.create_index(index(TABLE, &["unit_id"])).await?;
        manager.create_index(index(TABLE, &["status"])).await?;
        manager.create_index(index(TABLE, &["bid_opening_on"])).await?;
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX uq_ppp_stage_assignment_open ON ppp_stage_assignment (project_id, stage) \
                 WHERE to_on IS NULL",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.get_connection().execute_unprepared("DROP INDEX uq_ppp_stage_assignment_open").await?;
        manager.drop_table(Table::drop().table(TABLE).to_owned()).await
    }
}
