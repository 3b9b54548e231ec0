//! How an [`AppError`] reaches a client: its message, `extensions.code` and, for bad input,
//! `extensions.field` as a path the client sent. Every mutation takes its command as one `input`
//! argument (Relay's convention), so a command's field `deadline` is `input.deadline` here.

use async_graphql::ErrorExtensions;

use crate::error::{AppError, InputField};

/// The argument every mutation's command arrives in.
const COMMAND_ARGUMENT: &str = "input";

/// The path of a bad value as the client sent it.
pub fn field_path(field: &InputField) -> String {
    match field {
        InputField::Command(path) => format!("{COMMAND_ARGUMENT}.{path}"),
        InputField::Argument(path) => path.clone(),
    }
}

impl From<AppError> for async_graphql::Error {
    fn from(err: AppError) -> Self {
        if let AppError::Internal(detail) = &err {
            tracing::error!(error = %detail, "internal error");
        }
        let message = match &err {
            AppError::BadUserInput { field, message } => format!("{}: {message}", field_path(field)),
            other => other.public_message(),
        };
        async_graphql::Error::new(message).extend_with(|_, ext| {
            ext.set("code", err.code());
            if let AppError::BadUserInput { field, .. } = &err {
                ext.set("field", field_path(field));
            }
            if let AppError::RateLimited { retry_after_seconds, .. } = &err {
                ext.set("retryAfterSeconds", *retry_after_seconds);
            }
            if let AppError::NotYetEligible(from) = &err {
                ext.set("eligibleFrom", from.to_string());
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_field_is_under_input_and_an_argument_is_as_named() {
        assert_eq!(field_path(&InputField::Command("record.title".into())), "input.record.title");
        assert_eq!(field_path(&InputField::Argument("filter.uscc".into())), "filter.uscc");
    }
}
