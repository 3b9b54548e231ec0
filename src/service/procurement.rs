//! Government procurement (政府采购, plan task 3.1): contracts entered by the purchaser's clerk,
//! the 财政局 or the credit office; their acceptance (履约验收) and payment. A payment later than
//! its due date (《保障中小企业款项支付条例》 art. 8) is a breach: a CONTRACT_BREACH record of the
//! purchaser, linked to the contract, made once per contract — when the late payment is recorded,
//! or by the deadline sweep for one still unpaid (or paid late before this rule was kept).

use chrono::NaiveDate;
use entity::{
    enums::{Acceptance, Disclosure, Polarity, ProcurementMethod, RecordCategory, Sector, Severity, SubjectType},
    procurement_contract::{self, Column},
    unit,
};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};

use super::{scope, Actor};
use crate::{
    auth::policy::{may, Operation},
    domain::{procurement_rules as rules, uscc::validate_uscc},
    error::{text_problem, AppError, AppResult, FieldChecks, Reason},
    state::AppState,
    store::{
        record_writer::{write_new_record, NewRecord},
        versioned::{expect_version, save_versioned},
    },
};

/// A contract as the purchaser signed it.
pub struct NewContract {
    pub purchaser_unit_id: i32,
    pub project_number: String,
    pub title: String,
    pub method: ProcurementMethod,
    pub supplier_name: String,
    pub supplier_uscc: String,
    pub supplier_is_sme: bool,
    pub payment_term_days: Option<i32>,
    pub amount_fen: i64,
    pub signed_on: NaiveDate,
}

/// The acceptance of the delivery.
pub struct AcceptanceReport {
    pub id: i32,
    pub version: i32,
    pub passed: bool,
    pub accepted_on: NaiveDate,
    pub accepted_by: String,
}

/// The payment of a contract.
pub struct Payment {
    pub id: i32,
    pub version: i32,
    pub paid_on: NaiveDate,
}

/// Whether the actor may keep contracts of `purchaser` (`FORBIDDEN` otherwise).
async fn may_keep(state: &AppState, actor: &Actor<'_>, purchaser: i32) -> AppResult<()> {
    scope::may_keep_sector_row(state, actor, purchaser, Sector::Procurement).await
}

/// Enters a contract. A supplier USCC that fails GB 32100 is kept and flagged, not refused.
pub async fn create(state: &AppState, actor: &Actor<'_>, new: NewContract) -> AppResult<procurement_contract::Model> {
    may_keep(state, actor, new.purchaser_unit_id).await?;
    let mut checks = FieldChecks::new();
    let purchaser = unit::Entity::find_by_id(new.purchaser_unit_id).one(&state.db).await?;
    let number = new.project_number.trim().to_owned();
    let taken = procurement_contract::Entity::find().filter(Column::ProjectNumber.eq(number.as_str()));
    checks
        .refuse_if(purchaser.is_none(), "purchaserUnitId", Reason::UnknownUnit)
        .note("projectNumber", text_problem(&number, 50))
        .note("title", text_problem(&new.title, 300))
        .note("supplierName", text_problem(&new.supplier_name, 200))
        .note("supplierUscc", text_problem(&new.supplier_uscc, 18))
        .refuse_if(new.amount_fen <= 0, "amount", Reason::NotPositive)
        .refuse_if(new.signed_on > state.clock.today(), "signedOn", Reason::DateInFuture);
    let term = checks.take(rules::payment_term(new.supplier_is_sme, new.payment_term_days))?;
    checks.refuse_if(
        !checks.has("projectNumber") && taken.count(&state.db).await? > 0,
        "projectNumber",
        Reason::ProjectNumberTaken,
    );
    checks.finish()?;
    let term = FieldChecks::passed(term)?;
    let uscc = new.supplier_uscc.trim().to_ascii_uppercase();
    let row = procurement_contract::ActiveModel {
        purchaser_unit_id: Set(new.purchaser_unit_id),
        project_number: Set(number),
        title: Set(new.title.trim().to_owned()),
        method: Set(new.method),
        supplier_name: Set(new.supplier_name.trim().to_owned()),
        supplier_uscc_valid: Set(validate_uscc(&uscc).is_ok()),
        supplier_uscc: Set(uscc),
        supplier_is_sme: Set(new.supplier_is_sme),
        payment_term_days: Set(term),
        amount_fen: Set(new.amount_fen),
        signed_on: Set(new.signed_on),
        acceptance: Set(Acceptance::Pending),
        accepted_on: Set(None),
        accepted_by: Set(None),
        payment_due_on: Set(None),
        paid_on: Set(None),
        record_id: Set(None),
        version: Set(1),
        created_at: Set(actor.now),
        updated_at: Set(actor.now),
        ..Default::default()
    };
    super::insert_alone::<procurement_contract::Entity>(state, actor, "procurement_contract.create", row).await
}

/// The contract the actor may keep, at the version they read.
async fn to_change(
    state: &AppState,
    actor: &Actor<'_>,
    id: i32,
    version: i32,
) -> AppResult<procurement_contract::Model> {
    may(actor.viewer, Operation::KeepSectorProjects)?;
    let row = procurement_contract::Entity::find_by_id(id).one(&state.db).await?;
    let row = row.ok_or(AppError::NotFound(Reason::ContractNotFound))?;
    scope::sector_row_to_keep(state, actor, row.purchaser_unit_id, Sector::Procurement, Reason::ContractNotFound)
        .await?;
    expect_version(row.version, version)?;
    Ok(row)
}

/// Records the acceptance: PASSED sets the payment due date (the term from that day); FAILED owes
/// nothing until a later acceptance passes.
pub async fn record_acceptance(
    state: &AppState,
    actor: &Actor<'_>,
    acceptance: AcceptanceReport,
) -> AppResult<procurement_contract::Model> {
    let before = to_change(state, actor, acceptance.id, acceptance.version).await?;
    let to = if acceptance.passed { Acceptance::Passed } else { Acceptance::Failed };
    rules::check_acceptance(before.acceptance, to)?;
    FieldChecks::new()
        .refuse_if(acceptance.accepted_on > state.clock.today(), "acceptedOn", Reason::DateInFuture)
        .refuse_if(
            acceptance.accepted_on < before.signed_on,
            "acceptedOn",
            Reason::DateTooEarly { earliest: before.signed_on },
        )
        .note("acceptedBy", text_problem(&acceptance.accepted_by, 50))
        .finish()?;
    let changed = procurement_contract::Model {
        acceptance: to,
        accepted_on: Some(acceptance.accepted_on),
        accepted_by: Some(acceptance.accepted_by.trim().to_owned()),
        payment_due_on: acceptance.passed.then(|| rules::payment_due(acceptance.accepted_on, before.payment_term_days)),
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    super::save_alone::<procurement_contract::Entity>(state, actor, "procurement_contract.accept", &before, changed)
        .await
}

/// Records the payment; a late one makes the contract's breach record in the same transaction.
/// Returns the contract and that record, if one was made.
pub async fn record_payment(
    state: &AppState,
    actor: &Actor<'_>,
    payment: Payment,
) -> AppResult<(procurement_contract::Model, Option<entity::credit_record::Model>)> {
    let before = to_change(state, actor, payment.id, payment.version).await?;
    if before.paid_on.is_some() {
        return Err(AppError::InvalidTransition(Reason::AlreadyPaid));
    }
    let (Acceptance::Passed, Some(accepted_on)) = (before.acceptance, before.accepted_on) else {
        return Err(AppError::InvalidTransition(Reason::NotAccepted));
    };
    let today = state.clock.today();
    FieldChecks::new()
        .refuse_if(payment.paid_on > today, "paidOn", Reason::DateInFuture)
        .refuse_if(payment.paid_on < accepted_on, "paidOn", Reason::DateTooEarly { earliest: accepted_on })
        .finish()?;
    let grace = state.config.deadlines.payment_grace_days;
    let late = before.record_id.is_none() && rules::is_late(before.payment_due_on, Some(payment.paid_on), today, grace);
    let breach = if late { Some(breach_of(&state.db, &before, today).await?) } else { None };
    let at = actor.write_context(state);
    let txn = state.db.begin().await?;
    let record = match breach {
        Some(new) => Some(write_new_record(&txn, &at, new).await?),
        None => None,
    };
    let changed = procurement_contract::Model {
        paid_on: Some(payment.paid_on),
        record_id: record.as_ref().map(|r| r.id).or(before.record_id),
        version: before.version + 1,
        updated_at: actor.now,
        ..before.clone()
    };
    let after =
        save_versioned::<procurement_contract::Entity, _>(&txn, &at, "procurement_contract.pay", &before, changed)
            .await?;
    txn.commit().await?;
    Ok((after, record))
}

/// The CONTRACT_BREACH record of a late payment (read before the writing transaction: SQLite).
async fn breach_of(
    db: &DatabaseConnection,
    contract: &procurement_contract::Model,
    today: NaiveDate,
) -> AppResult<NewRecord> {
    let purchaser = scope::unit_short_name(db, contract.purchaser_unit_id).await?;
    let finance = scope::lead_department(db, Sector::Procurement).await?;
    let due = contract.payment_due_on.unwrap_or(today);
    let paid = contract.paid_on.map(|d| format!("于{d}付款")).unwrap_or_else(|| "至今未付款".into());
    Ok(NewRecord {
        subject_type: SubjectType::Unit,
        unit_id: contract.purchaser_unit_id,
        official_id: None,
        polarity: Polarity::Dishonesty,
        category: RecordCategory::ContractBreach,
        sector: Sector::Procurement,
        severity: Severity::General,
        title: format!("{purchaser}逾期支付政府采购合同款项"),
        facts: format!(
            "政府采购合同{}（{}）应于{due}前向{}支付款项，{paid}（《保障中小企业款项支付条例》第八条）。",
            contract.project_number, contract.title, contract.supplier_name
        ),
        document_number: None,
        deciding_authority: finance.as_ref().map(|u| u.name.clone()).unwrap_or_else(|| "德化县财政局".into()),
        occurred_on: std::cmp::Ord::min(due, today),
        decided_on: today,
        disclosure: Disclosure::Shared,
        recorded_by_unit_id: finance.map(|u| u.id).unwrap_or(contract.purchaser_unit_id),
        sanction: None,
        source: Some(("procurement_contract", contract.id)),
    })
}

/// For the deadline sweep, read before its transaction: every contract whose payment is, or was,
/// more than `grace` days late and has no breach record yet, with the record to make.
pub async fn late_payments(
    db: &DatabaseConnection,
    today: NaiveDate,
    grace: i64,
) -> AppResult<Vec<(procurement_contract::Model, NewRecord)>> {
    let candidates = procurement_contract::Entity::find()
        .filter(Column::RecordId.is_null())
        .filter(Column::PaymentDueOn.lt(today))
        .filter(Column::PaidOn.is_null().or(Expr::col(Column::PaidOn).gt(Expr::col(Column::PaymentDueOn))))
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    let mut breaches = Vec::new();
    for contract in candidates.into_iter().filter(|c| rules::is_late(c.payment_due_on, c.paid_on, today, grace)) {
        let record = breach_of(db, &contract, today).await?;
        breaches.push((contract, record));
    }
    Ok(breaches)
}

/// Links each contract to its new breach record (for the sweep).
pub fn link_record(
    before: &procurement_contract::Model,
    record: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> procurement_contract::Model {
    procurement_contract::Model {
        record_id: Some(record),
        version: before.version + 1,
        updated_at: now,
        ..before.clone()
    }
}
