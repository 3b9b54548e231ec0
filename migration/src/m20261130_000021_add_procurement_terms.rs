//! What 《保障中小企业款项支付条例》 art. 8 needs of a procurement contract: whether the supplier is
//! a small or medium enterprise, the agreed payment term in days, and the acceptance (履约验收)
//! from which the term runs — its day and who accepted.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLE: &str = "procurement_contract";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        let columns = [
            boolean("supplier_is_sme").default(true).take(),
            integer("payment_term_days").default(30).take(),
            date_null("accepted_on"),
            string_len_null("accepted_by", 50),
        ];
        for column in columns {
            manager.alter_table(Table::alter().table(TABLE).add_column(column).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in ["accepted_by", "accepted_on", "payment_term_days", "supplier_is_sme"] {
            manager.alter_table(Table::alter().table(TABLE).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
