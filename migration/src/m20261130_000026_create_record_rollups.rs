//! Dashboards on maintained rollups: `record_rollup` counts the credit records of a unit — its own
//! (`subtree` false) or of its whole subtree (`subtree` true) — per subject, polarity, severity,
//! status, sector and disclosure; `record_month_rollup` counts the records decided in each month
//! (revoked ones left out) per subject, polarity, severity and disclosure. The service layer keeps
//! both in the transaction of every record write; [`rollup_fill_statements`] recomputes them from
//! the records (this migration, and `chengxin rollups rebuild`).

use sea_orm_migration::{prelude::*, schema::*};

use crate::support::fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

const ROLLUP: &str = "record_rollup";
const MONTH_ROLLUP: &str = "record_month_rollup";

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
                    .col(string_len("sector", 32))
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
                            .col("sector")
                            .col("disclosure"),
                    )
                    .foreign_key(&mut fk(ROLLUP, "unit_id", "unit"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MONTH_ROLLUP)
                    .col(integer("unit_id"))
                    .col(boolean("subtree"))
                    .col(integer("month"))
                    .col(string_len("subject_type", 32))
                    .col(string_len("polarity", 32))
                    .col(string_len("severity", 32))
                    .col(string_len("disclosure", 32))
                    .col(big_integer("records"))
                    .primary_key(
                        Index::create()
                            .col("unit_id")
                            .col("subtree")
                            .col("month")
                            .col("subject_type")
                            .col("polarity")
                            .col("severity")
                            .col("disclosure"),
                    )
                    .foreign_key(&mut fk(MONTH_ROLLUP, "unit_id", "unit"))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for statement in rollup_fill_statements(manager.get_database_backend()) {
            db.execute_unprepared(&statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(MONTH_ROLLUP).to_owned()).await?;
        manager.drop_table(Table::drop().table(ROLLUP).to_owned()).await
    }
}

/// The statements that empty both rollups and count them afresh from `credit_record`: each unit's
/// own rows, then the subtree rows as the sums of the own rows below each unit (`unit_closure`),
/// which are far fewer than the records (a province: 15 M records). Run them in one transaction.
pub fn rollup_fill_statements(backend: sea_orm_migration::sea_orm::DatabaseBackend) -> Vec<String> {
    let month = match backend {
        sea_orm_migration::sea_orm::DatabaseBackend::Sqlite => "CAST(strftime('%Y%m', r.decided_on) AS INTEGER)",
        _ => "CAST(EXTRACT(YEAR FROM r.decided_on) * 100 + EXTRACT(MONTH FROM r.decided_on) AS INTEGER)",
    };
    let dims = "r.subject_type, r.polarity, r.severity, r.status, r.sector, r.disclosure";
    let month_dims = "r.subject_type, r.polarity, r.severity, r.disclosure";
    vec![
        format!("DELETE FROM {ROLLUP}"),
        format!("DELETE FROM {MONTH_ROLLUP}"),
        format!(
            "INSERT INTO {ROLLUP} (unit_id, subtree, subject_type, polarity, severity, status, sector, disclosure, records) \
             SELECT r.unit_id, FALSE, {dims}, COUNT(*) FROM credit_record r GROUP BY r.unit_id, {dims}"
        ),
        format!(
            "INSERT INTO {ROLLUP} (unit_id, subtree, subject_type, polarity, severity, status, sector, disclosure, records) \
             SELECT c.ancestor_id, TRUE, {dims}, SUM(r.records) FROM {ROLLUP} r \
             JOIN unit_closure c ON c.descendant_id = r.unit_id WHERE r.subtree = FALSE \
             GROUP BY c.ancestor_id, {dims}"
        ),
        format!(
            "INSERT INTO {MONTH_ROLLUP} (unit_id, subtree, month, subject_type, polarity, severity, disclosure, records) \
             SELECT r.unit_id, FALSE, {month}, {month_dims}, COUNT(*) FROM credit_record r \
             WHERE r.status <> 'REVOKED' GROUP BY r.unit_id, {month}, {month_dims}"
        ),
        format!(
            "INSERT INTO {MONTH_ROLLUP} (unit_id, subtree, month, subject_type, polarity, severity, disclosure, records) \
             SELECT c.ancestor_id, TRUE, r.month, {month_dims}, SUM(r.records) FROM {MONTH_ROLLUP} r \
             JOIN unit_closure c ON c.descendant_id = r.unit_id WHERE r.subtree = FALSE \
             GROUP BY c.ancestor_id, r.month, {month_dims}"
        ),
    ]
}
