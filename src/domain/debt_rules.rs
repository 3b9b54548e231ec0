//! Local government debt (地方政府债务): who may borrow how. Under 预算法 art. 35 local governments
//! borrow only by bonds issued by the province and lent on to the county government; a township
//! holds no bonds and no loans, so any debt it carries is historical or implicit (OTHER) and is
//! flagged for the risk view.

use entity::enums::{DebtKind, UnitKind};

/// Why a debt instrument is flagged, if it is: a township's (or committee's) debt is implicit; a
/// bond or loan held below the county is unlawful on its face.
pub fn debt_flag(holder: UnitKind, kind: DebtKind) -> Option<&'static str> {
    let below_county = matches!(holder, UnitKind::Township | UnitKind::VillageCommittee | UnitKind::ResidentsCommittee);
    match (below_county, kind) {
        (true, DebtKind::Other) => Some("IMPLICIT_TOWNSHIP_DEBT"),
        (true, _) => Some("TOWNSHIP_MAY_NOT_BORROW"),
        (false, DebtKind::Loan) => Some("LOAN_NOT_A_BOND"),
        (false, _) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn townships_carry_only_flagged_debt() {
        assert_eq!(debt_flag(UnitKind::Township, DebtKind::Other), Some("IMPLICIT_TOWNSHIP_DEBT"));
        assert_eq!(debt_flag(UnitKind::Township, DebtKind::GeneralBond), Some("TOWNSHIP_MAY_NOT_BORROW"));
        assert_eq!(debt_flag(UnitKind::CountyGovernment, DebtKind::SpecialBond), None);
        assert_eq!(debt_flag(UnitKind::CountyGovernment, DebtKind::Loan), Some("LOAN_NOT_A_BOND"));
    }
}
