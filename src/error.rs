//! One error type for the API. Each variant is one stable `extensions.code`; internal errors are
//! logged with the request id and the client sees only "internal error".

use async_graphql::ErrorExtensions;
use sea_orm::{DbErr, SqlErr};

/// An error a resolver returns. It has no `Display` on purpose: the only way into a GraphQL error
/// is the `From` below, which sets the code and hides internals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppError {
    /// No valid credentials (`UNAUTHENTICATED`).
    Unauthenticated(String),
    /// The viewer may not do this (`FORBIDDEN`).
    Forbidden(String),
    /// Nothing with that id is visible to the viewer (`NOT_FOUND`).
    NotFound(String),
    /// An input value is wrong (`BAD_USER_INPUT`, with `extensions.field`).
    BadUserInput { field: String, message: String },
    /// A stale `version` or a duplicate key (`CONFLICT`).
    Conflict(String),
    /// A status change the state machine does not allow (`INVALID_TRANSITION`).
    InvalidTransition(String),
    /// Credit repair asked for before the first eligible day (`INVALID_TRANSITION`, with
    /// `extensions.eligibleFrom`).
    NotYetEligible(chrono::NaiveDate),
    /// Too many attempts (`RATE_LIMITED`, with `extensions.retryAfterSeconds`).
    RateLimited { message: String, retry_after_seconds: i64 },
    /// Anything else (`INTERNAL`); the detail is logged, never shown.
    Internal(String),
}

impl AppError {
    pub fn bad_input(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::BadUserInput { field: field.into(), message: message.into() }
    }

    pub fn not_found(what: &str) -> Self {
        Self::NotFound(format!("{what} not found"))
    }

    pub fn forbidden() -> Self {
        Self::Forbidden("you may not do this".into())
    }

    /// `RATE_LIMITED`: try again after `retry_after` (at least a second).
    pub fn rate_limited(message: impl Into<String>, retry_after: chrono::Duration) -> Self {
        Self::RateLimited { message: message.into(), retry_after_seconds: retry_after.num_seconds().max(1) }
    }

    pub fn unauthenticated(message: impl Into<String>) -> Self {
        Self::Unauthenticated(message.into())
    }

    /// The stable code the frontend matches on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated(_) => "UNAUTHENTICATED",
            Self::Forbidden(_) => "FORBIDDEN",
            Self::NotFound(_) => "NOT_FOUND",
            Self::BadUserInput { .. } => "BAD_USER_INPUT",
            Self::Conflict(_) => "CONFLICT",
            Self::InvalidTransition(_) | Self::NotYetEligible(_) => "INVALID_TRANSITION",
            Self::RateLimited { .. } => "RATE_LIMITED",
            Self::Internal(_) => "INTERNAL",
        }
    }

    /// The message the client sees.
    pub fn public_message(&self) -> String {
        match self {
            Self::Unauthenticated(m)
            | Self::Forbidden(m)
            | Self::NotFound(m)
            | Self::Conflict(m)
            | Self::InvalidTransition(m) => m.clone(),
            Self::RateLimited { message, retry_after_seconds } => {
                format!("{message}; try again in {retry_after_seconds} s")
            }
            Self::BadUserInput { field, message } => format!("{field}: {message}"),
            Self::NotYetEligible(from) => format!("not yet eligible for credit repair: eligible from {from}"),
            Self::Internal(_) => "internal error".into(),
        }
    }
}

impl From<DbErr> for AppError {
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                Self::Conflict("a record with the same key already exists".into())
            }
            _ => Self::Internal(format!("database: {err}")),
        }
    }
}

impl From<AppError> for async_graphql::Error {
    fn from(err: AppError) -> Self {
        if let AppError::Internal(detail) = &err {
            tracing::error!(error = %detail, "internal error");
        }
        let message = err.public_message();
        async_graphql::Error::new(message).extend_with(|_, ext| {
            ext.set("code", err.code());
            if let AppError::BadUserInput { field, .. } = &err {
                ext.set("field", field.as_str());
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

/// Shorthand for resolver results.
pub type AppResult<T> = Result<T, AppError>;

/// Errors that stop the process from starting; these are for operators and may be printed.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("configuration: {0}")]
    Config(String),
    #[error("database: {0}")]
    Database(#[from] DbErr),
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Other(String),
}
