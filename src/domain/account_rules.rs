//! What a user account must satisfy.

use entity::enums::Role;

use crate::error::{AppError, Reason};

/// 3–64 characters of `a-z 0-9 . _ -`.
pub fn check_username(username: &str) -> Result<(), AppError> {
    let ok = (3..=64).contains(&username.len())
        && username.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(AppError::bad_input("username", Reason::UsernameFormat))
    }
}

/// 12 to 256 characters.
pub fn check_password(password: &str, field: &str) -> Result<(), AppError> {
    if (12..=256).contains(&password.chars().count()) {
        Ok(())
    } else {
        Err(AppError::bad_input(field, Reason::LengthBetween { min: 12, max: 256 }))
    }
}

/// Evaluation firms get API tokens, not accounts.
pub fn check_account_role(role: Role) -> Result<(), AppError> {
    if role == Role::Evaluator {
        Err(AppError::bad_input("role", Reason::EvaluatorNeedsToken))
    } else {
        Ok(())
    }
}

/// 1 to 100 characters.
pub fn check_display_name(name: &str) -> Result<(), AppError> {
    if name.trim().is_empty() || name.chars().count() > 100 {
        Err(AppError::bad_input("displayName", Reason::LengthBetween { min: 1, max: 100 }))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames() {
        assert!(check_username("xunzhong.clerk").is_ok());
        assert!(check_username("ab").is_err());
        assert!(check_username("Admin").is_err());
        assert!(check_username("张三").is_err());
    }

    #[test]
    fn passwords_and_roles() {
        assert!(check_password("short", "password").is_err());
        assert!(check_password("correct horse battery", "password").is_ok());
        assert!(check_account_role(Role::Evaluator).is_err());
        assert!(check_account_role(Role::Leader).is_ok());
    }
}
