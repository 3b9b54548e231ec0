//! A large PostgreSQL load without its tables' secondary indexes and foreign keys: both are read
//! from the catalogue, dropped before the rows arrive and made again afterwards, in the seed's
//! transaction. Building an index over 15 M sorted rows takes seconds; keeping it up to date row by
//! row, and checking every row's keys one at a time, takes most of an hour.

use sea_orm::{
    sqlx::{self, PgConnection, Row},
    DbErr,
};

use super::copy::{execute, sqlx_error};

/// What was set aside: the statements that make it again.
pub struct SetAside {
    restore: Vec<String>,
}

/// The secondary indexes (none that a constraint uses) and the foreign keys of `tables`.
const INDEXES: &str = "SELECT ci.relname::text AS name, pg_get_indexdef(i.indexrelid) AS restore \
     FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid \
     WHERE t.relname = ANY($1) AND t.relnamespace = current_schema()::regnamespace \
     AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1";
const FOREIGN_KEYS: &str = "SELECT t.relname::text AS owner, c.conname::text AS name, \
     pg_get_constraintdef(c.oid) AS restore FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid \
     WHERE c.contype = 'f' AND t.relname = ANY($1) AND t.relnamespace = current_schema()::regnamespace \
     ORDER BY 1, 2";

/// Drops the secondary indexes and foreign keys of `tables`, remembering how to make them again.
pub async fn set_aside(connection: &mut PgConnection, tables: &[&str]) -> Result<SetAside, DbErr> {
    let tables: Vec<String> = tables.iter().map(|t| (*t).to_owned()).collect();
    let mut drops = Vec::new();
    let mut restore = Vec::new();
    for row in sqlx::query(FOREIGN_KEYS).bind(&tables).fetch_all(&mut *connection).await.map_err(sqlx_error)? {
        let (owner, name, definition): (String, String, String) = (
            row.try_get("owner").map_err(sqlx_error)?,
            row.try_get("name").map_err(sqlx_error)?,
            row.try_get("restore").map_err(sqlx_error)?,
        );
        drops.push(format!("ALTER TABLE \"{owner}\" DROP CONSTRAINT \"{name}\""));
        restore.push(format!("ALTER TABLE \"{owner}\" ADD CONSTRAINT \"{name}\" {definition}"));
    }
    for row in sqlx::query(INDEXES).bind(&tables).fetch_all(&mut *connection).await.map_err(sqlx_error)? {
        let (name, definition): (String, String) =
            (row.try_get("name").map_err(sqlx_error)?, row.try_get("restore").map_err(sqlx_error)?);
        drops.push(format!("DROP INDEX \"{name}\""));
        restore.push(definition);
    }
    // Indexes first, then the keys whose checks can use them.
    restore.sort_by_key(|statement| statement.starts_with("ALTER TABLE"));
    for statement in &drops {
        execute(connection, statement).await?;
    }
    Ok(SetAside { restore })
}

impl SetAside {
    /// Makes the indexes and foreign keys again (the keys are checked against every row).
    pub async fn restore(self, connection: &mut PgConnection) -> Result<(), DbErr> {
        let mut progress =
            crate::progress::Progress::start("seed", "indexes and keys", self.restore.len() as u64, "made", 0);
        execute(connection, "SET LOCAL maintenance_work_mem = '256MB'").await?;
        for statement in &self.restore {
            execute(connection, statement).await?;
            progress.advance(1);
        }
        progress.finish();
        Ok(())
    }
}
