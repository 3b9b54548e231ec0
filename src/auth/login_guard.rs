//! Admission of a login attempt, atomic under concurrency. Before the password is checked, the
//! attempt is written as a failure and the recent failures are counted, in one transaction under
//! a per-username and per-address lock (advisory locks on PostgreSQL; SQLite runs one writer at a
//! time, and the insert comes first so the transaction holds the write lock before it reads).
//! A locked username or address is refused before any hashing; a right password then deletes
//! its reserved row. So 40 parallel wrong passwords record at most 5 failures, and no token is
//! issued once the lock holds.

use chrono::{DateTime, Duration, Utc};
use entity::login_failure::{self, Column};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, PaginatorTrait,
    QueryFilter, QuerySelect, Set, Statement, TransactionTrait,
};

use crate::{
    domain::login_lockout,
    error::{AppError, AppResult, Reason},
};

/// A reserved attempt: the failure row written ahead of the password check.
pub struct Reservation(i32);

/// Who is trying, and how many failures an address may make in a window.
pub struct Attempt<'a> {
    pub username: &'a str,
    /// The client's keyed address (see `client_key`), if known.
    pub client_key: Option<&'a str>,
    pub failures_per_address: u64,
    pub now: DateTime<Utc>,
}

/// Admits the attempt (reserving its failure row) or refuses it with `RATE_LIMITED`.
pub async fn admit(db: &DatabaseConnection, attempt: &Attempt<'_>) -> AppResult<Reservation> {
    let txn = db.begin().await?;
    if txn.get_database_backend() == DbBackend::Postgres {
        // Always the address first, then the username: every transaction takes them in one order.
        for key in attempt
            .client_key
            .map(|k| format!("login-address:{k}"))
            .into_iter()
            .chain([format!("login-user:{}", attempt.username)])
        {
            let lock = Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_advisory_xact_lock(hashtext($1))",
                [key.into()],
            );
            txn.execute_raw(lock).await?;
        }
    }
    let reserved = login_failure::ActiveModel {
        username: Set(attempt.username.to_owned()),
        at: Set(attempt.now),
        client_key: Set(attempt.client_key.map(str::to_owned)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let failures: Vec<DateTime<Utc>> = login_failure::Entity::find()
        .select_only()
        .column(Column::At)
        .filter(Column::Username.eq(attempt.username))
        .filter(Column::At.gt(attempt.now - login_lockout::look_back()))
        .filter(Column::Id.ne(reserved.id))
        .into_tuple()
        .all(&txn)
        .await?;
    if let Some(until) = login_lockout::locked_until(&failures, attempt.now) {
        txn.rollback().await?;
        return Err(AppError::rate_limited(Reason::AccountLocked, until - attempt.now));
    }
    if let Some(key) = attempt.client_key {
        let window = Duration::minutes(login_lockout::WINDOW_MINUTES);
        let from_address = login_failure::Entity::find()
            .filter(Column::ClientKey.eq(key))
            .filter(Column::At.gt(attempt.now - window))
            .filter(Column::Id.ne(reserved.id))
            .count(&txn)
            .await?;
        if from_address >= attempt.failures_per_address {
            txn.rollback().await?;
            return Err(AppError::rate_limited(Reason::AddressLocked, window));
        }
    }
    txn.commit().await?;
    Ok(Reservation(reserved.id))
}

/// The password was right: the reserved row was no failure.
pub async fn release(db: &DatabaseConnection, reservation: Reservation) -> AppResult<()> {
    login_failure::Entity::delete_by_id(reservation.0).exec(db).await?;
    Ok(())
}
