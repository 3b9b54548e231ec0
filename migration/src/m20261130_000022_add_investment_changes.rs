//! Investment promotion (招商引资, plan task 3.4): a lawful change or termination names its ground,
//! the statutory procedure it followed and its day; prior credit pledges (事前信用承诺) hang from
//! their agreement.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "investment_agreement";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        let columns = [
            string_len_null("change_ground", 32),
            text_null("change_procedure"),
            date_null("changed_on"),
            boolean("terminated").default(false).take(),
            date_null("fulfilled_on"),
        ];
        for column in columns {
            manager.alter_table(Table::alter().table(TABLE).add_column(column).to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter().table("commitment").add_column(integer_null("investment_agreement_id")).to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("commitment_investment_agreement_id_idx")
                    .table("commitment")
                    .col("investment_agreement_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name("commitment_investment_agreement_id_idx").table("commitment").to_owned())
            .await?;
        manager
            .alter_table(Table::alter().table("commitment").drop_column("investment_agreement_id").to_owned())
            .await?;
        for column in ["fulfilled_on", "terminated", "changed_on", "change_procedure", "change_ground"] {
            manager.alter_table(Table::alter().table(TABLE).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
