//! Proposals (人大代表建议 / 政协委员提案): ASSIGNED → REPLIED; REPLIED → CLOSED once the deputy is
//! satisfied (or basically), or back to ASSIGNED when unsatisfied (办理不满意，重新办理).

use chrono::NaiveDate;
use entity::enums::{ProposalStatus as S, Satisfaction};

use super::state_machine::check_arrow;
use crate::error::AppError;

const ARROWS: [(S, S); 3] = [(S::Assigned, S::Replied), (S::Replied, S::Closed), (S::Replied, S::Assigned)];

/// Whether a proposal may move `from → to`.
pub fn check_transition(from: S, to: S) -> Result<(), AppError> {
    check_arrow("a proposal", &ARROWS, from, to)
}

/// Where a recorded satisfaction takes the proposal.
pub fn after_satisfaction(satisfaction: Satisfaction) -> S {
    match satisfaction {
        Satisfaction::Satisfied | Satisfaction::BasicallySatisfied => S::Closed,
        Satisfaction::Unsatisfied => S::Assigned,
    }
}

/// Late: replied after the due date, or still unreplied after it.
pub fn is_late(due_on: NaiveDate, replied_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    replied_on.unwrap_or(today) > due_on
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, d).unwrap()
    }

    #[test]
    fn late_means_after_the_due_day() {
        assert!(!is_late(day(10), Some(day(10)), day(20)));
        assert!(is_late(day(10), Some(day(11)), day(20)));
        assert!(!is_late(day(10), None, day(10)));
        assert!(is_late(day(10), None, day(11)));
    }

    #[test]
    fn unsatisfied_reopens() {
        assert_eq!(after_satisfaction(Satisfaction::Unsatisfied), S::Assigned);
        assert!(check_transition(S::Replied, S::Assigned).is_ok());
        assert!(check_transition(S::Closed, S::Replied).is_err());
    }
}
