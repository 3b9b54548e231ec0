//! `workflow_rollup` counts the open workflows of a unit — its own (`subtree` false) or its whole
//! subtree's (`subtree` true) — per kind (the table's name), overdue mark and day: rectifications,
//! objections and repair applications count at their record's unit, complaints at their target
//! unit, proposals at their handling unit, commitments at their unit. `overdue` holds the rows the
//! deadline sweep marked; `day` (`YYYYMMDD`, 0: none) the day that makes a row overdue with time:
//! a repair application's submission day, a proposal's current due day. The service layer keeps it
//! in the transaction of every workflow write; [`workflow_rollup_fill_statements`] recomputes it.

use sea_orm_migration::{prelude::*, schema::*};

use crate::support::fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

const ROLLUP: &str = "workflow_rollup";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ROLLUP)
                    .col(integer("unit_id"))
                    .col(boolean("subtree"))
                    .col(string_len("kind", 32))
                    .col(boolean("overdue"))
                    .col(integer("day"))
                    .col(big_integer("open"))
                    .primary_key(Index::create().col("unit_id").col("subtree").col("kind").col("overdue").col("day"))
                    .foreign_key(&mut fk(ROLLUP, "unit_id", "unit"))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for statement in workflow_rollup_fill_statements(manager.get_database_backend()) {
            db.execute_unprepared(&statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ROLLUP).to_owned()).await
    }
}

/// Each kind's open rows as `(unit, kind, overdue, day)`, in the backend's SQL.
fn open_rows(backend: sea_orm_migration::sea_orm::DatabaseBackend) -> String {
    let (submitted_day, due_day) = match backend {
        sea_orm_migration::sea_orm::DatabaseBackend::Sqlite => (
            // Timestamps are stored in UTC as text: the day is their first ten characters.
            "CAST(replace(substr(w.created_at, 1, 10), '-', '') AS INTEGER)",
            "COALESCE(CAST(replace(w.current_due_on, '-', '') AS INTEGER), 0)",
        ),
        _ => (
            "CAST(to_char(w.created_at AT TIME ZONE 'UTC', 'YYYYMMDD') AS INTEGER)",
            "COALESCE(CAST(to_char(w.current_due_on, 'YYYYMMDD') AS INTEGER), 0)",
        ),
    };
    [
        "SELECT r.unit_id AS unit_id, 'rectification' AS kind, w.status = 'OVERDUE' AS overdue, 0 AS day \
         FROM rectification w JOIN credit_record r ON r.id = w.record_id \
         WHERE w.status IN ('PENDING', 'SUBMITTED', 'REJECTED', 'OVERDUE')"
            .to_owned(),
        "SELECT r.unit_id, 'objection', w.overdue, 0 FROM objection w JOIN credit_record r ON r.id = w.record_id \
         WHERE w.status IN ('FILED', 'UNDER_REVIEW')"
            .to_owned(),
        format!(
            "SELECT r.unit_id, 'repair_application', FALSE, {submitted_day} \
             FROM repair_application w JOIN credit_record r ON r.id = w.record_id WHERE w.status = 'SUBMITTED'"
        ),
        "SELECT w.target_unit_id, 'complaint', w.overdue AND w.status IN ('RECEIVED', 'ASSIGNED'), 0 \
         FROM complaint w WHERE w.status IN ('RECEIVED', 'ASSIGNED', 'REPLIED')"
            .to_owned(),
        format!("SELECT w.handling_unit_id, 'proposal', FALSE, {due_day} FROM proposal w WHERE w.status = 'ASSIGNED'"),
        "SELECT w.unit_id, 'commitment', w.overdue, 0 FROM commitment w WHERE w.status = 'PENDING'".to_owned(),
    ]
    .join(" UNION ALL ")
}

/// The statements that empty `workflow_rollup` and count it afresh from the workflow tables (the
/// subtree rows as sums of the own rows below each unit, through `unit_closure`). Run them in one
/// transaction.
pub fn workflow_rollup_fill_statements(backend: sea_orm_migration::sea_orm::DatabaseBackend) -> Vec<String> {
    let open = open_rows(backend);
    vec![
        format!("DELETE FROM {ROLLUP}"),
        format!(
            "INSERT INTO {ROLLUP} (unit_id, subtree, kind, overdue, day, open) \
             SELECT o.unit_id, FALSE, o.kind, o.overdue, o.day, COUNT(*) FROM ({open}) o \
             GROUP BY o.unit_id, o.kind, o.overdue, o.day"
        ),
        format!(
            "INSERT INTO {ROLLUP} (unit_id, subtree, kind, overdue, day, open) \
             SELECT c.ancestor_id, TRUE, o.kind, o.overdue, o.day, SUM(o.open) FROM {ROLLUP} o \
             JOIN unit_closure c ON c.descendant_id = o.unit_id WHERE o.subtree = FALSE \
             GROUP BY c.ancestor_id, o.kind, o.overdue, o.day"
        ),
    ]
}
