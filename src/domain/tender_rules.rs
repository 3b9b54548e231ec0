//! Bidding (招标投标, plan task 3.3): a tender is open until it is awarded — to a bidder whose
//! credit was checked with a third-party credit report (第三方信用报告) — or fails (流标).

use entity::enums::TenderStatus;
use sea_orm::ActiveEnum;

use crate::error::{AppError, Reason};

/// Only an OPEN tender moves: to AWARDED or FAILED.
pub fn check_transition(from: TenderStatus, to: TenderStatus) -> Result<(), AppError> {
    if from == TenderStatus::Open && to != TenderStatus::Open {
        Ok(())
    } else {
        Err(AppError::InvalidTransition(Reason::TransitionNotAllowed { from: from.to_value(), to: to.to_value() }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_open_tender_is_awarded_or_fails() {
        assert!(check_transition(TenderStatus::Open, TenderStatus::Awarded).is_ok());
        assert!(check_transition(TenderStatus::Open, TenderStatus::Failed).is_ok());
        for (from, to) in [
            (TenderStatus::Awarded, TenderStatus::Failed),
            (TenderStatus::Failed, TenderStatus::Awarded),
            (TenderStatus::Awarded, TenderStatus::Awarded),
            (TenderStatus::Open, TenderStatus::Open),
        ] {
            assert!(check_transition(from, to).is_err(), "{from:?} → {to:?}");
        }
    }
}
