//! A state machine as a list of arrows: a move not on the list is `INVALID_TRANSITION`.

use std::fmt::Debug;

use crate::error::AppError;

/// Allows `from → to` only when the pair is one of `arrows`; `what` names the thing in the error.
pub fn check_arrow<S: Debug + PartialEq>(what: &str, arrows: &[(S, S)], from: S, to: S) -> Result<(), AppError> {
    if arrows.iter().any(|(a, b)| *a == from && *b == to) {
        Ok(())
    } else {
        Err(AppError::InvalidTransition(format!("{what} cannot go from {from:?} to {to:?}")))
    }
}
