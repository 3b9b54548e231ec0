//! `procurement_contract`, `ppp_project`, `ppp_stage_assignment`, `investment_agreement`, `debt_instrument`, `fiscal_capacity`.

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
                    .table("procurement_contract")
                    .col(pk_auto("id"))
                    .col(integer("purchaser_unit_id"))
                    .col(string_len("project_number", 64))
                    .col(string_len("title", 300))
                    .col(string_len("method", 32))
                    .col(string_len("supplier_name", 200))
                    .col(string_len("supplier_uscc", 18))
                    .col(boolean("supplier_uscc_valid"))
                    .col(big_integer("amount_fen"))
                    .col(date("signed_on"))
                    .col(string_len("acceptance", 32))
                    .col(date_null("payment_due_on"))
                    .col(date_null("paid_on"))
                    .col(integer_null("record_id"))
                    .col(integer("version"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("procurement_contract", "purchaser_unit_id", "unit"))
                    .foreign_key(&mut fk("procurement_contract", "record_id", "credit_record"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index("procurement_contract", &["project_number"])).await?;
        manager.create_index(index("procurement_contract", &["acceptance"])).await?;
        manager.create_index(index("procurement_contract", &["payment_due_on"])).await?;
        manager.create_index(index("procurement_contract", &["signed_on"])).await?;
        manager.create_index(index("procurement_contract", &["purchaser_unit_id"])).await?;
        manager.create_index(index("procurement_contract", &["record_id"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("ppp_project")
                    .col(pk_auto("id"))
                    .col(integer("unit_id"))
                    .col(string_len("project_number", 64))
                    .col(string_len("name", 300))
                    .col(big_integer("total_investment_fen"))
                    .col(string_len("partner_name", 200))
                    .col(string_len_null("partner_uscc", 18))
                    .col(string_len("stage", 32))
                    .col(integer("version"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("ppp_project", "unit_id", "unit"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index("ppp_project", &["project_number"])).await?;
        manager.create_index(index("ppp_project", &["stage"])).await?;
        manager.create_index(index("ppp_project", &["unit_id"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("ppp_stage_assignment")
                    .col(pk_auto("id"))
                    .col(integer("project_id"))
                    .col(string_len("stage", 32))
                    .col(integer("official_id"))
                    .col(date("from_on"))
                    .col(date_null("to_on"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk("ppp_stage_assignment", "project_id", "ppp_project"))
                    .foreign_key(&mut fk("ppp_stage_assignment", "official_id", "official"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("ppp_stage_assignment", &["stage"])).await?;
        manager.create_index(index("ppp_stage_assignment", &["project_id"])).await?;
        manager.create_index(index("ppp_stage_assignment", &["official_id"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("investment_agreement")
                    .col(pk_auto("id"))
                    .col(integer("unit_id"))
                    .col(string_len("agreement_number", 64))
                    .col(string_len("investor_name", 200))
                    .col(string_len("investor_uscc", 18))
                    .col(boolean("investor_uscc_valid"))
                    .col(string_len("project_name", 300))
                    .col(big_integer("agreed_investment_fen"))
                    .col(date("signed_on"))
                    .col(string_len("status", 32))
                    .col(text_null("change_reason"))
                    .col(text_null("legal_basis"))
                    .col(big_integer_null("compensation_fen"))
                    .col(integer_null("record_id"))
                    .col(integer("version"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("investment_agreement", "unit_id", "unit"))
                    .foreign_key(&mut fk("investment_agreement", "record_id", "credit_record"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index("investment_agreement", &["agreement_number"])).await?;
        manager.create_index(index("investment_agreement", &["status"])).await?;
        manager.create_index(index("investment_agreement", &["signed_on"])).await?;
        manager.create_index(index("investment_agreement", &["unit_id"])).await?;
        manager.create_index(index("investment_agreement", &["record_id"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("debt_instrument")
                    .col(pk_auto("id"))
                    .col(integer("unit_id"))
                    .col(string_len("code", 64))
                    .col(string_len("kind", 32))
                    .col(big_integer("principal_fen"))
                    .col(big_integer("outstanding_fen"))
                    .col(integer("rate_bp"))
                    .col(date("issued_on"))
                    .col(date("maturity_on"))
                    .col(string_len_null("credit_rating", 16))
                    .col(string_len("status", 32))
                    .col(integer_null("record_id"))
                    .col(integer("version"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("debt_instrument", "unit_id", "unit"))
                    .foreign_key(&mut fk("debt_instrument", "record_id", "credit_record"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index("debt_instrument", &["code"])).await?;
        manager.create_index(index("debt_instrument", &["status"])).await?;
        manager.create_index(index("debt_instrument", &["maturity_on"])).await?;
        manager.create_index(index("debt_instrument", &["unit_id"])).await?;
        manager.create_index(index("debt_instrument", &["record_id"])).await?;
        manager
            .create_table(
                Table::create()
                    .table("fiscal_capacity")
                    .col(pk_auto("id"))
                    .col(integer("unit_id"))
                    .col(integer("year"))
                    .col(big_integer("amount_fen"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("fiscal_capacity", "unit_id", "unit"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index("fiscal_capacity", &["unit_id", "year"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("fiscal_capacity").to_owned()).await?;
        manager.drop_table(Table::drop().table("debt_instrument").to_owned()).await?;
        manager.drop_table(Table::drop().table("investment_agreement").to_owned()).await?;
        manager.drop_table(Table::drop().table("ppp_stage_assignment").to_owned()).await?;
        manager.drop_table(Table::drop().table("ppp_project").to_owned()).await?;
        manager.drop_table(Table::drop().table("procurement_contract").to_owned()).await?;
        Ok(())
    }
}
