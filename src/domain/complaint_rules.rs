//! Complaints (投诉举报): RECEIVED → ASSIGNED | CLOSED; ASSIGNED → REPLIED | CLOSED;
//! REPLIED → SUBSTANTIATED | UNFOUNDED. CLOSED (withdrawn, duplicate, outside our remit),
//! SUBSTANTIATED and UNFOUNDED are final.

use entity::enums::ComplaintStatus as S;

use super::{record_rules::require_text, state_machine::check_arrow};
use crate::error::AppError;

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
    check_arrow("a complaint", &ARROWS, from, to)
}

/// A public submission: content of 10 to 2000 characters; an optional name (≤ 50) and a phone
/// of 7 to 20 digits (a leading + and dashes allowed).
pub fn check_submission(content: &str, name: Option<&str>, phone: Option<&str>) -> Result<(), AppError> {
    require_text(content, "content", MAX_CONTENT)?;
    if content.trim().chars().count() < 10 {
        return Err(AppError::bad_input("content", "describe the matter in at least 10 characters"));
    }
    if let Some(name) = name {
        require_text(name, "contactName", 50)?;
    }
    if let Some(phone) = phone {
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let shape = phone.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || c == '-' || (i == 0 && c == '+'));
        if !shape || !(7..=20).contains(&digits) {
            return Err(AppError::bad_input("contactPhone", "7 to 20 digits"));
        }
    }
    Ok(())
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
