//! A lawful change of a commitment records its ground (优化营商环境条例 art. 31) and the
//! compensation paid for it, in fen.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        manager
            .alter_table(Table::alter().table("commitment").add_column(string_len_null("change_ground", 32)).to_owned())
            .await?;
        manager
            .alter_table(Table::alter().table("commitment").add_column(big_integer_null("compensation_fen")).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table("commitment").drop_column("compensation_fen").to_owned()).await?;
        manager.alter_table(Table::alter().table("commitment").drop_column("change_ground").to_owned()).await
    }
}
