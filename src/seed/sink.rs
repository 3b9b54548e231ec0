//! Where the seed writes: one transaction either way, fed by multi-row `INSERT`s through SeaORM
//! (SQLite) or by `COPY` on a PostgreSQL connection of the same pool.

use sea_orm::{
    sqlx::{Postgres, Transaction},
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, EntityTrait,
    IntoActiveModel, TransactionTrait,
};

use super::{
    batch, copy,
    set_aside::{set_aside, SetAside},
};

/// The seed's open transaction.
pub enum Sink {
    /// Multi-row INSERTs in a SeaORM transaction.
    Inserts(DatabaseTransaction),
    /// COPY in a PostgreSQL transaction.
    Copy(Transaction<'static, Postgres>),
}

impl Sink {
    /// Opens the transaction on `db`'s engine.
    pub async fn begin(db: &DatabaseConnection) -> Result<Self, DbErr> {
        Ok(match db.get_database_backend() {
            DbBackend::Postgres => {
                Self::Copy(db.get_postgres_connection_pool().begin().await.map_err(copy::sqlx_error)?)
            }
            _ => Self::Inserts(db.begin().await?),
        })
    }

    /// The engine written to.
    pub fn backend(&self) -> DbBackend {
        match self {
            Self::Inserts(txn) => txn.get_database_backend(),
            Self::Copy(_) => DbBackend::Postgres,
        }
    }

    /// Writes `models` to their table.
    pub async fn insert<E>(&mut self, models: Vec<E::Model>) -> Result<usize, DbErr>
    where
        E: EntityTrait,
        E::Model: IntoActiveModel<E::ActiveModel>,
        E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    {
        match self {
            Self::Inserts(txn) => batch::insert_models::<E, _>(txn, models).await,
            Self::Copy(txn) => copy::copy_models::<E>(txn, models).await,
        }
    }

    /// Runs one statement without parameters.
    pub async fn execute(&mut self, sql: &str) -> Result<(), DbErr> {
        match self {
            Self::Inserts(txn) => txn.execute_unprepared(sql).await.map(|_| ()),
            Self::Copy(txn) => copy::execute(txn, sql).await,
        }
    }

    /// On PostgreSQL, drops `tables`' secondary indexes and foreign keys until [`Sink::restore`]
    /// (a large load); elsewhere nothing.
    pub async fn set_aside(&mut self, tables: &[&str]) -> Result<Option<SetAside>, DbErr> {
        match self {
            Self::Copy(txn) => Ok(Some(set_aside(txn, tables).await?)),
            Self::Inserts(_) => Ok(None),
        }
    }

    /// Makes again what [`Sink::set_aside`] dropped.
    pub async fn restore(&mut self, set_aside: Option<SetAside>) -> Result<(), DbErr> {
        match (self, set_aside) {
            (Self::Copy(txn), Some(set_aside)) => set_aside.restore(txn).await,
            _ => Ok(()),
        }
    }

    /// Commits everything written.
    pub async fn commit(self) -> Result<(), DbErr> {
        match self {
            Self::Inserts(txn) => txn.commit().await,
            Self::Copy(txn) => txn.commit().await.map_err(copy::sqlx_error),
        }
    }
}
