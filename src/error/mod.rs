//! One error type for every layer. Each variant is one stable code (the API's
//! `extensions.code`); internal errors are logged with the request id and the client sees only
//! "internal error". The API's rendering lives in `graphql::errors`.

mod field_checks;
mod locale;
mod reason;
mod reason_words;

pub use field_checks::{text_problem, FieldChecks};
pub use locale::Locale;
pub use reason::Reason;

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

/// One bad value of an input and the rule it breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: InputField,
    pub reason: Reason,
}

/// An error a resolver returns. It has no `Display` on purpose: the only way into a GraphQL error
/// is through `graphql::errors`, which sets the code and reason and hides internals. Every
/// variant but `Internal` carries the [`Reason`] whose words the client reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppError {
    /// No valid credentials (`UNAUTHENTICATED`).
    Unauthenticated(Reason),
    /// The viewer may not do this (`FORBIDDEN`).
    Forbidden(Reason),
    /// Nothing with that id is visible to the viewer (`NOT_FOUND`).
    NotFound(Reason),
    /// Input values are wrong (`BAD_USER_INPUT`): every bad field of the input, at least one.
    BadUserInput(Vec<FieldProblem>),
    /// A stale `version` or a duplicate key (`CONFLICT`).
    Conflict(Reason),
    /// A status change the rules do not allow (`INVALID_TRANSITION`).
    InvalidTransition(Reason),
    /// Too many attempts (`RATE_LIMITED`, with `extensions.retryAfterSeconds`).
    RateLimited { reason: Reason, retry_after_seconds: i64 },
    /// Anything else (`INTERNAL`); the detail is logged, never shown.
    Internal(String),
}

impl AppError {
    /// A field of the command is wrong: `field` is its name (`deadline`) or dotted path.
    pub fn bad_input(field: impl Into<String>, reason: Reason) -> Self {
        Self::BadUserInput(vec![FieldProblem { field: InputField::Command(field.into()), reason }])
    }

    /// A query argument is wrong (the API layer names it).
    pub fn bad_argument(argument: impl Into<String>, reason: Reason) -> Self {
        Self::BadUserInput(vec![FieldProblem { field: InputField::Argument(argument.into()), reason }])
    }

    /// The same error for a command nested in a larger one under `parent`: a bad `title` of a
    /// correction becomes a bad `correction.title`.
    pub fn within(self, parent: &str) -> Self {
        match self {
            Self::BadUserInput(problems) => Self::BadUserInput(
                problems
                    .into_iter()
                    .map(|problem| match problem.field {
                        InputField::Command(path) => {
                            FieldProblem { field: InputField::Command(format!("{parent}.{path}")), ..problem }
                        }
                        InputField::Argument(_) => problem,
                    })
                    .collect(),
            ),
            other => other,
        }
    }

    pub fn forbidden() -> Self {
        Self::Forbidden(Reason::NotAllowed)
    }

    /// `RATE_LIMITED`: try again after `retry_after` (at least a second).
    pub fn rate_limited(reason: Reason, retry_after: chrono::Duration) -> Self {
        Self::RateLimited { reason, retry_after_seconds: retry_after.num_seconds().max(1) }
    }

    /// The stable code the frontend matches on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated(_) => "UNAUTHENTICATED",
            Self::Forbidden(_) => "FORBIDDEN",
            Self::NotFound(_) => "NOT_FOUND",
            Self::BadUserInput(_) => "BAD_USER_INPUT",
            Self::Conflict(_) => "CONFLICT",
            Self::InvalidTransition(_) => "INVALID_TRANSITION",
            Self::RateLimited { .. } => "RATE_LIMITED",
            Self::Internal(_) => "INTERNAL",
        }
    }

    /// The rule it broke (for bad input, the first bad field's).
    pub fn reason(&self) -> &Reason {
        match self {
            Self::Unauthenticated(reason)
            | Self::Forbidden(reason)
            | Self::NotFound(reason)
            | Self::Conflict(reason)
            | Self::InvalidTransition(reason)
            | Self::RateLimited { reason, .. } => reason,
            Self::BadUserInput(problems) => problems.first().map(|p| &p.reason).unwrap_or(&Reason::Internal),
            Self::Internal(_) => &Reason::Internal,
        }
    }

    /// The message in `locale` without field paths (the API adds those): for operators and
    /// command-line output.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Self::BadUserInput(problems) => problems
                .iter()
                .map(|p| match &p.field {
                    InputField::Command(path) | InputField::Argument(path) => {
                        format!("{path}: {}", p.reason.message(locale))
                    }
                })
                .collect::<Vec<_>>()
                .join("; "),
            Self::RateLimited { reason, retry_after_seconds } => {
                let retry = Reason::retry_after(*retry_after_seconds, locale);
                format!("{}; {retry}", reason.message(locale))
            }
            other => other.reason().message(locale),
        }
    }

    /// The message in the default language.
    pub fn public_message(&self) -> String {
        self.message(Locale::default())
    }
}

impl From<DbErr> for AppError {
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => Self::Conflict(Reason::DuplicateKey),
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
