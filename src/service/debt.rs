//! Local government debt (地方政府债务, plan task 3.5): the fiscal capacity (综合财力) the debt
//! ratio divides by, set by the credit office or 财政局; instruments past maturity become OVERDUE
//! with the borrower's breach record, once, by the deadline sweep.

use chrono::NaiveDate;
use entity::{
    debt_instrument::{self, Column},
    enums::{DebtStatus, Disclosure, Polarity, RecordCategory, Sector, Severity, SubjectType},
    fiscal_capacity, unit,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde_json::json;

use super::{scope, Actor};
use crate::{
    auth::policy::{may, sectors::can_set_fiscal_capacity, Operation},
    error::{AppResult, FieldChecks, Reason},
    ids::{public_id, NodeType},
    state::AppState,
    store::{
        audit::{write_audit, AuditEntry},
        record_writer::NewRecord,
    },
};

/// The years a fiscal capacity may be given for.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Sets a unit's 综合财力 for a year (a new row, or the year's row changed), audited.
pub async fn set_fiscal_capacity(
    state: &AppState,
    actor: &Actor<'_>,
    unit_id: i32,
    year: i32,
    amount_fen: i64,
) -> AppResult<fiscal_capacity::Model> {
    may(actor.viewer, Operation::KeepSectorProjects)?;
    can_set_fiscal_capacity(actor.viewer, scope::leads_sector(&state.db, actor.viewer.unit_id, Sector::Debt).await?)?;
    let known = unit::Entity::find_by_id(unit_id).one(&state.db).await?.is_some();
    FieldChecks::new()
        .refuse_if(!known, "unitId", Reason::UnknownUnit)
        .refuse_if(!YEARS.contains(&year), "year", Reason::NumberBetween { min: 2000, max: 2100 })
        .refuse_if(amount_fen <= 0, "amount", Reason::NotPositive)
        .finish()?;
    let existing = fiscal_capacity::Entity::find()
        .filter(fiscal_capacity::Column::UnitId.eq(unit_id))
        .filter(fiscal_capacity::Column::Year.eq(year))
        .one(&state.db)
        .await?;
    let txn = state.db.begin().await?;
    let saved = match &existing {
        Some(row) => {
            let mut change: fiscal_capacity::ActiveModel = row.clone().into();
            change.amount_fen = Set(amount_fen);
            change.updated_at = Set(actor.now);
            change.update(&txn).await?
        }
        None => {
            fiscal_capacity::ActiveModel {
                unit_id: Set(unit_id),
                year: Set(year),
                amount_fen: Set(amount_fen),
                created_at: Set(actor.now),
                updated_at: Set(actor.now),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
    };
    let entry = AuditEntry {
        action: "fiscal_capacity.set",
        entity: "fiscal_capacity",
        entity_id: Some(format!("{}/{year}", public_id(NodeType::Unit, unit_id))),
        before: existing.map(|row| json!(row)),
        after: Some(json!(saved)),
    };
    write_audit(&txn, actor.viewer, actor.trace, actor.now, entry).await?;
    txn.commit().await?;
    Ok(saved)
}

/// For the deadline sweep, read before its transaction: instruments past maturity with money
/// still owed (OUTSTANDING, or marked OVERDUE before breaches were recorded) and no record yet,
/// with the record to make.
pub async fn overdue_debts(
    db: &DatabaseConnection,
    today: NaiveDate,
) -> AppResult<Vec<(debt_instrument::Model, NewRecord)>> {
    let past_due = Condition::all()
        .add(Column::Status.eq(DebtStatus::Outstanding))
        .add(Column::MaturityOn.lt(today))
        .add(Column::OutstandingFen.gt(0));
    let rows = debt_instrument::Entity::find()
        .filter(Column::RecordId.is_null())
        .filter(Condition::any().add(past_due).add(Column::Status.eq(DebtStatus::Overdue)))
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    let finance = scope::lead_department(db, Sector::Debt).await?;
    let mut overdue = Vec::new();
    for row in rows {
        let borrower = scope::unit_short_name(db, row.unit_id).await?;
        let record = NewRecord {
            subject_type: SubjectType::Unit,
            unit_id: row.unit_id,
            official_id: None,
            polarity: Polarity::Dishonesty,
            category: RecordCategory::ContractBreach,
            sector: Sector::Debt,
            severity: Severity::General,
            title: format!("{borrower}政府债务逾期未偿还"),
            facts: format!(
                "债务{}于{}到期，尚有{}元未偿还。",
                row.code,
                row.maturity_on,
                rust_decimal::Decimal::new(row.outstanding_fen, 2)
            ),
            document_number: Some(row.code.clone()),
            deciding_authority: finance.as_ref().map(|u| u.name.clone()).unwrap_or_else(|| "德化县财政局".into()),
            occurred_on: std::cmp::Ord::min(row.maturity_on, today),
            decided_on: today,
            disclosure: Disclosure::Shared,
            recorded_by_unit_id: finance.as_ref().map(|u| u.id).unwrap_or(row.unit_id),
            sanction: None,
            source: Some(("debt_instrument", row.id)),
        };
        overdue.push((row, record));
    }
    Ok(overdue)
}

/// Marks an instrument OVERDUE with its new breach record (for the sweep).
pub fn link_record(
    before: &debt_instrument::Model,
    record: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> debt_instrument::Model {
    debt_instrument::Model {
        status: DebtStatus::Overdue,
        record_id: Some(record),
        version: before.version + 1,
        updated_at: now,
        ..before.clone()
    }
}
