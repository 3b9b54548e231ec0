//! Local government debt (地方政府债务): who may borrow how. Under 预算法 art. 35 local governments
//! borrow only by bonds issued by the province and lent on to the county government; a township
//! holds no bonds and no loans, so any debt it carries is historical or implicit (OTHER) and is
//! flagged for the risk view.

use entity::enums::{DebtKind, UnitKind};
use rust_decimal::Decimal;

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

/// The warning bands of the debt ratio (债务率 = outstanding debt ÷ 综合财力): the percentages at
/// which YELLOW, ORANGE and RED begin (default 120, 200 and 300; `CHENGXIN_DEBT_BANDS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DebtBands {
    pub yellow: Decimal,
    pub orange: Decimal,
    pub red: Decimal,
}

impl Default for DebtBands {
    fn default() -> Self {
        Self { yellow: Decimal::from(120), orange: Decimal::from(200), red: Decimal::from(300) }
    }
}

/// A debt ratio's band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebtBand {
    Green,
    Yellow,
    Orange,
    Red,
}

impl DebtBands {
    /// Bands from three rising percentages, as `CHENGXIN_DEBT_BANDS` gives them (`120,200,300`).
    pub fn parse(text: &str) -> Option<Self> {
        let values: Vec<Decimal> = text.split(',').map(|v| v.trim().parse().ok()).collect::<Option<_>>()?;
        match values[..] {
            [yellow, orange, red] if Decimal::ZERO < yellow && yellow < orange && orange < red => {
                Some(Self { yellow, orange, red })
            }
            _ => None,
        }
    }

    /// The band of a ratio in percent; without fiscal capacity (no ratio) there is none.
    pub fn band(&self, ratio_percent: Option<Decimal>) -> Option<DebtBand> {
        let ratio = ratio_percent?;
        Some(if ratio >= self.red {
            DebtBand::Red
        } else if ratio >= self.orange {
            DebtBand::Orange
        } else if ratio >= self.yellow {
            DebtBand::Yellow
        } else {
            DebtBand::Green
        })
    }
}

/// `part ÷ whole` in percent, to two decimals (exact decimal arithmetic); none without a whole.
pub fn percent(part_fen: i64, whole_fen: i64) -> Option<Decimal> {
    (whole_fen > 0).then(|| (Decimal::from(part_fen) * Decimal::ONE_HUNDRED / Decimal::from(whole_fen)).round_dp(2))
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

    #[test]
    fn the_ratio_is_exact_and_its_band_begins_at_each_threshold() {
        let bands = DebtBands::default();
        assert_eq!(percent(1_200, 1_000), Some(Decimal::from(120)));
        assert_eq!(percent(1, 3), Some("33.33".parse().unwrap()));
        assert_eq!(percent(1, 0), None);
        assert_eq!(bands.band(percent(1_199, 1_000)), Some(DebtBand::Green));
        assert_eq!(bands.band(percent(1_200, 1_000)), Some(DebtBand::Yellow));
        assert_eq!(bands.band(percent(2_000, 1_000)), Some(DebtBand::Orange));
        assert_eq!(bands.band(percent(3_000, 1_000)), Some(DebtBand::Red));
        assert_eq!(bands.band(None), None);
        assert_eq!(DebtBands::parse("100, 150,250").map(|b| b.red), Some(Decimal::from(250)));
        assert_eq!(DebtBands::parse("200,100,300"), None);
    }
}
