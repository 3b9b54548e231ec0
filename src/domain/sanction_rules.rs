//! Disciplinary sanctions (《中华人民共和国公职人员政务处分法》): their periods (art. 8: 警告 6
//! months, 记过 12, 记大过 18, 降级 and 撤职 24; 开除 ends the service for good) and what they bar
//! while they run (art. 22: no promotion or appointment to a higher post; art. 19 with the
//! personnel rules: no award, 评优评先). A sanction whose period has ended is history.

use chrono::{Months, NaiveDate};
use entity::enums::{RecordCategory, Sanction};

use crate::error::{AppError, Reason};

/// The months a sanction runs; `None` for 开除, which never ends.
pub fn period_months(sanction: Sanction) -> Option<u32> {
    match sanction {
        Sanction::Warning => Some(6),
        Sanction::Demerit => Some(12),
        Sanction::MajorDemerit => Some(18),
        Sanction::Demotion | Sanction::Dismissal => Some(24),
        Sanction::Expulsion => None,
    }
}

/// The last day of a sanction decided on `decided_on` (`None`: it never ends).
pub fn period_end(sanction: Sanction, decided_on: NaiveDate) -> Option<NaiveDate> {
    period_months(sanction)
        .and_then(|months| decided_on.checked_add_months(Months::new(months)))
        .and_then(|end| end.pred_opt())
}

/// Whether a sanction decided on `decided_on` still runs on `today`.
pub fn in_period(sanction: Sanction, decided_on: NaiveDate, today: NaiveDate) -> bool {
    today >= decided_on && period_end(sanction, decided_on).is_none_or(|end| today <= end)
}

/// A disciplinary record names its sanction; no other record has one.
pub fn check_sanction(category: RecordCategory, sanction: Option<Sanction>) -> Result<(), AppError> {
    match (category == RecordCategory::DisciplinarySanction, sanction) {
        (true, None) => Err(AppError::bad_input("sanction", Reason::SanctionRequired)),
        (false, Some(_)) => Err(AppError::bad_input("sanction", Reason::SanctionOnlyForDisciplinary)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn periods_follow_article_8() {
        assert_eq!(period_end(Sanction::Warning, day(2026, 6, 1)), Some(day(2026, 11, 30)));
        assert_eq!(period_end(Sanction::MajorDemerit, day(2026, 6, 1)), Some(day(2027, 11, 30)));
        assert_eq!(period_end(Sanction::Expulsion, day(2026, 6, 1)), None);
        assert!(in_period(Sanction::Warning, day(2026, 6, 1), day(2026, 11, 30)));
        assert!(!in_period(Sanction::Warning, day(2026, 6, 1), day(2026, 12, 1)));
        assert!(in_period(Sanction::Expulsion, day(2000, 1, 1), day(2026, 12, 1)));
    }

    #[test]
    fn only_a_disciplinary_record_has_a_sanction() {
        assert!(check_sanction(RecordCategory::DisciplinarySanction, Some(Sanction::Demerit)).is_ok());
        assert!(check_sanction(RecordCategory::DisciplinarySanction, None).is_err());
        assert!(check_sanction(RecordCategory::JudicialJudgment, Some(Sanction::Warning)).is_err());
    }
}
