//! Hardening after the attack run: a user's tokens die for good at `tokens_valid_after`; accounts
//! carry a `version` for compare-and-set updates; the audit log keeps the client's own request id
//! apart from ours (untrusted, bounded); login failures remember the client's keyed address for
//! the per-address limit. One column per statement (SQLite).

use sea_orm_migration::{prelude::*, schema::*};

use crate::support::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("user_account")
                    .add_column(timestamp_with_time_zone_null("tokens_valid_after"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(Table::alter().table("user_account").add_column(integer("version").default(1)).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter().table("audit_log").add_column(string_len_null("client_request_id", 64)).to_owned(),
            )
            .await?;
        manager
            .alter_table(Table::alter().table("login_failure").add_column(string_len_null("client_key", 64)).to_owned())
            .await?;
        manager.create_index(index("login_failure", &["client_key", "at"])).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name("idx_login_failure_client_key_at").table("login_failure").to_owned())
            .await?;
        manager.alter_table(Table::alter().table("login_failure").drop_column("client_key").to_owned()).await?;
        manager.alter_table(Table::alter().table("audit_log").drop_column("client_request_id").to_owned()).await?;
        for column in ["version", "tokens_valid_after"] {
            manager.alter_table(Table::alter().table("user_account").drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
