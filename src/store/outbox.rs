//! The platform outbox: every dishonesty record created or changed enqueues its new version for
//! the municipal credit platform, in the same transaction as the change.

use chrono::{DateTime, Utc};
use entity::{credit_record, enums::Polarity, enums::PushStatus, platform_push};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};

/// Queues `record` (as it now is) for delivery in the documented format
/// ([`super::push_payload`]); honours are not pushed. The pair (record id,
/// version) is unique, so a version is never queued twice.
pub async fn enqueue_push<C: ConnectionTrait>(
    db: &C,
    record: &credit_record::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if record.polarity != Polarity::Dishonesty {
        return Ok(());
    }
    let payload = super::push_payload::push_payload(db, record).await?;
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

/// The outbox at a glance: deliveries not yet accepted, and when the oldest due one fell due.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Backlog {
    pub unsent: u64,
    pub oldest_due: Option<DateTime<Utc>>,
}

/// Reads the backlog as of `now` in one statement.
pub async fn backlog<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<Backlog, DbErr> {
    use sea_orm::{
        sea_query::{Expr, Func},
        ColumnTrait, Condition, EntityTrait, FromQueryResult, QueryFilter, QuerySelect,
    };
    #[derive(FromQueryResult)]
    struct Row {
        unsent: i64,
        oldest_due: Option<DateTime<Utc>>,
    }
    let due = Condition::all()
        .add(platform_push::Column::Status.eq(PushStatus::Pending))
        .add(platform_push::Column::NextAttemptAt.lte(now));
    let row = platform_push::Entity::find()
        .select_only()
        .column_as(Expr::expr(Func::count(Expr::col(platform_push::Column::Id))), "unsent")
        .column_as(
            Expr::expr(Func::min(
                Expr::case(due, Expr::col(platform_push::Column::NextAttemptAt)).finally(Expr::null()),
            )),
            "oldest_due",
        )
        .filter(platform_push::Column::Status.ne(PushStatus::Sent))
        .into_model::<Row>()
        .one(db)
        .await?;
    Ok(row.map_or_else(Backlog::default, |r| Backlog { unsent: r.unsent.max(0) as u64, oldest_due: r.oldest_due }))
}
