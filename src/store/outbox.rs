//! The platform outbox: every dishonesty record created or changed enqueues its new version for
//! the municipal credit platform, in the same transaction as the change.

use chrono::{DateTime, Utc};
use entity::{credit_record, enums::Polarity, enums::PushStatus, platform_push};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};
use serde_json::json;

/// Queues `record` (as it now is) for delivery; honours are not pushed. The pair (record id,
/// version) is unique, so a version is never queued twice.
pub async fn enqueue_push<C: ConnectionTrait>(
    db: &C,
    record: &credit_record::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if record.polarity != Polarity::Dishonesty {
        return Ok(());
    }
    let payload = json!({
        "idempotencyKey": format!("{}:{}", record.id, record.version),
        "record": record,
    });
    platform_push::ActiveModel {
        record_id: Set(record.id),
        record_version: Set(record.version),
        payload: Set(payload.to_string()),
        status: Set(PushStatus::Pending),
        attempts: Set(0),
        next_attempt_at: Set(now),
        lease_until: Set(None),
        last_error: Set(None),
        sent_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
