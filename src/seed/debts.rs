//! Synthetic local debt (地方政府债务, plan task 3.5): the county's bonds and the townships'
//! historical or implicit debt, and each borrower's fiscal capacity per year.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use entity::{
    debt_instrument,
    enums::{DebtKind, DebtStatus, UnitKind},
    fiscal_capacity,
};

use super::{synthetic::Synth, units::UnitIndex};

/// `count` debt instruments issued up to `today` (some long before `from`), and the fiscal
/// capacity of every borrower (the county government and the townships) for each year.
pub fn plan_debts(
    synth: &mut Synth,
    index: &UnitIndex,
    count: usize,
    (from, today): (NaiveDate, NaiveDate),
    now: DateTime<Utc>,
) -> (Vec<debt_instrument::Model>, Vec<fiscal_capacity::Model>) {
    let (mut debts, mut fiscal) = (Vec::with_capacity(count), Vec::new());
    let borrowers: Vec<i32> = index
        .units
        .iter()
        .filter(|u| matches!(u.kind, UnitKind::CountyGovernment | UnitKind::Township))
        .map(|u| u.id)
        .collect();
    let county = index.units.iter().find(|u| u.kind == UnitKind::CountyGovernment).map(|u| u.id);
    for n in 0..count {
        let issued_on = synth.date_between(from - Duration::days(2_000), today);
        let maturity_on = issued_on + Duration::days(365 * synth.range(1, 10));
        let principal = synth.range(5_000_000, 300_000_000) * 100;
        let status = if maturity_on < today {
            synth.weighted(&[(DebtStatus::Repaid, 90), (DebtStatus::Overdue, 10)])
        } else {
            DebtStatus::Outstanding
        };
        let outstanding = match status {
            DebtStatus::Repaid => 0,
            DebtStatus::Overdue => principal / 2,
            DebtStatus::Outstanding => principal * synth.range(40, 100) / 100,
        };
        // 预算法 art. 35: local governments borrow only by bonds, issued by the province and lent
        // on to the county; a township's debt is historical or implicit (OTHER).
        let borrower = *synth.pick(&borrowers);
        let kind = if Some(borrower) == county {
            synth.weighted(&[(DebtKind::GeneralBond, 45), (DebtKind::SpecialBond, 45), (DebtKind::Other, 10)])
        } else {
            DebtKind::Other
        };
        debts.push(debt_instrument::Model {
            id: n as i32 + 1,
            unit_id: borrower,
            code: format!("DHZW-{}-{:04}", issued_on.year(), n + 1),
            kind,
            principal_fen: principal,
            outstanding_fen: outstanding,
            rate_bp: synth.range(220, 420) as i32,
            issued_on,
            maturity_on,
            credit_rating: matches!(kind, DebtKind::GeneralBond | DebtKind::SpecialBond)
                .then(|| synth.pick(&["AAA", "AA+", "AA"]).to_string()),
            status,
            record_id: None,
            version: 1,
            created_at: now,
            updated_at: now,
        });
    }
    for year in from.year()..=today.year() {
        for unit in &borrowers {
            fiscal.push(fiscal_capacity::Model {
                id: fiscal.len() as i32 + 1,
                unit_id: *unit,
                year,
                amount_fen: synth.range(80_000_000, 900_000_000) * 100,
                created_at: now,
                updated_at: now,
            });
        }
    }
    (debts, fiscal)
}
