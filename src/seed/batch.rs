//! Batched inserts with explicit ids, and putting PostgreSQL's id sequences right afterwards.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, IntoActiveModel, Iterable, Statement};

use super::sink::Sink;
use crate::progress::Progress;

/// Inserts rows in chunks sized to stay under every engine's bound-parameter limit, showing the
/// table's progress.
pub async fn insert_models<E, C>(db: &C, models: Vec<E::Model>) -> Result<usize, DbErr>
where
    E: EntityTrait,
    E::Model: IntoActiveModel<E::ActiveModel>,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    C: ConnectionTrait,
{
    let columns = E::Column::iter().count().max(1);
    let chunk = (20_000 / columns).clamp(1, 1_000);
    let total = models.len();
    let mut progress = Progress::start("seed", E::default().table_name(), total as u64, "rows", 1_000);
    let mut rows = models.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<E::ActiveModel> = rows.by_ref().take(chunk).map(|m| m.into_active_model().reset_all()).collect();
        let size = batch.len();
        E::insert_many(batch).exec_without_returning(db).await?;
        progress.advance(size as u64);
    }
    progress.finish();
    Ok(total)
}

/// After inserting explicit ids, moves each PostgreSQL sequence past the largest id.
pub async fn reset_sequences(sink: &mut Sink, tables: &[&str]) -> Result<(), DbErr> {
    if sink.backend() != DbBackend::Postgres {
        return Ok(());
    }
    for table in tables {
        let sql = format!(
            "SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), COALESCE((SELECT MAX(id) FROM \"{table}\"), 0) + 1, false)"
        );
        sink.execute(&sql).await?;
    }
    Ok(())
}

/// Counts the rollups afresh from the rows just written (`store::rollups::fill`'s statements, on
/// the seed's transaction).
pub async fn fill_rollups(sink: &mut Sink) -> Result<(), DbErr> {
    let statements = crate::store::rollups::fill_statements(sink.backend());
    let mut progress = Progress::start("seed", "rollups", statements.len() as u64, "statements", 0);
    for statement in statements {
        sink.execute(&statement).await?;
        progress.advance(1);
    }
    progress.finish();
    Ok(())
}

/// After a bulk load, lets the query planner see the new sizes (`ANALYZE`); on PostgreSQL also
/// sets the visibility map (`VACUUM`), so counts can use index-only scans.
///
/// On SQLite only the row counts (`sqlite_stat1`) are kept. The bundled SQLite is built with STAT4,
/// and a statement whose plan consulted a `sqlite_stat4` sample for a bound parameter is prepared
/// again each time that parameter is bound — on every execution. Measured on the county dashboard,
/// the re-preparing was a tenth of the request; without the samples it runs 9 % more requests a
/// second, and no other bench row got slower.
pub async fn refresh_statistics<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    if db.get_database_backend() == DbBackend::Postgres {
        db.execute_unprepared("VACUUM ANALYZE").await?;
        return Ok(());
    }
    db.execute_unprepared("ANALYZE").await?;
    let samples = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat4'";
    if db.query_one_raw(Statement::from_string(DbBackend::Sqlite, samples)).await?.is_some() {
        db.execute_unprepared("DELETE FROM sqlite_stat4").await?;
        db.execute_unprepared("ANALYZE sqlite_schema").await?;
    }
    Ok(())
}
