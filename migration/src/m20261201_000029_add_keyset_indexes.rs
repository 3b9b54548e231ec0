//! Indexes for keyset paging of credit records: a page is an index walk from its cursor's key,
//! newest decision first by default, over all records, one unit's, or one unit's of a severity (the
//! records page of a unit). A descending page walks the same index backwards.

use sea_orm_migration::prelude::*;

use crate::support::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEXES: [&[&str]; 3] =
    [&["decided_on", "id"], &["unit_id", "decided_on", "id"], &["unit_id", "severity", "decided_on", "id"]];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for columns in INDEXES {
            manager.create_index(index("credit_record", columns)).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for columns in INDEXES {
            let name = format!("idx_credit_record_{}", columns.join("_"));
            manager.drop_index(Index::drop().name(name).table("credit_record").to_owned()).await?;
        }
        Ok(())
    }
}
