//! The procurement tally (`procurement_tally`): every insert and versioned change of a contract
//! ([`super::versioned`]) moves the count of the contract's old and new shape, on the writer's
//! transaction; [`contracts_matching`] counts a list's contracts from it.

use chrono::NaiveDate;
use entity::{
    enums::{Acceptance, PaymentState, ProcurementMethod},
    procurement_contract, procurement_tally,
};
use sea_orm::{
    sea_query::{Alias, Expr, ExprTrait, OnConflict},
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, Set,
};

use super::workflow_rollups::day_number;
use crate::error::AppResult;

/// Where a contract counts in the tally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TallyShape {
    pub acceptance: Acceptance,
    pub method: ProcurementMethod,
    pub payment: PaymentState,
    /// The due day of an unpaid contract (`YYYYMMDD`), 0 for the others.
    pub due_day: i32,
}

/// The shape of `contract`.
pub fn shape(contract: &procurement_contract::Model) -> TallyShape {
    let (payment, due_day) = match (contract.payment_due_on, contract.paid_on) {
        (None, _) => (PaymentState::None, 0),
        (Some(due), None) => (PaymentState::Unpaid, day_number(due)),
        (Some(due), Some(paid)) if paid > due => (PaymentState::Late, 0),
        (Some(_), Some(_)) => (PaymentState::OnTime, 0),
    };
    TallyShape { acceptance: contract.acceptance, method: contract.method, payment, due_day }
}

/// `latePayment` as of `today` over the tally's rows: paid late, or unpaid past the due day.
pub fn late_condition(today: NaiveDate) -> Condition {
    use procurement_tally::Column as T;
    Condition::any()
        .add(T::Payment.eq(PaymentState::Late))
        .add(Condition::all().add(T::Payment.eq(PaymentState::Unpaid)).add(T::DueDay.lt(day_number(today))))
}

/// The tally's rows of the contracts with one of `acceptance` (all without), `method` (any
/// without) and, with `late`, a late payment as of `today` or not: summed, a list's total.
pub fn contracts_matching(
    acceptance: Option<&[Acceptance]>,
    method: Option<ProcurementMethod>,
    late: Option<bool>,
    today: NaiveDate,
) -> Condition {
    use procurement_tally::Column as T;
    let mut matching = Condition::all();
    if let Some(states) = acceptance {
        matching = matching.add(T::Acceptance.is_in(states.iter().copied()));
    }
    if let Some(method) = method {
        matching = matching.add(T::Method.eq(method));
    }
    if let Some(late) = late {
        // No column of the tally is NULL, so the negation holds exactly for the other rows.
        matching = matching.add(if late { late_condition(today) } else { late_condition(today).not() });
    }
    matching
}

/// Moves the tally from the `before` shape to the `after` one (a new contract has no `before`).
pub async fn count_change<C: ConnectionTrait>(
    db: &C,
    before: Option<TallyShape>,
    after: Option<TallyShape>,
) -> AppResult<()> {
    use procurement_tally::Column as T;
    if before == after {
        return Ok(());
    }
    super::rollups::lock_rollups(db).await?;
    let moves = before.map(|s| (s, -1i64)).into_iter().chain(after.map(|s| (s, 1)));
    let rows = moves.map(|(s, n)| procurement_tally::ActiveModel {
        acceptance: Set(s.acceptance),
        method: Set(s.method),
        payment: Set(s.payment),
        due_day: Set(s.due_day),
        contracts: Set(n),
    });
    let summed =
        Expr::col((procurement_tally::Entity, T::Contracts)).add(Expr::col((Alias::new("excluded"), T::Contracts)));
    procurement_tally::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([T::Acceptance, T::Method, T::Payment, T::DueDay])
                .value(T::Contracts, summed)
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}
