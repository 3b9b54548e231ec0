//! Objections (异议): FILED → UNDER_REVIEW | UPHELD | DISMISSED; UNDER_REVIEW → UPHELD | DISMISSED.

use entity::enums::{ObjectionStatus as S, Polarity, RecordStatus};

use super::{record_rules::require_text, state_machine::check_arrow};
use crate::error::{AppError, Reason};
use sea_orm::ActiveEnum;

const ARROWS: [(S, S); 5] = [
    (S::Filed, S::UnderReview),
    (S::Filed, S::Upheld),
    (S::Filed, S::Dismissed),
    (S::UnderReview, S::Upheld),
    (S::UnderReview, S::Dismissed),
];

/// The statuses still waiting for a decision.
pub const OPEN: [S; 2] = [S::Filed, S::UnderReview];

/// Whether an objection may move `from → to`.
pub fn check_transition(from: S, to: S) -> Result<(), AppError> {
    check_arrow(&ARROWS, from, to)
}

/// An objection is filed against a dishonesty record still in force, with its grounds.
pub fn check_filing(polarity: Polarity, status: RecordStatus, grounds: &str) -> Result<(), AppError> {
    require_text(grounds, "grounds", 5_000)?;
    if polarity != Polarity::Dishonesty {
        return Err(AppError::bad_input("recordId", Reason::NotDishonesty));
    }
    if matches!(status, RecordStatus::Revoked | RecordStatus::Repaired) {
        return Err(AppError::InvalidTransition(Reason::RecordStatusBars { status: status.to_value() }));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decided_objections_stay_decided() {
        assert!(check_transition(S::Filed, S::Upheld).is_ok());
        assert!(check_transition(S::UnderReview, S::Dismissed).is_ok());
        assert!(check_transition(S::Upheld, S::Dismissed).is_err());
        assert!(check_transition(S::Dismissed, S::UnderReview).is_err());
        assert!(check_transition(S::UnderReview, S::Filed).is_err());
    }
}
