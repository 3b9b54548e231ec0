//! 守信红名单 and 失信黑名单: which units a period's results and the records in force put on
//! which list (plan task 2.3.3, 守信激励与失信惩戒).
//! - Red list: graded A in the period's evaluation, and no SERIOUS dishonesty record of its own
//!   in force (ACTIVE or RECTIFYING).
//! - Black list: graded D in the period's evaluation, or a SERIOUS dishonesty record of its own in
//!   force. A unit is never on both: a SERIOUS record keeps it off the red list.

use entity::enums::Grade;

/// Why a unit is on a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListReason {
    /// Graded A in the period.
    GradeA,
    /// Graded D in the period.
    GradeD,
    /// A SERIOUS dishonesty record of its own is in force.
    SeriousRecordInForce,
}

/// Which list a unit is on, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listing {
    Red(Vec<ListReason>),
    Black(Vec<ListReason>),
    Neither,
}

/// The list of a unit graded `grade` in the period (none: not evaluated, or not visible) with
/// `serious_in_force` SERIOUS records of its own in force.
pub fn listing(grade: Option<Grade>, serious_in_force: usize) -> Listing {
    let mut black = Vec::new();
    if grade == Some(Grade::D) {
        black.push(ListReason::GradeD);
    }
    if serious_in_force > 0 {
        black.push(ListReason::SeriousRecordInForce);
    }
    match (grade, black.is_empty()) {
        (_, false) => Listing::Black(black),
        (Some(Grade::A), true) => Listing::Red(vec![ListReason::GradeA]),
        _ => Listing::Neither,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grade_a_without_serious_records_is_red() {
        assert_eq!(listing(Some(Grade::A), 0), Listing::Red(vec![ListReason::GradeA]));
    }

    #[test]
    fn a_serious_record_in_force_keeps_even_grade_a_off_the_red_list() {
        assert_eq!(listing(Some(Grade::A), 1), Listing::Black(vec![ListReason::SeriousRecordInForce]));
    }

    #[test]
    fn grade_d_is_black_with_every_reason() {
        assert_eq!(listing(Some(Grade::D), 0), Listing::Black(vec![ListReason::GradeD]));
        assert_eq!(
            listing(Some(Grade::D), 2),
            Listing::Black(vec![ListReason::GradeD, ListReason::SeriousRecordInForce])
        );
    }

    #[test]
    fn b_c_and_unevaluated_units_are_on_neither_list_without_serious_records() {
        for grade in [Some(Grade::B), Some(Grade::C), None] {
            assert_eq!(listing(grade, 0), Listing::Neither);
        }
        assert_eq!(listing(None, 1), Listing::Black(vec![ListReason::SeriousRecordInForce]));
    }
}
