//! The public's complaint form: anyone but evaluators submits; anonymous callers are limited per
//! client address and hour (staff entering hotline calls are signed in, audited, and not limited
//! by the public's quota). The limit is counted inside the transaction, after our own insert.

use chrono::Duration;
use entity::{
    complaint::{self, Column},
    enums::{ComplaintChannel, ComplaintStatus, Sector},
    official, unit,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, EntityTrait, PaginatorTrait,
    QueryFilter, Set, Statement, TransactionTrait,
};

use super::Actor;
use crate::{
    auth::policy::{may, Operation},
    domain::complaint_rules as rules,
    error::{AppError, AppResult, FieldChecks, Reason},
    state::AppState,
    store::versioned::insert_audited,
};

/// A complaint from the public (or a hotline call entered by staff).
pub struct Submission {
    pub channel: ComplaintChannel,
    pub target_unit_id: i32,
    pub official_id: Option<i32>,
    pub sector: Sector,
    pub content: String,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    /// The keyed hash of the client's address, for the public's limit.
    pub client_key: Option<String>,
    /// The 12345 hotline's work-order number, when the call came that way.
    pub work_order_number: Option<String>,
}

/// Makes concurrent anonymous submissions from one address take turns: a transaction-scoped
/// advisory lock on PostgreSQL; SQLite already runs one writer at a time (our insert comes before
/// the count).
async fn serialize_per_client(txn: &DatabaseTransaction, key: &str) -> AppResult<()> {
    if txn.get_database_backend() == DbBackend::Postgres {
        let lock = Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock(hashtext($1))",
            [key.into()],
        );
        txn.execute_raw(lock).await?;
    }
    Ok(())
}

/// The official a complaint names, if they serve the target unit. Staff are told when they do
/// not; the public's complaint is taken without the link (no answer reveals membership).
async fn named_official(
    db: &DatabaseConnection,
    official: i32,
    target_unit: i32,
    anonymous: bool,
) -> AppResult<Option<i32>> {
    match official::Entity::find_by_id(official).one(db).await? {
        Some(row) if row.unit_id == target_unit => Ok(Some(row.id)),
        _ if anonymous => Ok(None),
        _ => Err(AppError::bad_input("officialId", Reason::OfficialNotInUnit)),
    }
}

/// Takes a complaint; `RATE_LIMITED` when an anonymous address has used up its hour.
pub async fn submit(state: &AppState, actor: &Actor<'_>, submission: Submission) -> AppResult<complaint::Model> {
    let viewer = actor.viewer;
    may(viewer, Operation::SubmitComplaint)?;
    let name = submission.contact_name.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let phone = submission.contact_phone.as_deref().map(str::trim).filter(|p| !p.is_empty());
    let mut checks = rules::submission_checks(&submission.content, name, phone);
    if let Some(number) = &submission.work_order_number {
        checks.absorb(rules::check_work_order_number(number))?.refuse_if(
            submission.channel != ComplaintChannel::Hotline12345,
            "workOrderNumber",
            Reason::WorkOrderOnlyForHotline,
        );
    }
    let target = unit::Entity::find_by_id(submission.target_unit_id).one(&state.db).await?;
    checks.refuse_if(target.is_none(), "targetUnitId", Reason::UnknownUnit).finish()?;
    let target = FieldChecks::passed(target)?;
    // Only the public's submissions carry the address key and count against its limit.
    let limited = submission.client_key.filter(|_| viewer.is_anonymous());
    // For the public, the answer is the same whether or not the official serves the unit.
    let official_id = match submission.official_id {
        Some(official) => named_official(&state.db, official, target.id, viewer.is_anonymous()).await?,
        None => None,
    };
    let row = complaint::ActiveModel {
        channel: Set(submission.channel),
        target_unit_id: Set(target.id),
        official_id: Set(official_id),
        sector: Set(submission.sector),
        content: Set(submission.content.trim().to_owned()),
        contact_name: Set(name.map(str::to_owned)),
        contact_phone: Set(phone.map(str::to_owned)),
        received_at: Set(actor.now),
        status: Set(ComplaintStatus::Received),
        client_key: Set(limited.clone()),
        overdue: Set(false),
        reference: Set(Some(rules::new_reference())),
        work_order_number: Set(submission.work_order_number.clone()),
        version: Set(1),
        created_at: Set(actor.now),
        updated_at: Set(actor.now),
        ..Default::default()
    };
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    if let Some(key) = &limited {
        serialize_per_client(&txn, key).await?;
    }
    let saved = insert_audited::<complaint::Entity, _>(&txn, &at, "complaint.submit", row).await?;
    if let Some(key) = &limited {
        let recent = complaint::Entity::find()
            .filter(Column::ClientKey.eq(key.as_str()))
            .filter(Column::ReceivedAt.gt(actor.now - Duration::hours(1)))
            .count(&txn)
            .await?;
        if recent > state.config.deadlines.complaints_per_hour {
            // Counted after our own insert, inside the transaction: two concurrent submissions
            // from one address cannot both see room for one more.
            txn.rollback().await?;
            return Err(AppError::rate_limited(Reason::TooManyComplaints, Duration::hours(1)));
        }
    }
    txn.commit().await?;
    Ok(saved)
}
