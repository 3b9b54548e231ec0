//! One error type for every layer. Each variant is one stable code (the API's
//! `extensions.code`); internal errors are logged with the request id and the client sees only
//! "internal error". The API's rendering lives in `graphql::errors`.

use sea_orm::{DbErr, SqlErr};

/// Where a bad value sits. The domain and the services name a field of the command they were
/// given; only the API knows which argument carried the command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputField {
    /// A field of the command, as a dotted path (`deadline`, `record.title`).
    Command(String),
    /// A query argument as the API names it (`first`, `filter.uscc`).
    Argument(String),
}

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
    /// An input value is wrong (`BAD_USER_INPUT`, with `extensions.field`); the message is
    /// the reason alone, without the field.
    BadUserInput { field: InputField, message: String },
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
    /// A field of the command is wrong: `field` is its name (`deadline`) or dotted path.
    pub fn bad_input(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::BadUserInput { field: InputField::Command(field.into()), message: message.into() }
    }

    /// A query argument is wrong (the API layer names it).
    pub fn bad_argument(argument: impl Into<String>, message: impl Into<String>) -> Self {
        Self::BadUserInput { field: InputField::Argument(argument.into()), message: message.into() }
    }

    /// The same error for a command nested in a larger one under `parent`: a bad `title` of a
    /// correction becomes a bad `correction.title`.
    pub fn within(self, parent: &str) -> Self {
        match self {
            Self::BadUserInput { field: InputField::Command(path), message } => {
                Self::BadUserInput { field: InputField::Command(format!("{parent}.{path}")), message }
            }
            other => other,
        }
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

    /// The message the client sees; for bad input, the field's path and the reason (the API
    /// writes the path as the client sent it).
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
            Self::BadUserInput { field: InputField::Command(path) | InputField::Argument(path), message } => {
                format!("{path}: {message}")
            }
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

/// Shorthand for results that fail with an [`AppError`].
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
