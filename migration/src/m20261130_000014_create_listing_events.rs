//! A 失信被执行人 listing's extensions and its removal by the court (法释〔2017〕7号).

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
                    .table("listing_event")
                    .if_not_exists()
                    .col(pk_auto("id"))
                    .col(integer("record_id"))
                    .col(string_len("kind", 32))
                    .col(integer_null("years"))
                    .col(text_null("reason"))
                    .col(string_len_null("grounds", 32))
                    .col(date_null("grounds_on"))
                    .col(date("effective_on"))
                    .col(boolean("late").default(false))
                    .col(integer_null("by_user_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk("listing_event", "record_id", "credit_record"))
                    .foreign_key(&mut fk("listing_event", "by_user_id", "user_account"))
                    .to_owned(),
            )
            .await?;
        manager.create_index(index("listing_event", &["record_id"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("listing_event").to_owned()).await
    }
}
