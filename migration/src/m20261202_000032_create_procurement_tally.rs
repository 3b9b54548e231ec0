//! `procurement_tally` counts the procurement contracts per acceptance state, procurement method
//! and payment state — `NONE` (no payment due yet), `ON_TIME` (paid by its due day), `LATE` (paid
//! after it), `UNPAID` (due, not paid) — with the due day (`YYYYMMDD`) of the unpaid ones, 0 for
//! the others: whether an unpaid contract is late depends on the day it is read. A list of
//! contracts that the viewer sees whole, filtered only on these columns, sums it for its
//! `totalCount` instead of counting 300 000 rows at province scale. The service layer keeps it in
//! the transaction of every contract write; [`procurement_tally_fill_statements`] recomputes it.

use sea_orm_migration::{prelude::*, schema::*, sea_orm::DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TALLY: &str = "procurement_tally";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TALLY)
                    .col(string_len("acceptance", 32))
                    .col(string_len("method", 32))
                    .col(string_len("payment", 16))
                    .col(integer("due_day"))
                    .col(big_integer("contracts"))
                    .primary_key(Index::create().col("acceptance").col("method").col("payment").col("due_day"))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for statement in procurement_tally_fill_statements(manager.get_database_backend()) {
            db.execute_unprepared(&statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(TALLY).to_owned()).await
    }
}

/// The statements that empty `procurement_tally` and count it afresh from `procurement_contract`.
/// Run them in one transaction.
pub fn procurement_tally_fill_statements(backend: DatabaseBackend) -> Vec<String> {
    let due_day = match backend {
        DatabaseBackend::Sqlite => "CAST(replace(payment_due_on, '-', '') AS INTEGER)",
        _ => "CAST(to_char(payment_due_on, 'YYYYMMDD') AS INTEGER)",
    };
    vec![
        format!("DELETE FROM {TALLY}"),
        format!(
            "INSERT INTO {TALLY} (acceptance, method, payment, due_day, contracts) \
             SELECT acceptance, method, payment, due_day, COUNT(*) FROM (SELECT acceptance, method, \
             CASE WHEN payment_due_on IS NULL THEN 'NONE' WHEN paid_on IS NULL THEN 'UNPAID' \
             WHEN paid_on > payment_due_on THEN 'LATE' ELSE 'ON_TIME' END AS payment, \
             CASE WHEN payment_due_on IS NOT NULL AND paid_on IS NULL THEN {due_day} ELSE 0 END AS due_day \
             FROM procurement_contract) shapes GROUP BY acceptance, method, payment, due_day"
        ),
    ]
}
