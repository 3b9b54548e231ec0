//! The deadline sweep: marks what passed its deadline and lifts records whose disclosure window
//! closed off the portal. Each change is a conditional update on the row's version, audited, in
//! one transaction; a row already marked (or changed meanwhile, e.g. by another process's sweep)
//! is skipped, so running it twice changes nothing more.
//!
//! - rectifications PENDING or REJECTED past their deadline, of records still RECTIFYING (not
//!   revoked or repaired meanwhile) → OVERDUE, flagged for accountability (逾期未整改 → 追究责任),
//!   with an accountability proposal for the 监委's recorder (one per rectification);
//! - objections not decided by their handling deadline → `overdue`;
//! - complaints assigned and not replied by their handling deadline → `overdue`;
//! - commitments still PENDING after their due date → `overdue` (a person decides BREACHED);
//! - PUBLIC records ACTIVE or RECTIFYING whose disclosure window ended → `portal_lifted_on`
//!   (a new version, pushed to the platform);
//! - procurement contracts paid, or still unpaid, more than the grace days after payment fell
//!   due, without a breach record → their CONTRACT_BREACH record (once per contract);
//! - investment agreements marked BREACHED without a record → their CONTRACT_BREACH record;
//! - debt instruments past maturity with money owed → OVERDUE with the borrower's record (once).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use entity::{
    accountability_proposal, commitment, complaint, credit_record, debt_instrument,
    enums::{CommitmentStatus, ComplaintStatus, Disclosure, RecordStatus, SubjectType},
    investment_agreement, objection, procurement_contract, rectification,
};
use sea_orm::{
    sea_query::Query, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};

use super::{accountability, breach_records::write_linked, debt, investment, procurement, Actor};
use crate::{
    auth::policy::{may, Operation},
    domain::{objection_rules, rectification_rules},
    error::{AppError, AppResult},
    state::AppState,
    store::record_writer::{write_record_change, WriteContext},
    store::versioned::save_versioned,
};

/// What one sweep changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SweepReport {
    pub rectifications_overdue: u64,
    pub accountability_proposals: u64,
    pub objections_overdue: u64,
    pub complaints_overdue: u64,
    pub commitments_overdue: u64,
    pub records_lifted: u64,
    pub late_payments: u64,
    pub agreement_breaches: u64,
    pub debts_overdue: u64,
}

impl SweepReport {
    /// Every row the sweep changed.
    pub fn findings(&self) -> u64 {
        self.rectifications_overdue
            + self.accountability_proposals
            + self.objections_overdue
            + self.complaints_overdue
            + self.commitments_overdue
            + self.records_lifted
            + self.late_payments
            + self.agreement_breaches
            + self.debts_overdue
    }
}

/// Counts a saved change; a row someone else changed first is skipped.
fn tally<T>(result: AppResult<T>, count: &mut u64) -> AppResult<()> {
    match result {
        Ok(_) => {
            *count += 1;
            Ok(())
        }
        Err(AppError::Conflict(_)) => Ok(()),
        Err(other) => Err(other),
    }
}

/// Runs one sweep as of today, as `actor`: the server's own sweeper (`system:deadline-sweep`), or
/// someone the policy lets run it now.
pub async fn sweep(state: &AppState, actor: &Actor<'_>) -> AppResult<SweepReport> {
    if !actor.viewer.is_system() {
        may(actor.viewer, Operation::RunDeadlineSweep)?;
    }
    let started = std::time::Instant::now();
    let grace = state.config.deadlines.payment_grace_days;
    let report = sweep_as_of(&state.db, &actor.write_context(state), state.clock.today(), grace).await?;
    state.metrics.record_sweep(started.elapsed(), report.findings());
    Ok(report)
}

/// One sweep as of `today`, written by `at`'s viewer.
async fn sweep_as_of(
    db: &DatabaseConnection,
    at: &WriteContext<'_>,
    today: NaiveDate,
    payment_grace_days: i64,
) -> AppResult<SweepReport> {
    // Candidates are read before the transaction, which then only writes (SQLite lets a reading
    // transaction write only if nobody wrote meanwhile); each write re-checks the row's version.
    // They come in id order, so concurrent sweeps lock rows in one order (no deadlock on
    // PostgreSQL): the second waits, finds the version moved, and skips the row.
    let rectifying = Query::select()
        .column(credit_record::Column::Id)
        .from(credit_record::Entity)
        .and_where(credit_record::Column::Status.eq(RecordStatus::Rectifying))
        .to_owned();
    let rectifications = rectification::Entity::find()
        .filter(rectification::Column::Status.is_in(rectification_rules::AWAITING_UNIT))
        .filter(rectification::Column::Deadline.lt(today))
        .filter(rectification::Column::RecordId.in_subquery(rectifying))
        .order_by_asc(rectification::Column::Id)
        .all(db)
        .await?;
    // Each overdue rectification's unit, and those that already have a proposal (a rectification
    // overdue again after a late, rejected submission).
    let rectified: Vec<i32> = rectifications.iter().map(|r| r.record_id).collect();
    let units: HashMap<i32, i32> = credit_record::Entity::find()
        .select_only()
        .column(credit_record::Column::Id)
        .column(credit_record::Column::UnitId)
        .filter(credit_record::Column::Id.is_in(rectified))
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let proposed: HashSet<i32> = accountability_proposal::Entity::find()
        .select_only()
        .column(accountability_proposal::Column::RectificationId)
        .filter(accountability_proposal::Column::RectificationId.is_in(rectifications.iter().map(|r| r.id)))
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let objections = objection::Entity::find()
        .filter(objection::Column::Status.is_in(objection_rules::OPEN))
        .filter(objection::Column::HandlingDeadline.lt(today))
        .filter(objection::Column::Overdue.eq(false))
        .order_by_asc(objection::Column::Id)
        .all(db)
        .await?;
    let complaints = complaint::Entity::find()
        .filter(complaint::Column::Status.eq(ComplaintStatus::Assigned))
        .filter(complaint::Column::HandlingDeadline.lt(today))
        .filter(complaint::Column::Overdue.eq(false))
        .order_by_asc(complaint::Column::Id)
        .all(db)
        .await?;
    let commitments = commitment::Entity::find()
        .filter(commitment::Column::Status.eq(CommitmentStatus::Pending))
        .filter(commitment::Column::DueOn.lt(today))
        .filter(commitment::Column::Overdue.eq(false))
        .order_by_asc(commitment::Column::Id)
        .all(db)
        .await?;
    let ended = credit_record::Entity::find()
        .filter(credit_record::Column::Disclosure.eq(Disclosure::Public))
        .filter(credit_record::Column::SubjectType.eq(SubjectType::Unit))
        .filter(credit_record::Column::Status.is_in([RecordStatus::Active, RecordStatus::Rectifying]))
        .filter(credit_record::Column::DisclosureUntil.lt(today))
        .filter(credit_record::Column::PortalLiftedOn.is_null())
        .order_by_asc(credit_record::Column::Id)
        .all(db)
        .await?;
    let late_payments = procurement::late_payments(db, today, payment_grace_days).await?;
    let broken_agreements = investment::unrecorded_breaches(db, today).await?;
    let overdue_debts = debt::overdue_debts(db, today).await?;

    let mut report = SweepReport::default();
    let txn = db.begin().await?;
    for before in rectifications {
        let changed = rectification::Model {
            status: entity::enums::RectificationStatus::Overdue,
            accountability_flagged: true,
            version: before.version + 1,
            updated_at: at.now,
            ..before.clone()
        };
        let result =
            save_versioned::<rectification::Entity, _>(&txn, at, "rectification.overdue", &before, changed).await;
        let marked = result.is_ok();
        tally(result, &mut report.rectifications_overdue)?;
        if let Some(unit) = units.get(&before.record_id).filter(|_| marked && !proposed.contains(&before.id)) {
            accountability::open_for_overdue(&txn, at, &before, *unit).await?;
            report.accountability_proposals += 1;
        }
    }
    for before in objections {
        let changed =
            objection::Model { overdue: true, version: before.version + 1, updated_at: at.now, ..before.clone() };
        let result = save_versioned::<objection::Entity, _>(&txn, at, "objection.overdue", &before, changed).await;
        tally(result, &mut report.objections_overdue)?;
    }
    for before in complaints {
        let changed =
            complaint::Model { overdue: true, version: before.version + 1, updated_at: at.now, ..before.clone() };
        let result = save_versioned::<complaint::Entity, _>(&txn, at, "complaint.overdue", &before, changed).await;
        tally(result, &mut report.complaints_overdue)?;
    }
    for before in commitments {
        let changed =
            commitment::Model { overdue: true, version: before.version + 1, updated_at: at.now, ..before.clone() };
        let result = save_versioned::<commitment::Entity, _>(&txn, at, "commitment.overdue", &before, changed).await;
        tally(result, &mut report.commitments_overdue)?;
    }
    for before in ended {
        let changed = credit_record::Model { portal_lifted_on: Some(today), ..before.clone() };
        let result = write_record_change(&txn, at, "credit_record.portal_lifted", &before, changed, None).await;
        tally(result, &mut report.records_lifted)?;
    }
    report.late_payments = write_linked::<procurement_contract::Entity>(
        &txn,
        at,
        "procurement_contract.breach",
        late_payments,
        procurement::link_record,
    )
    .await?;
    report.agreement_breaches = write_linked::<investment_agreement::Entity>(
        &txn,
        at,
        "investment_agreement.breach",
        broken_agreements,
        investment::link_record,
    )
    .await?;
    report.debts_overdue =
        write_linked::<debt_instrument::Entity>(&txn, at, "debt_instrument.overdue", overdue_debts, debt::link_record)
            .await?;
    txn.commit().await?;
    Ok(report)
}
