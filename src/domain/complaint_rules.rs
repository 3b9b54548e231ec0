//! Complaints (投诉举报): RECEIVED → ASSIGNED | CLOSED; ASSIGNED → REPLIED | CLOSED;
//! REPLIED → SUBSTANTIATED | UNFOUNDED. CLOSED (withdrawn, duplicate, outside our remit),
//! SUBSTANTIATED and UNFOUNDED are final.

use entity::enums::ComplaintStatus as S;

use super::state_machine::check_arrow;
use crate::error::{text_problem, AppError, FieldChecks, Reason};

const ARROWS: [(S, S); 6] = [
    (S::Received, S::Assigned),
    (S::Received, S::Closed),
    (S::Assigned, S::Replied),
    (S::Assigned, S::Closed),
    (S::Replied, S::Substantiated),
    (S::Replied, S::Unfounded),
];

/// Longest complaint text, in characters.
pub const MAX_CONTENT: usize = 2_000;

/// Whether a complaint may move `from → to`.
pub fn check_transition(from: S, to: S) -> Result<(), AppError> {
    check_arrow(&ARROWS, from, to)
}

/// A public submission: content of 10 to 2000 characters; an optional name (≤ 50) and a phone
/// of 7 to 20 digits (a leading + and dashes allowed).
pub fn check_submission(content: &str, name: Option<&str>, phone: Option<&str>) -> Result<(), AppError> {
    submission_checks(content, name, phone).finish()
}

/// The problems of a public submission's own fields, to add others to.
pub fn submission_checks(content: &str, name: Option<&str>, phone: Option<&str>) -> FieldChecks {
    let mut checks = FieldChecks::new();
    let too_short = content.trim().chars().count() < 10;
    checks.note("content", text_problem(content, MAX_CONTENT).or(too_short.then_some(Reason::ContentTooShort)));
    if let Some(name) = name {
        checks.note("contactName", text_problem(name, 50));
    }
    if let Some(phone) = phone {
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let shape = phone.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || c == '-' || (i == 0 && c == '+'));
        checks.refuse_if(!shape || !(7..=20).contains(&digits), "contactPhone", Reason::PhoneFormat);
    }
    checks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_replied_complaint_is_concluded() {
        assert!(check_transition(S::Replied, S::Substantiated).is_ok());
        assert!(check_transition(S::Assigned, S::Substantiated).is_err());
        assert!(check_transition(S::Unfounded, S::Closed).is_err());
        assert!(check_transition(S::Replied, S::Closed).is_err());
    }

    #[test]
    fn submissions_are_bounded() {
        assert!(check_submission("反映某单位办事拖延的问题十个字", None, Some("0595-23521234")).is_ok());
        assert!(check_submission("太短", None, None).is_err());
        assert!(check_submission(&"长".repeat(2_001), None, None).is_err());
        assert!(check_submission("反映某单位办事拖延的问题十个字", None, Some("12ab")).is_err());
    }
}

/// The alphabet of references: Crockford's base 32 (no I, L, O or U), easy to read out on the phone.
const REFERENCE_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A follow-up reference from 12 random symbols (60 bits), shown as `XXXX-XXXX-XXXX`.
pub fn reference_from(mut symbol: impl FnMut() -> usize) -> String {
    let symbols: Vec<char> = (0..12).map(|_| REFERENCE_ALPHABET[symbol() % REFERENCE_ALPHABET.len()] as char).collect();
    symbols.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// A new random reference.
pub fn new_reference() -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    reference_from(|| rng.random_range(0..REFERENCE_ALPHABET.len()))
}

/// A reference as someone typed it, in its stored form: case, spaces and dashes do not matter,
/// and O/I/L read as 0/1/1. `None` when it cannot be one.
pub fn normalize_reference(typed: &str) -> Option<String> {
    let symbols: Vec<char> = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect();
    let valid = symbols.len() == 12 && symbols.iter().all(|c| c.is_ascii() && REFERENCE_ALPHABET.contains(&(*c as u8)));
    valid.then(|| symbols.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join("-"))
}

/// A 12345 work-order number: 1 to 32 letters, digits and dashes.
pub fn check_work_order_number(number: &str) -> Result<(), AppError> {
    let fits = (1..=32).contains(&number.len()) && number.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if fits {
        Ok(())
    } else {
        Err(AppError::bad_input("workOrderNumber", Reason::WorkOrderNumberFormat))
    }
}

#[cfg(test)]
mod reference_tests {
    use super::*;

    #[test]
    fn references_are_grouped_and_read_back_however_typed() {
        let reference = new_reference();
        assert_eq!(reference.len(), 14);
        assert_eq!(normalize_reference(&reference.to_lowercase().replace('-', " ")), Some(reference.clone()));
        assert_eq!(normalize_reference("oooo-iiii-llll"), Some("0000-1111-1111".into()));
        assert_eq!(normalize_reference("ABCD-EFGH-JKMU"), None, "U is not a symbol");
        assert_eq!(normalize_reference("ABCD-EFGH"), None);
        assert_ne!(new_reference(), new_reference());
        assert!(check_work_order_number("12345-2026-000123").is_ok());
        assert!(check_work_order_number("工单").is_err());
    }
}
