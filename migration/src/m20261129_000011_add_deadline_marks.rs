//! What the deadline sweeper marks: commitments and complaints past due, and the day a record's
//! disclosure window closed and it left the public portal. One column per statement (SQLite).

use sea_orm_migration::{prelude::*, schema::*};

use crate::support::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["commitment", "complaint"] {
            manager
                .alter_table(Table::alter().table(table).add_column(boolean("overdue").default(false)).to_owned())
                .await?;
        }
        manager
            .alter_table(Table::alter().table("credit_record").add_column(date_null("portal_lifted_on")).to_owned())
            .await?;
        manager.create_index(index("credit_record", &["disclosure", "disclosure_until"])).await?;
        manager.create_index(index("complaint", &["handling_deadline"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("idx_complaint_handling_deadline").table("complaint").to_owned()).await?;
        manager
            .drop_index(
                Index::drop().name("idx_credit_record_disclosure_disclosure_until").table("credit_record").to_owned(),
            )
            .await?;
        manager.alter_table(Table::alter().table("credit_record").drop_column("portal_lifted_on").to_owned()).await?;
        for table in ["complaint", "commitment"] {
            manager.alter_table(Table::alter().table(table).drop_column("overdue").to_owned()).await?;
        }
        Ok(())
    }
}
