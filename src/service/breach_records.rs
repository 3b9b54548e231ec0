//! Breach records the deadline sweep makes for rows that broke a rule before anyone recorded it
//! (a late procurement payment, an agreement marked BREACHED): each record and its link to the
//! row in a savepoint of the sweep's transaction, so a row another sweep linked meanwhile is
//! skipped whole and no record is left without its row.

use sea_orm::{ActiveModelTrait, DatabaseTransaction, IntoActiveModel, TransactionTrait};
use serde::Serialize;

use crate::{
    error::{AppError, AppResult},
    store::{
        record_writer::{write_new_record, NewRecord, WriteContext},
        versioned::{save_versioned, Versioned},
    },
};

/// Writes each `(row, record)`: the record, then `link(row, record id, now)` as the row's next
/// version (audited as `action`). Returns how many were made.
pub async fn write_linked<E>(
    txn: &DatabaseTransaction,
    at: &WriteContext<'_>,
    action: &str,
    breaches: Vec<(E::Model, NewRecord)>,
    link: impl Fn(&E::Model, i32, chrono::DateTime<chrono::Utc>) -> E::Model,
) -> AppResult<u64>
where
    E: Versioned,
    E::Model: IntoActiveModel<E::ActiveModel> + Serialize + Clone,
    E::ActiveModel: ActiveModelTrait<Entity = E>,
{
    let mut made = 0;
    for (before, new) in breaches {
        let savepoint = txn.begin().await?;
        let record = write_new_record(&savepoint, at, new).await?;
        match save_versioned::<E, _>(&savepoint, at, action, &before, link(&before, record.id, at.now)).await {
            Ok(_) => {
                savepoint.commit().await?;
                made += 1;
            }
            Err(AppError::Conflict(_)) => savepoint.rollback().await?,
            Err(other) => return Err(other),
        }
    }
    Ok(made)
}
