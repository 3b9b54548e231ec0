//! Rectification (整改): opened on a dishonesty record with a deadline, submitted by the unit,
//! accepted or rejected by whoever opened it; the sweeper marks it OVERDUE past its deadline.
//!
//! PENDING → SUBMITTED | OVERDUE; SUBMITTED → ACCEPTED | REJECTED; REJECTED → SUBMITTED | OVERDUE;
//! OVERDUE → SUBMITTED (late, the accountability flag stays). ACCEPTED is final.

use chrono::NaiveDate;
use entity::enums::{ListingResolution, Polarity, RecordCategory, RecordStatus, RectificationStatus as S};

use super::state_machine::check_arrow;
use crate::error::{text_problem, AppError, FieldChecks, Reason};
use sea_orm::ActiveEnum;

const ARROWS: [(S, S); 7] = [
    (S::Pending, S::Submitted),
    (S::Pending, S::Overdue),
    (S::Submitted, S::Accepted),
    (S::Submitted, S::Rejected),
    (S::Rejected, S::Submitted),
    (S::Rejected, S::Overdue),
    (S::Overdue, S::Submitted),
];

/// Whether a rectification may move `from → to`.
pub fn check_transition(from: S, to: S) -> Result<(), AppError> {
    check_arrow(&ARROWS, from, to)
}

/// The statuses the sweeper turns OVERDUE once the deadline has passed.
pub const AWAITING_UNIT: [S; 2] = [S::Pending, S::Rejected];

/// A rectification is opened on an ACTIVE dishonesty record, with a deadline after today.
pub fn check_open(
    polarity: Polarity,
    status: RecordStatus,
    deadline: NaiveDate,
    today: NaiveDate,
) -> Result<(), AppError> {
    if polarity != Polarity::Dishonesty {
        return Err(AppError::bad_input("recordId", Reason::NotDishonesty));
    }
    if status != RecordStatus::Active {
        return Err(AppError::InvalidTransition(Reason::RecordStatusBars { status: status.to_value() }));
    }
    if deadline <= today {
        return Err(AppError::bad_input("deadline", Reason::NotAfterToday));
    }
    Ok(())
}

/// What a submission holds: the cause, the plan and what was completed (each ≤ 5000
/// characters); for a 失信被执行人 listing, how the obligation ended.
pub fn check_submission(
    category: RecordCategory,
    cause: &str,
    plan: &str,
    completion: &str,
    resolution: Option<ListingResolution>,
) -> Result<(), AppError> {
    FieldChecks::new()
        .note("cause", text_problem(cause, 5_000))
        .note("plan", text_problem(plan, 5_000))
        .note("completion", text_problem(completion, 5_000))
        .refuse_if(
            category == RecordCategory::DefaultedJudgmentDebtor && resolution.is_none(),
            "resolution",
            Reason::ListingResolutionRequired,
        )
        .finish()
}

/// A listing's rectification is accepted only after the court has removed the listing.
pub fn check_acceptance(category: RecordCategory, court_removed_on: Option<NaiveDate>) -> Result<(), AppError> {
    if category == RecordCategory::DefaultedJudgmentDebtor && court_removed_on.is_none() {
        return Err(AppError::InvalidTransition(Reason::NotYetRemoved));
    }
    Ok(())
}

/// The court removes a listing once the obligation or settlement was performed and submitted.
pub fn check_court_removal(
    category: RecordCategory,
    status: S,
    resolution: Option<ListingResolution>,
    already: Option<NaiveDate>,
) -> Result<(), AppError> {
    if category != RecordCategory::DefaultedJudgmentDebtor {
        return Err(AppError::bad_input("id", Reason::NotAListing));
    }
    if already.is_some() {
        return Err(AppError::InvalidTransition(Reason::AlreadyRemoved));
    }
    if status != S::Submitted || resolution.is_none() {
        return Err(AppError::InvalidTransition(Reason::RemovalNeedsPerformance));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_arrow_and_nothing_else() {
        let all = [S::Pending, S::Submitted, S::Accepted, S::Rejected, S::Overdue];
        let mut allowed = 0;
        for from in all {
            for to in all {
                if check_transition(from, to).is_ok() {
                    allowed += 1;
                }
            }
        }
        assert_eq!(allowed, ARROWS.len());
        assert!(check_transition(S::Accepted, S::Submitted).is_err());
        assert!(check_transition(S::Overdue, S::Accepted).is_err());
    }

    #[test]
    fn a_listing_needs_its_resolution_and_the_court() {
        let listing = RecordCategory::DefaultedJudgmentDebtor;
        assert!(check_submission(listing, "原因", "计划", "已履行", None).is_err());
        assert!(
            check_submission(listing, "原因", "计划", "已履行", Some(ListingResolution::ObligationPerformed)).is_ok()
        );
        assert!(check_acceptance(listing, None).is_err());
        assert!(check_acceptance(RecordCategory::AdministrativePenalty, None).is_ok());
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        assert!(check_acceptance(listing, Some(today)).is_ok());
        assert!(check_court_removal(listing, S::Pending, None, None).is_err());
        assert!(check_court_removal(listing, S::Submitted, Some(ListingResolution::SettlementPerformed), None).is_ok());
    }
}
