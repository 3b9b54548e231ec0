//! `Dashboard.recordTrend(months)`: the records decided in each of the last months up to `asOf`
//! (revoked ones left out), every month listed.

use std::collections::HashMap;

use async_graphql::SimpleObject;
use chrono::{Datelike, Months, NaiveDate};
use entity::enums::{Polarity, Severity};
use sea_orm::ConnectionTrait;

use super::rollup_reads::{by_month, RollupScope};
use crate::{error::AppResult, store::rollups::month_of};

/// The records decided in one month.
#[derive(SimpleObject, Clone, Default)]
pub struct MonthRecords {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// Dishonesty records decided, MINOR.
    pub minor: i64,
    /// Dishonesty records decided, GENERAL.
    pub general: i64,
    /// Dishonesty records decided, SERIOUS.
    pub serious: i64,
    /// All dishonesty records decided.
    pub dishonesty: i64,
    /// Honours decided.
    pub honours: i64,
}

/// The `months` months ending with `as_of`'s, oldest first, in one statement.
pub async fn record_trend<C: ConnectionTrait>(
    db: &C,
    scope: &RollupScope,
    as_of: NaiveDate,
    months: u32,
) -> AppResult<Vec<MonthRecords>> {
    let last = as_of.with_day(1).unwrap_or(as_of);
    let first = last.checked_sub_months(Months::new(months.saturating_sub(1))).unwrap_or(last);
    let mut found: HashMap<i32, MonthRecords> = HashMap::new();
    for (month, polarity, severity, count) in by_month(db, scope, month_of(first), month_of(last)).await? {
        let row = found.entry(month).or_default();
        match polarity {
            Polarity::Honor => row.honours += count,
            Polarity::Dishonesty => {
                row.dishonesty += count;
                match severity {
                    Severity::Minor => row.minor += count,
                    Severity::General => row.general += count,
                    Severity::Serious => row.serious += count,
                }
            }
        }
    }
    Ok((0..months)
        .filter_map(|step| first.checked_add_months(Months::new(step)))
        .map(|day| MonthRecords {
            month: format!("{:04}-{:02}", day.year(), day.month()),
            ..found.remove(&month_of(day)).unwrap_or_default()
        })
        .collect())
}
