//! What a credit record must satisfy before it is written: pure checks, each failing with the
//! input field it concerns.

use chrono::NaiveDate;
use entity::enums::{Disclosure, Polarity, RecordCategory, Severity, SubjectType};

use crate::error::AppError;

/// The fields the rules look at.
pub struct RecordDraft<'a> {
    pub subject_type: SubjectType,
    pub polarity: Polarity,
    pub category: RecordCategory,
    pub severity: Severity,
    pub disclosure: Disclosure,
    pub title: &'a str,
    pub facts: &'a str,
    pub document_number: Option<&'a str>,
    pub deciding_authority: &'a str,
    pub occurred_on: NaiveDate,
    pub decided_on: NaiveDate,
}

impl<'a> RecordDraft<'a> {
    /// The draft of a stored record (to check it again after a change).
    pub fn of(record: &'a entity::credit_record::Model) -> Self {
        Self {
            subject_type: record.subject_type,
            polarity: record.polarity,
            category: record.category,
            severity: record.severity,
            disclosure: record.disclosure,
            title: &record.title,
            facts: &record.facts,
            document_number: record.document_number.as_deref(),
            deciding_authority: &record.deciding_authority,
            occurred_on: record.occurred_on,
            decided_on: record.decided_on,
        }
    }
}

/// The disclosure a record gets when none is given: an official's record is RESTRICTED
/// (personal privacy); a unit's 失信被执行人 listing is PUBLIC (法释〔2017〕7号 art. 7: the court
/// publishes it); any other unit record is SHARED until someone decides to publish it.
pub fn default_disclosure(subject_type: SubjectType, category: RecordCategory) -> Disclosure {
    match subject_type {
        SubjectType::Official => Disclosure::Restricted,
        SubjectType::Unit if category == RecordCategory::DefaultedJudgmentDebtor => Disclosure::Public,
        SubjectType::Unit => Disclosure::Shared,
    }
}

/// Checks a draft against the design's rules on the county's `today`.
pub fn check_record(draft: &RecordDraft<'_>, today: NaiveDate) -> Result<(), AppError> {
    require_text(draft.title, "title", 300)?;
    require_text(draft.facts, "facts", 10_000)?;
    require_text(draft.deciding_authority, "decidingAuthority", 200)?;
    if let Some(number) = draft.document_number {
        require_text(number, "documentNumber", 100)?;
    }
    if (draft.category == RecordCategory::Commendation) != (draft.polarity == Polarity::Honor) {
        return Err(AppError::bad_input(
            "category",
            "COMMENDATION goes with HONOR, every other category with DISHONESTY",
        ));
    }
    if draft.category == RecordCategory::DefaultedJudgmentDebtor {
        if draft.severity != Severity::Serious {
            return Err(AppError::bad_input("severity", "a 失信被执行人 listing is SERIOUS (法释〔2017〕7号)"));
        }
        if draft.subject_type == SubjectType::Unit && draft.disclosure != Disclosure::Public {
            return Err(AppError::bad_input("disclosure", "a unit's 失信被执行人 listing is published (PUBLIC)"));
        }
    }
    if draft.occurred_on > today {
        return Err(AppError::bad_input("occurredOn", "must not be in the future"));
    }
    if draft.decided_on > today {
        return Err(AppError::bad_input("decidedOn", "must not be in the future"));
    }
    if draft.decided_on < draft.occurred_on {
        return Err(AppError::bad_input("decidedOn", "must not be before occurredOn"));
    }
    if draft.disclosure == Disclosure::Public && draft.subject_type == SubjectType::Official {
        return Err(AppError::bad_input("disclosure", "an official's record is never PUBLIC (personal privacy)"));
    }
    if draft.disclosure == Disclosure::Public
        && draft.polarity == Polarity::Dishonesty
        && draft.severity == Severity::Minor
    {
        return Err(AppError::bad_input("disclosure", "a MINOR record is not published"));
    }
    Ok(())
}

/// A required text of at most `max` characters; the error names `field`.
pub fn require_text(value: &str, field: &str, max: usize) -> Result<(), AppError> {
    if value.trim().is_empty() {
        return Err(AppError::bad_input(field, "must not be empty"));
    }
    if value.chars().count() > max {
        return Err(AppError::bad_input(field, format!("at most {max} characters")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
    }

    fn draft() -> RecordDraft<'static> {
        RecordDraft {
            subject_type: SubjectType::Unit,
            polarity: Polarity::Dishonesty,
            category: RecordCategory::DefaultedJudgmentDebtor,
            severity: Severity::Serious,
            disclosure: Disclosure::Public,
            title: "失信被执行人",
            facts: "未履行生效判决",
            document_number: Some("（2026）闽0526执1号"),
            deciding_authority: "德化县人民法院",
            occurred_on: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            decided_on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        }
    }

    fn field(result: Result<(), AppError>) -> String {
        match result {
            Err(AppError::BadUserInput { field: crate::error::InputField::Command(field), .. }) => field,
            other => panic!("expected bad input, got {other:?}"),
        }
    }

    #[test]
    fn a_sound_draft_passes() {
        assert_eq!(check_record(&draft(), today()), Ok(()));
    }

    #[test]
    fn each_rule_names_its_field() {
        let mut d = draft();
        d.decided_on = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(field(check_record(&d, today())), "decidedOn");
        let mut d = draft();
        d.decided_on = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
        assert_eq!(field(check_record(&d, today())), "decidedOn");
        let mut d = draft();
        d.subject_type = SubjectType::Official;
        assert_eq!(field(check_record(&d, today())), "disclosure");
        let mut d = draft();
        d.severity = Severity::Minor;
        assert_eq!(field(check_record(&d, today())), "severity", "a listing is SERIOUS");
        let mut d = draft();
        d.disclosure = Disclosure::Shared;
        assert_eq!(field(check_record(&d, today())), "disclosure", "a unit's listing is PUBLIC");
        let mut d = draft();
        (d.category, d.severity) = (RecordCategory::JudicialJudgment, Severity::Minor);
        assert_eq!(field(check_record(&d, today())), "disclosure", "a MINOR record is not published");
        let mut d = draft();
        d.category = RecordCategory::Commendation;
        assert_eq!(field(check_record(&d, today())), "category");
        let mut d = draft();
        d.title = "  ";
        assert_eq!(field(check_record(&d, today())), "title");
    }

    #[test]
    fn officials_default_to_restricted() {
        assert_eq!(default_disclosure(SubjectType::Official, RecordCategory::JudicialJudgment), Disclosure::Restricted);
    }
}
