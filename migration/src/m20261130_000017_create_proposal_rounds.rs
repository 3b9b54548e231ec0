//! Every handling round of a proposal (办理轮次): re-handling after an unsatisfied answer adds a
//! round and overwrites nothing. The proposal keeps its first due date and first reply, and gains
//! the current round, its due date, and whether any finished round was late.

use sea_orm_migration::{prelude::*, schema::*};

use crate::support::{fk, unique_index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("proposal_round")
                    .if_not_exists()
                    .col(pk_auto("id"))
                    .col(integer("proposal_id"))
                    .col(integer("number"))
                    .col(date("assigned_on"))
                    .col(date("due_on"))
                    .col(date_null("extended_from"))
                    .col(text_null("extension_reason"))
                    .col(date_null("replied_on"))
                    .col(text_null("reply"))
                    .col(string_len_null("satisfaction", 32))
                    .col(integer("version").default(1))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk("proposal_round", "proposal_id", "proposal"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(unique_index("proposal_round", &["proposal_id", "number"])).await?;
        // SQLite adds one column per statement.
        let add = |column: ColumnDef| Table::alter().table("proposal").add_column(column).to_owned();
        manager.alter_table(add(integer("round").default(1).to_owned())).await?;
        manager.alter_table(add(date_null("current_due_on"))).await?;
        manager.alter_table(add(boolean("was_late").default(false).to_owned())).await?;
        // Proposals written before rounds existed: their one round.
        let db = manager.get_connection();
        db.execute_unprepared("UPDATE proposal SET current_due_on = due_on").await?;
        db.execute_unprepared(
            "UPDATE proposal SET was_late = TRUE WHERE replied_on IS NOT NULL AND replied_on > due_on",
        )
        .await?;
        db.execute_unprepared(
            "INSERT INTO proposal_round (proposal_id, number, assigned_on, due_on, replied_on, reply, satisfaction, \
             version, created_at, updated_at) SELECT id, 1, assigned_on, due_on, replied_on, reply, satisfaction, 1, \
             created_at, updated_at FROM proposal",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in ["was_late", "current_due_on", "round"] {
            manager.alter_table(Table::alter().table("proposal").drop_column(column).to_owned()).await?;
        }
        manager.drop_table(Table::drop().table("proposal_round").to_owned()).await
    }
}
