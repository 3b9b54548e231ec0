//! `record_status_rollup` counts the credit records of a unit — its own (`subtree` false) or its
//! whole subtree's (`subtree` true) — per subject, polarity, severity, status and disclosure: the
//! record rollup without the sector, a few hundred rows for the whole county where
//! `record_rollup` holds thousands, for the tallies the dashboards and `recordStats` read. Kept
//! in the transaction of every record write beside `record_rollup`;
//! [`status_rollup_fill_statements`] recomputes it.

use sea_orm_migration::{prelude::*, schema::*};

use crate::support::fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

const ROLLUP: &str = "record_status_rollup";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ROLLUP)
                    .col(integer("unit_id"))
                    .col(boolean("subtree"))
                    .col(string_len("subject_type", 32))
                    .col(string_len("polarity", 32))
                    .col(string_len("severity", 32))
                    .col(string_len("status", 32))
                    .col(string_len("disclosure", 32))
                    .col(big_integer("records"))
                    .primary_key(
                        Index::create()
                            .col("unit_id")
                            .col("subtree")
                            .col("subject_type")
                            .col("polarity")
                            .col("severity")
                            .col("status")
                            .col("disclosure"),
                    )
                    .foreign_key(&mut fk(ROLLUP, "unit_id", "unit"))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for statement in status_rollup_fill_statements() {
            db.execute_unprepared(&statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ROLLUP).to_owned()).await
    }
}

/// The statements that empty `record_status_rollup` and count it afresh from `credit_record` (the
/// subtree rows as sums of the own rows below each unit, through `unit_closure`). Run them in one
/// transaction.
pub fn status_rollup_fill_statements() -> Vec<String> {
    let dims = "r.subject_type, r.polarity, r.severity, r.status, r.disclosure";
    vec![
        format!("DELETE FROM {ROLLUP}"),
        format!(
            "INSERT INTO {ROLLUP} (unit_id, subtree, subject_type, polarity, severity, status, disclosure, records) \
             SELECT r.unit_id, FALSE, {dims}, COUNT(*) FROM credit_record r GROUP BY r.unit_id, {dims}"
        ),
        format!(
            "INSERT INTO {ROLLUP} (unit_id, subtree, subject_type, polarity, severity, status, disclosure, records) \
             SELECT c.ancestor_id, TRUE, {dims}, SUM(r.records) FROM {ROLLUP} r \
             JOIN unit_closure c ON c.descendant_id = r.unit_id WHERE r.subtree = FALSE \
             GROUP BY c.ancestor_id, {dims}"
        ),
    ]
}
