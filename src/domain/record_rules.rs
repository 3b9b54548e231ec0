//! What a credit record must satisfy before it is written: pure checks, each failing with the
//! input field it concerns.

use chrono::NaiveDate;
use entity::enums::{Disclosure, Polarity, RecordCategory, Severity, SubjectType};

use crate::error::{text_problem, AppError, FieldChecks, Reason};

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
    record_checks(draft, today).finish()
}

/// The problems of a draft's own fields, to add others to (a field keeps its first).
pub fn record_checks(draft: &RecordDraft<'_>, today: NaiveDate) -> FieldChecks {
    let mut checks = FieldChecks::new();
    checks
        .note("title", text_problem(draft.title, 300))
        .note("facts", text_problem(draft.facts, 10_000))
        .note("decidingAuthority", text_problem(draft.deciding_authority, 200))
        .note("documentNumber", draft.document_number.and_then(|number| text_problem(number, 100)));
    let honour = draft.category == RecordCategory::Commendation;
    checks.refuse_if(honour != (draft.polarity == Polarity::Honor), "category", Reason::CommendationIsHonor);
    if draft.category == RecordCategory::DefaultedJudgmentDebtor {
        checks.refuse_if(draft.severity != Severity::Serious, "severity", Reason::ListingIsSerious).refuse_if(
            draft.subject_type == SubjectType::Unit && draft.disclosure != Disclosure::Public,
            "disclosure",
            Reason::ListingIsPublic,
        );
    }
    let public = draft.disclosure == Disclosure::Public;
    checks
        .refuse_if(draft.occurred_on > today, "occurredOn", Reason::DateInFuture)
        .refuse_if(draft.decided_on > today, "decidedOn", Reason::DateInFuture)
        .refuse_if(draft.decided_on < draft.occurred_on, "decidedOn", Reason::DecidedBeforeOccurred)
        .refuse_if(public && draft.subject_type == SubjectType::Official, "disclosure", Reason::OfficialRecordNotPublic)
        .refuse_if(
            public && draft.polarity == Polarity::Dishonesty && draft.severity == Severity::Minor,
            "disclosure",
            Reason::MinorNotPublished,
        );
    checks
}

/// A required text of at most `max` characters; the error names `field`.
pub fn require_text(value: &str, field: &str, max: usize) -> Result<(), AppError> {
    match text_problem(value, max) {
        Some(reason) => Err(AppError::bad_input(field, reason)),
        None => Ok(()),
    }
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
            Err(AppError::BadUserInput(problems)) => match &problems[0].field {
                crate::error::InputField::Command(field) => field.clone(),
                other => panic!("expected a command field, got {other:?}"),
            },
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
