//! How an [`AppError`] reaches a client: its message in the client's language, `extensions.code`
//! and `extensions.reason`, and for bad input `extensions.field` (the first bad field) and
//! `extensions.fields` (every bad field with its reason and message), as paths the client sent.
//! Every mutation takes its command as one `input` argument (Relay's convention), so a command's
//! field `deadline` is `input.deadline` here.
//!
//! A resolver's error is rendered in the default language and keeps the [`AppError`] as its
//! source; the HTTP layer renders it again in the language the request asked for
//! ([`localized`]).

use std::sync::Arc;

use async_graphql::{ErrorExtensionValues, ServerError, Value};

use crate::error::{AppError, InputField, Locale, Reason};

/// The argument every mutation's command arrives in.
const COMMAND_ARGUMENT: &str = "input";

/// The path of a bad value as the client sent it.
pub fn field_path(field: &InputField) -> String {
    match field {
        InputField::Command(path) => format!("{COMMAND_ARGUMENT}.{path}"),
        InputField::Argument(path) => path.clone(),
    }
}

/// The message and extensions of `err` in `locale`.
pub fn render(err: &AppError, locale: Locale) -> (String, ErrorExtensionValues) {
    let mut ext = ErrorExtensionValues::default();
    ext.set("code", err.code());
    ext.set("reason", err.reason().code());
    let message = match err {
        AppError::BadUserInput(problems) => {
            let described: Vec<(String, &Reason, String)> =
                problems.iter().map(|p| (field_path(&p.field), &p.reason, p.reason.message(locale))).collect();
            if let Some((first, _, _)) = described.first() {
                ext.set("field", first.as_str());
            }
            let fields = described.iter().map(|(field, reason, message)| {
                let mut entry = async_graphql::indexmap::IndexMap::new();
                entry.insert(async_graphql::Name::new("field"), Value::from(field.as_str()));
                entry.insert(async_graphql::Name::new("reason"), Value::from(reason.code()));
                entry.insert(async_graphql::Name::new("message"), Value::from(message.as_str()));
                Value::Object(entry)
            });
            ext.set("fields", Value::List(fields.collect()));
            let barring = problems.iter().find_map(|p| match &p.reason {
                Reason::HonoursBarred { records } => Some(records),
                _ => None,
            });
            if let Some(records) = barring {
                ext.set("barredBy", Value::List(records.iter().map(|r| Value::from(r.as_str())).collect()));
            }
            let separator = if locale == Locale::Chinese { "；" } else { "; " };
            described
                .iter()
                .map(|(field, _, message)| format!("{field}: {message}"))
                .collect::<Vec<_>>()
                .join(separator)
        }
        AppError::RateLimited { retry_after_seconds, .. } => {
            ext.set("retryAfterSeconds", *retry_after_seconds);
            err.message(locale)
        }
        AppError::InvalidTransition(Reason::NotYetEligible { from }) => {
            ext.set("eligibleFrom", from.to_string());
            err.message(locale)
        }
        other => other.message(locale),
    };
    (message, ext)
}

/// `error` in `locale`, when a resolver's [`AppError`] is its source.
pub fn localized(error: &mut ServerError, locale: Locale) {
    let Some(err) = error.source::<AppError>() else { return };
    let (message, mut ext) = render(err, locale);
    // Keep what the HTTP layer added (the request id of an INTERNAL).
    if let Some(request_id) = error.extensions.as_ref().and_then(|e| e.get("requestId")) {
        ext.set("requestId", request_id.clone());
    }
    error.message = message;
    error.extensions = Some(ext);
}

impl From<AppError> for async_graphql::Error {
    fn from(err: AppError) -> Self {
        if let AppError::Internal(detail) = &err {
            tracing::error!(error = %detail, "internal error");
        }
        let (message, extensions) = render(&err, Locale::default());
        async_graphql::Error { message, source: Some(Arc::new(err)), extensions: Some(extensions) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FieldProblem;

    #[test]
    fn a_command_field_is_under_input_and_an_argument_is_as_named() {
        assert_eq!(field_path(&InputField::Command("record.title".into())), "input.record.title");
        assert_eq!(field_path(&InputField::Argument("filter.uscc".into())), "filter.uscc");
    }

    #[test]
    fn every_bad_field_is_listed_with_its_reason_in_the_language_asked() {
        let err = AppError::BadUserInput(vec![
            FieldProblem { field: InputField::Command("title".into()), reason: Reason::Required },
            FieldProblem { field: InputField::Command("x.deadline".into()), reason: Reason::NotAfterToday },
        ]);
        let (message, ext) = render(&err, Locale::English);
        assert_eq!(message, "input.title: must not be empty; input.x.deadline: must be after today");
        assert_eq!(ext.get("reason"), Some(&Value::from("REQUIRED")));
        assert_eq!(ext.get("field"), Some(&Value::from("input.title")));
        let Some(Value::List(fields)) = ext.get("fields") else { panic!("fields") };
        assert_eq!(fields.len(), 2);
        let (chinese, _) = render(&err, Locale::Chinese);
        assert_eq!(chinese, "input.title: 不能为空；input.x.deadline: 须晚于今天");
    }
}
