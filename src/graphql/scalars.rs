//! The API's own scalars: `Date` (`YYYY-MM-DD`) and `DateTime` (RFC 3339, UTC). Money is the
//! `Decimal` scalar (a string, so no precision is lost in JSON).

use async_graphql::{InputValueError, InputValueResult, Scalar, ScalarType, Value};
use std::sync::OnceLock;

use chrono::{NaiveDate, SecondsFormat, Utc};

/// A calendar date, `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub NaiveDate);

/// The dates the API accepts, set once at start-up from the configuration (the same on both
/// engines: PostgreSQL refuses some dates SQLite would store).
static DATE_RANGE: OnceLock<(NaiveDate, NaiveDate)> = OnceLock::new();

/// Sets the accepted range; the first call wins (tests start many servers in one process).
pub fn set_date_range(earliest: NaiveDate, latest: NaiveDate) {
    let _ = DATE_RANGE.set((earliest, latest));
}

/// The accepted range: 1949-10-01 to 2100-12-31 unless configured otherwise.
pub fn date_range() -> (NaiveDate, NaiveDate) {
    *DATE_RANGE.get_or_init(default_date_range)
}

/// 1949-10-01 to 2100-12-31.
pub fn default_date_range() -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(1949, 10, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(2100, 12, 31).unwrap_or_default(),
    )
}

/// A calendar date in ISO 8601 form, `YYYY-MM-DD` (e.g. `2019-06-14`), between 1949-10-01 and
/// 2100-12-31 unless the server is configured otherwise.
#[Scalar(name = "Date", specified_by_url = "https://www.rfc-editor.org/rfc/rfc3339#section-5.6")]
impl ScalarType for Date {
    fn parse(value: Value) -> InputValueResult<Self> {
        let Value::String(text) = &value else { return Err(InputValueError::expected_type(value)) };
        let well_formed = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .filter(|_| well_formed)
            .ok_or_else(|| InputValueError::custom("expected a calendar date as YYYY-MM-DD"))?;
        let (earliest, latest) = date_range();
        if date < earliest || date > latest {
            return Err(InputValueError::custom(format!("a date must lie between {earliest} and {latest}")));
        }
        Ok(Date(date))
    }

    fn is_valid(value: &Value) -> bool {
        Self::parse(value.clone()).is_ok()
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.format("%Y-%m-%d").to_string())
    }
}

/// An instant in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateTime(pub chrono::DateTime<Utc>);

/// An instant in RFC 3339 form, always in UTC (e.g. `2026-11-29T03:27:01Z`).
#[Scalar(name = "DateTime", specified_by_url = "https://www.rfc-editor.org/rfc/rfc3339#section-5.6")]
impl ScalarType for DateTime {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(text) => chrono::DateTime::parse_from_rfc3339(text)
                .map(|instant| DateTime(instant.with_timezone(&Utc)))
                .map_err(|_| InputValueError::custom("expected an RFC 3339 date-time")),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn is_valid(value: &Value) -> bool {
        Self::parse(value.clone()).is_ok()
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.to_rfc3339_opts(SecondsFormat::Secs, true))
    }
}

/// An exact decimal number (money in yuan, hours …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Decimal(pub rust_decimal::Decimal);

impl Decimal {
    /// An amount in yuan from fen.
    pub fn from_fen(fen: i64) -> Self {
        Decimal(rust_decimal::Decimal::new(fen, 2))
    }

    /// The amount in fen; `field` names the input when it has more than two decimals or is too
    /// large.
    pub fn to_fen(self, field: &str) -> crate::error::AppResult<i64> {
        use rust_decimal::prelude::ToPrimitive;
        let fen = self.0 * rust_decimal::Decimal::ONE_HUNDRED;
        match fen.fract().is_zero().then(|| fen.to_i64()).flatten() {
            Some(fen) => Ok(fen),
            None => Err(crate::error::AppError::bad_argument(field, crate::error::Reason::MoneyFen)),
        }
    }
}

/// An exact decimal number as a string, e.g. `"1234.56"` (money in yuan, hours), so JSON never
/// rounds it.
#[Scalar(name = "Decimal", specified_by_url = "https://www.w3.org/TR/xmlschema11-2/#decimal")]
impl ScalarType for Decimal {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(text) => text
                .trim()
                .parse::<rust_decimal::Decimal>()
                .map(Decimal)
                .map_err(|_| InputValueError::custom("expected a decimal number as a string, e.g. \"12.50\"")),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn is_valid(value: &Value) -> bool {
        Self::parse(value.clone()).is_ok()
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.normalize().to_string())
    }
}
