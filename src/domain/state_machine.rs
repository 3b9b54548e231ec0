//! A state machine as a list of arrows: a move not on the list is `INVALID_TRANSITION`.

use sea_orm::ActiveEnum;

use crate::error::{AppError, Reason};

/// Allows `from → to` only when the pair is one of `arrows`.
pub fn check_arrow<S: ActiveEnum<Value = String> + PartialEq>(
    arrows: &[(S, S)],
    from: S,
    to: S,
) -> Result<(), AppError> {
    if arrows.iter().any(|(a, b)| *a == from && *b == to) {
        Ok(())
    } else {
        Err(AppError::InvalidTransition(Reason::TransitionNotAllowed { from: from.to_value(), to: to.to_value() }))
    }
}
