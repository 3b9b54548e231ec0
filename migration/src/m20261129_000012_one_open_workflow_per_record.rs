//! At most one open objection and one open repair application per record, held by the database
//! so two concurrent filings cannot both pass: partial unique indexes (same SQL on SQLite and
//! PostgreSQL).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(
            "CREATE UNIQUE INDEX uq_objection_open_record ON objection (record_id) \
             WHERE status IN ('FILED', 'UNDER_REVIEW')",
        )
        .await?;
        db.execute_unprepared(
            "CREATE UNIQUE INDEX uq_repair_application_open_record ON repair_application (record_id) \
             WHERE status = 'SUBMITTED'",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared("DROP INDEX uq_repair_application_open_record").await?;
        db.execute_unprepared("DROP INDEX uq_objection_open_record").await?;
        Ok(())
    }
}
