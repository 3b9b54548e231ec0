//! Indexes for two filtered lists at province scale (300 000 contracts, 600 000 commitments):
//! procurement contracts by acceptance, newest signing first, carrying the payment dates so that the
//! late-payment filter and its count read the index alone on PostgreSQL (`INCLUDE`; SQLite has no
//! such clause and indexes the key); commitments by status in due order.

use sea_orm_migration::{prelude::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const CONTRACTS: &str = "idx_procurement_contract_acceptance_signed_on_id";
const COMMITMENTS: &str = "idx_commitment_status_due_on_id";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let include = match manager.get_database_backend() {
            DbBackend::Postgres => " INCLUDE (payment_due_on, paid_on)",
            _ => "",
        };
        let db = manager.get_connection();
        db.execute_unprepared(&format!(
            "CREATE INDEX {CONTRACTS} ON procurement_contract (acceptance, signed_on, id){include}"
        ))
        .await?;
        db.execute_unprepared(&format!("CREATE INDEX {COMMITMENTS} ON commitment (status, due_on, id)")).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name(CONTRACTS).table("procurement_contract").to_owned()).await?;
        manager.drop_index(Index::drop().name(COMMITMENTS).table("commitment").to_owned()).await?;
        Ok(())
    }
}
