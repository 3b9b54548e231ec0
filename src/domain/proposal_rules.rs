//! Proposals (人大代表建议 / 政协委员提案): ASSIGNED → REPLIED; REPLIED → CLOSED once the deputy is
//! satisfied (or basically), or back to ASSIGNED when unsatisfied (办理不满意，重新办理) — a new
//! handling round that overwrites nothing.
//!
//! Reply periods: three months from assignment; a matter wide in scope or hard to handle up to six
//! months, by an extension with a reason recorded by the office; nothing later (代表法 art. 43:
//! 自交办之日起三个月内答复…涉及面广、处理难度大的…六个月内答复; the CPPCC's proposal rules
//! give the same three months, extendable to six with an explanation). Each round of re-handling
//! runs on the same periods from its own assignment.

use chrono::{Months, NaiveDate};
use entity::enums::{ProposalStatus as S, Satisfaction};

use super::{record_rules::require_text, state_machine::check_arrow};
use crate::error::{AppError, Reason};

const ARROWS: [(S, S); 3] = [(S::Assigned, S::Replied), (S::Replied, S::Closed), (S::Replied, S::Assigned)];

/// The ordinary reply period, in months.
pub const REPLY_MONTHS: u32 = 3;
/// The longest reply period, for complex matters with a recorded extension.
pub const EXTENDED_MONTHS: u32 = 6;

/// Whether a proposal may move `from → to`.
pub fn check_transition(from: S, to: S) -> Result<(), AppError> {
    check_arrow(&ARROWS, from, to)
}

/// Where a recorded satisfaction takes the proposal.
pub fn after_satisfaction(satisfaction: Satisfaction) -> S {
    match satisfaction {
        Satisfaction::Satisfied | Satisfaction::BasicallySatisfied => S::Closed,
        Satisfaction::Unsatisfied => S::Assigned,
    }
}

fn months_after(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX)
}

/// The ordinary due date of a round assigned on `assigned_on`.
pub fn default_due(assigned_on: NaiveDate) -> NaiveDate {
    months_after(assigned_on, REPLY_MONTHS)
}

/// A round's due date as asked for: none → three months; up to three months as given; up to six
/// only with an extension reason (then the round records it, extended from the ordinary date);
/// later, or before the assignment, refused on `due_field`.
pub fn round_due(
    assigned_on: NaiveDate,
    asked: Option<NaiveDate>,
    reason: Option<&str>,
    due_field: &str,
) -> Result<(NaiveDate, Option<String>), AppError> {
    let ordinary = default_due(assigned_on);
    let due = asked.unwrap_or(ordinary);
    if due < assigned_on {
        return Err(AppError::bad_input(due_field, Reason::DueBeforeAssignment));
    }
    if due > months_after(assigned_on, EXTENDED_MONTHS) {
        return Err(AppError::bad_input(due_field, Reason::DueBeyondSixMonths));
    }
    match reason {
        _ if due <= ordinary => match reason {
            Some(_) => Err(AppError::bad_input("extensionReason", Reason::ExtensionReasonNotNeeded)),
            None => Ok((due, None)),
        },
        Some(reason) => {
            require_text(reason, "extensionReason", 1_000)?;
            Ok((due, Some(reason.trim().to_owned())))
        }
        None => Err(AppError::bad_input(due_field, Reason::ExtensionReasonRequired)),
    }
}

/// An extension of the current round: later than its due date, at most six months after its
/// assignment, with a reason.
pub fn check_extension(
    assigned_on: NaiveDate,
    current_due: NaiveDate,
    asked: NaiveDate,
    reason: &str,
) -> Result<(), AppError> {
    require_text(reason, "reason", 1_000)?;
    if asked <= current_due {
        return Err(AppError::bad_input("dueOn", Reason::DueNotLater));
    }
    if asked > months_after(assigned_on, EXTENDED_MONTHS) {
        return Err(AppError::bad_input("dueOn", Reason::DueBeyondSixMonths));
    }
    Ok(())
}

/// A round is late when replied after its due date, or still unreplied after it.
pub fn round_is_late(due_on: NaiveDate, replied_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    replied_on.unwrap_or(today) > due_on
}

/// A proposal is late when any round was: a finished one (`was_late`), or the open one past due.
pub fn is_late(proposal: &entity::proposal::Model, today: NaiveDate) -> bool {
    let due = proposal.current_due_on.unwrap_or(proposal.due_on);
    proposal.was_late || (proposal.status == S::Assigned && today > due)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn late_means_after_the_due_day() {
        assert!(!round_is_late(day(6, 10), Some(day(6, 10)), day(6, 20)));
        assert!(round_is_late(day(6, 10), Some(day(6, 11)), day(6, 20)));
        assert!(!round_is_late(day(6, 10), None, day(6, 10)));
        assert!(round_is_late(day(6, 10), None, day(6, 11)));
    }

    #[test]
    fn three_months_by_default_six_with_a_reason_never_more() {
        let assigned = day(3, 1);
        assert_eq!(round_due(assigned, None, None, "dueOn").unwrap(), (day(6, 1), None));
        assert_eq!(round_due(assigned, Some(day(5, 1)), None, "dueOn").unwrap(), (day(5, 1), None));
        assert!(round_due(assigned, Some(day(6, 2)), None, "dueOn").is_err());
        assert_eq!(
            round_due(assigned, Some(day(9, 1)), Some("涉及多部门"), "dueOn").unwrap(),
            (day(9, 1), Some("涉及多部门".into()))
        );
        assert!(round_due(assigned, Some(day(9, 2)), Some("涉及多部门"), "dueOn").is_err());
        assert!(round_due(assigned, Some(day(2, 28)), None, "dueOn").is_err());
        assert!(round_due(assigned, None, Some("不需要"), "dueOn").is_err());
        assert!(check_extension(assigned, day(6, 1), day(9, 1), "复杂").is_ok());
        assert!(check_extension(assigned, day(6, 1), day(9, 2), "复杂").is_err());
        assert!(check_extension(assigned, day(6, 1), day(6, 1), "复杂").is_err());
        assert!(check_extension(assigned, day(6, 1), day(8, 1), " ").is_err());
    }

    #[test]
    fn unsatisfied_reopens() {
        assert_eq!(after_satisfaction(Satisfaction::Unsatisfied), S::Assigned);
        assert!(check_transition(S::Replied, S::Assigned).is_ok());
        assert!(check_transition(S::Closed, S::Replied).is_err());
    }
}
