//! 失信被执行人 listings (最高人民法院《关于公布失信被执行人名单信息的若干规定》, 法释〔2017〕7号):
//! a listing is SERIOUS; a unit's is published; its term is 2 years (art. 2), which the court may
//! extend by 1 to 3 years (art. 2); the court removes it at any time on its grounds (art. 10) and
//! does so within 3 working days (art. 10), so a removal recorded later is flagged late.

use chrono::{Datelike, Months, NaiveDate, Weekday};
use entity::enums::{RecordCategory, RecordStatus};

use crate::error::{text_problem, AppError, FieldChecks, Reason};

/// The listing term from the decision, in years.
pub const TERM_YEARS: u32 = 2;
/// The most the term may be extended by, in years, in all.
pub const MAX_EXTENSION_YEARS: i32 = 3;
/// Working days the court has to remove a listing once its grounds arise.
pub const REMOVAL_WORKING_DAYS: i64 = 3;

/// The last day a listing decided on `decided_on`, extended by `extended_years`, is published.
pub fn term_end(decided_on: NaiveDate, extended_years: i32) -> Option<NaiveDate> {
    let years = TERM_YEARS + extended_years.clamp(0, MAX_EXTENSION_YEARS) as u32;
    decided_on.checked_add_months(Months::new(12 * years))
}

/// The years a listing's window was extended by, read off its window's end.
pub fn extended_years(decided_on: NaiveDate, until: Option<NaiveDate>) -> i32 {
    until.map_or(0, |until| (until.year() - decided_on.year() - TERM_YEARS as i32).clamp(0, MAX_EXTENSION_YEARS))
}

fn is_listing(category: RecordCategory) -> bool {
    category == RecordCategory::DefaultedJudgmentDebtor
}

/// A listing still in force: not removed, repaired or revoked.
fn in_force(status: RecordStatus) -> bool {
    matches!(status, RecordStatus::Active | RecordStatus::Rectifying | RecordStatus::Rectified)
}

/// An extension by `years` with its `reason`, given the years already added.
pub fn check_extension(
    category: RecordCategory,
    status: RecordStatus,
    already: i32,
    years: i32,
    reason: &str,
) -> Result<(), AppError> {
    if !is_listing(category) {
        return Err(AppError::bad_input("recordId", Reason::NotAListing));
    }
    if !in_force(status) {
        return Err(AppError::InvalidTransition(Reason::ListingEnded));
    }
    FieldChecks::new()
        .refuse_if(
            years < 1 || already + years > MAX_EXTENSION_YEARS,
            "years",
            Reason::ExtensionYears { max: MAX_EXTENSION_YEARS, already },
        )
        .note("reason", text_problem(reason, 2_000))
        .finish()
}

/// A removal on grounds that arose on `grounds_on`, recorded as of `removed_on`, on `today`, with
/// optional remarks.
pub fn check_removal(
    category: RecordCategory,
    status: RecordStatus,
    grounds_on: NaiveDate,
    removed_on: NaiveDate,
    today: NaiveDate,
    remarks: Option<&str>,
) -> Result<(), AppError> {
    if !is_listing(category) {
        return Err(AppError::bad_input("recordId", Reason::NotAListing));
    }
    if !in_force(status) {
        return Err(AppError::InvalidTransition(Reason::ListingEnded));
    }
    FieldChecks::new()
        .refuse_if(grounds_on > today, "groundsOn", Reason::DateInFuture)
        .refuse_if(removed_on < grounds_on || removed_on > today, "removedOn", Reason::RemovalBeforeGrounds)
        .refuse_if(remarks.is_some_and(|r| r.chars().count() > 2_000), "remarks", Reason::TooLong { max: 2_000 })
        .finish()
}

/// Whether `removed_on` is more than [`REMOVAL_WORKING_DAYS`] working days (Monday to Friday)
/// after `grounds_on`. Public holidays and their make-up working days are not modelled.
pub fn removal_is_late(grounds_on: NaiveDate, removed_on: NaiveDate) -> bool {
    working_days_between(grounds_on, removed_on) > REMOVAL_WORKING_DAYS
}

/// Working days after `from`, up to and including `to`.
fn working_days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    from.iter_days()
        .skip(1)
        .take_while(|day| *day <= to)
        .filter(|day| !matches!(day.weekday(), Weekday::Sat | Weekday::Sun))
        .count() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_term_is_two_years_plus_extensions_up_to_three() {
        assert_eq!(term_end(day(2026, 11, 2), 0), Some(day(2028, 11, 2)));
        assert_eq!(term_end(day(2026, 11, 2), 2), Some(day(2030, 11, 2)));
        assert_eq!(term_end(day(2026, 11, 2), 9), Some(day(2031, 11, 2)), "never past 3 extra years");
    }

    #[test]
    fn three_working_days_skip_the_weekend() {
        // Grounds on Thursday 2026-11-26: Fri, Mon, Tue are the three working days.
        assert!(!removal_is_late(day(2026, 11, 26), day(2026, 12, 1)));
        assert!(removal_is_late(day(2026, 11, 26), day(2026, 12, 2)));
        assert!(!removal_is_late(day(2026, 11, 26), day(2026, 11, 26)));
    }

    #[test]
    fn an_extension_is_one_to_three_years_in_all_with_a_reason() {
        let listing = RecordCategory::DefaultedJudgmentDebtor;
        assert!(check_extension(listing, RecordStatus::Active, 0, 3, "拒不履行").is_ok());
        assert!(check_extension(listing, RecordStatus::Active, 2, 2, "拒不履行").is_err());
        assert!(check_extension(listing, RecordStatus::Active, 0, 1, " ").is_err());
        assert!(check_extension(listing, RecordStatus::Removed, 0, 1, "理由").is_err());
        assert!(check_extension(RecordCategory::JudicialJudgment, RecordStatus::Active, 0, 1, "理由").is_err());
    }
}
