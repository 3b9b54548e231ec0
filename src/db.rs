//! Connecting to SQLite or PostgreSQL, with every executed statement counted for `/metrics`.

use std::{sync::Arc, time::Duration};

use migration::{Migrator, MigratorTrait};
use sea_orm::{
    sqlx::{
        postgres::PgSslMode,
        sqlite::{SqliteJournalMode, SqliteSynchronous},
    },
    ConnectOptions, Database, DatabaseConnection, DbBackend,
};

use crate::{error::StartupError, metrics::Metrics};

/// How much of an SQLite file each connection maps into memory (the OS shares the pages).
const SQLITE_MMAP_BYTES: i64 = 1 << 30;
/// Each SQLite connection's page cache: 16 MiB (a negative `cache_size` is in KiB).
const SQLITE_CACHE_KIB: i64 = -16 * 1024;

/// How many rows an SQLite worker thread may hand over before the reader takes them.
const SQLITE_ROW_BATCH: usize = 1_024;
/// How long a pooled connection may sit idle before its next checkout pings it first.
const IDLE_BEFORE_PING: Duration = Duration::from_secs(30);

/// Opens the pool. SQLite runs in WAL mode with foreign keys on; statements are counted.
pub async fn connect(url: &str, metrics: Arc<Metrics>) -> Result<DatabaseConnection, StartupError> {
    let mut db = open(url).await?;
    db.set_metric_callback(move |info| metrics.record_statement(info.failed));
    Ok(db)
}

/// Opens the read replica's pool (PostgreSQL); its statements are counted apart too. It is not
/// migrated: it replays the primary.
pub async fn connect_replica(url: &str, metrics: Arc<Metrics>) -> Result<DatabaseConnection, StartupError> {
    if !url.starts_with("postgres") {
        return Err(StartupError::Config("DATABASE_READ_URL must be a PostgreSQL replica (postgres://…)".into()));
    }
    let mut db = open(url).await?;
    db.set_metric_callback(move |info| metrics.record_replica_statement(info.failed));
    Ok(db)
}

async fn open(url: &str) -> Result<DatabaseConnection, StartupError> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(30))
        // sqlx pings a connection on every checkout by default: a round trip to the database
        // before each statement. A connection in use is known good; only one that sat idle (and a
        // firewall or a restart may have dropped) is pinged.
        .test_before_acquire_if_idle_for(IDLE_BEFORE_PING)
        .map_sqlx_sqlite_opts(|opts| {
            opts.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                // Reads map the file instead of copying pages through `pread` into each
                // connection's small cache (the dashboard spent a third of its time there).
                .pragma("mmap_size", SQLITE_MMAP_BYTES.to_string())
                .pragma("cache_size", SQLITE_CACHE_KIB.to_string())
                // Rows cross from SQLite's worker thread in batches this large (sqlx's 50 made the
                // two threads wait on each other every 50 rows).
                .row_buffer_size(SQLITE_ROW_BATCH)
        });
    if plain_on_loopback(url) {
        options.map_sqlx_postgres_opts(|opts| opts.ssl_mode(PgSslMode::Disable));
    }
    if url.starts_with("sqlite") {
        options.max_connections(8).min_connections(1);
    } else {
        options.max_connections(32).min_connections(2);
    }
    Ok(Database::connect(options).await?)
}

/// Whether a PostgreSQL URL names this machine (a loopback address or a socket directory) and leaves
/// TLS to the default. sqlx, like libpq, then negotiates TLS whenever the server offers it (Debian's
/// does), and on one machine the encryption buys nothing while costing both processes CPU on every
/// round trip (a tenth of a records page's time in rustls). So loopback goes plain; an explicit
/// `sslmode` in the URL or in `PGSSLMODE` is kept.
fn plain_on_loopback(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("postgres://").or_else(|| url.strip_prefix("postgresql://")) else {
        return false;
    };
    let (authority, query) = rest.split_once('?').unwrap_or((rest, ""));
    let asks_tls = query.split('&').any(|pair| pair.starts_with("sslmode=") || pair.starts_with("ssl-mode="))
        || std::env::var_os("PGSSLMODE").is_some();
    let host_and_port = authority.split('/').next().unwrap_or_default();
    let host_and_port = host_and_port.rsplit_once('@').map_or(host_and_port, |(_, host)| host);
    let host = match host_and_port.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => host_and_port.split(':').next().unwrap_or_default(),
    };
    let socket = query.split('&').any(|pair| pair.starts_with("host=/"));
    let loopback = matches!(host, "localhost" | "127.0.0.1" | "::1" | "") || socket;
    loopback && !asks_tls
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

/// The pool's size and how many of its connections are lent out.
pub fn pool_usage(db: &DatabaseConnection) -> (u32, u32) {
    let (size, idle) = match db.get_database_backend() {
        DbBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            (pool.size(), pool.num_idle())
        }
        DbBackend::Sqlite => {
            let pool = db.get_sqlite_connection_pool();
            (pool.size(), pool.num_idle())
        }
        _ => (0, 0),
    };
    (size, size.saturating_sub(idle as u32))
}

#[cfg(test)]
mod tests {
    use super::plain_on_loopback;

    #[test]
    fn loopback_postgres_goes_plain_unless_the_url_asks_for_tls() {
        assert!(plain_on_loopback("postgres://postgres@127.0.0.1:5432/test"));
        assert!(plain_on_loopback("postgresql://u:p@localhost/db"));
        assert!(plain_on_loopback("postgres://u@[::1]:5433/db"));
        assert!(plain_on_loopback("postgres:///db?host=/var/run/postgresql"));
        assert!(!plain_on_loopback("postgres://postgres@127.0.0.1:5432/test?sslmode=require"));
        assert!(!plain_on_loopback("postgres://u@db.example.org/db"));
        assert!(!plain_on_loopback("postgres://u@10.0.0.5:5432/db"));
        assert!(!plain_on_loopback("sqlite://chengxin.db?mode=rwc"));
    }
}
