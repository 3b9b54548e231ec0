//! Disclosure windows and credit-repair waits, by the rule set in force on a date.
//!
//! The national 《信用修复管理办法》 in force since 2026-04-01 replaced the 2023 measures; both are
//! kept so a record is judged by the rules of its decision date. MINOR records are not published
//! (at most 3 months where needed); a GENERAL record is disclosed at most 1 year and may be
//! repaired after 3 months; a SERIOUS record at most 3 years, repairable after 1 year. Periods
//! run from the decision date.

use chrono::{Months, NaiveDate};
use entity::enums::{Polarity, RecordCategory, RecordStatus, Severity};

use crate::error::{AppError, Reason};
use sea_orm::ActiveEnum;

/// One rule set, in force from `effective_from` until the next one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    /// Its name as stored with a repair application (e.g. `2026-04-01`).
    pub name: &'static str,
    pub effective_from: NaiveDate,
    /// Longest disclosure, in months, by severity (MINOR, GENERAL, SERIOUS).
    pub max_disclosure_months: [u32; 3],
    /// Shortest disclosure before repair, in months, by severity.
    pub min_disclosure_months: [u32; 3],
}

/// The rule sets, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepairRules {
    pub sets: Vec<RuleSet>,
}

impl Default for RepairRules {
    fn default() -> Self {
        Self {
            sets: vec![
                RuleSet {
                    name: "2023-05-01",
                    effective_from: NaiveDate::from_ymd_opt(2023, 5, 1).unwrap_or_default(),
                    max_disclosure_months: [3, 12, 36],
                    min_disclosure_months: [0, 3, 12],
                },
                RuleSet {
                    name: "2026-04-01",
                    effective_from: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap_or_default(),
                    max_disclosure_months: [3, 12, 36],
                    min_disclosure_months: [0, 3, 12],
                },
            ],
        }
    }
}

fn index(severity: Severity) -> usize {
    match severity {
        Severity::Minor => 0,
        Severity::General => 1,
        Severity::Serious => 2,
    }
}

impl RepairRules {
    /// The set in force on `date` (the oldest one for dates before all of them).
    pub fn in_force(&self, date: NaiveDate) -> Option<&RuleSet> {
        self.sets.iter().rev().find(|set| set.effective_from <= date).or_else(|| self.sets.first())
    }

    /// The last day a dishonesty record decided on `decided_on` may be disclosed.
    pub fn disclosure_until(&self, severity: Severity, decided_on: NaiveDate) -> Option<NaiveDate> {
        let months = self.in_force(decided_on)?.max_disclosure_months[index(severity)];
        decided_on.checked_add_months(Months::new(months))
    }

    /// The end of a dishonesty record's disclosure window: a 失信被执行人 listing's term with the
    /// years it was extended by, any other record's maximum by severity.
    pub fn window_end(
        &self,
        category: RecordCategory,
        severity: Severity,
        decided_on: NaiveDate,
        extended_years: i32,
    ) -> Option<NaiveDate> {
        if category == RecordCategory::DefaultedJudgmentDebtor {
            super::listing_rules::term_end(decided_on, extended_years)
        } else {
            self.disclosure_until(severity, decided_on)
        }
    }

    /// The window of a corrected dishonesty record: its category's rule on its (perhaps new)
    /// decision date and severity, keeping the years a listing was extended by.
    pub fn corrected_window(
        &self,
        before: &entity::credit_record::Model,
        changed: &entity::credit_record::Model,
    ) -> Option<NaiveDate> {
        let extended = super::listing_rules::extended_years(before.decided_on, before.disclosure_until);
        self.window_end(changed.category, changed.severity, changed.decided_on, extended)
    }

    /// The first day a record decided on `decided_on` may be repaired (the minimum disclosure).
    pub fn repairable_from(&self, severity: Severity, decided_on: NaiveDate) -> Option<NaiveDate> {
        let months = self.in_force(decided_on)?.min_disclosure_months[index(severity)];
        decided_on.checked_add_months(Months::new(months))
    }
}

/// What repair eligibility looks at.
pub struct RepairCase {
    pub polarity: Polarity,
    pub category: RecordCategory,
    pub severity: Severity,
    pub status: RecordStatus,
    pub decided_on: NaiveDate,
    /// The court has removed a 失信被执行人 listing.
    pub court_removed: bool,
}

impl RepairRules {
    /// Whether a record may be repaired on `today`, and under which rule set. A 失信被执行人 listing
    /// ends only by court removal, and then at once; any other record needs its rectification
    /// accepted (RECTIFIED) and its minimum disclosure served — refused with the first eligible
    /// day otherwise.
    pub fn check_repairable(&self, case: &RepairCase, today: NaiveDate) -> Result<&RuleSet, AppError> {
        if case.polarity != Polarity::Dishonesty {
            return Err(AppError::bad_input("recordId", Reason::NotDishonesty));
        }
        if matches!(case.status, RecordStatus::Repaired | RecordStatus::Revoked) {
            return Err(AppError::InvalidTransition(Reason::RecordStatusBars { status: case.status.to_value() }));
        }
        let set = self.in_force(case.decided_on).ok_or_else(|| AppError::Internal("no repair rule set".into()))?;
        if case.category == RecordCategory::DefaultedJudgmentDebtor {
            return if case.court_removed {
                Ok(set)
            } else {
                Err(AppError::InvalidTransition(Reason::ListingEndsByCourt))
            };
        }
        if case.status != RecordStatus::Rectified {
            return Err(AppError::InvalidTransition(Reason::RectificationNotAccepted));
        }
        let from = self
            .repairable_from(case.severity, case.decided_on)
            .ok_or_else(|| AppError::Internal("repair date out of range".into()))?;
        if today < from {
            return Err(AppError::InvalidTransition(Reason::NotYetEligible { from }));
        }
        Ok(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn windows_run_from_the_decision_date_by_severity() {
        let rules = RepairRules::default();
        assert_eq!(rules.disclosure_until(Severity::Minor, day(2026, 5, 31)), Some(day(2026, 8, 31)));
        assert_eq!(rules.disclosure_until(Severity::General, day(2026, 5, 31)), Some(day(2027, 5, 31)));
        assert_eq!(rules.disclosure_until(Severity::Serious, day(2024, 2, 29)), Some(day(2027, 2, 28)));
        assert_eq!(rules.repairable_from(Severity::General, day(2026, 11, 30)), Some(day(2027, 2, 28)));
    }

    fn case(severity: Severity, decided_on: NaiveDate) -> RepairCase {
        RepairCase {
            polarity: Polarity::Dishonesty,
            category: RecordCategory::AdministrativePenalty,
            severity,
            status: RecordStatus::Rectified,
            decided_on,
            court_removed: false,
        }
    }

    #[test]
    fn eligible_on_the_day_the_minimum_disclosure_ends_not_the_day_before() {
        let rules = RepairRules::default();
        let decided = day(2026, 5, 15);
        for (severity, first) in [
            (Severity::Minor, day(2026, 5, 15)),
            (Severity::General, day(2026, 8, 15)),
            (Severity::Serious, day(2027, 5, 15)),
        ] {
            let before = first.pred_opt().unwrap();
            assert_eq!(
                rules.check_repairable(&case(severity, decided), before),
                Err(AppError::InvalidTransition(Reason::NotYetEligible { from: first }))
            );
            assert_eq!(rules.check_repairable(&case(severity, decided), first).unwrap().name, "2026-04-01");
        }
    }

    #[test]
    fn listings_need_the_court_and_others_an_accepted_rectification() {
        let rules = RepairRules::default();
        let today = day(2026, 5, 20);
        let mut active = case(Severity::Minor, day(2026, 5, 15));
        active.status = RecordStatus::Rectifying;
        assert!(matches!(rules.check_repairable(&active, today), Err(AppError::InvalidTransition(_))));
        let mut listing = case(Severity::Serious, day(2026, 5, 15));
        listing.category = RecordCategory::DefaultedJudgmentDebtor;
        listing.status = RecordStatus::Active;
        assert!(matches!(rules.check_repairable(&listing, today), Err(AppError::InvalidTransition(_))));
        listing.court_removed = true;
        assert!(rules.check_repairable(&listing, today).is_ok());
    }

    #[test]
    fn the_rule_set_follows_the_decision_date() {
        let rules = RepairRules::default();
        assert_eq!(rules.in_force(day(2026, 3, 31)).unwrap().name, "2023-05-01");
        assert_eq!(rules.in_force(day(2026, 4, 1)).unwrap().name, "2026-04-01");
        assert_eq!(rules.in_force(day(2020, 1, 1)).unwrap().name, "2023-05-01");
    }
}
