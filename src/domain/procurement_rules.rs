//! Government procurement (政府采购, plan task 3.1): when a supplier must be paid, and when a
//! payment is late.
//!
//! 《保障中小企业款项支付条例》 art. 8: an organ or public institution pays a small or medium
//! supplier within 30 days of delivery, or of passing the acceptance where one is agreed (a
//! government procurement contract always has one, 政府采购法 art. 41); the contract may agree a
//! longer term, of at most 60 days. A larger supplier's term is as agreed, here at most a year.

use chrono::{Duration, NaiveDate};
use entity::enums::Acceptance;

use crate::error::{AppError, Reason};

/// The statutory term for a small or medium supplier, in days.
pub const SME_TERM_DAYS: i32 = 30;
/// The longest term a contract may agree with a small or medium supplier.
pub const SME_MAX_TERM_DAYS: i32 = 60;
/// The longest term we take for a larger supplier.
pub const MAX_TERM_DAYS: i32 = 365;

/// The term a new contract gets: as agreed, or the statutory 30 days.
pub fn payment_term(is_sme: bool, agreed: Option<i32>) -> Result<i32, AppError> {
    let term = agreed.unwrap_or(SME_TERM_DAYS);
    let max = if is_sme { SME_MAX_TERM_DAYS } else { MAX_TERM_DAYS };
    if (1..=max).contains(&term) {
        Ok(term)
    } else {
        Err(AppError::bad_input("paymentTermDays", Reason::PaymentTermTooLong { max }))
    }
}

/// Acceptance moves PENDING → PASSED or FAILED; a failed delivery may pass once put right.
pub fn check_acceptance(from: Acceptance, to: Acceptance) -> Result<(), AppError> {
    match (from, to) {
        (Acceptance::Pending, Acceptance::Passed | Acceptance::Failed) | (Acceptance::Failed, Acceptance::Passed) => {
            Ok(())
        }
        _ => Err(AppError::InvalidTransition(Reason::TransitionNotAllowed {
            from: sea_orm::ActiveEnum::to_value(&from),
            to: sea_orm::ActiveEnum::to_value(&to),
        })),
    }
}

/// The day payment falls due: the term counted from the day the acceptance passed.
pub fn payment_due(accepted_on: NaiveDate, term_days: i32) -> NaiveDate {
    accepted_on + Duration::days(term_days.into())
}

/// Whether a payment due on `due` is late as of `today`, with `grace` days allowed: paid more than
/// `grace` days after it fell due, or still unpaid that long after.
pub fn is_late(due: Option<NaiveDate>, paid: Option<NaiveDate>, today: NaiveDate, grace: i64) -> bool {
    let Some(due) = due else { return false };
    paid.unwrap_or(today) > due + Duration::days(grace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn a_small_supplier_is_paid_within_thirty_days_or_an_agreed_sixty() {
        assert_eq!(payment_term(true, None), Ok(30));
        assert_eq!(payment_term(true, Some(60)), Ok(60));
        assert!(payment_term(true, Some(61)).is_err());
        assert!(payment_term(true, Some(0)).is_err());
        assert_eq!(payment_term(false, Some(90)), Ok(90));
        assert_eq!(payment_due(day(3, 1), 30), day(3, 31));
    }

    #[test]
    fn late_means_paid_or_still_unpaid_after_the_due_day_and_its_grace() {
        assert!(!is_late(None, None, day(12, 1), 0), "nothing due before acceptance");
        assert!(!is_late(Some(day(3, 31)), Some(day(3, 31)), day(12, 1), 0));
        assert!(is_late(Some(day(3, 31)), Some(day(4, 1)), day(12, 1), 0), "paid a day late");
        assert!(!is_late(Some(day(3, 31)), Some(day(4, 1)), day(12, 1), 5), "within the grace");
        assert!(is_late(Some(day(3, 31)), None, day(4, 1), 0), "unpaid past the due day");
        assert!(!is_late(Some(day(3, 31)), None, day(3, 31), 0));
    }

    #[test]
    fn acceptance_moves_forward_or_from_failed_to_passed() {
        assert!(check_acceptance(Acceptance::Pending, Acceptance::Passed).is_ok());
        assert!(check_acceptance(Acceptance::Failed, Acceptance::Passed).is_ok());
        assert!(check_acceptance(Acceptance::Passed, Acceptance::Failed).is_err());
        assert!(check_acceptance(Acceptance::Pending, Acceptance::Pending).is_err());
    }
}
