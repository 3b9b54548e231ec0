//! Connecting to SQLite or PostgreSQL, with every executed statement counted for `/metrics`.

use std::{sync::Arc, time::Duration};

use migration::{Migrator, MigratorTrait};
use sea_orm::{
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
    ConnectOptions, Database, DatabaseConnection, DbBackend,
};

use crate::{error::StartupError, metrics::Metrics};

/// Opens the pool. SQLite runs in WAL mode with foreign keys on; statements are counted.
pub async fn connect(url: &str, metrics: Arc<Metrics>) -> Result<DatabaseConnection, StartupError> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(30))
        .map_sqlx_sqlite_opts(|opts| {
            opts.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
        });
    if url.starts_with("sqlite") {
        options.max_connections(8).min_connections(1);
    } else {
        options.max_connections(32).min_connections(2);
    }
    let mut db = Database::connect(options).await?;
    db.set_metric_callback(move |info| metrics.record_statement(info.failed));
    Ok(db)
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), StartupError> {
    Migrator::up(db, None).await?;
    Ok(())
}

/// True on PostgreSQL, where row locks (`FOR UPDATE SKIP LOCKED`) exist.
pub fn is_postgres(db: &DatabaseConnection) -> bool {
    db.get_database_backend() == DbBackend::Postgres
}
